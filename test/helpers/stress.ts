import { it } from 'vitest';

/**
 * A test that feeds megabytes to a parser or builds thousands of files: it guards a size cap or linear time.
 * `npm run mutate` instruments every statement, which makes these 10–40 times slower, past any timeout, so the
 * mutation run leaves them out (vitest.mutate.config.ts sets CLAUDE_CODE_POLICY_MUTATION). `npm test` runs them.
 */
export const stressIt = it.skipIf(process.env.CLAUDE_CODE_POLICY_MUTATION === '1');
