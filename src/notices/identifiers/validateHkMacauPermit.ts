import { reportEmpty } from './characterChecks.js';
import { prepareIdentifier } from './normalizeIdentifier.js';
import { message, toResult, type ValidateOptions, type ValidationResult } from './validationResult.js';

/** 港澳居民来往内地通行证 — the fields of a Home Return Permit number (spec §4). */
export interface HkMacauPermitParsed {
  /** `H` Hong Kong, `M` Macau. */
  region: 'HK' | 'MO';
  /** The 8-digit lifelong number. */
  lifelongNumber: string;
  /** The 2-digit issue count, or null when the 9-character form was given. */
  issueCount: string | null;
}

const PATTERN = /^([HM])(\d{8})(\d{2})?$/;

/**
 * Validates a 港澳居民来往内地通行证 number (kind `hk-macau-permit`): strict
 * `^[HM]\d{8}(\d{2})?$` (MPS rule, 2010). The 9-character form without the issue count is what
 * newer cards display **[unverified]**, so it passes with an info note.
 */
export function validateHkMacauPermit(raw: string, _opts?: ValidateOptions): ValidationResult<HkMacauPermitParsed> {
  const { s, findings, length } = prepareIdentifier(raw);
  if (length === 0) {
    reportEmpty(findings);
    return toResult('hk-macau-permit', raw, s, findings, null);
  }
  const match = PATTERN.exec(s);
  if (!match) {
    findings.errors.push(
      message(
        'hk-macau-permit.pattern',
        '格式应为H或M＋8位终身号码＋2位换证次数（或仅前9位）',
        'expected H or M + 8-digit lifelong number + 2-digit issue count (or the first 9 characters only)',
      ),
    );
    return toResult('hk-macau-permit', raw, s, findings, null);
  }
  const issueCount = match[3] ?? null;
  if (issueCount === null) {
    findings.info.push(
      message(
        'hk-macau-permit.no-issue-count',
        '未含2位换证次数；新版证件仅显示9位（未经核实）',
        'no 2-digit issue count; newer cards are said to show 9 characters (unverified)',
      ),
    );
  }
  return toResult('hk-macau-permit', raw, s, findings, { region: match[1] === 'H' ? 'HK' : 'MO', lifelongNumber: match[2], issueCount });
}
