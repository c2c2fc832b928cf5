// The code check's stages on their own: which manifests declare an SDK, what counts as vendored, which files a
// walk (no git) reads under each mode, that grammars load only when a file of their language is parsed, and
// that suppressions in source comments behave like those in YAML (a marker in a string is not a comment).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CodePaths, codePathKind, declaresAnthropicSdk, isVendored } from '../src/discover/code-files.js';
import { silentLogger } from '../src/logger.js';
import { codeLanguage } from '../src/parse/code/code-file.js';
import { type RawOptions, resolveOptions } from '../src/policy/options.js';
import { scan } from '../src/scan.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ccp-code-'));
  dirs.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

async function findings(root: string, raw: RawOptions = {}) {
  const report = await scan(resolveOptions({ path: root, ...raw }), {
    cwd: root,
    logger: silentLogger,
    now: new Date('2026-11-22T00:00:00Z'),
  });
  return {
    report,
    found: report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column}`),
  };
}

const BATCH_TS =
  "import Anthropic from '@anthropic-ai/sdk';\nconst c = new Anthropic();\nawait c.messages.batches.create({ requests: [] });\n";
const SDK_PACKAGE = '{"dependencies":{"@anthropic-ai/sdk":"^0.120.0"}}\n';

describe('manifests', () => {
  it.each([
    ['package.json', SDK_PACKAGE, true],
    ['package.json', '{"devDependencies":{"@anthropic-ai/claude-agent-sdk":"1"}}', true],
    ['package.json', '{"dependencies":{"@anthropic-ai/sdk-tools":"1","openai":"5"}}', false],
    ['package.json', '{"description":"uses @anthropic-ai/sdk"}', false],
    ['package.json', '{not json', false],
    ['requirements.txt', 'requests\nanthropic==0.121.0\n', true],
    ['requirements-dev.txt', 'anthropic[vertex]>=0.50\n', true],
    ['requirements.txt', 'anthropic-tools==1\nopenai\n', false],
    ['pyproject.toml', '[project]\ndependencies = ["claude-agent-sdk>=0.1"]\n', true],
    ['pyproject.toml', '[project]\ndependencies = ["langchain-anthropic"]\n', false],
    ['go.mod', 'require github.com/anthropics/anthropic-sdk-go v1.60.0\n', true],
    ['pom.xml', '<artifactId>anthropic-java</artifactId>', true],
    ['build.gradle.kts', 'implementation("com.anthropic:anthropic-java:2.57.0")', true],
    ['Gemfile', 'gem "anthropic", "~> 1.65"\n', true],
    ['Gemfile', 'gem "anthropic-rb"\n', false],
    ['App.csproj', '<PackageReference Include="Anthropic" Version="12.38.0" />', true],
    ['composer.json', '{"require":{"anthropic-ai/sdk":"^0.43"}}', true],
  ])('%s %s → %s', (base, text, declared) => {
    expect(declaresAnthropicSdk(base, text)).toBe(declared);
  });
});

describe('what the code check reads', () => {
  it.each([
    ['src/app.ts', 'source'],
    ['src/app.d.ts', undefined],
    ['public/app.min.js', undefined],
    ['node_modules/x/index.js', undefined],
    ['vendor/lib/a.rb', undefined],
    ['third_party/a.go', undefined],
    ['.venv/lib/python3.12/site-packages/anthropic/x.py', undefined],
    ['venv-3.12/lib/x.py', undefined],
    ['dist/index.js', undefined],
    ['proto/a_pb2.py', undefined],
    ['environments/prod.py', 'source'],
    ['bin/deploy.sh', 'always'],
    ['notebooks/a.ipynb', 'always'],
    ['services/api/package.json', 'manifest'],
    ['README.md', undefined],
  ])('%s: %s', (file, kind) => {
    expect(codePathKind(file)).toBe(kind);
  });

  it('knows each language by its extension', () => {
    expect(
      [
        'a.ts',
        'a.tsx',
        'a.mjs',
        'a.py',
        'a.ipynb',
        'a.go',
        'a.java',
        'a.kts',
        'a.rb',
        'a.cs',
        'a.php',
        'a.bash',
      ].map(codeLanguage),
    ).toEqual([
      'typescript',
      'typescript',
      'javascript',
      'python',
      'notebook',
      'go',
      'java',
      'kotlin',
      'ruby',
      'csharp',
      'php',
      'shell',
    ]);
    expect(isVendored('src/third_party/x.ts')).toBe(true);
  });

  it('rejects a bad --code with a one-line reason', () => {
    expect(() => resolveOptions({ code: 'some' })).toThrow('code must be one of off, auto, all');
  });

  it('reads, in a walked tree (no git), only source under an SDK manifest, honouring .gitignore', async () => {
    const root = tree({
      'app/package.json': SDK_PACKAGE,
      'app/src/batch.ts': BATCH_TS,
      'app/src/generated/batch.ts': BATCH_TS,
      'app/.gitignore': 'generated/\n',
      'other/batch.ts': BATCH_TS,
      'scripts/submit.sh': 'curl -d @r.json https://api.anthropic.com/v1/messages/batches\n',
    });
    expect((await findings(root)).found).toEqual([
      'ZDR010 app/src/batch.ts:3:7',
      'ZDR010 scripts/submit.sh:1:1',
    ]);
    expect((await findings(root, { code: 'all' })).found).toEqual([
      'ZDR010 app/src/batch.ts:3:7',
      'ZDR010 other/batch.ts:3:7',
      'ZDR010 scripts/submit.sh:1:1',
    ]);
    expect((await findings(root, { code: 'all', gitignore: false })).found).toEqual([
      'ZDR010 app/src/batch.ts:3:7',
      'ZDR010 app/src/generated/batch.ts:3:7',
      'ZDR010 other/batch.ts:3:7',
      'ZDR010 scripts/submit.sh:1:1',
    ]);
    expect((await findings(root, { code: 'off' })).found).toEqual([]);
  });

  it('does not follow a source file that links out of the root', async () => {
    const outside = tree({ 'batch.ts': BATCH_TS });
    const root = tree({ 'package.json': SDK_PACKAGE });
    symlinkSync(path.join(outside, 'batch.ts'), path.join(root, 'linked.ts'));
    const { report, found } = await findings(root);
    expect(found).toEqual(['CFG008 linked.ts:1:1']);
    expect(report.files).toEqual([]);
  });
});

describe('grammars', () => {
  // Not in `npm run mutate`: re-importing the whole module graph inside a test runs every module's top-level code
  // (schemas, constants) under this one test, so Stryker takes each static mutant for one this test covers and
  // runs it against this test alone, where it always survives, instead of leaving it out (ignoreStatic).
  it.skipIf(process.env.CLAUDE_CODE_POLICY_MUTATION === '1')(
    'load only for the languages parsed',
    async () => {
      // A fresh module graph, so the grammars loaded by earlier test files in the same worker do not count.
      vi.resetModules();
      const grammars = await import('../src/parse/code/grammars.js');
      const fresh = await import('../src/scan.js');
      const options = await import('../src/policy/options.js');
      expect(grammars.loadedGrammars()).toEqual([]);
      const root = tree({
        Gemfile: 'gem "anthropic"\n',
        'a.rb': 'require "anthropic"\nAnthropic::Client.new.messages.batches.create(requests: [])\n',
      });
      const report = await fresh.scan(options.resolveOptions({ path: root }), {
        cwd: root,
        logger: silentLogger,
      });
      expect(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(['ZDR010 a.rb:2']);
      expect(grammars.loadedGrammars()).toEqual(['ruby']);
    },
  );
});

describe('ZDR022: the project settings an Agent SDK session skips', () => {
  const AGENT_PACKAGE = '{"dependencies":{"@anthropic-ai/claude-agent-sdk":"1"}}\n';
  const zdr022 = async (files: Record<string, string>, raw: RawOptions = {}) =>
    (await findings(tree(files), raw)).report.findings
      .filter((f) => f.ruleId === 'ZDR022')
      .map((f) => ({ file: f.file, line: f.line, message: f.message, fix: f.fix }));

  it('names the root .claude/settings.json for code at the root, and says no sources are listed', async () => {
    expect(
      await zdr022({
        'package.json': AGENT_PACKAGE,
        'agent.ts':
          "import { query } from '@anthropic-ai/claude-agent-sdk';\nquery({ prompt: 'x', options: { settingSources: [] } });\n",
        '.claude/settings.json': '{}\n',
      }),
    ).toEqual([
      {
        file: 'agent.ts',
        line: 2,
        message:
          'This Agent SDK session loads no setting sources: it skips `.claude/settings.json`, so the settings checked there do not apply to it.',
        fix: 'Add "project" to `settingSources` in `agent.ts` line 2, or set the required variables in the session\'s env.',
      },
    ]);
  });

  it('names the nearest project settings above the code, and the option as written without blanks', async () => {
    expect(
      await zdr022({
        'requirements.txt': 'claude-agent-sdk\n',
        'svc/agent.py':
          'from claude_agent_sdk import ClaudeAgentOptions\n\noptions = ClaudeAgentOptions(setting_sources = ["user"])\n',
        'svc/.claude/settings.json': '{}\n',
        '.claude/settings.json': '{}\n',
      }),
    ).toEqual([
      {
        file: 'svc/agent.py',
        line: 3,
        message:
          'This Agent SDK session loads only user: it skips `svc/.claude/settings.json`, so the settings checked there do not apply to it.',
        fix: 'Add "project" to `setting_sources` in `svc/agent.py` line 3, or set the required variables in the session\'s env.',
      },
    ]);
  });

  it("counts only project settings the scan checked, not an excluded file read as a step's settings input", async () => {
    const workflow = [
      'on: [issue_comment]',
      'jobs:',
      '  claude:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: anthropics/claude-code-action@v1',
      '        with:',
      '          settings: .claude/settings.json',
      '',
    ].join('\n');
    const files = {
      'requirements.txt': 'claude-agent-sdk\n',
      'agent.py':
        'from claude_agent_sdk import ClaudeAgentOptions\n\noptions = ClaudeAgentOptions(setting_sources=["user"])\n',
      '.claude/settings.json': '{}\n',
      '.github/workflows/claude.yml': workflow,
    };
    expect(await zdr022(files, { exclude: ['.claude/settings.json'] })).toEqual([
      {
        file: 'agent.py',
        line: 3,
        message:
          'This Agent SDK session loads only user: it would skip any project `.claude/settings.json`, so only managed policy and its own env configure it.',
        fix: 'Add "project" to `setting_sources` in `agent.py` line 3, or set the required variables in the session\'s env.',
      },
    ]);
  });
});

describe('suppressions in source code', () => {
  it('need a reason, and a marker inside a string is not a comment', async () => {
    const root = tree({
      'requirements.txt': 'anthropic\n',
      'job.py': [
        'import anthropic',
        'client = anthropic.Anthropic()',
        'client.messages.batches.create(requests=[])  # claude-code-policy: ignore ZDR010',
        'note = "# claude-code-policy: ignore ZDR010 -- not a comment"; client.messages.batches.create(requests=[])',
        '# claude-code-policy: ignore ZDR010 -- results deleted after download',
        'client.messages.batches.create(requests=[])',
        '',
      ].join('\n'),
    });
    const { report, found } = await findings(root);
    expect(found).toEqual(['ZDR010 job.py:3:1', 'CFG007 job.py:3:46', 'ZDR010 job.py:4:64']);
    expect(report.suppressed.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.suppressedBy}`)).toEqual([
      'ZDR010 job.py:6 job.py:5',
    ]);
  });

  it('read line and block comments, indented or trailing; a marker in a string or mid-comment is none', async () => {
    const batch = 'await c.messages.batches.create({ requests: [] });';
    const root = tree({
      'package.json': SDK_PACKAGE,
      'job.ts': [
        "import Anthropic from '@anthropic-ai/sdk';", // 1
        '// An ordinary comment.', // 2
        'const c = new Anthropic();', // 3
        `const note = "x // claude-code-policy: ignore ZDR010 -- in a string"; ${batch}`, // 4
        '/** claude-code-policy: ignore ZDR010 -- a block comment */', // 5
        batch, // 6
        'async function run() {', // 7
        '  //claude-code-policy: ignore ZDR010 -- indented, no blank after the slashes', // 8
        `  ${batch}`, // 9
        '}', // 10
        '// see claude-code-policy: ignore ZDR010 -- a mention, not a marker', // 11
        batch, // 12
        `${batch} /* claude-code-policy: ignore ZDR010 -- trailing */`, // 13
        '',
      ].join('\n'),
    });
    const { report, found } = await findings(root);
    expect(found).toEqual(['ZDR010 job.ts:4:77', 'ZDR010 job.ts:12:7']);
    expect(
      report.suppressed.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.suppressedBy} ${f.reason}`),
    ).toEqual([
      'ZDR010 job.ts:6 job.ts:5 a block comment',
      'ZDR010 job.ts:9 job.ts:8 indented, no blank after the slashes',
      'ZDR010 job.ts:13 job.ts:13 trailing',
    ]);
  });
});

describe('which files are manifests, and what in them declares an SDK', () => {
  it.each([
    ['Pipfile', 'manifest'],
    ['api/setup.cfg', 'manifest'],
    ['requirements-dev.txt', 'manifest'],
    ['requirements.in', undefined],
    ['notes.txt', undefined],
  ])('%s: %s', (file, kind) => {
    expect(codePathKind(file)).toBe(kind);
  });

  it.each([
    ['package.json', '{"peerDependencies":{"@anthropic-ai/sdk":"1"}}', true],
    ['package.json', '{"optionalDependencies":{"@anthropic-ai/claude-agent-sdk":"1"}}', true],
    ['package.json', '{"dependencies":{"openai":"5","@anthropic-ai/sdk":"1"}}', true],
    ['package.json', '{"dependencies":null,"devDependencies":{"@anthropic-ai/sdk":"1"}}', true],
    // Not JSON: not read as a Python requirement either, though it names "anthropic".
    ['package.json', '{"dependencies":{"anthropic":"1",}}', false],
    ['composer.json', '{"require":{"anthropic-ai/sdk" : "^0.43"}}', true],
    ['pom.xml', '<artifactId> anthropic-java </artifactId>', true],
    ['pom.xml', '<artifactId>anthropic-java-client-okhttp</artifactId>', true],
    [
      'build.gradle',
      "implementation group: 'com.anthropic', name: 'anthropic-java', version: '2.57.0'",
      true,
    ],
    ['Gemfile', 'group :development do\n  gem  "anthropic"\nend\n', true],
    ['Gemfile', '# gem "anthropic"\n', false],
    ['App.csproj', '<PackageReference\n      Include = "Anthropic.SDK"\n      Version="5.0.0" />', true],
    ['requirements.txt', 'requests\nanthropic', true],
  ])('%s %j → %s', (base, text, declared) => {
    expect(declaresAnthropicSdk(base, text)).toBe(declared);
  });
});

describe('what counts as vendored or generated', () => {
  it.each([
    ['src/venv.py', false],
    ['myvenv/a.py', false],
    ['venv copy/a.py', false],
    ['.venv-3.12/a.py', true],
    ['public/app.bundle.js', true],
    ['public/app-bundle.js', true],
    ['proto/a_pb2.pyi', false],
    ['proto/a.pb.gotmpl', false],
    ['ui/Theme.g.csx', false],
    ['ui/Form1.designer.cshtml', false],
    ['proto/a_pb2_grpc.py', true],
    ['proto/a.pb.go', true],
    ['ui/Theme.g.cs', true],
    ['ui/Form1.Designer.cs', true],
  ])('%s: %s', (file, vendored) => {
    expect(isVendored(file)).toBe(vendored);
  });
});

describe('the paths the code check collects', () => {
  const listing = (...entries: string[]) => Buffer.from(`${entries.join('\0')}\0`, 'utf8');
  const GIT = listing(
    'package.json',
    'src/a.ts',
    'lib/b.py',
    'bin/x.sh',
    'third_party/y.sh',
    'dist/c.js',
    'README.md',
  );
  const noListing = async (): Promise<string[]> => [];
  const paths = (candidates: { path: string; kind: string }[]) =>
    candidates.map((c) => `${c.kind} ${c.path}`);

  it('in a git listing under auto: the manifests first, sources only under an SDK', async () => {
    const withoutSdk = new CodePaths('auto');
    withoutSdk.addListing(GIT, 'sub/');
    expect(withoutSdk.manifestPaths()).toEqual(['sub/package.json']);
    expect(paths(await withoutSdk.select(new Set(), noListing))).toEqual(['code sub/bin/x.sh']);

    const withSdk = new CodePaths('auto');
    withSdk.addListing(GIT, 'sub/');
    expect(paths(await withSdk.select(new Set(['sub']), noListing))).toEqual([
      'code sub/bin/x.sh',
      'code sub/src/a.ts',
      'code sub/lib/b.py',
    ]);
  });

  it('in a git listing under all: every source file, and no manifest to read', async () => {
    const all = new CodePaths('all');
    all.addListing(GIT, '');
    expect(all.manifestPaths()).toEqual([]);
    expect(paths(await all.select(new Set(), noListing))).toEqual([
      'code bin/x.sh',
      'code src/a.ts',
      'code lib/b.py',
    ]);
  });

  it('in a walk under auto: lists again only the directories under an SDK, keeping their own source', async () => {
    const ignores = { isIgnored: (layer: unknown, file: string) => layer === 'app' && file.includes('skip') };
    const walk = new CodePaths('auto', ignores);
    walk.visit('', 'package.json', undefined);
    walk.visit('', 'build.gradle.bak', undefined);
    walk.visit('app/', 'a.ts', 'app');
    walk.visit('other/', 'b.ts', undefined);
    walk.visit('bin/', 'x.sh', undefined);
    walk.visit('app/', 'skip.sh', 'app');
    expect(walk.manifestPaths()).toEqual(['package.json']);
    const listed: string[] = [];
    const list = async (dir: string): Promise<string[]> => {
      listed.push(dir);
      return ['a.ts', 'skip.ts', 'README.md', 'app.min.js', 'skip.sh'];
    };
    expect(paths(await walk.select(new Set(['app']), list))).toEqual(['code bin/x.sh', 'code app/a.ts']);
    expect(listed).toEqual(['app/']);
  });

  it('in a walk under all: every source file but the vendored and the ignored', async () => {
    const ignores = { isIgnored: (_layer: unknown, file: string) => file.includes('skip') };
    const walk = new CodePaths('all', ignores);
    walk.visit('src/', 'a.ts', undefined);
    walk.visit('src/', 'skip.ts', undefined);
    walk.visit('third_party/', 'v.ts', undefined);
    walk.visit('third_party/', 'v.sh', undefined);
    walk.visit('bin/', 'x.sh', undefined);
    walk.visit('bin/', 'skip.sh', undefined);
    expect(walk.manifestPaths()).toEqual([]);
    expect(paths(await walk.select(new Set(), noListing))).toEqual(['code bin/x.sh', 'code src/a.ts']);
  });
});
