import { reportEmpty } from './characterChecks.js';
import { prepareIdentifier } from './normalizeIdentifier.js';
import { message, toResult, type ValidateOptions, type ValidationResult } from './validationResult.js';

/** 护照种类 — which passport series a number belongs to. */
export type PassportSeries =
  | 'ordinary-e-2012'
  | 'ordinary-e-2017'
  | 'ordinary-g'
  | 'old-numeric'
  | 'diplomatic'
  | 'service'
  | 'public-affairs'
  | 'hksar'
  | 'msar';

/** 护照号码 — what the pattern set of spec §4 tells about a passport number. */
export interface PassportParsed {
  /** The series the number matches. */
  series: PassportSeries;
  /** Its description, e.g. `普通电子护照（2017年4月起，E＋字母＋7位数字）`. */
  description: string;
  /** Issuing authority: PRC, Hong Kong SAR or Macau SAR. */
  issuer: 'CN' | 'HK' | 'MO';
  /** Always false: no check digit exists outside the machine-readable zone. */
  hasCheckDigit: false;
}

interface PassportPattern {
  pattern: RegExp;
  series: PassportSeries;
  description: string;
  issuer: 'CN' | 'HK' | 'MO';
}

// Spec §4 [third-party pages]; compiled once.
const PATTERNS: readonly PassportPattern[] = [
  { pattern: /^E\d{8}$/, series: 'ordinary-e-2012', description: '普通电子护照（2012年起，E＋8位数字）', issuer: 'CN' },
  { pattern: /^E[A-HJ-NP-Z]\d{7}$/, series: 'ordinary-e-2017', description: '普通电子护照（2017年4月起，E＋字母＋7位数字）', issuer: 'CN' },
  { pattern: /^G\d{8}$/, series: 'ordinary-g', description: '旧版普通护照（G＋8位数字）', issuer: 'CN' },
  { pattern: /^1[45]\d{7}$/, series: 'old-numeric', description: '旧版护照（14/15＋7位数字）', issuer: 'CN' },
  { pattern: /^DE\d{7}$/, series: 'diplomatic', description: '外交护照（DE＋7位数字）', issuer: 'CN' },
  { pattern: /^SE\d{7}$/, series: 'service', description: '公务护照（SE＋7位数字）', issuer: 'CN' },
  { pattern: /^PE\d{7}$/, series: 'public-affairs', description: '公务普通护照（PE＋7位数字）', issuer: 'CN' },
  { pattern: /^K\d{8}$/, series: 'hksar', description: '香港特别行政区护照（K＋8位数字）', issuer: 'HK' },
  { pattern: /^MA\d{7}$/, series: 'msar', description: '澳门特别行政区护照（MA＋7位数字）', issuer: 'MO' },
];

/**
 * Validates a PRC, HKSAR or MSAR passport number (kind `passport`) against the pattern set of
 * spec §4 (strict: no match is an error). There is no check digit outside the MRZ, so a
 * matching number can still be mistyped; `parsed.hasCheckDigit` says so.
 */
export function validatePassport(raw: string, _opts?: ValidateOptions): ValidationResult<PassportParsed> {
  const { s, findings, length } = prepareIdentifier(raw);
  if (length === 0) {
    reportEmpty(findings);
    return toResult('passport', raw, s, findings, null);
  }
  const match = PATTERNS.find((p) => p.pattern.test(s));
  if (!match) {
    findings.errors.push(
      message(
        'passport.pattern',
        '不符合任何护照号码格式（E＋8位、E＋字母＋7位、G＋8位、14/15＋7位、DE/SE/PE＋7位、K＋8位、MA＋7位）',
        'matches no passport number format (E+8, E+letter+7, G+8, 14/15+7, DE/SE/PE+7, K+8, MA+7)',
      ),
    );
    return toResult('passport', raw, s, findings, null);
  }
  return toResult('passport', raw, s, findings, {
    series: match.series,
    description: match.description,
    issuer: match.issuer,
    hasCheckDigit: false,
  });
}
