// The conditions the suite relies on to catch date and randomness bugs (vitest.config.ts, test/setup/).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAST_CHECK_SEED } from './setup/fast-check.js';

describe('the test run', () => {
  it('is in a time zone away from UTC, so a date read in local time shows', () => {
    expect(process.env.TZ).toBe('Pacific/Chatham');
    // 12:45 ahead in winter, 13:45 in summer: the local date differs from UTC's from 10:15 or 11:15 UTC on.
    expect(new Date('2026-07-01T12:00:00Z').getTimezoneOffset()).toBe(-765);
    expect(new Date('2026-01-01T12:00:00Z').getTimezoneOffset()).toBe(-825);
    expect(new Date('2026-11-22T12:00:00Z').getDate()).toBe(23);
  });

  it('gives every fast-check run the same seed', () => {
    expect(fc.readConfigureGlobal().seed).toBe(FAST_CHECK_SEED);
    expect(Number.isInteger(FAST_CHECK_SEED)).toBe(true);
  });
});
