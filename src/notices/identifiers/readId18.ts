import { checkBirthDate } from './checkBirthDate.js';
import { residentIdCheckChar } from './checkCharacters.js';
import { digitsValue, isDigit } from './characterChecks.js';
import { message, type Findings, type ValidateOptions } from './validationResult.js';

/** 性别 — from the sequence's last digit: odd male, even female (spec §1). */
export type Sex = 'male' | 'female';

/** The fields every 18-character MOD 11-2 number shares (resident ID, 居住证, new 永久居留证). */
export interface Id18Fields {
  /** Birth date `YYYY-MM-DD` (positions 7–14); null when that date does not exist. */
  birthDate: string | null;
  /** From position 17: odd male, even female. */
  sex: Sex;
  /** Positions 15–17. */
  sequence: string;
  /** Position 18 as printed. */
  checkChar: string;
  /** The MOD 11-2 check character positions 1–17 call for. */
  expectedCheckChar: string;
}

/** The character set of an 18-character ID: digits, and `X` only as the check at position 18. */
export function isId18Char(codePoint: number, position: number): boolean {
  return isDigit(codePoint) || (position === 17 && codePoint === 0x58);
}

/** Description of isId18Char for messages. */
export const ID18_CHARSET_ZH = '数字，仅第18位可为X';
/** English description of isId18Char. */
export const ID18_CHARSET_EN = 'digits; X only at position 18';

/**
 * Reads positions 7–18 of an 18-character number whose character set is already checked:
 * the MOD 11-2 check (error), the birth date (§1 rules) and the sex. Positions 1–6 differ by
 * kind, so the caller checks them.
 */
export function readId18(s: string, findings: Findings, opts?: ValidateOptions): Id18Fields {
  const expectedCheckChar = residentIdCheckChar(s);
  const checkChar = s[17];
  if (checkChar !== expectedCheckChar) {
    findings.errors.push(
      message('id.check', `校验码应为${expectedCheckChar}，实为${checkChar}`, `check character should be ${expectedCheckChar}, not ${checkChar}`),
    );
  }
  const birthDate = checkBirthDate(digitsValue(s, 6, 4), digitsValue(s, 10, 2), digitsValue(s, 12, 2), findings, opts);
  const sex: Sex = (s.charCodeAt(16) - 0x30) % 2 === 1 ? 'male' : 'female';
  return { birthDate, sex, sequence: s.slice(14, 17), checkChar, expectedCheckChar };
}
