import { codePointLength, reportEmpty, reportLength } from './characterChecks.js';
import { normalizeIdentifier } from './normalizeIdentifier.js';
import { validateGs15, type Gs15Parsed } from './validateGs15.js';
import { validateUscc, type UsccParsed } from './validateUscc.js';
import { newFindings, toResult, type ValidateOptions, type ValidationResult } from './validationResult.js';

/** 营业执照 — a business licence's number, in whichever form it has. */
export type BusinessLicenceParsed =
  | { /** 18 characters: a USCC (§3). */ form: 'uscc'; /** Its fields. */ uscc: UsccParsed }
  | { /** 15 digits: an old registration number (§3). */ form: 'gs15'; /** Its fields. */ gs15: Gs15Parsed };

/**
 * Validates a business licence number (kind `business-licence`): a USCC (18) or a GS 15
 * registration number (15), chosen by length, each with its own rules. The 正本/副本 flag of
 * spec §4's loose column is a notice field, not part of the number.
 */
export function validateBusinessLicence(raw: string, opts?: ValidateOptions): ValidationResult<BusinessLicenceParsed> {
  const length = codePointLength(normalizeIdentifier(raw).normalized);
  if (length === 18) {
    const r = validateUscc(raw, opts);
    return { ...r, kind: 'business-licence', parsed: r.parsed && { form: 'uscc', uscc: r.parsed } };
  }
  if (length === 15) {
    const r = validateGs15(raw, opts);
    return { ...r, kind: 'business-licence', parsed: r.parsed && { form: 'gs15', gs15: r.parsed } };
  }
  const { normalized, warnings } = normalizeIdentifier(raw);
  const findings = newFindings();
  findings.warnings.push(...warnings);
  if (length === 0) reportEmpty(findings);
  else reportLength(findings, length, '18位（统一社会信用代码）或15位（注册号）', '18 (USCC) or 15 (registration number)');
  return toResult('business-licence', raw, normalized, findings, null);
}
