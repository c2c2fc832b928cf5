// The suite as `npm run mutate` runs it: the same tests, less the ones that run the built bundle or npm in a child
// process. A child process never sees Stryker's active mutant, so those tests cannot kill one; they only add
// minutes to every mutant they cover.
//
// Without isolation: each mutant reruns the tests that cover it, and re-importing the modules for every test file
// cost more than the tests. Mutants switch at run time (Stryker's global active mutant), so a shared module graph
// still sees each one.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// Read by test/helpers/stress.ts: the tests that feed megabytes to a parser are left out, since instrumented code
// runs them past any timeout. The property tests draw fewer cases per mutant (RUNS, unless set).
process.env.CLAUDE_CODE_POLICY_MUTATION = '1';
process.env.RUNS ??= '60';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        'test/action-dist.test.ts',
        'test/attacks.test.ts',
        'test/package.test.ts',
        'node_modules/**',
      ],
      reporters: ['default'],
      isolate: false,
      // Appended to the base config's setup files (mergeConfig joins lists).
      setupFiles: ['test/setup/mutate-preload.ts'],
    },
  }),
);
