#!/usr/bin/env node
// `npm run build`: two ncc bundles in sibling folders, dist/action (action.yml's main) and dist/cli (package.json's
// bin). Each folder is emptied first so no stale file survives, gets its own {"type":"module"} package.json (the
// bundles are ESM because @actions/core 3 and @actions/github 9 are), and no source map (it would carry absolute
// paths). The output is deterministic: check-dist.yml rebuilds and fails on any byte of difference.
//
// A dynamic import() in the source becomes a chunk file beside index.js (the CLI's entry loads the program that
// way, after it has started git and turned on Node's compile cache). Every file is minified with terser: less to
// read and compile at each start (ncc's own `minify` leaves the chunks alone).
//
// TypeScript is emitted to JavaScript first (build/bundle-src, without type checking: `npm run typecheck` does
// that), then ncc bundles the JavaScript. Letting ncc compile the TypeScript itself either type-checks the whole
// project (a type error in any test would block the bundle) or, in transpile-only mode, emits CommonJS, which
// cannot hold the entry point's top-level await.
//
// The config file's JSON Schema (schema/claude-code-policy.schema.json) is generated in the same run from the zod
// schema that checks the file (z.toJSONSchema), so it cannot drift from it; CI fails when the committed copy differs.
//
//   node scripts/build.mjs [--out DIR] [--no-minify] [action|cli ...]   (--no-minify: readable profiles)
import { chmod, copyFile, mkdir, readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import ncc from '@vercel/ncc';
import { minify } from 'terser';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// A fixed place: module ids and comments in the bundle derive from this path, so it must not vary between builds.
// So two builds in one checkout (two test files building into temp dirs, say) take turns, through LOCK.
const STAGE = join(ROOT, 'build', 'bundle-src');
const LOCK = join(ROOT, 'build', 'bundle.lock');
/** A lock older than this was left by a build that was killed. */
const STALE_LOCK_MS = 10 * 60 * 1000;

/** Runs `task` while holding LOCK (a directory: mkdir is atomic), waiting for another build to finish. */
async function exclusively(task) {
  for (;;) {
    try {
      // build/ itself goes when the last build ends, so it is made again each time round.
      await mkdir(dirname(LOCK), { recursive: true });
      await mkdir(LOCK);
      break;
    } catch (error) {
      if (error.code === 'ENOENT') continue;
      if (error.code !== 'EEXIST') throw error;
      const held = await stat(LOCK).catch(() => undefined);
      if (held !== undefined && Date.now() - held.mtimeMs > STALE_LOCK_MS) {
        await rm(LOCK, { recursive: true, force: true });
      } else {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }
  try {
    return await task();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

export const BUNDLES = {
  action: { entry: 'src/action/index.ts', executable: false },
  cli: { entry: 'src/cli/index.ts', executable: true },
};

/** Emitted with the bundles' entries, to generate the config file's JSON Schema. */
const CONFIG_MODULE = 'src/policy/config.ts';
const VERSION_MODULE = 'src/version.ts';
/** Emitted too: its GRAMMARS list names the grammar files to ship, so the loader and the build cannot disagree. */
const GRAMMARS_MODULE = 'src/parse/code/grammars.ts';

const SHEBANG = '#!/usr/bin/env node\n';

/**
 * The tree-sitter runtime and the grammars the code check parses with (src/parse/code/grammars.ts), copied to
 * dist/grammars/ where both bundles read them (`../grammars` from dist/cli and dist/action): loaded on first use,
 * so a scan that reads no source file never touches them.
 */
async function copyGrammars(outDir, grammarsModule) {
  const { GRAMMARS } = await import(pathToFileURL(grammarsModule).href);
  const dir = join(outDir, 'grammars');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await copyFile(
    join(ROOT, 'node_modules', 'web-tree-sitter', 'tree-sitter.wasm'),
    join(dir, 'tree-sitter.wasm'),
  );
  for (const name of GRAMMARS) {
    const file = `tree-sitter-${name}.wasm`;
    await copyFile(join(ROOT, 'node_modules', 'tree-sitter-wasms', 'out', file), join(dir, file));
  }
  const licence = (pkg) => readFile(join(ROOT, 'node_modules', pkg, 'LICENSE'), 'utf8').catch(() => '');
  await writeFile(
    join(dir, 'NOTICE.txt'),
    `tree-sitter.wasm: web-tree-sitter (MIT)\n\n${await licence('web-tree-sitter')}\n` +
      `tree-sitter-*.wasm: tree-sitter-wasms (Unlicense), built from the tree-sitter grammars of each language (MIT)\n\n${await licence('tree-sitter-wasms')}`,
  );
  return dir;
}

/** Emit the entries and everything they import as ES modules under STAGE; returns the emitted entry paths. */
function emitJavaScript(entries) {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  const options = {
    ...config.options,
    noCheck: true,
    noEmit: false,
    outDir: STAGE,
    rootDir: ROOT,
    declaration: false,
    sourceMap: false,
    inlineSourceMap: false,
    incremental: false,
    tsBuildInfoFile: undefined,
  };
  const program = ts.createProgram(
    entries.map((entry) => join(ROOT, entry)),
    options,
  );
  const result = program.emit();
  const problems = [...program.getSyntacticDiagnostics(), ...result.diagnostics];
  if (problems.length > 0) {
    const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' };
    throw new Error(ts.formatDiagnostics(problems, host).trim());
  }
  return entries.map((entry) => join(STAGE, entry.replace(/\.ts$/, '.js')));
}

/**
 * web-tree-sitter reads `createRequire` from `await import("module")`; webpack turns that into a namespace of the
 * CommonJS `module` built-in, which has no named exports (the export is a function): the bundle would throw
 * "createRequire is not a function" on first parse. A native dynamic import of `node:module` is what the source
 * meant; the build fails if the pattern changes under a new web-tree-sitter.
 */
const MODULE_IMPORT =
  /const \{ createRequire \} = await Promise\.resolve\(\/\* import\(\) \*\/\)\.then\((__nccwpck_require__|__webpack_require__)\.t\.bind\(\1, \d+, \d+\)\);/g;

/** The bundle and any chunk beside it, patched (grammars.ts imports web-tree-sitter eagerly into the bundle). */
function nodeModuleImport(files) {
  const count = files.reduce((n, text) => n + (text.match(MODULE_IMPORT)?.length ?? 0), 0);
  if (count !== 1)
    throw new Error(`expected one bundled import("module") of web-tree-sitter, found ${count}`);
  return files.map((text) =>
    text.replace(MODULE_IMPORT, 'const { createRequire } = await import("node:module");'),
  );
}

/** An ES module of the bundle, without its shebang and source map comments, minified; `label` names it in errors. */
async function minifyModule(label, code, shrink) {
  if (code.includes(ROOT)) throw new Error(`${label} contains the absolute path ${ROOT}`);
  // Bundled packages keep `//# sourceMappingURL=` comments for maps that are not shipped: drop them.
  const body = code.replace(/^#![^\n]*\n/, '').replace(/^\/\/# sourceMappingURL=\S+$/gm, '');
  if (!shrink) return body;
  const result = await minify(body, {
    module: true,
    ecma: 2022,
    compress: { passes: 1 },
    mangle: true,
    format: { comments: false },
  });
  if (result.code === undefined) throw new Error(`terser produced nothing for ${label}`);
  return `${result.code}\n`;
}

async function bundle(name, entry, outDir, shrink) {
  const { executable } = BUNDLES[name];
  const dir = join(outDir, name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });

  const { code, assets } = await ncc(entry, {
    cache: false,
    minify: false, // terser minifies every file below, after the web-tree-sitter patch that needs the unminified text
    sourceMap: false,
    sourceMapRegister: false,
    target: 'es2022',
    license: 'licenses.txt',
    quiet: true,
  });
  // Bundled packages keep `//# sourceMappingURL=` comments for maps that are not shipped: minifyModule drops them.
  const chunks = Object.keys(assets).filter((file) => /\.m?js$/.test(file));
  const [entryCode, ...patched] = nodeModuleImport([
    code,
    ...chunks.map((file) => assets[file].source.toString('utf8')),
  ]);
  const files = { 'index.js': entryCode };
  for (const file of Object.keys(assets)) {
    // web-tree-sitter's own tree-sitter.wasm: grammars.ts hands it dist/grammars/tree-sitter.wasm instead.
    if (file.endsWith('.wasm')) continue;
    files[file] = chunks.includes(file) ? patched[chunks.indexOf(file)] : assets[file].source;
  }
  for (const file of Object.keys(files).sort()) {
    let content = files[file];
    if (file.endsWith('.js'))
      content = await minifyModule(`${name}/${file}`, content.toString('utf8'), shrink);
    if (file === 'index.js' && executable) content = SHEBANG + content;
    const target = join(dir, file);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  if (executable) await chmod(join(dir, 'index.js'), 0o755);
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
  return dir;
}

/** Writes the config file's JSON Schema from the emitted config module; returns the file written. */
async function writeConfigSchema(configModule, versionModule, target) {
  const { configJsonSchema } = await import(pathToFileURL(configModule).href);
  const { TOOL_VERSION } = await import(pathToFileURL(versionModule).href);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, `${JSON.stringify(configJsonSchema(TOOL_VERSION), null, 2)}\n`);
  return target;
}

/**
 * Build the named bundles (all by default) into `outDir` (default: dist/), and the config file's JSON Schema into
 * `schemaFile` (default: schema/claude-code-policy.schema.json; with --out, DIR/claude-code-policy.schema.json).
 */
export async function build({
  outDir = join(ROOT, 'dist'),
  names = Object.keys(BUNDLES),
  schemaFile = join(ROOT, 'schema', 'claude-code-policy.schema.json'),
  shrink = true,
} = {}) {
  for (const name of names) {
    if (!(name in BUNDLES)) {
      throw new Error(`unknown bundle ${name}: expected one of ${Object.keys(BUNDLES).join(', ')}`);
    }
  }
  const dirs = await exclusively(async () => {
    await rm(STAGE, { recursive: true, force: true });
    const entries = emitJavaScript([
      ...names.map((name) => BUNDLES[name].entry),
      CONFIG_MODULE,
      VERSION_MODULE,
      GRAMMARS_MODULE,
    ]);
    const built = [];
    for (const [i, name] of names.entries()) built.push(await bundle(name, entries[i], outDir, shrink));
    built.push(await copyGrammars(outDir, entries[names.length + 2]));
    built.push(await writeConfigSchema(entries[names.length], entries[names.length + 1], schemaFile));
    await rm(STAGE, { recursive: true, force: true });
    return built;
  });
  await rmdir(dirname(STAGE)).catch(() => {}); // only when empty (no other build waiting)
  return dirs;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  try {
    const { values, positionals } = parseArgs({
      options: { out: { type: 'string' }, 'no-minify': { type: 'boolean', default: false } },
      allowPositionals: true,
    });
    const outDir = values.out === undefined ? undefined : resolve(values.out);
    const schemaFile = outDir === undefined ? undefined : join(outDir, 'claude-code-policy.schema.json');
    const dirs = await build({
      outDir,
      schemaFile,
      names: positionals.length > 0 ? positionals : undefined,
      shrink: !values['no-minify'],
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`built ${dirs.map((dir) => relative(ROOT, dir) || dir).join(', ')} in ${seconds} s`);
  } catch (error) {
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
