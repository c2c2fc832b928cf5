// `init` (SPEC §9): the settings a compliant repository needs for the chosen policies, written into a new
// `.claude/settings.json` (or `managed-settings.json`) or merged into the existing one by editing its text, so
// nothing already there is lost.
//
// Login pinning (ZDR004) is only enforced from managed settings, which device management deploys to each
// machine; in a project file forceLoginOrgUUID enforces nothing and blocks every API-key session (CI included) at
// startup (docs: authentication "Restrict login to your organization"). So a project init never writes it, and it
// records no suppression either: ZDR004 is reported in managed scopes only, and a reason the user did not give
// would be an unverified claim repeated by every report. It says so in one note instead.
import { yaml } from '../parse/yaml.js';
import { configSchemaUrl, parseConfig } from '../policy/config.js';
import { TOOL_VERSION } from '../version.js';
import { isPresenceOnly, looksLikeOff, NONESSENTIAL } from '../scope/env.js';
import { ConfigurationError } from '../errors.js';
import type { SettingsFile } from '../parse/files.js';
import {
  editSettingsText,
  type FileChange,
  type LoginMethod,
  newSettingsText,
  type SettingsEdit,
  uneditable,
} from './fix.js';
import type { PolicyId } from '../model.js';
import { parseJson } from '../parse/json.js';
import { createSourceFile } from '../discover/source.js';

export const PROJECT_SETTINGS_FILE = '.claude/settings.json';
export const MANAGED_SETTINGS_FILE = 'managed-settings.json';

export interface InitOptions {
  policies: PolicyId[];
  /** --policy was given: it is recorded in the config file so that later scans check the same policies. */
  policyGiven: boolean;
  managed: boolean;
  zdrOrgUuid: string | undefined;
  loginMethod: LoginMethod | undefined;
  maxRetentionDays: number;
}

export interface InitInput {
  /** The settings file to write, relative to the root, and its text when it exists (BOM removed). */
  settings: { path: string; text: string | undefined };
  /** The config file in use (or the default name), relative to the root, and its text when it exists. */
  config: { path: string; text: string | undefined };
}

export interface InitPlan {
  changes: FileChange[];
  /** Decisions a person should know about, one line each. */
  notes: string[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function settingsFile(path: string, text: string): SettingsFile {
  const source = createSourceFile(path, text);
  const json = parseJson(source);
  const value = json.value;
  return {
    kind: 'settings',
    role: 'project',
    source,
    json,
    settings: isPlainObject(value) ? value : undefined,
    validation: [],
  };
}

/** The edits that make `current` (the existing settings, or {}) compliant, and notes on what init leaves alone. */
function requiredEdits(
  current: Record<string, unknown>,
  options: InitOptions,
  path: string,
): { edits: SettingsEdit[]; notes: string[] } {
  const edits: SettingsEdit[] = [];
  const notes: string[] = [];
  const wants = (policy: PolicyId) => options.policies.includes(policy);
  const env = isPlainObject(current.env) ? current.env : {};

  // The umbrella variable covers NET001, NET002 and NET004, and NET001 is part of zdr too.
  if (wants('nonessential-traffic') || wants('zdr')) {
    const value = env[NONESSENTIAL];
    if (typeof value !== 'string' || value === '' || (isPresenceOnly(NONESSENTIAL) && looksLikeOff(value))) {
      edits.push({
        path: ['env', NONESSENTIAL],
        value: '1',
        change: value === undefined ? `added "${NONESSENTIAL}": "1" under env` : `set ${NONESSENTIAL} to "1"`,
      });
    }
  }

  // The WebFetch preflight is the one request the umbrella leaves on that a settings file can turn off (NET005).
  if (wants('nonessential-traffic') && current.skipWebFetchPreflight !== true) {
    edits.push({
      path: ['skipWebFetchPreflight'],
      value: true,
      change:
        current.skipWebFetchPreflight === undefined
          ? 'added "skipWebFetchPreflight": true'
          : 'set skipWebFetchPreflight to true',
    });
  }

  if (wants('zdr')) {
    const ceiling = options.maxRetentionDays;
    const days = current.cleanupPeriodDays;
    if (!(typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= ceiling)) {
      edits.push({
        path: ['cleanupPeriodDays'],
        value: ceiling,
        change:
          days === undefined
            ? `set cleanupPeriodDays to ${ceiling}`
            : `lowered cleanupPeriodDays from ${JSON.stringify(days)} to ${ceiling}`,
      });
    }
    if (options.managed) {
      const uuid = options.zdrOrgUuid;
      if (uuid === undefined) {
        throw new ConfigurationError(
          'init --managed for the zdr policy needs --zdr-org-uuid UUID: managed settings pin login to that organisation',
        );
      }
      const pinned = current.forceLoginOrgUUID;
      const values = (Array.isArray(pinned) ? pinned : [pinned]).filter(
        (v): v is string => typeof v === 'string',
      );
      if (pinned === undefined) {
        edits.push({
          path: ['forceLoginOrgUUID'],
          value: uuid,
          change: `added "forceLoginOrgUUID": "${uuid}"`,
        });
      } else if (!values.some((v) => v.trim().toLowerCase() === uuid.toLowerCase())) {
        notes.push(
          `${path}: forceLoginOrgUUID pins another organisation; left as it is (change it by hand if ${uuid} is the right one).`,
        );
      }
      const method = current.forceLoginMethod;
      if (method === undefined && options.loginMethod !== undefined) {
        edits.push({
          path: ['forceLoginMethod'],
          value: options.loginMethod,
          change: `added "forceLoginMethod": "${options.loginMethod}"`,
        });
      } else if (method === undefined) {
        notes.push(
          `${path}: forceLoginMethod not written: give --login-method claudeai (Claude for Enterprise) or console (Console API keys) to pin it too.`,
        );
      } else if (options.loginMethod !== undefined && method !== options.loginMethod) {
        notes.push(`${path}: forceLoginMethod is ${JSON.stringify(method)}; left as it is.`);
      }
    }
  }
  return { edits, notes };
}

/** What the config file records: the policies and the organisation given on the command line. */
function configChange(input: InitInput, options: InitOptions): { change?: FileChange; notes: string[] } {
  const { path, text } = input.config;
  if (text !== undefined) parseConfig(text, path, path);
  // parseConfig has checked the file (a mapping, valid keys); the document keeps its comments and layout.
  const doc = yaml().parseDocument(text ?? '');
  const changes: string[] = [];
  const notes: string[] = [];
  if (options.policyGiven && !doc.has('policy')) {
    doc.set('policy', doc.createNode(options.policies, { flow: true }));
    changes.push(`recorded policy: [${options.policies.join(', ')}] so that scans check the same policies`);
  }
  if (options.zdrOrgUuid !== undefined && !doc.has('zdr-org-uuid')) {
    doc.set('zdr-org-uuid', options.zdrOrgUuid);
    changes.push(`recorded zdr-org-uuid: ${options.zdrOrgUuid}`);
  }

  if (changes.length === 0) return { notes };
  const header =
    text === undefined
      ? `# yaml-language-server: $schema=${configSchemaUrl(TOOL_VERSION)}\n` +
        '# claude-code-policy configuration (see docs/configuration.md). Written by `claude-code-policy init`.\n'
      : '';
  const after = header + doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return { change: { file: path, before: text, after, changes }, notes };
}

/** What `init` writes: the settings file with the required keys, and the config file when it has something to record. */
export function planInit(input: InitInput, options: InitOptions): InitPlan {
  const { path, text } = input.settings;
  const changes: FileChange[] = [];
  let current: Record<string, unknown> = {};
  let file: SettingsFile | undefined;
  if (text !== undefined) {
    file = settingsFile(path, text);
    const reason = uneditable(file, ['env', NONESSENTIAL]);
    if (reason !== undefined)
      throw new ConfigurationError(`cannot merge into ${path}: ${reason}; correct it first`);
    current = file.settings!;
  }
  const { edits, notes } = requiredEdits(current, options, path);
  if (edits.length > 0) {
    if (file === undefined) {
      changes.push({
        file: path,
        before: undefined,
        after: newSettingsText(edits),
        changes: ['created the file', ...edits.map((e) => e.change)],
      });
    } else {
      changes.push({
        file: path,
        before: file.source.text,
        after: editSettingsText(file.source.text, edits),
        changes: edits.map((e) => e.change),
      });
    }
  }
  const config = configChange(input, options);
  if (config.change !== undefined) changes.push(config.change);
  if (changes.length > 0 && options.policies.includes('zdr') && !options.managed) {
    notes.push(
      `${path} cannot enforce the login pin (only managed settings can, and a project file that sets forceLoginOrgUUID blocks API-key sessions such as CI): Zero Data Retention also needs managed-settings.json deployed through device management (\`init --managed --zdr-org-uuid UUID\` writes one).`,
    );
  }
  return { changes, notes: [...notes, ...config.notes] };
}
