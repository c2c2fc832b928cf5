// One schema for the options of a scan, whoever gives them: CLI flags and Action inputs build the same raw
// object (a missing or empty value means "not given") and go through `resolveOptions`.
import '../zod.js';
import { z } from 'zod';
import { ConfigurationError } from '../errors.js';
import { FAIL_LEVELS, type FailLevel, POLICIES, type PolicyId, SEVERITIES, type Severity } from '../model.js';
import type { IgnoreEntry } from './suppress.js';
import { parseVersion } from '../scope/versions.js';
import type { CodeMode } from '../discover/code-files.js';

export const CODE_MODES: readonly CodeMode[] = ['off', 'auto', 'all'];

export const DEFAULT_MAX_RETENTION_DAYS = 30;
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

/** What the user gave, as strings and lists; `undefined` means not given. */
export interface RawOptions {
  path?: string;
  policy?: string | string[];
  failOn?: string;
  config?: string;
  zdrOrgUuid?: string;
  allowedBaseUrls?: string[];
  maxRetentionDays?: string | number;
  maxFileSize?: string | number;
  include?: string[];
  exclude?: string[];
  gitignore?: boolean;
  require?: string | string[];
  minClaudeCodeVersion?: string;
  code?: string;
}

export type RuleSeverityOverride = Severity | 'off';

/**
 * Opt-in requirements on the repository itself. `project-settings`: Claude Code can be started in any repository,
 * so the repository must have a shared `.claude/settings.json` at its root that meets the selected policies.
 */
export const REQUIREMENTS = ['project-settings'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

export interface ScanOptions {
  /** The root to scan, as given (resolved against the working directory by the adapter). */
  path: string;
  policies: PolicyId[];
  failOn: FailLevel;
  zdrOrgUuid: string | undefined;
  allowedBaseUrls: string[];
  maxRetentionDays: number;
  maxFileSize: number;
  include: string[];
  exclude: string[];
  gitignore: boolean;
  /** The oldest Claude Code version in use; undefined: every version counts (the worst case applies). */
  minClaudeCodeVersion: string | undefined;
  /** Which source files the code check reads under the zdr policy: none, those under an SDK manifest, or all. */
  code: CodeMode;
  /** Per-rule severity from a config file; `off` disables the rule. */
  rules: Record<string, RuleSeverityOverride>;
  /** Opt-in requirements (`--require`, config `require:`, the Action's `require` input). */
  require: Requirement[];
  /** Suppressions from a config file's `ignore:` (validated there, with their file and line). */
  ignore: IgnoreEntry[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], name: string) {
  return z.string().refine((v): v is T => (values as readonly string[]).includes(v), {
    message: `${name} must be one of ${values.join(', ')}`,
  });
}

const positiveInteger = (name: string) => {
  const message = `${name} must be a whole number of at least 1`;
  return (
    z
      // Neither a number nor a string (a list, a map, `true`) gets the same message as a bad number.
      .union([z.number(), z.string()], { error: message })
      // A blank string reads as 0, which the check below refuses like any number under 1.
      .transform((v) => Number(v))
      .refine((n) => Number.isInteger(n) && n >= 1, { message })
  );
};

const urlString = z.string().refine(
  (v) => {
    try {
      const url = new URL(v);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  },
  { message: 'allowed-base-url must be an http(s) URL such as https://llm-gateway.example.com' },
);

export const optionsSchema = z.object({
  path: z.string().default('.'),
  policy: z
    .array(oneOf(POLICIES, 'policy'))
    .min(1, { message: `policy must name at least one of ${POLICIES.join(', ')}` })
    .default([...POLICIES]),
  failOn: oneOf(FAIL_LEVELS, 'fail-on').default('error'),
  zdrOrgUuid: z.string().regex(UUID, { message: 'zdr-org-uuid must be a UUID' }).optional(),
  allowedBaseUrls: z.array(urlString).default([]),
  maxRetentionDays: positiveInteger('max-retention-days').default(DEFAULT_MAX_RETENTION_DAYS),
  maxFileSize: positiveInteger('max-file-size').default(DEFAULT_MAX_FILE_SIZE),
  include: z.array(z.string().min(1)).default([]),
  exclude: z.array(z.string().min(1)).default([]),
  gitignore: z.boolean().default(true),
  require: z.array(oneOf(REQUIREMENTS, 'require')).default([]),
  minClaudeCodeVersion: z
    .string()
    .trim()
    .refine((v) => parseVersion(v) !== undefined, {
      message: 'min-claude-code-version must be a Claude Code version such as 2.1.282',
    })
    .transform((v) => v.replace(/^v/, ''))
    .optional(),
  code: oneOf(CODE_MODES, 'code').default('auto'),
  rules: z.record(z.string(), z.enum([...SEVERITIES, 'off'])).default({}),
  ignore: z.array(z.custom<IgnoreEntry>()).default([]),
});

/**
 * Split `a,b` (or one item a line) and trim; an empty string or list counts as not given. Globs are split on
 * new lines only (pass `/\n/`), so that a brace glob such as `{a,b}/**` stays whole.
 */
export function splitList(value: string | string[] | undefined, separators = /[,\n]/): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = (Array.isArray(value) ? value : [value])
    .flatMap((v) => v.split(separators))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return parts.length === 0 ? undefined : parts;
}

function given<T>(value: T | undefined | ''): T | undefined {
  return value === '' ? undefined : value;
}

/**
 * Validate what the user gave, layered over a config file's values (which layer under it).
 * Throws a ConfigurationError naming the first bad option.
 */
export function resolveOptions(raw: RawOptions, fromConfig: Partial<ScanOptions> = {}): ScanOptions {
  const input = {
    path: given(raw.path) ?? fromConfig.path,
    policy: splitList(raw.policy) ?? fromConfig.policies,
    failOn: given(raw.failOn?.trim()) ?? fromConfig.failOn,
    zdrOrgUuid: given(raw.zdrOrgUuid?.trim()) ?? fromConfig.zdrOrgUuid,
    allowedBaseUrls: splitList(raw.allowedBaseUrls) ?? fromConfig.allowedBaseUrls,
    maxRetentionDays: given(raw.maxRetentionDays) ?? fromConfig.maxRetentionDays,
    maxFileSize: given(raw.maxFileSize) ?? fromConfig.maxFileSize,
    include: splitList(raw.include, /\n/) ?? fromConfig.include,
    exclude: splitList(raw.exclude, /\n/) ?? fromConfig.exclude,
    gitignore: raw.gitignore ?? fromConfig.gitignore,
    require: splitList(raw.require) ?? fromConfig.require,
    minClaudeCodeVersion: given(raw.minClaudeCodeVersion?.trim()) ?? fromConfig.minClaudeCodeVersion,
    code: given(raw.code?.trim()) ?? fromConfig.code,
    rules: fromConfig.rules,
    ignore: fromConfig.ignore,
  };
  const result = optionsSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigurationError(issue.message);
  }
  const { policy, require, ...rest } = result.data;
  return {
    ...rest,
    require: [...new Set(require)] as Requirement[],
    zdrOrgUuid: rest.zdrOrgUuid,
    minClaudeCodeVersion: rest.minClaudeCodeVersion,
    policies: [...new Set(policy)] as PolicyId[],
    failOn: rest.failOn as FailLevel,
    code: rest.code as CodeMode,
  };
}
