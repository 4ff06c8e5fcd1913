import { checkBirthDate, chinaToday, isRealDate } from './checkBirthDate.js';
import { checkDigit731 } from './checkCharacters.js';
import {
  codePointLength,
  digitsValue,
  findBadCharacter,
  isDigit,
  isDigitOrUpper,
  isUpperLetter,
  reportBadCharacter,
  reportEmpty,
  reportLength,
} from './characterChecks.js';
import { normalizeIdentifier } from './normalizeIdentifier.js';
import { ID18_CHARSET_EN, ID18_CHARSET_ZH, isId18Char, readId18, type Sex } from './readId18.js';
import {
  PROVINCE_PREFIXES_TEXT,
  isProvincePrefix,
  lookupCountryByAlpha3,
  lookupCountryByNumeric,
  lookupRegion,
  type CountryRecord,
} from './regionData.js';
import { message, newFindings, toResult, type Findings, type ValidateOptions, type ValidationResult } from './validationResult.js';

/** 外国人永久居留身份证（2023年12月起）— the new 18-character number. */
export interface PermanentResidenceNewParsed {
  /** Discriminant: the new form issued from 2023-12-01. */
  format: 'new';
  /** Positions 2–3, the issuing province. */
  provinceCode: string;
  /** Its name, e.g. `北京市`; null when unknown. */
  province: string | null;
  /** Positions 4–6, ISO 3166-1 numeric nationality. */
  countryCode: string;
  /** The country, or null when the code is not in ISO 3166-1. */
  country: CountryRecord | null;
  /** Birth date `YYYY-MM-DD` (positions 7–14); null when the date does not exist. */
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

/** 外国人永久居留证（旧版）— the old 15-character number; its field split is **[unverified]**. */
export interface PermanentResidenceOldParsed {
  /** Discriminant: the old form (3 letters + 12 digits). */
  format: 'old';
  /** Positions 1–3, ISO 3166-1 alpha-3 nationality. */
  countryCode: string;
  /** The country, or null when the letters are not an alpha-3 code. */
  country: CountryRecord | null;
  /** Positions 4–7, a place code (read per one implementation, unverified). */
  placeCode: string;
  /** Positions 8–13 as a birth date `YYYY-MM-DD`, century inferred; null when no such date. */
  birthDate: string | null;
  /** Position 14, the sequence. */
  sequence: string;
  /** Position 15 as printed. */
  checkDigit: string;
  /** The 7-3-1 check digit of positions 1–14 (unverified rule). */
  expectedCheckDigit: string;
}

/** Either form of the permanent residence ID. */
export type PermanentResidenceParsed = PermanentResidenceNewParsed | PermanentResidenceOldParsed;

/**
 * Validates a foreign permanent residence ID (kind `pr`), new or old by length (spec §4).
 * New: check, date and ISO country are errors; so is a province outside the §1 list (the
 * spec's test vector `999840198004120017` is invalid for "province 99"). Old: the pattern and
 * date are errors; the 7-3-1 check digit is an unverified rule, so it only ever warns.
 */
export function validatePermanentResidence(raw: string, opts?: ValidateOptions): ValidationResult<PermanentResidenceParsed> {
  const { normalized: s, warnings } = normalizeIdentifier(raw);
  const findings = newFindings();
  if (warnings.length > 0) findings.warnings.push(...warnings);
  if (s.length === 0) {
    reportEmpty(findings);
    return toResult('pr', raw, s, findings, null);
  }
  const length = codePointLength(s);
  if (length === 18) {
    const bad = findBadCharacter(s, isId18Char);
    if (bad) reportBadCharacter(findings, bad, ID18_CHARSET_ZH, ID18_CHARSET_EN);
    return toResult('pr', raw, s, findings, bad ? null : readNew(s, findings, opts));
  }
  if (length === 15) {
    const bad = findBadCharacter(s, (cp, i) => (i < 3 ? isUpperLetter(cp) : isDigit(cp)));
    if (bad) reportBadCharacter(findings, bad, '前3位为字母、后12位为数字', '3 letters then 12 digits');
    return toResult('pr', raw, s, findings, bad ? null : readOld(s, findings, opts));
  }
  const bad = findBadCharacter(s, isDigitOrUpper);
  if (bad) reportBadCharacter(findings, bad, '数字或大写字母', 'digits or capitals');
  reportLength(findings, length, '18位（新版）或15位（旧版）', '18 (new) or 15 (old)');
  return toResult('pr', raw, s, findings, null);
}

function readNew(s: string, findings: Findings, opts?: ValidateOptions): PermanentResidenceNewParsed {
  if (s[0] !== '9') {
    findings.errors.push(message('pr.prefix', `新版号码第1位应为9，实为${s[0]}`, `a new-form number starts with 9, not ${s[0]}`));
  }
  const provinceCode = s.slice(1, 3);
  const provinceNumber = digitsValue(s, 1, 2);
  if (!isProvincePrefix(provinceNumber)) {
    findings.errors.push(
      message(
        'pr.province',
        `第2–3位省级代码${provinceCode}不存在（应为${PROVINCE_PREFIXES_TEXT}）`,
        `province code ${provinceCode} (positions 2–3) does not exist (expected ${PROVINCE_PREFIXES_TEXT})`,
      ),
    );
  }
  const countryCode = s.slice(3, 6);
  const country = lookupCountryByNumeric(digitsValue(s, 3, 3)) ?? null;
  if (!country) {
    findings.errors.push(
      message('pr.country', `第4–6位国籍代码${countryCode}不是ISO 3166-1数字代码`, `nationality ${countryCode} (positions 4–6) is not an ISO 3166-1 numeric code`),
    );
  }
  const fields = readId18(s, findings, opts);
  const province = isProvincePrefix(provinceNumber) ? (lookupRegion(provinceNumber * 10000)?.name ?? null) : null;
  return { format: 'new', provinceCode, province, countryCode, country, ...fields };
}

function readOld(s: string, findings: Findings, opts?: ValidateOptions): PermanentResidenceOldParsed {
  const countryCode = s.slice(0, 3);
  const country = lookupCountryByAlpha3(countryCode) ?? null;
  if (!country) {
    findings.warnings.push(
      message('pr.old-country', `前3位${countryCode}不是ISO 3166-1三字母国家代码，请核对`, `${countryCode} is not an ISO 3166-1 alpha-3 code; please confirm`),
    );
  }
  const birthDate = readOldBirthDate(s, findings, opts);
  const expectedCheckDigit = checkDigit731(s, 14);
  const checkDigit = s[14];
  if (checkDigit === expectedCheckDigit) {
    findings.warnings.push(
      message(
        'pr.old-check-unverified',
        `校验位符合7-3-1规则，但该规则未经核实，请对照证件核对`,
        'the check digit matches the 7-3-1 rule, but that rule is unverified; please compare with the card',
      ),
    );
  } else {
    findings.warnings.push(
      message(
        'pr.old-check-mismatch',
        `按7-3-1规则校验位应为${expectedCheckDigit}，实为${checkDigit}；该规则未经核实，请对照证件核对`,
        `by the 7-3-1 rule the check digit would be ${expectedCheckDigit}, not ${checkDigit}; the rule is unverified, please compare with the card`,
      ),
    );
  }
  return {
    format: 'old',
    countryCode,
    country,
    placeCode: s.slice(3, 7),
    birthDate,
    sequence: s[13],
    checkDigit,
    expectedCheckDigit,
  };
}

/**
 * YYMMDD at positions 8–13. Old cards were issued 2004–2023 to people born in either century,
 * so the date is taken in the 2000s when that is a real date not in the future, else in the
 * 1900s; it is an error only when neither century gives a real date.
 */
function readOldBirthDate(s: string, findings: Findings, opts?: ValidateOptions): string | null {
  const yy = digitsValue(s, 7, 2);
  const month = digitsValue(s, 9, 2);
  const day = digitsValue(s, 11, 2);
  const today = chinaToday(opts);
  const in2000s = 2000 + yy;
  const useNewCentury = isRealDate(in2000s, month, day) && in2000s * 10000 + month * 100 + day <= today;
  return checkBirthDate(useNewCentury ? in2000s : 1900 + yy, month, day, findings, opts);
}
