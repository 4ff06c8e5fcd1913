import { describe, expect, it } from 'vitest';
import {
  checkDigit731,
  gs15CheckDigit,
  orgCodeCheckChar,
  residentIdCheckChar,
  usccCheckChar,
} from '../../../src/notices/identifiers/checkCharacters.js';

describe('check characters (spec §1, §3, §4)', () => {
  it('MOD 11-2 uses the weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 and "10X98765432"', () => {
    // a single 1 at position i gives S = w_i
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    weights.forEach((w, i) => {
      const body = '0'.repeat(i) + '1' + '0'.repeat(16 - i);
      expect(residentIdCheckChar(body)).toBe('10X98765432'[w % 11]);
    });
    expect(residentIdCheckChar('32010219850612031')).toBe('7');
  });

  it('MOD 31 ends with % 31, so 31 prints as 0', () => {
    expect(usccCheckChar('91440300MA01K7Q87')).toBe('0');
    expect(usccCheckChar('91320102MA1G2K3LX')).toBe('W');
  });

  it('organisation check: 10 → X, 11 → 0', () => {
    expect(orgCodeCheckChar('MA1G2K3L')).toBe('X');
    expect(orgCodeCheckChar('12340002')).toBe('0');
    expect(orgCodeCheckChar('57461832')).toBe('8');
    expect(orgCodeCheckChar('91320102MA1G2K3L', 8)).toBe('X');
  });

  it('MOD 11,10 for GS15', () => {
    expect(gs15CheckDigit('32010200012345')).toBe('9');
    expect(gs15CheckDigit('11010500098765')).toBe('0');
    expect(gs15CheckDigit('44030000123456')).toBe('8');
  });

  it('7-3-1 with letters A = 10', () => {
    expect(checkDigit731('USA11008004121', 14)).toBe('8');
  });
});
