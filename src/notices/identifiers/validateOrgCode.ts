import { orgCodeCheckChar } from './checkCharacters.js';
import { codePointLength, findBadCharacter, isDigit, isDigitOrUpper, reportBadCharacter, reportEmpty, reportLength } from './characterChecks.js';
import { normalizeIdentifier } from './normalizeIdentifier.js';
import { message, newFindings, toResult, type Findings, type ValidateOptions, type ValidationResult } from './validationResult.js';

/** 组织机构代码 — an organisation code (GB 11714-1997, spec §3). */
export interface OrgCodeParsed {
  /** The 8 body characters. */
  body: string;
  /** The check character as printed. */
  checkChar: string;
  /** The check character the body calls for. */
  expectedCheckChar: string;
  /** The printed form `XXXXXXXX-C`. */
  display: string;
}

/** Body characters 0–9 A–Z; the check character 0–9 or X. */
export function isOrgCodeChar(codePoint: number, position: number): boolean {
  return position < 8 ? isDigitOrUpper(codePoint) : isDigit(codePoint) || codePoint === 0x58;
}

/**
 * Validates an organisation code (kind `orgcode`): 8 body characters and a check, printed
 * `XXXXXXXX-C` (the hyphen is stripped by §0 normalisation).
 */
export function validateOrgCode(raw: string, _opts?: ValidateOptions): ValidationResult<OrgCodeParsed> {
  const { normalized: s, warnings } = normalizeIdentifier(raw);
  const findings = newFindings();
  if (warnings.length > 0) findings.warnings.push(...warnings);
  if (s.length === 0) {
    reportEmpty(findings);
    return toResult('orgcode', raw, s, findings, null);
  }
  const length = codePointLength(s);
  const bad = findBadCharacter(s, (cp, i) => (length === 9 ? isOrgCodeChar(cp, i) : isDigitOrUpper(cp)));
  if (bad) reportBadCharacter(findings, bad, '数字或大写字母，校验码为数字或X', 'digits or capitals; the check is a digit or X');
  if (length !== 9) reportLength(findings, length, '9位（8位本体＋1位校验码）', '9 (8 body + 1 check)');
  if (bad || length !== 9) return toResult('orgcode', raw, s, findings, null);
  return toResult('orgcode', raw, s, findings, readOrgCode(s, 0, findings, 'orgcode.check'));
}

/**
 * Checks the organisation code at `s[start … start+8]` (also inside a USCC, positions 9–17,
 * where the error code is `uscc.org-check`).
 */
export function readOrgCode(s: string, start: number, findings: Findings, errorCode: string): OrgCodeParsed {
  const body = s.slice(start, start + 8);
  const checkChar = s[start + 8];
  const expectedCheckChar = orgCodeCheckChar(s, start);
  if (checkChar !== expectedCheckChar) {
    findings.errors.push(
      message(
        errorCode,
        `组织机构代码${body}-${checkChar}的校验码应为${expectedCheckChar}`,
        `organisation code ${body}-${checkChar}: check character should be ${expectedCheckChar}`,
      ),
    );
  }
  return { body, checkChar, expectedCheckChar, display: `${body}-${checkChar}` };
}
