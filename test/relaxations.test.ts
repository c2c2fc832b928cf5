// CFG010 (issue 9): what a pull request's own policy config would loosen becomes findings on its lines, and only
// the policy in force decides about them. The action-level proof, against the bundle, is in test/attacks.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report, SuppressedFinding } from '../src/model.js';
import { type LoadedConfig, parseConfig } from '../src/policy/config.js';
import { resolveOptions } from '../src/policy/options.js';
import { findRelaxations, inlineSuppressionRelaxations, type Relaxation } from '../src/policy/relaxations.js';
import { loadYaml } from '../src/parse/yaml.js';
import { renderPolicyChange } from '../src/report/relaxations.js';
import { withRelaxations } from '../src/scan.js';
import { manyFindingsReport } from './helpers/report.js';

const CONFIG = '.github/claude-code-policy.yml';
const NOW = new Date('2026-11-22T00:00:00Z');

beforeAll(async () => {
  await loadYaml();
});

function config(text: string): LoadedConfig {
  return { path: CONFIG, ...parseConfig(text, CONFIG, CONFIG) };
}

/** The relaxations of a PR config against the policy in force (both config texts; '' for none). */
function relaxations(inForceText: string, proposedText: string): Relaxation[] {
  const inForce = resolveOptions({ path: '.' }, config(inForceText).options);
  const proposed = config(proposedText);
  return findRelaxations(inForce, resolveOptions({ path: '.' }, proposed.options), proposed);
}

/** A scan that found nothing. */
function cleanReport(): Report {
  const empty = manyFindingsReport(0, '', () => '');
  return { ...empty, summary: { ...empty.summary, passed: true } };
}

/** A clean scan under the policy in force, with the relaxations added. */
function report(inForceText: string, found: readonly Relaxation[]): Report {
  const options = resolveOptions({ path: '.' }, config(inForceText).options);
  const clean = { ...cleanReport(), policies: options.policies, failOn: options.failOn };
  return withRelaxations(clean, found, options, 'the base commit abc1234', NOW);
}

const PR_CONFIG = [
  'policy: [hygiene]', // 1
  'fail-on: never', // 2
  'rules:', // 3
  '  NET001: off', // 4
  '  ZDR004: notice', // 5
  'ignore:', // 6
  '  - rule: SEC001', // 7
  '    path: "**"',
  '    reason: fixtures',
  '',
].join('\n');

describe('findRelaxations', () => {
  it('points each loosening at the key that makes it, line and columns', () => {
    expect(
      relaxations('', PR_CONFIG).map((r) => [r.kind, r.file, r.line, r.column, r.endColumn, r.text]),
    ).toEqual([
      ['config', CONFIG, 4, 3, 9, 'rule NET001 turned off'],
      ['config', CONFIG, 5, 3, 9, 'rule ZDR004 lowered to notice'],
      ['config', CONFIG, 1, 1, 7, 'policies removed: nonessential-traffic, zdr'],
      ['config', CONFIG, 2, 1, 8, 'fail-on lowered from error to never'],
      ['config', CONFIG, 7, 5, 17, 'new ignore entry: SEC001 on "**" (reason: "fixtures")'],
    ]);
  });
});

const UUID_A = '3f1c2a9e-5b7d-4e21-9c8a-0d6f4b2e7a11';
const UUID_B = '9d2e4f60-1a3b-4c5d-8e7f-a0b1c2d3e4f5';

/** Each relaxation as `line:column-endColumn text`. */
const where = (found: readonly Relaxation[]) =>
  found.map((r) => `${r.line}:${r.column}-${r.endColumn} ${r.text}`);

describe('findRelaxations: the other keys of the config', () => {
  const IN_FORCE = [
    'include: [src/**, .github/**]',
    'exclude: [vendor/**]',
    'allowed-base-urls: [https://gw.example.com]',
    'max-retention-days: 14',
    `zdr-org-uuid: ${UUID_A}`,
    'ignore:',
    '  - rule: SEC001',
    '    path: fixtures/**',
    '    reason: fixtures',
    '',
  ].join('\n');

  it('names what each key adds or takes away, at the key', () => {
    const proposed = [
      'include: [src/**, lib/**]', // 1
      'exclude: [vendor/**, docs/**]', // 2
      'allowed-base-urls: [https://gw.example.com, https://other.example]', // 3
      'max-retention-days: 30', // 4
      `zdr-org-uuid: ${UUID_B}`, // 5
      'ignore:', // 6
      '  - rule: SEC001', // 7: the entry in force, again
      '    path: fixtures/**',
      '    reason: fixtures',
      '  - rule: NET001', // 10
      '    path: fixtures/**',
      '    reason: "say \\"why\\""',
      '',
    ].join('\n');
    expect(where(relaxations(IN_FORCE, proposed))).toEqual([
      '2:1-8 exclude widened: "docs/**"',
      '1:1-8 include changed, scanning less: "src/**", "lib/**"',
      '3:1-18 base URLs allowed: "https://other.example"',
      '4:1-19 retention ceiling raised from 14 to 30 days',
      `5:1-13 zdr-org-uuid changed to ${UUID_B}`,
      '10:5-17 new ignore entry: NET001 on "fixtures/**" (reason: "say \\"why\\"")',
    ]);
  });

  it('finds nothing when the same policy is written again, lists in another order', () => {
    const reordered = IN_FORCE.replace('[src/**, .github/**]', '[.github/**, src/**]');
    expect(relaxations(IN_FORCE, reordered)).toEqual([]);
  });

  it('finds nothing in what tightens: fewer exclusions and base URLs, a wider include, a shorter retention', () => {
    const tighter = [
      'include: [src/**, .github/**, lib/**]',
      'exclude: []',
      'allowed-base-urls: []',
      'max-retention-days: 7',
      `zdr-org-uuid: ${UUID_A}`,
      '',
    ].join('\n');
    expect(relaxations(IN_FORCE, tighter)).toEqual([]);
  });

  it('an include where there was none scans less; dropping the include scans more', () => {
    expect(where(relaxations('', 'include: [src/**]\n'))).toEqual([
      '1:1-8 include changed, scanning less: "src/**"',
    ]);
    expect(relaxations('include: [src/**]\n', 'fail-on: error\n')).toEqual([]);
  });

  it('removing the zdr-org-uuid in force is a relaxation; adding one is not', () => {
    expect(where(relaxations(`zdr-org-uuid: ${UUID_A}\n`, 'fail-on: error\n'))).toEqual([
      '1:1-1 zdr-org-uuid removed',
    ]);
    expect(relaxations('', `zdr-org-uuid: ${UUID_A}\n`)).toEqual([]);
  });
});

describe('withRelaxations', () => {
  it('adds one CFG010 warning per relaxation, sorted by line, counted in the summary', () => {
    const result = report('', relaxations('', PR_CONFIG));
    expect(result.findings.map((f) => [f.ruleId, f.file, f.line, f.column, f.severity, f.policy])).toEqual([
      ['CFG010', CONFIG, 1, 1, 'warning', 'hygiene'],
      ['CFG010', CONFIG, 2, 1, 'warning', 'hygiene'],
      ['CFG010', CONFIG, 4, 3, 'warning', 'hygiene'],
      ['CFG010', CONFIG, 5, 3, 'warning', 'hygiene'],
      ['CFG010', CONFIG, 7, 5, 'warning', 'hygiene'],
    ]);
    expect(result.findings[2]).toMatchObject({
      message:
        'This pull request would relax the policy: rule NET001 turned off. It takes effect after merge; this check used the policy from the base commit abc1234.',
      fix: 'Review line 4 of `.github/claude-code-policy.yml` as a change to the policy itself: revert it if it is not meant, or merge it only with the approval of whoever owns the policy.',
      docsUrl: expect.stringMatching(/\/docs\/rules\/CFG010\.md$/),
    });
    expect(result.summary).toMatchObject({ errors: 0, warnings: 5, notices: 0, passed: true });
  });

  it("weighs them against the policy in force's fail-on and severity", () => {
    const found = relaxations('', 'rules:\n  NET002: off\n');
    expect(report('fail-on: warning\n', found).summary).toMatchObject({ warnings: 1, passed: false });
    // The PR config must restate the in-force CFG010 line, or lowering it is itself a relaxation.
    const strict = 'rules:\n  CFG010: error\n';
    const raised = report(strict, relaxations(strict, 'rules:\n  CFG010: error\n  NET002: off\n'));
    expect(raised.findings.map((f) => [f.ruleId, f.line, f.severity])).toEqual([['CFG010', 3, 'error']]);
    expect(raised.summary).toMatchObject({ errors: 1, passed: false });
  });

  it('runs under any policy the policy in force selects', () => {
    const found = relaxations('policy: [zdr]\n', 'policy: [zdr]\nfail-on: never\n');
    expect(report('policy: [zdr]\n', found).findings.map((f) => [f.ruleId, f.line, f.policy])).toEqual([
      ['CFG010', 2, 'zdr'],
    ]);
  });

  it('is turned off, or suppressed, by the policy in force only', () => {
    const found = relaxations('', 'fail-on: never\n');
    const off = report('rules:\n  CFG010: off\n', found);
    expect(off.findings).toEqual([]);
    expect(off.summary.passed).toBe(true);

    const ignoring = `ignore:\n  - rule: CFG010\n    path: ".github/**"\n    reason: the policy team reviews these\n`;
    const suppressed = report(ignoring, found);
    expect(suppressed.findings).toEqual([]);
    expect(suppressed.suppressed.map((f) => [f.ruleId, f.file, f.line, f.suppressedBy])).toEqual([
      ['CFG010', CONFIG, 1, `${CONFIG}:2`],
    ]);
    expect(suppressed.summary.suppressed).toBe(1);

    const expired = `${ignoring}    until: 2026-01-01\n`;
    expect(report(expired, found).findings.map((f) => [f.ruleId, f.line])).toEqual([['CFG010', 1]]);
  });

  it('leaves the report as it is when nothing is relaxed', () => {
    const clean = report('', []);
    expect(clean.findings).toEqual([]);
    expect(report('', relaxations('fail-on: warning\n', 'fail-on: notice\n')).findings).toEqual([]);
  });

  it('a pull request that deletes the config: the loosening has no line', () => {
    const inForce = resolveOptions({ path: '.' }, config('fail-on: notice\n').options);
    const deleted: LoadedConfig = { path: undefined, options: {}, ignore: [], positions: {} };
    const found = findRelaxations(inForce, resolveOptions({ path: '.' }, {}), deleted);
    const result = withRelaxations(
      { ...cleanReport(), failOn: 'notice' },
      found,
      inForce,
      'the base commit abc1234',
      NOW,
    );
    expect(result.findings.map((f) => [f.ruleId, f.file, f.line, f.message, f.fix])).toEqual([
      [
        'CFG010',
        null,
        1,
        'This pull request would relax the policy: fail-on lowered from notice to error. It takes effect after merge; this check used the policy from the base commit abc1234.',
        'The pull request removes its policy config, so the defaults would apply after merge: restore the file, or merge it only with the approval of whoever owns the policy.',
      ],
    ]);
  });
});

describe('inlineSuppressionRelaxations', () => {
  const suppressedAt = (
    file: string,
    line: number,
    kind: 'inline' | 'config',
    columns?: { column: number; endColumn: number },
  ): SuppressedFinding => ({
    ...manyFindingsReport(1, 'm', () => '.').findings[0]!,
    reason: 'not ours',
    suppressedBy: `${file}:${line}`,
    suppressionKind: kind,
    ...(columns === undefined ? {} : { suppressionColumns: columns }),
  });

  it('lists inline comments on added lines, at the comment, and nothing else', () => {
    const added = new Map([
      ['.env', new Set([2])],
      [CONFIG, new Set([3])],
    ]);
    const found = inlineSuppressionRelaxations(
      [
        suppressedAt('.env', 2, 'inline', { column: 5, endColumn: 40 }),
        suppressedAt('.env', 2, 'inline', { column: 5, endColumn: 40 }), // the same comment again
        suppressedAt('.env', 7, 'inline'), // not added by the PR
        suppressedAt(CONFIG, 3, 'config'), // an ignore entry of the policy in force
      ],
      added,
      CONFIG,
    );
    expect(found.map((r) => [r.kind, r.file, r.line, r.column, r.endColumn])).toEqual([
      ['inline', '.env', 2, 5, 40],
    ]);
    expect(report('', found).findings.map((f) => [f.ruleId, f.file, f.line, f.column, f.fix])).toEqual([
      [
        'CFG010',
        '.env',
        2,
        5,
        'Fix the finding the comment on line 2 of `.env` hides and remove the comment, or merge it only with the approval of whoever owns the policy.',
      ],
    ]);
  });
});

describe('inlineSuppressionRelaxations: which comments count', () => {
  const suppressed = (suppressedBy: string, ruleId = 'NET001', reason = 'not ours'): SuppressedFinding => ({
    ...manyFindingsReport(1, 'm', () => '.').findings[0]!,
    ruleId,
    reason,
    suppressedBy,
    suppressionKind: 'inline',
  });
  const added = new Map([
    ['.env', new Set([2, 3])],
    ['a:b.env', new Set([4])],
    [CONFIG, new Set([1])],
  ]);

  it('each rule a comment silences, once, with its file, line and reason; columns 1 when unknown', () => {
    const found = inlineSuppressionRelaxations(
      [
        suppressed('.env:2', 'NET001', 'says "why"'),
        suppressed('.env:2', 'NET002'),
        suppressed('.env:2', 'NET001'),
        suppressed('.env:3'),
        suppressed('a:b.env:4'),
      ],
      added,
      CONFIG,
    );
    expect(found).toEqual([
      {
        text: 'new inline suppression of NET001 in .env (reason: "says \\"why\\"")',
        kind: 'inline',
        file: '.env',
        line: 2,
        column: 1,
        endColumn: 1,
      },
      {
        text: 'new inline suppression of NET002 in .env (reason: "not ours")',
        kind: 'inline',
        file: '.env',
        line: 2,
        column: 1,
        endColumn: 1,
      },
      {
        text: 'new inline suppression of NET001 in .env (reason: "not ours")',
        kind: 'inline',
        file: '.env',
        line: 3,
        column: 1,
        endColumn: 1,
      },
      {
        text: 'new inline suppression of NET001 in a:b.env (reason: "not ours")',
        kind: 'inline',
        file: 'a:b.env',
        line: 4,
        column: 1,
        endColumn: 1,
      },
    ]);
  });

  it('none for a comment in the config in force, on a line not added, or with no line to read', () => {
    expect(
      inlineSuppressionRelaxations(
        [
          suppressed(`${CONFIG}:1`),
          suppressed('.env:5'),
          suppressed('other.env:2'),
          suppressed('.env'),
          suppressed('.env:2.5'),
          suppressed('.env:x'),
        ],
        added,
        CONFIG,
      ),
    ).toEqual([]);
  });

  it('none for a place with no colon, even one whose digits would read as a file and a line', () => {
    const digits = new Map([['2', new Set([25])]]);
    expect(inlineSuppressionRelaxations([suppressed('25')], digits, CONFIG)).toEqual([]);
  });

  it('with no config in force, a comment in a file named like it still counts', () => {
    expect(where(inlineSuppressionRelaxations([suppressed(`${CONFIG}:1`)], added, undefined))).toEqual([
      `1:1-1 new inline suppression of NET001 in ${CONFIG} (reason: "not ours")`,
    ]);
  });
});

describe('the section that opens the summary and the comment', () => {
  const relaxation = (text: string, line: number, file: string | undefined = CONFIG): Relaxation => ({
    text,
    kind: 'config',
    file,
    line,
    column: 1,
    endColumn: 1,
  });

  it('is empty when nothing is loosened and the config was compared', () => {
    expect(
      renderPolicyChange({ origin: 'the base commit', file: CONFIG, relaxations: [], problem: undefined }),
    ).toBe('');
  });

  it('lists each relaxation with its line, escaped, and says it takes effect after merge', () => {
    expect(
      renderPolicyChange({
        origin: 'the base commit 2222222',
        file: CONFIG,
        relaxations: [
          relaxation('rule NET001 turned off', 3),
          relaxation('new ignore entry: SEC001 on "**" (reason: "*trust* @me")', 5),
          { ...relaxation('defaults would apply', 1), file: undefined },
        ],
        problem: undefined,
      }),
    ).toBe(
      [
        '### ⚠️ This pull request relaxes the policy',
        '',
        'The check ran with the policy from the base commit 2222222. ' +
          "The pull request's <code>.github/claude-code-policy.yml</code> would change it once merged:",
        '',
        '- rule NET001 turned off (line 3)',
        '- new ignore entry: SEC001 on "\\*\\*" (reason: "\\*trust\\* @&#8203;me") (line 5)',
        '- defaults would apply',
        '',
        'These changes take effect after merge: review them as a change to the policy itself.',
        '',
        '',
      ].join('\n'),
    );
  });

  it('says when the pull request’s config could not be compared, even with nothing else to list', () => {
    expect(
      renderPolicyChange({
        origin: 'a central policy',
        file: undefined,
        relaxations: [],
        problem: 'line 2: bad',
      }),
    ).toBe(
      [
        '### ⚠️ This pull request relaxes the policy',
        '',
        "The check ran with the policy from a central policy. The pull request's <code>the policy config</code> " +
          'would change it once merged:',
        '',
        '- its config could not be read, so it was not compared: line 2: bad',
        '',
        'These changes take effect after merge: review them as a change to the policy itself.',
        '',
        '',
      ].join('\n'),
    );
  });
});
