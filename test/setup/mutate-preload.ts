// `npm run mutate` only (vitest.mutate.config.ts). Without isolation each module is evaluated once per worker, by
// whichever test first imports it. When that is a test that imports it on demand (runInProcess imports the Action
// inside the test), the module's top-level code (schemas, constants, regexes) runs inside that one test, and
// Stryker takes each of its static mutants for a mutant that test alone covers: it runs it there, where it can only
// survive, instead of leaving it out (ignoreStatic). Which test comes first depends on the file order, so the score
// did too. Importing the entry points here, before any test, evaluates every module outside a test.
await import('../../src/action/main.js');
await import('../../src/cli/main.js');
await import('../../src/scan.js');
