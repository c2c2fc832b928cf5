// Real workflows that run claude-code-action, kept outside this repository (the shared conformance corpus, found by
// test/helpers/shared.ts). Each fact below was checked by reading the file: the line of the Claude step's `uses:`,
// the inputs it sets, what the job env holds. Skipped, and the run says so, when the folder is absent.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/logger.js';
import type { Report } from '../src/model.js';
import { resolveOptions } from '../src/policy/options.js';
import { analyseTree } from '../src/scan.js';
import type { Scope } from '../src/scope/scope.js';
import { CONFORMANCE_DIR, CORPUS_PARTS, corpusMissing } from './helpers/shared.js';

const CORPUS = path.join(CONFORMANCE_DIR, CORPUS_PARTS.workflows);

const FILES = {
  example: 'anthropics__claude-code-action__examples__claude.yml',
  triage: 'anthropics__claude-code-action__issue-triage.yml',
  pinned: 'jakelawllm__claude-settings__claude.yml',
  bedrock: 'pytorch__pytorch__claude-autorevert-advisor.yml',
  gateway: 'yukyu30__lolipop-ai-gateway-demo-actions__claude-code-review.yml',
} as const;

const wf = (name: string) => `.github/workflows/${name}`;

describe.skipIf(corpusMissing(CORPUS_PARTS.workflows) !== undefined)(
  'real-world claude-code-action workflows',
  () => {
    let root: string;
    let report: Report;
    let scopes: Scope[];

    beforeAll(async () => {
      root = mkdtempSync(path.join(tmpdir(), 'ccp-conformance-'));
      mkdirSync(path.join(root, '.github/workflows'), { recursive: true });
      for (const name of Object.values(FILES))
        copyFileSync(path.join(CORPUS, name), path.join(root, wf(name)));
      const analysis = await analyseTree(resolveOptions({ path: root, gitignore: false }), {
        cwd: process.cwd(),
        logger: silentLogger,
        now: new Date('2026-11-22T00:00:00Z'),
      });
      report = analysis.report;
      scopes = analysis.scopes;
    });

    afterAll(() => rmSync(root, { recursive: true, force: true }));

    const of = (name: string, ruleId?: string) =>
      report.findings
        .filter((f) => f.file === wf(name) && (ruleId === undefined || f.ruleId === ruleId))
        .map((f) => [f.ruleId, f.line, f.severity]);

    it('finds one workflow scope per Claude step, anchored on its uses: line', () => {
      expect(scopes.map((s) => [s.id, s.kind, s.anchor.line])).toEqual([
        [`${wf(FILES.example)}#jobs.claude.steps[1]`, 'workflow', 35],
        [`${wf(FILES.triage)}#jobs.triage-issue.steps[1]`, 'workflow', 25],
        [`${wf(FILES.pinned)}#jobs.claude.steps[1]`, 'workflow', 40],
        [`${wf(FILES.bedrock)}#jobs.analyze.steps[3]`, 'workflow', 48],
        [`${wf(FILES.gateway)}#jobs.claude-review.steps[1]`, 'workflow', 38],
      ]);
    });

    it('parses every file: no syntax finding, and no secret (keys come from ${{ secrets.* }} and ${{ vars.* }})', () => {
      expect(report.findings.filter((f) => f.policy === 'hygiene')).toEqual([]);
    });

    it('the official example (settings only in comments) leaves non-essential traffic on', () => {
      // One root cause, one finding: NET001 names update checks and surveys too; ZDR004 is a report note.
      expect(of(FILES.example)).toEqual([
        ['NET001', 35, 'error'],
        ['NET005', 35, 'notice'],
      ]);
    });

    it('the triage workflow (@main, step env CLAUDE_CODE_SCRIPT_CAPS on line 27) is a bare first-party step', () => {
      const scope = scopes.find((s) => s.id.startsWith(wf(FILES.triage)))!;
      expect(scope.env.get('CLAUDE_CODE_SCRIPT_CAPS')?.location.line).toBe(27);
      expect(of(FILES.triage, 'NET001')).toEqual([['NET001', 25, 'error']]);
    });

    it('the SHA-pinned workflow is read like @v1', () => {
      expect(of(FILES.pinned, 'NET001')).toEqual([['NET001', 40, 'error']]);
    });

    it('pytorch: use_bedrock "true" (line 51) is ZDR001, and Bedrock turns telemetry, error reports and /bug off', () => {
      expect(of(FILES.bedrock)).toEqual([
        ['NET002', 48, 'warning'],
        ['NET004', 48, 'notice'],
        ['NET005', 48, 'notice'],
        ['ZDR001', 51, 'error'],
      ]);
      const scope = scopes.find((s) => s.id.startsWith(wf(FILES.bedrock)))!;
      // settings: '{"alwaysThinkingEnabled": true}' on line 56, single-quoted inline JSON.
      expect(scope.settings.get('alwaysThinkingEnabled')).toMatchObject({
        value: true,
        location: { line: 56, column: 23 },
      });
    });

    it('yukyu30: the job-level gateway (line 23) is ZDR006; the block-scalar settings env lands on lines 46–49', () => {
      expect(of(FILES.gateway, 'ZDR006')).toEqual([['ZDR006', 23, 'warning']]);
      expect(of(FILES.gateway, 'NET001')).toEqual([['NET001', 38, 'error']]);
      const scope = scopes.find((s) => s.id.startsWith(wf(FILES.gateway)))!;
      expect(
        [
          'CLAUDE_CODE_DISABLE_THINKING',
          'MAX_THINKING_TOKENS',
          'CLAUDE_CODE_MAX_OUTPUT_TOKENS',
          'CLAUDE_CODE_MAX_TOOL_USE_CONCURRENCY',
        ].map((name) => [scope.env.get(name)?.value, scope.env.get(name)?.location.line]),
      ).toEqual([
        ['1', 46],
        ['0', 47],
        ['4096', 48],
        ['2', 49],
      ]);
    });
  },
);
