// .gitignore rules for the walk (a tree without git, or not a work tree). Most .gitignore files hold only plain
// names (`node_modules/`, `/coverage/`, `*.log`, `.env.local`): those are matched here with a set lookup on the
// file name, which is most of a walk's ignore checks on a big tree. A file with any other pattern (a `!`, a
// slash inside, other wildcards, escapes) goes whole to the `ignore` package, which implements git's rules.
import ignore from 'ignore';

/** One .gitignore's verdict on a path relative to its directory: undefined when no pattern matches. */
export interface GitignoreRules {
  test(local: string, directory: boolean): 'ignored' | 'unignored' | undefined;
}

/** Patterns that name a file or directory by its name alone, at any depth or (anchored) in this directory only. */
class PlainNameRules implements GitignoreRules {
  /** Any depth, files and directories. */
  readonly names = new Set<string>();
  /** Any depth, directories only (`name/`). */
  readonly directoryNames = new Set<string>();
  /** This directory only (`/name`, `/name/`). */
  readonly anchored = new Set<string>();
  readonly anchoredDirectories = new Set<string>();
  /** `*.ext`: names ending with `.ext`, at any depth; `/` ending one means directories only. */
  readonly suffixes: string[] = [];
  readonly directorySuffixes: string[] = [];

  test(local: string, directory: boolean): 'ignored' | undefined {
    const slash = local.lastIndexOf('/');
    const name = slash === -1 ? local : local.slice(slash + 1);
    if (this.names.has(name) || (directory && this.directoryNames.has(name))) return 'ignored';
    if (slash === -1 && (this.anchored.has(name) || (directory && this.anchoredDirectories.has(name)))) {
      return 'ignored';
    }
    for (const suffix of this.suffixes) if (name.endsWith(suffix)) return 'ignored';
    if (directory) for (const suffix of this.directorySuffixes) if (name.endsWith(suffix)) return 'ignored';
    return undefined;
  }
}

/** Characters that make a pattern more than a plain name (git's wildcards, escapes, negation, comments). */
const SPECIAL = /[*?[\]\\!#]/;

/** Adds `pattern` to `rules` when it is a plain name (or `*.ext`); false when `ignore` must handle the file. */
function addPlain(rules: PlainNameRules, line: string): boolean {
  // Trailing spaces are dropped unless escaped (a `\` sends the file to `ignore`).
  const pattern = line.replace(/ +$/, '');
  if (pattern === '' || pattern.startsWith('#')) return true;
  const directoryOnly = pattern.endsWith('/');
  let body = directoryOnly ? pattern.slice(0, -1) : pattern;
  const isAnchored = body.startsWith('/');
  if (isAnchored) body = body.slice(1);
  if (body === '' || body.includes('/') || body === '.' || body === '..') return false;
  if (body.startsWith('*.') && !isAnchored && !SPECIAL.test(body.slice(1))) {
    (directoryOnly ? rules.directorySuffixes : rules.suffixes).push(body.slice(1));
    return true;
  }
  if (SPECIAL.test(body)) return false;
  if (isAnchored) (directoryOnly ? rules.anchoredDirectories : rules.anchored).add(body);
  else (directoryOnly ? rules.directoryNames : rules.names).add(body);
  return true;
}

/** The `ignore` package, with git's precedence (the last matching pattern wins, `!` re-includes). */
function fullRules(text: string): GitignoreRules {
  const rules = ignore({ ignorecase: false }).add(text);
  return {
    test(local, directory) {
      const candidate = local + (directory ? '/' : '');
      if (!ignore.isPathValid(candidate)) return undefined;
      const result = rules.test(candidate);
      return result.ignored ? 'ignored' : result.unignored ? 'unignored' : undefined;
    },
  };
}

/** The rules of one .gitignore's text. */
export function parseGitignore(text: string): GitignoreRules {
  const plain = new PlainNameRules();
  for (const line of text.split(/\r?\n/)) if (!addPlain(plain, line)) return fullRules(text);
  return plain;
}
