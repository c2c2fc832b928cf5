import { defineConfig } from 'vitest/config';

// The suite runs far from UTC (UTC+12:45, +13:45 in the southern summer, a date ahead of UTC most of the day), so
// that a date read in local time instead of UTC fails a test. Set here, before the workers start, so they inherit it.
process.env.TZ = 'Pacific/Chatham';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    setupFiles: ['test/setup/fast-check.ts', 'test/setup/load-yaml.ts'],
    globalSetup: ['test/setup/corpus.ts'],
    // In CI the results are also written as JSON, from which .ci/run prints its closing "N passed, N failed" line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'build/vitest-results.json' },
  },
});
