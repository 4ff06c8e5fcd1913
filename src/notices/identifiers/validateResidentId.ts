import { checkBirthDate } from './checkBirthDate.js';
import { residentIdCheckChar } from './checkCharacters.js';
import { codePointLength, digitsValue, findBadCharacter, isDigit, reportBadCharacter, reportEmpty, reportLength } from './characterChecks.js';
import { checkResidentRegion } from './checkRegion.js';
import type { IdentifierKind } from './identifierKind.js';
import { normalizeIdentifier } from './normalizeIdentifier.js';
import { ID18_CHARSET_EN, ID18_CHARSET_ZH, isId18Char, readId18, type Sex } from './readId18.js';
import type { RegionRecord } from './regionData.js';
import { newFindings, toResult, type Findings, type ValidateOptions, type ValidationResult } from './validationResult.js';

/** 居民身份证号码 — the fields of a resident ID number (GB 11643, spec §1). */
export interface ResidentIdParsed {
  /** 18 (GB 11643-1999) or 15 (GB 11643-1989: two-digit year, no check digit). */
  length: 18 | 15;
  /** Address code of first issue, positions 1–6. */
  regionCode: string;
  /** Its GB/T 2260 record (possibly abolished), or null when the code is in no revision. */
  region: RegionRecord | null;
  /** Birth date `YYYY-MM-DD`; null when the date does not exist. */
  birthDate: string | null;
  /** Odd sequence digit male, even female. */
  sex: Sex;
  /** The three sequence digits. */
  sequence: string;
  /** The check character as printed; null for a 15-digit number, which has none. */
  checkChar: string | null;
  /** The MOD 11-2 check character the other digits call for. */
  expectedCheckChar: string;
  /**
   * The 18-character form: the number itself, or for 15 digits `19` inserted after position 6
   * and the check appended. Used for checking only; print the number as submitted.
   */
  id18: string;
}

/** Validates a resident ID of 18 or 15 digits (kind `id`). */
export function validateResidentId(raw: string, opts?: ValidateOptions, kind: IdentifierKind = 'id'): ValidationResult<ResidentIdParsed> {
  const { normalized, warnings } = normalizeIdentifier(raw);
  const findings = newFindings();
  if (warnings.length > 0) findings.warnings.push(...warnings);
  return toResult(kind, raw, normalized, findings, readResidentId(normalized, findings, opts));
}

/** Reads a normalised resident ID of either length into `findings`; null when it cannot be split into fields. */
export function readResidentId(s: string, findings: Findings, opts?: ValidateOptions): ResidentIdParsed | null {
  if (s.length === 0) {
    reportEmpty(findings);
    return null;
  }
  const length = codePointLength(s);
  if (length === 18) {
    const bad = findBadCharacter(s, isId18Char);
    if (bad) {
      reportBadCharacter(findings, bad, ID18_CHARSET_ZH, ID18_CHARSET_EN);
      return null;
    }
    return readResidentId18(s, findings, opts);
  }
  if (length === 15) {
    const bad = findBadCharacter(s, isDigit);
    if (bad) {
      reportBadCharacter(findings, bad, '数字（15位号码没有X）', 'digits (15-digit numbers have no X)');
      return null;
    }
    return readResidentId15(s, findings, opts);
  }
  const bad = findBadCharacter(s, (cp) => isDigit(cp) || cp === 0x58);
  if (bad) reportBadCharacter(findings, bad, ID18_CHARSET_ZH, ID18_CHARSET_EN);
  reportLength(findings, length, '18位或15位', '18 or 15');
  return null;
}

/**
 * Reads an 18-character ID whose character set is checked; only positions 1–18 are read, so a
 * disability certificate (ID + 2 digits) goes through here too.
 */
export function readResidentId18(s: string, findings: Findings, opts?: ValidateOptions): ResidentIdParsed {
  const fields = readId18(s, findings, opts);
  const { code, region } = checkResidentRegion(s, 0, findings);
  return {
    length: 18,
    regionCode: code,
    region,
    birthDate: fields.birthDate,
    sex: fields.sex,
    sequence: fields.sequence,
    checkChar: fields.checkChar,
    expectedCheckChar: fields.expectedCheckChar,
    id18: s.length === 18 ? s : s.slice(0, 18),
  };
}

function readResidentId15(s: string, findings: Findings, opts?: ValidateOptions): ResidentIdParsed {
  const id17 = s.slice(0, 6) + '19' + s.slice(6);
  const expectedCheckChar = residentIdCheckChar(id17);
  const birthDate = checkBirthDate(1900 + digitsValue(s, 6, 2), digitsValue(s, 8, 2), digitsValue(s, 10, 2), findings, opts);
  const { code, region } = checkResidentRegion(s, 0, findings);
  return {
    length: 15,
    regionCode: code,
    region,
    birthDate,
    sex: (s.charCodeAt(14) - 0x30) % 2 === 1 ? 'male' : 'female',
    sequence: s.slice(12, 15),
    checkChar: null,
    expectedCheckChar,
    id18: id17 + expectedCheckChar,
  };
}
