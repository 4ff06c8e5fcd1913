import { reportEmpty } from './characterChecks.js';
import { prepareIdentifier } from './normalizeIdentifier.js';
import { message, toResult, type ValidateOptions, type ValidationResult } from './validationResult.js';

/** 台湾居民来往大陆通行证 — the fields of a Taiwan compatriot permit number (spec §4). */
export interface TaiwanPermitParsed {
  /** `current`: 8-digit lifelong number (since 2008-09-25); `old`: an older card's form. */
  form: 'current' | 'old';
  /** The 8-digit lifelong number. */
  lifelongNumber: string;
  /** Old form only: the 2-digit issue count. */
  issueCount: string | null;
  /** Old form only: the issuing office letter, when given. */
  officeCode: string | null;
}

const CURRENT = /^(\d{8})$/;
// Old cards add an issue count and an office code [中新网 2008]; the exact printed form is not
// documented, so 8 + 2 digits with an optional letter, bracketed or not, is accepted with a warning.
const OLD = /^(\d{8})(\d{2})(?:\(([A-Z])\)|([A-Z]))?$/;

/** Validates a 台湾居民来往大陆通行证 number (kind `taiwan-permit`): strict `^\d{8}$`; old forms warn. */
export function validateTaiwanPermit(raw: string, _opts?: ValidateOptions): ValidationResult<TaiwanPermitParsed> {
  const { s, findings, length } = prepareIdentifier(raw);
  if (length === 0) {
    reportEmpty(findings);
    return toResult('taiwan-permit', raw, s, findings, null);
  }
  const current = CURRENT.exec(s);
  if (current) return toResult('taiwan-permit', raw, s, findings, { form: 'current', lifelongNumber: current[1], issueCount: null, officeCode: null });
  const old = OLD.exec(s);
  if (old) {
    findings.warnings.push(
      message(
        'taiwan-permit.old-form',
        '旧版通行证号码（8位终身号＋换证次数＋签发机关代码），请对照证件核对',
        'old-card form (8-digit number + issue count + office code); please compare with the card',
      ),
    );
    return toResult('taiwan-permit', raw, s, findings, { form: 'old', lifelongNumber: old[1], issueCount: old[2], officeCode: old[3] ?? old[4] ?? null });
  }
  findings.errors.push(message('taiwan-permit.pattern', '应为8位数字', 'expected 8 digits'));
  return toResult('taiwan-permit', raw, s, findings, null);
}
