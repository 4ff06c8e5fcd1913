import { codePointLength, findBadCharacter, reportBadCharacter, reportEmpty, reportLength } from './characterChecks.js';
import { normalizeIdentifier } from './normalizeIdentifier.js';
import { ID18_CHARSET_EN, ID18_CHARSET_ZH, isId18Char, readId18, type Sex } from './readId18.js';
import { message, newFindings, toResult, type ValidateOptions, type ValidationResult } from './validationResult.js';

/** The fixed codes of 港澳台居民居住证 in positions 1–6 (spec §4). */
export const HMT_PERMIT_CODES: Readonly<Record<string, { region: 'HK' | 'MO' | 'TW'; name: string }>> = {
  '810000': { region: 'HK', name: '香港' },
  '820000': { region: 'MO', name: '澳门' },
  '830000': { region: 'TW', name: '台湾' },
};

/** 港澳台居民居住证 — the fields of a Hong Kong, Macau or Taiwan residence permit number. */
export interface HmtPermitParsed {
  /** Positions 1–6: `810000`, `820000` or `830000`. */
  code: string;
  /** HK, MO or TW; null when the code is none of them. */
  region: 'HK' | 'MO' | 'TW' | null;
  /** Chinese name of the region, e.g. `香港`; null as above. */
  regionName: string | null;
  /** Birth date `YYYY-MM-DD`; null when the date does not exist. */
  birthDate: string | null;
  /** From position 17. */
  sex: Sex;
  /** Positions 15–17. */
  sequence: string;
  /** Position 18 as printed. */
  checkChar: string;
  /** The MOD 11-2 check character positions 1–17 call for. */
  expectedCheckChar: string;
}

/** Validates a 港澳台居民居住证 number (kind `hmt`): the fixed code, then everything of §1. */
export function validateHmtPermit(raw: string, opts?: ValidateOptions): ValidationResult<HmtPermitParsed> {
  const { normalized: s, warnings } = normalizeIdentifier(raw);
  const findings = newFindings();
  if (warnings.length > 0) findings.warnings.push(...warnings);
  if (s.length === 0) {
    reportEmpty(findings);
    return toResult('hmt', raw, s, findings, null);
  }
  const length = codePointLength(s);
  const bad = findBadCharacter(s, length === 18 ? isId18Char : (cp) => isId18Char(cp, 17));
  if (bad) reportBadCharacter(findings, bad, ID18_CHARSET_ZH, ID18_CHARSET_EN);
  if (length !== 18) reportLength(findings, length, '18位', '18');
  if (bad || length !== 18) return toResult('hmt', raw, s, findings, null);

  const code = s.slice(0, 6);
  const permit = Object.hasOwn(HMT_PERMIT_CODES, code) ? HMT_PERMIT_CODES[code] : null;
  if (!permit) {
    findings.errors.push(
      message(
        'hmt.code',
        `前6位${code}不是居住证代码（香港810000、澳门820000、台湾830000）`,
        `${code} is not a residence permit code (810000 Hong Kong, 820000 Macau, 830000 Taiwan)`,
      ),
    );
  }
  const fields = readId18(s, findings, opts);
  return toResult('hmt', raw, s, findings, {
    code,
    region: permit?.region ?? null,
    regionName: permit?.name ?? null,
    ...fields,
  });
}
