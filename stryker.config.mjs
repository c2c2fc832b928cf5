// @ts-check
// `npm run mutate`: StrykerJS over the pipeline stages and rules, with the vitest runner. Incremental, so a rerun
// after a change tests only the mutants that change touched. Reports (HTML, JSON) and the incremental file go to
// reports/mutation/, which git ignores. Survivors that cannot be killed are listed, with the reason, in
// test/mutation-equivalents.md.
import { tmpdir } from 'node:os';
import path from 'node:path';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  coverageAnalysis: 'perTest',
  mutate: [
    'src/discover/**/*.ts',
    'src/parse/**/*.ts',
    'src/scope/**/*.ts',
    'src/policy/**/*.ts',
    'src/rules/**/*.ts',
    'src/report/**/*.ts',
    'src/scan.ts',
    'src/model.ts',
  ],
  ignoreStatic: true,
  // Stryker would otherwise put \`// @ts-nocheck\` at the top of every .ts file under test/, fixtures included, which
  // moves every line the fixtures expect by one. Vitest does not type-check, so nothing needs it.
  disableTypeChecks: false,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // In place: a sandbox copy loses the fixtures' symlinks and sits where git lists its files as ignored, so the
  // suite would not run as it does here. Stryker restores the sources when it ends; do not edit src/ meanwhile.
  inPlace: true,
  tempDirName: path.join(tmpdir(), 'claude-code-policy-stryker'),
  concurrency: 2,
  timeoutMS: 20_000,
  thresholds: { high: 90, low: 85, break: null },
  cleanTempDir: 'always',
};
