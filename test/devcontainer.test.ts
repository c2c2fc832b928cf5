// Container scopes: a dev container that runs Claude Code gets containerEnv, then remoteEnv, then the project
// settings of the folder it opens. JSON with comments and trailing commas is allowed there.
import { describe, expect, it } from 'vitest';
import { devcontainerRoot, mentionsClaude } from '../src/scope/ci-scopes.js';
import { evaluate } from '../src/rules/evaluate.js';
import type { ParsedFile } from '../src/parse/files.js';
import { resolveScopes } from '../src/scope/scope.js';
import { RULES } from '../src/rules/index.js';
import { findingsOf, loadFile } from './support/files.js';

const DC = '.devcontainer/devcontainer.json';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

const load = loadFile;

const findings = (files: ParsedFile[], only?: string[]) => findingsOf(files, only);

const POLICY_RULES = RULES.filter((r) => !r.policies.includes('hygiene')).map((r) => r.id);

describe('container scope', () => {
  it('a remoteEnv CLAUDE_CODE_USE_VERTEX: "1" gives ZDR001 on that line', () => {
    const text = lines(
      '{',
      '  // Claude Code sandbox',
      '  "name": "claude-sandbox",',
      '  "remoteEnv": {',
      '    "CLAUDE_CODE_USE_VERTEX": "1",',
      '  },',
      '}',
    );
    expect(findings([load(DC, text)], ['ZDR001', 'CFG001'])).toEqual([
      { ruleId: 'ZDR001', file: DC, line: 5, severity: 'error' },
    ]);
  });

  it('layers containerEnv, then remoteEnv, then the root project settings', () => {
    const text = lines(
      '{',
      '  "features": { "ghcr.io/anthropics/devcontainer-features/claude-code:1": {} },',
      '  "containerEnv": {',
      '    "ANTHROPIC_BASE_URL": "https://container.example.com",',
      '    "DISABLE_AUTOUPDATER": "1",',
      '    "CLAUDE_CODE_ENABLE_TELEMETRY": "1"',
      '  },',
      '  "remoteEnv": {',
      '    "ANTHROPIC_BASE_URL": "https://remote.example.com",',
      '    "PATH": "${containerEnv:PATH}:/opt/bin"',
      '  }',
      '}',
    );
    const project = load('.claude/settings.json', '{ "env": { "CLAUDE_CODE_ENABLE_TELEMETRY": "0" } }\n');
    const scopes = resolveScopes([load(DC, text), project]);
    const container = scopes.find((s) => s.kind === 'container')!;
    expect(container.id).toBe(DC);
    expect(container.files).toEqual([DC, '.claude/settings.json']);
    // The folder's shared settings win over containerEnv: the one place to fix for this scope and the project's.
    expect(container.origin.line).toBe(3);
    expect([container.anchor.file, container.anchor.line]).toEqual(['.claude/settings.json', 1]);
    expect(container.fix).toEqual({
      file: '.claude/settings.json',
      syntax: 'json',
      where: 'under `env` in `.claude/settings.json`',
    });
    expect(
      [...container.env.values()].map((v) => [v.name, v.value, v.unknown, v.location.file, v.location.line]),
    ).toEqual([
      ['ANTHROPIC_BASE_URL', 'https://remote.example.com', false, DC, 9],
      ['DISABLE_AUTOUPDATER', '1', false, DC, 5],
      ['CLAUDE_CODE_ENABLE_TELEMETRY', '0', false, '.claude/settings.json', 1],
      ['PATH', '${containerEnv:PATH}:/opt/bin', true, DC, 10],
    ]);
  });

  it('points requirements nothing meets at containerEnv and writes the fix as JSON', () => {
    const text = lines(
      '{',
      '  "name": "Claude Code",',
      '  "containerEnv": {',
      '    "NODE_ENV": "development"',
      '  }',
      '}',
    );
    const out = evaluate({
      rules: RULES,
      files: [load(DC, text)],
      skipped: [],
      scopes: resolveScopes([load(DC, text)]),
      policies: ['nonessential-traffic'],
      options: { zdrOrgUuid: undefined, allowedBaseUrls: [], maxRetentionDays: 30 },
    });
    // NET005 (no skipWebFetchPreflight) is a settings key no file sets: reported where the container's environment
    // is declared, as NET001 is, not at line 1 of a file that may declare several.
    expect(out.map((f) => [f.ruleId, f.line])).toEqual([
      ['NET001', 3],
      ['NET005', 3],
    ]);
    expect(out[0]!.fix).toBe(
      `Add \`"CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1"\` under \`containerEnv\` in \`${DC}\`.`,
    );
  });

  it('treats ${localEnv:…} values as unknown: set for presence-only variables, warnings elsewhere, never a secret', () => {
    const text = lines(
      '{',
      '  "name": "claude",',
      '  "containerEnv": {',
      '    "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "${localEnv:QUIET}",',
      '    "CLAUDE_CODE_ENABLE_TELEMETRY": "${localEnv:TELEMETRY:0}",',
      '    "ANTHROPIC_API_KEY": "${localEnv:ANTHROPIC_API_KEY}"',
      '  }',
      '}',
    );
    expect(findings([load(DC, text)], ['NET001', 'NET002', 'ZDR002', 'SEC001'])).toEqual([
      { ruleId: 'ZDR002', file: DC, line: 5, severity: 'warning' },
    ]);
  });

  it.each([['.devcontainer.json'], ['.devcontainer/python/devcontainer.json']])('reads %s too', (path) => {
    const text = '{ "remoteEnv": { "CLAUDE_CODE_USE_VERTEX": "1" } }\n';
    expect(findings([load(path, text)], ['ZDR001'])).toEqual([
      { ruleId: 'ZDR001', file: path, line: 1, severity: 'error' },
    ]);
  });

  it('applies the project settings of the folder the container opens', () => {
    expect(devcontainerRoot('.devcontainer/devcontainer.json')).toBe('.');
    expect(devcontainerRoot('.devcontainer.json')).toBe('.');
    expect(devcontainerRoot('.devcontainer/py/devcontainer.json')).toBe('.');
    expect(devcontainerRoot('apps/web/.devcontainer/devcontainer.json')).toBe('apps/web');
    expect(devcontainerRoot('apps/web/.devcontainer.json')).toBe('apps/web');
    const dc = load('apps/web/.devcontainer/devcontainer.json', '{ "name": "claude" }\n');
    const compliant = load(
      'apps/web/.claude/settings.json',
      '{ "env": { "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" } }\n',
    );
    const elsewhere = load(
      '.claude/settings.json',
      '{ "env": { "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1" } }\n',
    );
    expect(findings([dc, compliant], ['NET001'])).toEqual([]);
    expect(findings([dc, elsewhere], ['NET001'])).toEqual([
      { ruleId: 'NET001', file: 'apps/web/.devcontainer/devcontainer.json', line: 1, severity: 'error' },
    ]);
  });

  it('is not a scope when nothing in it names Claude Code, so it gives no policy finding', () => {
    const text = lines(
      '{',
      '  "image": "mcr.microsoft.com/devcontainers/python:3",',
      '  "containerEnv": { "DO_NOT_TRACK": "0" }',
      '}',
    );
    expect(resolveScopes([load(DC, text)])).toEqual([]);
    expect(findings([load(DC, text)], POLICY_RULES)).toEqual([]);
  });

  it('recognises Claude Code by feature, extension, command or variable', () => {
    expect(
      mentionsClaude({ features: { 'ghcr.io/anthropics/devcontainer-features/claude-code:1': {} } }),
    ).toBe(true);
    expect(mentionsClaude({ customizations: { vscode: { extensions: ['anthropic.claude-code'] } } })).toBe(
      true,
    );
    expect(mentionsClaude({ postCreateCommand: 'npm install -g @anthropic-ai/claude-code' })).toBe(true);
    expect(mentionsClaude({ containerEnv: { CLAUDE_CONFIG_DIR: '/home/node/.claude' } })).toBe(true);
    expect(mentionsClaude({ image: 'node:20', containerEnv: { A: '1' } })).toBe(false);
  });

  it.each([['["anthropic.claude-code"]'], ['"claude"']])(
    'is not a scope when its top level is not an object, whatever it names: %s',
    (text) => {
      expect(resolveScopes([load(DC, `${text}\n`)])).toEqual([]);
    },
  );

  it('points requirements nothing meets at remoteEnv when there is no containerEnv', () => {
    const text = lines(
      '{',
      '  "name": "claude",',
      '  "remoteEnv": {',
      '    "NODE_ENV": "development"',
      '  }',
      '}',
    );
    const [scope] = resolveScopes([load(DC, text)]);
    expect(scope!.origin).toEqual({ file: DC, line: 3, column: 3, endLine: 3, endColumn: 14 });
    expect(findings([load(DC, text)], ['NET001'])).toEqual([
      { ruleId: 'NET001', file: DC, line: 3, severity: 'error' },
    ]);
  });

  it('reports a file that does not parse (CFG001) and makes no scope of it', () => {
    const text = lines(
      '{',
      '  "name": "claude",',
      '  "remoteEnv": {',
      '    "CLAUDE_CODE_USE_VERTEX": "1"',
      '  ',
      '}',
    );
    expect(resolveScopes([load(DC, text)])).toEqual([]);
    expect(findings([load(DC, text)])).toEqual([{ ruleId: 'CFG001', file: DC, line: 7, severity: 'error' }]);
  });

  it('reports a committed key in a dev container (SEC001)', () => {
    const text = lines(
      '{',
      '  "containerEnv": {',
      '    "ANTHROPIC_API_KEY": "abcdefghijklmnopqrstuvwxyz012345"',
      '  }',
      '}',
    );
    expect(findings([load(DC, text)], ['SEC001'])).toEqual([
      { ruleId: 'SEC001', file: DC, line: 3, severity: 'error' },
    ]);
  });
});
