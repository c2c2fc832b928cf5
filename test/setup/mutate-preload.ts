// `npm run mutate` only (vitest.mutate.config.ts). Without isolation each module is evaluated once per worker, by
// whichever test first imports it. When that is a test that imports it on demand (runInProcess imports the Action
// inside the test), the module's top-level code (schemas, constants, regexes) runs inside that one test, and
// Stryker takes each of its static mutants for a mutant that test alone covers: it runs it there, where it can only
// survive, instead of leaving it out (ignoreStatic). Which test comes first depends on the file order, so the score
// did too. Importing the entry points here, before any test, evaluates every module outside a test.
import { beforeEach } from 'vitest';

await import('../../src/action/main.js');
await import('../../src/cli/main.js');
await import('../../src/scan.js');

// What the program builds once and keeps (settings schemas, the walk's name filters) is built again for every
// test: built once, by whichever test came first, it would hide every mutant in the code that builds it from all
// the tests after that one.
const { forgetBuiltSchemas } = await import('../../src/scope/settings-schema.js');
const { forgetNameFilters } = await import('../../src/discover/candidates.js');
beforeEach(() => {
  forgetBuiltSchemas();
  forgetNameFilters();
});
