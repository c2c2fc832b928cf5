// Tree-sitter grammars compiled to WASM (tree-sitter-wasms), loaded on first use of each language: a scan that
// reads no Python never loads the Python grammar, and a scan that reads no source file loads nothing at all.
// The bundles read them from `grammars/` beside dist/ (scripts/build.mjs copies them there); from source (tests)
// they come from node_modules.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language, Parser } from 'web-tree-sitter';

export type Grammar =
  | 'typescript'
  | 'tsx'
  | 'javascript'
  | 'python'
  | 'go'
  | 'java'
  | 'kotlin'
  | 'ruby'
  | 'c_sharp'
  | 'php'
  | 'bash';

export const GRAMMARS: readonly Grammar[] = [
  'typescript',
  'tsx',
  'javascript',
  'python',
  'go',
  'java',
  'kotlin',
  'ruby',
  'c_sharp',
  'php',
  'bash',
];

interface Locations {
  runtime: string;
  grammar: (name: Grammar) => string;
}

function locate(): Locations {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // dist/cli/index.js and dist/action/index.js share dist/grammars/.
  for (const dir of [path.join(here, 'grammars'), path.join(here, '..', 'grammars')]) {
    if (existsSync(path.join(dir, 'tree-sitter.wasm'))) {
      return {
        runtime: path.join(dir, 'tree-sitter.wasm'),
        grammar: (name) => path.join(dir, `tree-sitter-${name}.wasm`),
      };
    }
  }
  for (let dir = here; ; dir = path.dirname(dir)) {
    const modules = path.join(dir, 'node_modules');
    if (existsSync(path.join(modules, 'tree-sitter-wasms', 'out'))) {
      return {
        runtime: path.join(modules, 'web-tree-sitter', 'tree-sitter.wasm'),
        grammar: (name) => path.join(modules, 'tree-sitter-wasms', 'out', `tree-sitter-${name}.wasm`),
      };
    }
    if (path.dirname(dir) === dir) throw new Error('the tree-sitter grammars are missing (dist/grammars/)');
  }
}

let runtime: Promise<Locations & { treeSitter: typeof import('web-tree-sitter') }> | undefined;
const languages = new Map<Grammar, Promise<Language>>();

/** The grammars loaded so far (tests check that loading is lazy). */
export function loadedGrammars(): Grammar[] {
  return [...languages.keys()];
}

/** A parser for one language; the runtime and the grammar load once, on first use. */
export async function parserFor(grammar: Grammar): Promise<Parser> {
  runtime ??= (async () => {
    const where = locate();
    // Imported here, not at the top: a scan that parses no source file does not evaluate the runtime. `eager`
    // keeps it inside the bundle (a separate chunk would lose its licence from ncc's licenses.txt).
    const treeSitter = await import(/* webpackMode: "eager" */ 'web-tree-sitter');
    await treeSitter.Parser.init({ locateFile: () => where.runtime });
    return { ...where, treeSitter };
  })();
  const where = await runtime;
  let language = languages.get(grammar);
  if (language === undefined) {
    language = where.treeSitter.Language.load(where.grammar(grammar));
    languages.set(grammar, language);
  }
  const parser = new where.treeSitter.Parser();
  parser.setLanguage(await language);
  return parser;
}
