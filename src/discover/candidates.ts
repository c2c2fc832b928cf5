// Which files configure Claude Code (SPEC §4), as one table: a file name and the directories right above it.
// Everything discovery needs is derived from the table: the classifier, the byte markers that let a git listing
// of 100,000 paths be scanned without decoding the paths that cannot match, and the per-directory name test of
// the walk. A new kind of candidate is one line here (and its kind in parse/files.ts).
import type { Candidate, CandidateKind, SettingsRole } from '../parse/files.js';

interface CandidateRule {
  /** The file name: exact, or with one `*` at its start or end standing for any characters. */
  name: string;
  /** The directory names right above the file, outermost first, `/`-separated; `*` is any one name. */
  under?: string;
  /** `under` is the whole path: the file sits in that directory of the scanned root, not of a subfolder. */
  atRoot?: true;
  /** Names that start with a dot do not match (Claude Code skips hidden drop-ins). */
  notHidden?: true;
  /** The whole name must also match this (a prefix rule that would otherwise admit too much). */
  only?: RegExp;
  kind: CandidateKind;
  role?: SettingsRole;
}

/** `Dockerfile.md` and the like document a Dockerfile; they are not one. */
const NOT_A_DOCUMENT = /^(?!.*\.(?:md|markdown|txt|rst|adoc|html?)$)/i;
/** `compose.yml`, `docker-compose.prod.yaml`: Compose's own names. */
const COMPOSE_NAME = /^(?:docker-)?compose(?:\.[\w-]+)?\.ya?ml$/;

const CANDIDATE_RULES: readonly CandidateRule[] = [
  { name: 'settings.json', under: '.claude', kind: 'settings', role: 'project' },
  { name: 'settings.local.json', under: '.claude', kind: 'settings', role: 'local' },
  { name: 'settings.json', under: 'dot_claude', kind: 'settings', role: 'user' },
  { name: 'managed-settings.json', kind: 'settings', role: 'managed' },
  // Claude Code ignores hidden and non-.json drop-ins (managed-settings page).
  { name: '*.json', under: 'managed-settings.d', notHidden: true, kind: 'settings', role: 'managed-dropin' },
  { name: '.mcp.json', kind: 'mcp' },
  { name: '.env', kind: 'dotenv' },
  { name: '.env.*', kind: 'dotenv' },
  { name: '*.env', kind: 'dotenv' },
  { name: '.envrc', kind: 'dotenv' },
  // GitHub runs only the workflows of the repository's own `.github/workflows/` (not its subfolders): a nested
  // copy (`packages/app/.github/workflows/…`, a vendored repository) never runs, so it is no workflow scope.
  { name: '*.yml', under: '.github/workflows', atRoot: true, kind: 'workflow' },
  { name: '*.yaml', under: '.github/workflows', atRoot: true, kind: 'workflow' },
  { name: '.devcontainer.json', kind: 'devcontainer' },
  { name: 'devcontainer.json', under: '.devcontainer', kind: 'devcontainer' },
  { name: 'devcontainer.json', under: '.devcontainer/*', kind: 'devcontainer' },
  // Container definitions (issue 11): images that may install or start Claude Code, and Compose files whose
  // services run them.
  { name: 'Dockerfile', kind: 'dockerfile' },
  { name: 'Containerfile', kind: 'dockerfile' },
  { name: 'Dockerfile.*', only: NOT_A_DOCUMENT, kind: 'dockerfile' },
  { name: 'Containerfile.*', only: NOT_A_DOCUMENT, kind: 'dockerfile' },
  { name: '*.Dockerfile', kind: 'dockerfile' },
  { name: '*.dockerfile', kind: 'dockerfile' },
  { name: 'compose.*', only: COMPOSE_NAME, kind: 'compose' },
  { name: 'docker-compose.*', only: COMPOSE_NAME, kind: 'compose' },
];

/** Directories never scanned, wherever they are. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git']);

/** A rule's name test, split once. */
interface NameTest {
  exact?: string;
  prefix?: string;
  suffix?: string;
  notHidden: boolean;
  only?: RegExp;
}

function nameTest(rule: CandidateRule): NameTest {
  const star = rule.name.indexOf('*');
  const notHidden = rule.notHidden === true;
  const only = rule.only === undefined ? {} : { only: rule.only };
  if (star === -1) return { exact: rule.name, notHidden, ...only };
  if (star === 0) return { suffix: rule.name.slice(1), notHidden, ...only };
  return { prefix: rule.name.slice(0, star), notHidden, ...only };
}

function nameMatches(test: NameTest, base: string): boolean {
  if (test.notHidden && base.startsWith('.')) return false;
  if (test.only !== undefined && !test.only.test(base)) return false;
  if (test.exact !== undefined) return base === test.exact;
  if (test.suffix !== undefined) return base.endsWith(test.suffix);
  return base.startsWith(test.prefix!);
}

interface CompiledRule {
  test: NameTest;
  /** `under`, innermost first. */
  under: string[];
  atRoot: boolean;
  candidate: Omit<Candidate, 'path'>;
}

const RULES: readonly CompiledRule[] = CANDIDATE_RULES.map((rule) => ({
  test: nameTest(rule),
  under: rule.under === undefined ? [] : rule.under.split('/').reverse(),
  atRoot: rule.atRoot === true,
  candidate: rule.role === undefined ? { kind: rule.kind } : { kind: rule.kind, role: rule.role },
}));

/** Do the directory names above a file (`parents`, innermost first) end the way `under` (innermost first) says? */
function placeMatches(under: readonly string[], parents: readonly string[]): boolean {
  for (let i = 0; i < under.length; i++) {
    if (i >= parents.length || (under[i] !== '*' && under[i] !== parents[i])) return false;
  }
  return true;
}

function insideSkippedDirectory(segments: readonly string[]): boolean {
  for (let i = 0; i < segments.length - 1; i++) if (SKIPPED_DIRECTORIES.has(segments[i]!)) return true;
  return false;
}

/** What a path is by its name and place (relative, with `/`), or undefined when it configures nothing we check. */
export function classify(filePath: string): Candidate | undefined {
  const segments = filePath.split('/');
  const base = segments[segments.length - 1]!;
  const parents = segments.slice(0, -1).reverse();
  for (const rule of RULES) {
    if (!nameMatches(rule.test, base) || !placeMatches(rule.under, parents)) continue;
    if (rule.atRoot && parents.length !== rule.under.length) continue;
    if (insideSkippedDirectory(segments)) return undefined;
    return { path: filePath, ...rule.candidate };
  }
  return undefined;
}

/** The longest literal run of a rule: a byte sequence every listing entry (`path\0`) that it matches holds. */
function markerOf(rule: CandidateRule, withPlace: boolean): string {
  const star = rule.name.indexOf('*');
  let best =
    star === -1 ? `${rule.name}\0` : star === 0 ? `${rule.name.slice(1)}\0` : rule.name.slice(0, star);
  if (withPlace && rule.under !== undefined) {
    // A run of literal directory names, followed by the `/` that ends the last of them.
    for (const run of rule.under.split(/(?:^|\/)\*(?:\/|$)/)) {
      if (run.length + 1 > best.length) best = `${run}/`;
    }
  }
  return best;
}

function uniqueMarkers(withPlace: boolean): Buffer[] {
  const markers = [...new Set(CANDIDATE_RULES.map((rule) => markerOf(rule, withPlace)))];
  // A marker that holds another is redundant: the shorter one finds its entries already.
  const kept = markers.filter((m) => !markers.some((other) => other !== m && m.includes(other)));
  return kept.map((marker) => Buffer.from(marker, 'utf8'));
}

/**
 * Byte markers for a listing of the scanned root: every candidate's `path\0` holds one. Exact names
 * (`settings.json\0`) and directory names (`.github/workflows/`) rather than extensions (`.json\0`), so that
 * the tens of thousands of `.json` paths of a monorepo are never decoded.
 */
export const LISTING_MARKERS: readonly Buffer[] = uniqueMarkers(true);

/**
 * Markers from the names alone, for a listing of a nested repository: its paths lack the directories above it,
 * which a directory marker may need.
 */
export const NAME_MARKERS: readonly Buffer[] = uniqueMarkers(false);

/** A fast test on file names, for the files of one directory of a walk. */
export interface NameFilter {
  exact: ReadonlySet<string>;
  prefixes: readonly string[];
  suffixes: readonly string[];
}

/** The directory names that some rule's `under` names: any other name counts as "some name". */
const PLACE_NAMES: ReadonlySet<string> = new Set(
  RULES.flatMap((rule) => rule.under.filter((n) => n !== '*')),
);
const OTHER_NAME = '/';
const filters = new Map<string, NameFilter>();

/** Forgets the name filters built so far. For the mutation run, as `forgetBuiltSchemas` in scope/settings-schema.ts. */
export function forgetNameFilters(): void {
  filters.clear();
}

/**
 * The names that may be candidates in a directory whose two innermost names are `parent` and `grandparent`
 * (`''` where there is none): the walk rejects most files of a tree with one set lookup, without building their
 * path. `classify` still decides.
 */
export function nameFilterFor(parent: string, grandparent: string): NameFilter {
  // At most a few filters whatever the tree holds: names no rule mentions are all alike.
  const place = (name: string) => (name === '' || PLACE_NAMES.has(name) ? name : OTHER_NAME);
  const parents =
    parent === '' ? [] : grandparent === '' ? [place(parent)] : [place(parent), place(grandparent)];
  const key = parents.join('/');
  let filter = filters.get(key);
  if (filter === undefined) {
    const exact = new Set<string>();
    const prefixes: string[] = [];
    const suffixes: string[] = [];
    for (const rule of RULES) {
      // `under` deeper than two names would need more context: keep the name test alone then.
      if (rule.under.length <= 2 && !placeMatches(rule.under, parents)) continue;
      if (rule.test.exact !== undefined) exact.add(rule.test.exact);
      else if (rule.test.prefix !== undefined) prefixes.push(rule.test.prefix);
      else suffixes.push(rule.test.suffix!);
    }
    filter = { exact, prefixes, suffixes };
    filters.set(key, filter);
  }
  return filter;
}

export function mayBeCandidate(filter: NameFilter, name: string): boolean {
  if (filter.exact.has(name)) return true;
  for (const prefix of filter.prefixes) if (name.startsWith(prefix)) return true;
  for (const suffix of filter.suffixes) if (name.endsWith(suffix)) return true;
  return false;
}
