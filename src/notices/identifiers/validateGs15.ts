import { gs15CheckDigit } from './checkCharacters.js';
import { codePointLength, digitsValue, findBadCharacter, isDigit, reportBadCharacter, reportEmpty, reportLength } from './characterChecks.js';
import { normalizeIdentifier } from './normalizeIdentifier.js';
import { lookupRegion, type RegionRecord } from './regionData.js';
import { message, newFindings, toResult, type ValidateOptions, type ValidationResult } from './validationResult.js';

/** 工商注册号 — the old 15-digit business registration number (GS 15-2006, spec §3). */
export interface Gs15Parsed {
  /** Positions 1–6, the registering authority's region code. */
  regionCode: string;
  /** Its record when known; the spec sets no rule on it, so an unknown code raises nothing. */
  region: RegionRecord | null;
  /** Positions 7–14, the sequence. */
  sequence: string;
  /** Position 15 as printed. */
  checkDigit: string;
  /** The ISO 7064 MOD 11,10 check digit positions 1–14 call for. */
  expectedCheckDigit: string;
}

/** Validates a 15-digit registration number (kind `gs15`): digits and the MOD 11,10 check. */
export function validateGs15(raw: string, _opts?: ValidateOptions): ValidationResult<Gs15Parsed> {
  const { normalized: s, warnings } = normalizeIdentifier(raw);
  const findings = newFindings();
  if (warnings.length > 0) findings.warnings.push(...warnings);
  if (s.length === 0) {
    reportEmpty(findings);
    return toResult('gs15', raw, s, findings, null);
  }
  const length = codePointLength(s);
  const bad = findBadCharacter(s, isDigit);
  if (bad) reportBadCharacter(findings, bad, '数字', 'digits');
  if (length !== 15) reportLength(findings, length, '15位', '15');
  if (bad || length !== 15) return toResult('gs15', raw, s, findings, null);

  const expectedCheckDigit = gs15CheckDigit(s);
  const checkDigit = s[14];
  if (checkDigit !== expectedCheckDigit) {
    findings.errors.push(
      message('gs15.check', `校验位应为${expectedCheckDigit}，实为${checkDigit}`, `check digit should be ${expectedCheckDigit}, not ${checkDigit}`),
    );
  }
  const region = lookupRegion(digitsValue(s, 0, 6)) ?? null;
  return toResult('gs15', raw, s, findings, {
    regionCode: s.slice(0, 6),
    region,
    sequence: s.slice(6, 14),
    checkDigit,
    expectedCheckDigit,
  });
}
