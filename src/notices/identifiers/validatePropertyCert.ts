import { chinaToday } from './checkBirthDate.js';
import { reportEmpty, reportLength } from './characterChecks.js';
import { prepareIdentifier } from './normalizeIdentifier.js';
import { message, toResult, type Findings, type ValidateOptions, type ValidationResult } from './validationResult.js';

/** 不动产权证书号 — the fields of a real-estate certificate number (spec §4). */
export interface PropertyCertParsed {
  /** `certificate` 不动产权证书, `proof` 不动产证明 [convention], `old` a pre-2015 title (not checked). */
  form: 'certificate' | 'proof' | 'old';
  /** Province abbreviation, e.g. `苏`; null for an old title. */
  province: string | null;
  /** Year in the brackets; null for an old title. */
  year: number | null;
  /** City or county, e.g. `南京市`; null for an old title. */
  place: string | null;
  /** The serial, e.g. `0012345`; null for an old title. */
  serial: string | null;
}

/** 省级简称, both forms where a province has two (贵/黔, 云/滇, 川/蜀, 陕/秦, 甘/陇). */
const PROVINCE_ABBREVIATIONS = new Set([...'京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔云滇藏陕秦甘陇青宁新']);

// After NFKC the full-width （） are ASCII. Loose on purpose: each part is then checked on its
// own, so the desk is told which part is wrong.
const NEW_FORM = /^(\p{Script=Han})\((\d*)\)(\p{Script=Han}*?)不动产(权|证明)第(\d*)号$/u;
const MENTIONS_NEW_FORM = /不动产(权|证明)/u;
// A pre-2015 title, e.g. 京房权证朝字第123456号 or 苏国用(2008)第12345号: Han text with digits.
const OLD_TITLE = /^(?=.*\p{Script=Han})(?=.*\d)[\p{Script=Han}\dA-Z()]+$/u;
const MAX_LENGTH = 60;

/**
 * Validates a 不动产权证书 number (kind `property-cert`), e.g. `苏(2020)南京市不动产权第0012345号`:
 * strict province abbreviation, brackets, year 2014–now and 7-digit serial (errors). A pre-2015
 * title is free-form: accepted with a warning when it looks like one (Han text with digits).
 */
export function validatePropertyCert(raw: string, opts?: ValidateOptions): ValidationResult<PropertyCertParsed> {
  const { s, findings, length } = prepareIdentifier(raw);
  if (length === 0) {
    reportEmpty(findings);
    return toResult('property-cert', raw, s, findings, null);
  }
  if (length > MAX_LENGTH) {
    reportLength(findings, length, `不超过${MAX_LENGTH}个字符`, `at most ${MAX_LENGTH}`);
    return toResult('property-cert', raw, s, findings, null);
  }
  const match = NEW_FORM.exec(s);
  if (match) return toResult('property-cert', raw, s, findings, checkNewForm(match, findings, opts));
  if (MENTIONS_NEW_FORM.test(s) || !OLD_TITLE.test(s)) {
    findings.errors.push(
      message(
        'property-cert.format',
        '格式应为“省简称(年份)市县不动产权第7位数字号”，如苏(2020)南京市不动产权第0012345号',
        'expected “province(year)place不动产权第NNNNNNN号”, e.g. 苏(2020)南京市不动产权第0012345号',
      ),
    );
    return toResult('property-cert', raw, s, findings, null);
  }
  findings.warnings.push(
    message('property-cert.old-title', '旧版权证号（2015年前），格式不统一，请对照证书核对', 'a pre-2015 title with no fixed format; please compare with the certificate'),
  );
  return toResult('property-cert', raw, s, findings, { form: 'old', province: null, year: null, place: null, serial: null });
}

function checkNewForm(match: RegExpExecArray, findings: Findings, opts?: ValidateOptions): PropertyCertParsed {
  const [, province, yearText, place, kind, serial] = match;
  if (!PROVINCE_ABBREVIATIONS.has(province)) {
    findings.errors.push(message('property-cert.province', `“${province}”不是省级简称`, `“${province}” is not a province abbreviation`));
  }
  const year = Number(yearText);
  const thisYear = Math.floor(chinaToday(opts) / 10000);
  if (yearText.length !== 4 || year < 2014 || year > thisYear) {
    findings.errors.push(
      message('property-cert.year', `年份${yearText || '（空）'}应在2014–${thisYear}年之间`, `year ${yearText || '(empty)'} should be 2014–${thisYear}`),
    );
  }
  if (place.length === 0) {
    findings.errors.push(message('property-cert.place', '缺少市县名称', 'the city or county is missing'));
  }
  if (serial.length !== 7) {
    findings.errors.push(message('property-cert.serial', `编号应为7位数字，实为${serial.length}位`, `the serial should have 7 digits, not ${serial.length}`));
  }
  return { form: kind === '权' ? 'certificate' : 'proof', province, year: yearText.length === 4 ? year : null, place, serial };
}
