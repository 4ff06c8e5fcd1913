import { findBadCharacter, isDigitOrUpper, reportBadCharacter, reportEmpty, reportLength } from './characterChecks.js';
import { prepareIdentifier } from './normalizeIdentifier.js';
import { message, toResult, type ValidateOptions, type ValidationResult } from './validationResult.js';

/** 开户许可证核准号 — the approval number of a bank account permit (spec §4). */
export interface AccountPermitParsed {
  /** The leading letter: J = basic account; L and Z are unverified. */
  prefix: string;
  /** Its account type when known (`基本存款账户` for J), else null. */
  accountType: string | null;
}

const PATTERN = /^[JLZ]\d{13}$/;
/** Longer than any permit number: not an identifier at all. */
const MAX_LENGTH = 32;

/**
 * Validates a 开户许可证 approval number (kind `account-permit`). The spec has no strict rule,
 * only the loose pattern `^[JLZ]\d{13}$` (warning): so only a value that cannot be a number
 * (empty, characters other than digits and letters, over 32 long) is an error. Permits are not
 * issued since 2019–20, which is noted as info.
 */
export function validateAccountPermit(raw: string, _opts?: ValidateOptions): ValidationResult<AccountPermitParsed> {
  const { s, findings, length } = prepareIdentifier(raw);
  if (length === 0) {
    reportEmpty(findings);
    return toResult('account-permit', raw, s, findings, null);
  }
  const bad = findBadCharacter(s, isDigitOrUpper);
  if (bad) reportBadCharacter(findings, bad, '字母和数字', 'letters and digits');
  if (length > MAX_LENGTH) reportLength(findings, length, `不超过${MAX_LENGTH}位`, `at most ${MAX_LENGTH}`);
  if (bad || length > MAX_LENGTH) return toResult('account-permit', raw, s, findings, null);

  if (!PATTERN.test(s)) {
    findings.warnings.push(
      message('account-permit.pattern', '核准号通常为J、L或Z＋13位数字，请核对', 'an approval number is usually J, L or Z + 13 digits; please confirm'),
    );
  } else if (s[0] !== 'J') {
    findings.warnings.push(
      message('account-permit.prefix-unverified', `首字母${s[0]}的账户类型未经核实，请核对`, `the account type of prefix ${s[0]} is unverified; please confirm`),
    );
  }
  findings.info.push(message('account-permit.discontinued', '开户许可证自2019–2020年起不再核发', 'account permits have not been issued since 2019–20'));
  return toResult('account-permit', raw, s, findings, { prefix: s[0], accountType: s[0] === 'J' ? '基本存款账户' : null });
}
