// The order of findings when a file's name reads as a number: a finding without a file still comes last (a
// comparison of null with "1" would put it first).
import { describe, expect, it } from 'vitest';
import { compareFindings } from '../src/model.js';

describe('the order of findings without a file', () => {
  it('puts a finding without a file after one in a file named like a number, either way round', () => {
    const at = (ruleId: string, file: string | null) =>
      ({ ruleId, file, line: 1, column: 1 }) as Parameters<typeof compareFindings>[0];
    const sorted = [at('ZDR001', null), at('NET001', '1'), at('NET002', '0')].sort(compareFindings);
    expect(sorted.map((f) => `${f.ruleId} ${f.file}`)).toEqual(['NET002 0', 'NET001 1', 'ZDR001 null']);
    expect(compareFindings(at('ZDR001', null), at('NET001', '1'))).toBe(1);
    expect(compareFindings(at('NET001', '1'), at('ZDR001', null))).toBe(-1);
  });
});
