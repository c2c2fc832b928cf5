// The suite as `npm run mutate` runs it: the same tests, less the ones that run the built bundle or npm in a child
// process. A child process never sees Stryker's active mutant, so those tests cannot kill one; they only add
// minutes to every mutant they cover.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

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
    },
  }),
);
