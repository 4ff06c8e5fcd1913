import { findBadCharacter, isDigitOrUpper, reportBadCharacter, reportEmpty, reportLength } from './characterChecks.js';
import { prepareIdentifier } from './normalizeIdentifier.js';
import { message, toResult, type ValidateOptions, type ValidationResult } from './validationResult.js';

/** 印章编码 — a police seal code (spec §4). */
export interface SealCodeParsed {
  /** Whether it has the common 13-digit form. */
  thirteenDigits: boolean;
}

const PATTERN = /^\d{13}$/;
const MAX_LENGTH = 32;

/**
 * Validates a seal code (kind `seal-code`). The format varies by city **[unverified]**, so
 * `^\d{13}$` is only a hint (warning); a value that cannot be a code (empty, characters other
 * than digits and letters, over 32 long) is an error. The strict rule of §4 — seal type,
 * organisation name and USCC — concerns the whole notice, not this number.
 */
export function validateSealCode(raw: string, _opts?: ValidateOptions): ValidationResult<SealCodeParsed> {
  const { s, findings, length } = prepareIdentifier(raw);
  if (length === 0) {
    reportEmpty(findings);
    return toResult('seal-code', raw, s, findings, null);
  }
  const bad = findBadCharacter(s, isDigitOrUpper);
  if (bad) reportBadCharacter(findings, bad, '字母和数字', 'letters and digits');
  if (length > MAX_LENGTH) reportLength(findings, length, `不超过${MAX_LENGTH}位`, `at most ${MAX_LENGTH}`);
  if (bad || length > MAX_LENGTH) return toResult('seal-code', raw, s, findings, null);
  const thirteenDigits = PATTERN.test(s);
  if (!thirteenDigits) {
    findings.warnings.push(message('seal-code.pattern', '印章编码通常为13位数字，请核对', 'a seal code usually has 13 digits; please confirm'));
  }
  return toResult('seal-code', raw, s, findings, { thirteenDigits });
}
