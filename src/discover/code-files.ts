// Which source files the code check reads (issue 12), kept apart from settings discovery: discover.ts hands this
// module every listing (git) or file name (walk) and reads what it picks with the same guards.
// `auto` reads source files only under a directory whose manifest, or an ancestor's, declares an Anthropic SDK
// (so a tree that uses no SDK costs one pass over the listing and nothing else); shell scripts and notebooks are
// always read. `all` reads every source file. Vendored, generated and minified code is never read.
import type { Candidate } from '../parse/files.js';
import { codeLanguage } from '../parse/code/code-file.js';

export type CodeMode = 'off' | 'auto' | 'all';

/** Manifests whose content can declare an Anthropic SDK, by base name. */
export function isManifest(base: string): boolean {
  return (
    base === 'package.json' ||
    base === 'pyproject.toml' ||
    base === 'Pipfile' ||
    base === 'setup.cfg' ||
    (base.startsWith('requirements') && base.endsWith('.txt')) ||
    base === 'go.mod' ||
    base === 'pom.xml' ||
    base.startsWith('build.gradle') ||
    base === 'Gemfile' ||
    base.endsWith('.csproj') ||
    base === 'composer.json'
  );
}

/** Does this manifest declare an Anthropic SDK (API or Agent SDK)? */
export function declaresAnthropicSdk(base: string, text: string): boolean {
  if (base === 'package.json') {
    try {
      const json = JSON.parse(text) as Record<string, unknown>;
      return ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].some((field) => {
        const deps = json[field];
        return (
          typeof deps === 'object' &&
          deps !== null &&
          Object.keys(deps).some(
            (name) => name === '@anthropic-ai/sdk' || name === '@anthropic-ai/claude-agent-sdk',
          )
        );
      });
    } catch {
      return false;
    }
  }
  if (base === 'composer.json') return /"anthropic-ai\/sdk"\s*:/.test(text);
  if (base === 'go.mod') return /github\.com\/anthropics\/anthropic-sdk-go/.test(text);
  if (base === 'pom.xml') return /<artifactId>\s*anthropic-java[\w-]*\s*<\/artifactId>/.test(text);
  if (base.startsWith('build.gradle')) return /com\.anthropic[:"'][^\n]*anthropic-java/.test(text);
  if (base === 'Gemfile') return /^\s*gem\s+["']anthropic["']/m.test(text);
  if (base.endsWith('.csproj')) return /<PackageReference\s+Include\s*=\s*"Anthropic(\.SDK)?"/i.test(text);
  // Python: requirement lines and pyproject/Pipfile/setup.cfg entries.
  return /(^|["'\s,[])(anthropic|claude-agent-sdk|claude_agent_sdk)\s*(\[[^\]]*\])?\s*(["',;=<>~!@\s]|$)/im.test(
    text,
  );
}

/**
 * Linguist's vendored conventions (and the build outputs of the languages we read): code there is not the
 * repository's own. `dir/` anywhere in the path, or a file name that says it is generated.
 */
const VENDORED_DIRECTORIES = new Set([
  'node_modules',
  'vendor',
  'vendors',
  'third_party',
  'third-party',
  'thirdparty',
  'external',
  'site-packages',
  'dist-packages',
  '.venv',
  'venv',
  'virtualenv',
  '.tox',
  '.nox',
  '__pycache__',
  '.git',
  'dist',
  'build',
  'out',
  'target',
  'obj',
  '.next',
  '.nuxt',
  '.output',
  'coverage',
  'bower_components',
  'jspm_packages',
  'Pods',
  'Carthage',
  '.gradle',
  '.bundle',
  '.yarn',
  '.pnpm-store',
  '.mypy_cache',
  '.pytest_cache',
]);

export function isVendored(filePath: string): boolean {
  const parts = filePath.split('/');
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!;
    if (VENDORED_DIRECTORIES.has(part) || /^\.?venv[\w.-]*$/.test(part)) return true;
  }
  const base = parts[parts.length - 1]!;
  return /(\.min\.|[-.]bundle\.|\.generated\.|_pb2(_grpc)?\.py$|\.pb\.go$|_generated\.|\.g\.cs$|\.designer\.cs$)/i.test(
    base,
  );
}

/** What the code check reads in a listing, by the kind of path. */
export type CodePathKind = 'manifest' | 'always' | 'source';

export function codePathKind(filePath: string): CodePathKind | undefined {
  const base = filePath.slice(filePath.lastIndexOf('/') + 1);
  if (isManifest(base)) return isVendored(filePath) ? undefined : 'manifest';
  const language = codeLanguage(filePath);
  if (language === undefined || isVendored(filePath)) return undefined;
  return language === 'shell' || language === 'notebook' ? 'always' : 'source';
}

/**
 * How the entries the code check may want end, followed by the listing's NUL. The listing is searched as a latin1
 * string (one byte per character, so indices are byte offsets): one regular-expression pass reads a 100,000-entry
 * listing in a few milliseconds, where one native search per suffix would read it a dozen times over.
 */
const SHELL_AND_MANIFEST_ENDINGS =
  /(?:\.(?:sh|bash|ipynb|json|toml|cfg|txt|gradle|gradle\.kts|csproj)|Pipfile|Gemfile|go\.mod|pom\.xml)\0/g;
const SOURCE_ENDINGS = /\.(?:tsx?|mts|cts|jsx?|mjs|cjs|py|go|java|kts?|rb|cs|php)\0/g;

function entriesEndingWith(
  latin1: string,
  endings: RegExp,
  accept: (start: number, end: number) => void,
): void {
  endings.lastIndex = 0;
  for (let match = endings.exec(latin1); match !== null; match = endings.exec(latin1)) {
    const end = match.index + match[0].length - 1;
    accept(latin1.lastIndexOf('\0', match.index) + 1, end);
  }
}

/** A file name the walk hands over: tested without allocating, since it runs for every file of the tree. */
const SOURCE_NAME = /\.(?:tsx?|mts|cts|jsx?|mjs|cjs|py|go|java|kts?|rb|cs|php)$/;
const SCRIPT_OR_MANIFEST_NAME =
  /(?:\.(?:sh|bash|ipynb|json|toml|cfg|txt|gradle|gradle\.kts|csproj)|^Pipfile|^Gemfile|^go\.mod|^pom\.xml)$/;

/**
 * How the walk tells whether a path is ignored: its .gitignore layer for the directory, opaque here, and the test.
 * Undefined when .gitignore is not respected.
 */
export interface WalkIgnores {
  isIgnored(layer: unknown, relativePath: string): boolean;
}

/** Collects the code check's paths while discovery lists the tree, then says which to read. */
export class CodePaths {
  private readonly manifests: string[] = [];
  private readonly always: string[] = [];
  private readonly sources: string[] = [];
  /** `all`, walk: source files with their directory's .gitignore layer. */
  private readonly walked: { path: string; layer: unknown }[] = [];
  /** `auto`, walk: the directories that hold source files (with their layer), listed again only under an SDK. */
  private readonly sourceDirectories = new Map<string, unknown>();
  /** Listings whose source entries are looked at only once an SDK manifest is known (auto mode). */
  private readonly pending: { listing: Buffer; prefix: string }[] = [];

  constructor(
    readonly mode: Exclude<CodeMode, 'off'>,
    private readonly ignores?: WalkIgnores,
  ) {}

  /**
   * A file the walk found (`dir` relative with a trailing `/`, or `''`; `layer` its directory's .gitignore
   * layer). A source file costs one extension test and a map lookup: under `auto` only its directory is
   * remembered, and listed again if an SDK manifest covers it, so a 100,000-file tree without the SDK pays almost
   * nothing.
   */
  visit(dir: string, name: string, layer: unknown): void {
    if (SOURCE_NAME.test(name)) {
      if (this.mode === 'all') this.walked.push({ path: dir + name, layer });
      else if (!this.sourceDirectories.has(dir)) this.sourceDirectories.set(dir, layer);
      return;
    }
    if (!SCRIPT_OR_MANIFEST_NAME.test(name)) return;
    const filePath = dir + name;
    if (this.ignored(layer, filePath)) return;
    this.addKind(filePath, codePathKind(filePath));
  }

  private ignored(layer: unknown, filePath: string): boolean {
    return this.ignores !== undefined && this.ignores.isIgnored(layer, filePath);
  }

  /** A NUL-separated git listing: entries are picked by their endings in one pass. */
  addListing(listing: Buffer, prefix: string): void {
    this.scan(listing, prefix, SHELL_AND_MANIFEST_ENDINGS, false);
    if (this.mode === 'all') this.scan(listing, prefix, SOURCE_ENDINGS, true);
    if (this.mode === 'auto') this.pending.push({ listing, prefix });
  }

  private scan(listing: Buffer, prefix: string, endings: RegExp, sourcesOnly: boolean): void {
    const latin1 = listing.toString('latin1');
    entriesEndingWith(latin1, endings, (start, end) => {
      if (end <= start) return;
      const entry = prefix + listing.toString('utf8', start, end);
      if (entry.endsWith('/')) return;
      const kind = codePathKind(entry);
      if (kind === 'source' || !sourcesOnly) this.addKind(entry, kind);
    });
  }

  private addKind(filePath: string, kind: CodePathKind | undefined): void {
    if (kind === 'manifest') this.manifests.push(filePath);
    else if (kind === 'always') this.always.push(filePath);
    else if (kind === 'source') this.sources.push(filePath);
  }

  /** The manifests to read (auto mode) before `select` can decide. */
  manifestPaths(): string[] {
    return this.mode === 'auto' ? [...new Set(this.manifests)] : [];
  }

  /**
   * The code files to read, given the directories (relative, `''` for the root) whose manifest declares an SDK.
   * `list` reads a directory's file names (the walk's directories under an SDK are listed again).
   */
  async select(
    sdkDirectories: ReadonlySet<string>,
    list: (dir: string) => Promise<string[]>,
  ): Promise<Candidate[]> {
    for (const file of this.walked) {
      if (codePathKind(file.path) === 'source' && !this.ignored(file.layer, file.path))
        this.sources.push(file.path);
    }
    let sources = this.sources;
    if (this.mode === 'auto') {
      if (sdkDirectories.size === 0) sources = [];
      else {
        for (const { listing, prefix } of this.pending) {
          this.scan(listing, prefix, SOURCE_ENDINGS, true);
        }
        for (const [dir, layer] of this.sourceDirectories) {
          if (!underAny(`${dir}-`, sdkDirectories)) continue;
          for (const name of await list(dir)) {
            const filePath = dir + name;
            if (codePathKind(filePath) === 'source' && !this.ignored(layer, filePath))
              this.sources.push(filePath);
          }
        }
        sources = this.sources.filter((file) => underAny(file, sdkDirectories));
      }
    }
    const paths = [...new Set([...this.always, ...sources])];
    return paths.map((p) => ({ path: p, kind: 'code' }));
  }
}

function underAny(filePath: string, directories: ReadonlySet<string>): boolean {
  if (directories.has('')) return true;
  for (let slash = filePath.indexOf('/'); slash !== -1; slash = filePath.indexOf('/', slash + 1)) {
    if (directories.has(filePath.slice(0, slash))) return true;
  }
  return false;
}
