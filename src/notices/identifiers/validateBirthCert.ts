import { digitsValue, findBadCharacter, isDigit, isDigitOrUpper, isUpperLetter, reportBadCharacter, reportEmpty, reportLength } from './characterChecks.js';
import { prepareIdentifier } from './normalizeIdentifier.js';
import { PROVINCE_PREFIXES_TEXT, isProvincePrefix, lookupRegion } from './regionData.js';
import { message, toResult, type ValidateOptions, type ValidationResult } from './validationResult.js';

/** 出生医学证明编号 — the fields of a birth certificate number (spec §4). */
export interface BirthCertParsed {
  /** Position 1, the print batch/year letter. */
  batch: string;
  /** Positions 2–3, the province the certificate was numbered in. */
  provinceCode: string;
  /** Its name, e.g. `江苏省`; null when not a province code. */
  province: string | null;
  /** Positions 2–10, the nine digits. */
  serial: string;
}

/**
 * Validates a birth certificate number (kind `birth-cert`): strict `^[A-Z]\d{9}$` (errors);
 * digits 2–3 should be a province code (loose: warning). The 7th edition's barcode
 * (from 2023-04-01) is not part of the number.
 */
export function validateBirthCert(raw: string, _opts?: ValidateOptions): ValidationResult<BirthCertParsed> {
  const { s, findings, length } = prepareIdentifier(raw);
  if (length === 0) {
    reportEmpty(findings);
    return toResult('birth-cert', raw, s, findings, null);
  }
  const bad = findBadCharacter(s, length === 10 ? (cp, i) => (i === 0 ? isUpperLetter(cp) : isDigit(cp)) : isDigitOrUpper);
  if (bad) reportBadCharacter(findings, bad, '1个字母加9位数字', 'one letter then 9 digits');
  if (length !== 10) reportLength(findings, length, '10位（1个字母＋9位数字）', '10 (a letter and 9 digits)');
  if (bad || length !== 10) return toResult('birth-cert', raw, s, findings, null);

  const provinceNumber = digitsValue(s, 1, 2);
  const provinceCode = s.slice(1, 3);
  const known = isProvincePrefix(provinceNumber);
  if (!known) {
    findings.warnings.push(
      message(
        'birth-cert.province',
        `第2–3位${provinceCode}不是省级代码（应为${PROVINCE_PREFIXES_TEXT}），请核对`,
        `digits 2–3 (${provinceCode}) are not a province code (expected ${PROVINCE_PREFIXES_TEXT}); please confirm`,
      ),
    );
  }
  const province = known ? (lookupRegion(provinceNumber * 10000)?.name ?? null) : null;
  return toResult('birth-cert', raw, s, findings, { batch: s[0], provinceCode, province, serial: s.slice(1) });
}
