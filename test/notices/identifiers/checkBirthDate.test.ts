import { describe, expect, it } from 'vitest';
import { chinaToday, checkBirthDate, daysInMonth } from '../../../src/notices/identifiers/checkBirthDate.js';
import { newFindings } from '../../../src/notices/identifiers/validationResult.js';

describe('checkBirthDate', () => {
  it('takes "today" in China time (UTC+8)', () => {
    expect(chinaToday({ today: new Date('2026-05-31T16:00:00Z') })).toBe(20260601);
    expect(chinaToday({ today: new Date('2026-05-31T15:59:59Z') })).toBe(20260531);
  });

  it('knows leap years', () => {
    expect([1900, 2000, 2001, 2004].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 28, 29]);
  });

  it('returns the date, or null with an error when it does not exist', () => {
    const findings = newFindings();
    expect(checkBirthDate(2000, 2, 29, findings)).toBe('2000-02-29');
    expect(checkBirthDate(1900, 2, 29, findings)).toBeNull();
    expect(checkBirthDate(1985, 0, 12, findings)).toBeNull();
    expect(checkBirthDate(1985, 6, 0, findings)).toBeNull();
    expect(checkBirthDate(1985, 11, 31, findings)).toBeNull();
    expect(checkBirthDate(1985, 12, 31, findings)).toBe('1985-12-31');
    expect(findings.errors.map((e) => e.code)).toEqual(Array(4).fill('birth-date.invalid'));
  });
});
