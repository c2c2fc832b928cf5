// The release machinery: the reusable workflow offers the action's inputs and passes each through, every workflow
// pins its actions by commit SHA, and the release helpers find the CHANGELOG section and pin the action.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error: a plain JavaScript module of the build scripts, without type declarations.
import { changelogSection, pinAction, pinnedSha } from '../scripts/release-tools.mjs';
import { REPO_ROOT } from './helpers/runner.js';

type Input = { description: string; default?: string | boolean; type?: string };
const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, Input>;
};
const reusableText = readFileSync(join(REPO_ROOT, '.github/workflows/claude-code-policy.yml'), 'utf8');
const reusable = parse(reusableText) as {
  on: { workflow_call: { inputs: Record<string, Input> } };
  jobs: { check: { steps: { id?: string; uses?: string; with?: Record<string, string> }[] } };
};

describe('the reusable workflow', () => {
  const inputs = reusable.on.workflow_call.inputs;

  it("offers the action's inputs (its token is the caller's), with their defaults, and upload-sarif", () => {
    const passed = Object.keys(action.inputs).filter((name) => name !== 'github-token');
    expect(Object.keys(inputs)).toEqual([...passed, 'upload-sarif']);
    for (const name of passed) {
      const { default: value, type } = inputs[name]!;
      expect([name, String(value)], name).toEqual([name, action.inputs[name]!.default]);
      expect(type, name).toBe(['annotations', 'summary', 'comment'].includes(name) ? 'boolean' : 'string');
    }
    expect(inputs['upload-sarif']).toMatchObject({ type: 'boolean', default: false });
  });

  it('passes every input to the action step', () => {
    const step = reusable.jobs.check.steps.find((s) => s.id === 'check')!;
    expect(step.uses).toMatch(/^claude-code-policy\/claude-code-policy@[0-9a-f]{40}$/);
    for (const name of Object.keys(inputs).filter((n) => n !== 'upload-sarif' && n !== 'sarif-file'))
      expect(step.with![name], name).toBe(`\${{ inputs.${name} }}`);
    expect(step.with!['sarif-file']).toBe(
      "${{ inputs.sarif-file || (inputs.upload-sarif && 'claude-code-policy.sarif' || '') }}",
    );
  });
});

describe('every workflow', () => {
  const dir = join(REPO_ROOT, '.github/workflows');
  it.each(readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)))('%s pins each action by commit SHA', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const uses = [...text.matchAll(/^\s*(?:- )?uses: (\S+)/gm)].map((m) => m[1]!);
    expect(uses.filter((u) => !u.startsWith('./') && !/@[0-9a-f]{40}$/.test(u))).toEqual([]);
  });
});

describe('release tools', () => {
  const changelog = [
    '# Changelog',
    '',
    '## [Unreleased]',
    '',
    '## [1.2.0] - 2027-01-10',
    '',
    '### Added',
    '',
    '- NET005, as a warning.',
    '',
    '## [1.1.0] - 2026-12-01',
    '',
    '- Older.',
    '',
    '[1.2.0]: https://example.test/compare/v1.1.0...v1.2.0',
    '',
  ].join('\n');

  it('finds the section of a version, without its heading or the next one', () => {
    expect(changelogSection(changelog, '1.2.0')).toBe('### Added\n\n- NET005, as a warning.\n');
    expect(changelogSection(changelog, '1.1.0')).toBe('- Older.\n');
    expect(changelogSection(changelog, '1.2')).toBeUndefined();
    expect(changelogSection(changelog, 'Unreleased')).toBeUndefined();
  });

  it('has a section for the next release in CHANGELOG.md', () => {
    const text = readFileSync(join(REPO_ROOT, 'CHANGELOG.md'), 'utf8');
    expect(changelogSection(text, 'Unreleased')).toMatch(/### Added/);
  });

  it("pins the reusable workflow's action to a full SHA, with the version beside it", () => {
    const sha = 'a'.repeat(40);
    const pinned = pinAction(reusableText, sha, '1.2.0');
    expect(pinnedSha(pinned)).toBe(sha);
    expect(pinned).toContain(`uses: claude-code-policy/claude-code-policy@${sha} # v1.2.0\n`);
    expect(pinned.split('\n').length).toBe(reusableText.split('\n').length);
    expect(() => pinAction(reusableText, 'main', '1.2.0')).toThrow('not a full commit SHA: main');
  });
});
