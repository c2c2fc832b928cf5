// Real code nobody here wrote: the official SDKs' examples (Anthropic's, and OpenAI's as negatives). A few of
// Anthropic's (MIT) are kept as test data in test/fixtures/repos/real-anthropic-sdk-examples (see its NOTICE.md).
// The rest are recorded here as facts (repository, commit, file, line, expected finding) and checked when the
// examples are on disk: set CLAUDE_CODE_POLICY_REAL_CODE to a directory holding `<owner>+<repo>/examples/` (for
// example from `git archive <commit> examples`); otherwise the test says why it skipped.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../src/logger.js';
import { resolveOptions } from '../src/policy/options.js';
import { scan } from '../src/scan.js';

const ROOT = process.env.CLAUDE_CODE_POLICY_REAL_CODE;

/** Every finding the code check must report in each repository's examples/ (and nothing else). */
const FACTS: Record<string, { commit: string; findings: string[] }> = {
  'anthropics+anthropic-sdk-python': {
    commit: '009b035305e0724ce108ebd796935f91711fc6e1',
    findings: [
      'ZDR016 examples/agents.py:12',
      'ZDR016 examples/agents.py:18',
      'ZDR016 examples/agents.py:25',
      'ZDR016 examples/agents_comprehensive.py:25',
      'ZDR016 examples/agents_comprehensive.py:31',
      'ZDR012 examples/agents_comprehensive.py:48',
      'ZDR016 examples/agents_comprehensive.py:55',
      'ZDR014 examples/agents_comprehensive.py:59',
      'ZDR016 examples/agents_comprehensive.py:92',
      'ZDR016 examples/agents_with_files.py:13',
      'ZDR016 examples/agents_with_files.py:19',
      'ZDR011 examples/agents_with_files.py:35',
      'ZDR016 examples/agents_with_files.py:41',
      'ZDR018 examples/fallbacks.py:13',
      'ZDR018 examples/fallbacks.py:33',
      'ZDR018 examples/fallbacks.py:51',
      'ZDR016 examples/managed-agents-observe-tool-calls.py:67',
      'ZDR016 examples/managed-agents-observe-tool-calls.py:78',
      'ZDR016 examples/managed-agents-self-hosted-sandbox-worker.py:72',
      'ZDR016 examples/managed-agents-self-hosted-sandbox-worker.py:83',
      'ZDR016 examples/managed-agents-streaming-deltas-manual.py:25',
      'ZDR016 examples/managed-agents-streaming-deltas-manual.py:30',
      'ZDR016 examples/managed-agents-streaming-deltas-manual.py:36',
    ],
  },
  'anthropics+anthropic-sdk-typescript': {
    commit: 'bfa9197f0182084941052be9752c948638421601',
    findings: [
      'ZDR016 examples/agents-comprehensive.ts:23',
      'ZDR016 examples/agents-comprehensive.ts:29',
      'ZDR012 examples/agents-comprehensive.ts:46',
      'ZDR016 examples/agents-comprehensive.ts:53',
      'ZDR014 examples/agents-comprehensive.ts:57',
      'ZDR016 examples/agents-comprehensive.ts:89',
      'ZDR016 examples/agents-with-files.ts:11',
      'ZDR016 examples/agents-with-files.ts:17',
      'ZDR011 examples/agents-with-files.ts:33',
      'ZDR016 examples/agents-with-files.ts:39',
      'ZDR016 examples/agents.ts:9',
      'ZDR016 examples/agents.ts:15',
      'ZDR016 examples/agents.ts:22',
      'ZDR018 examples/fallbacks.ts:11',
      'ZDR018 examples/fallbacks.ts:31',
      'ZDR018 examples/fallbacks.ts:50',
      'ZDR016 examples/managed-agents-observe-tool-calls.ts:72',
      'ZDR016 examples/managed-agents-observe-tool-calls.ts:88',
      'ZDR016 examples/managed-agents-self-hosted-sandbox-worker.ts:47',
      'ZDR016 examples/managed-agents-self-hosted-sandbox-worker.ts:64',
      'ZDR016 examples/managed-agents-streaming-deltas-manual.ts:15',
      'ZDR016 examples/managed-agents-streaming-deltas-manual.ts:20',
      'ZDR016 examples/managed-agents-streaming-deltas-manual.ts:26',
      'ZDR014 examples/mcp.ts:12',
    ],
  },
  // OpenAI's examples call batches, files and assistants of their own: none is an Anthropic call.
  'openai+openai-python': { commit: 'e43b422412a9e96c9cc5192c61fffbe2d7e04836', findings: [] },
  'openai+openai-node': { commit: '7b7d6ca71130d37ec09792c50056b47861f2eccf', findings: [] },
};

describe('real code', () => {
  const reachable = ROOT !== undefined && existsSync(ROOT);
  if (!reachable) {
    it.skip(`needs CLAUDE_CODE_POLICY_REAL_CODE (a directory of <owner>+<repo>/examples): ${ROOT ?? 'not set'}`, () => {});
    return;
  }
  it.each(Object.entries(FACTS))('%s', async (repo, facts) => {
    const dir = path.join(ROOT, repo);
    if (!existsSync(path.join(dir, 'examples'))) {
      console.log(`skipped ${repo}: ${dir}/examples is absent (git archive ${facts.commit} examples)`);
      return;
    }
    const report = await scan(resolveOptions({ path: dir, code: 'all', policy: 'zdr' }), {
      cwd: dir,
      logger: silentLogger,
    });
    expect(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(facts.findings);
  });
});
