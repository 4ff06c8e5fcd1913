import { chinaToday } from './checkBirthDate.js';
import { digitsValue, findBadCharacter, isDigit, reportBadCharacter, reportEmpty, reportLength } from './characterChecks.js';
import { prepareIdentifier } from './normalizeIdentifier.js';
import { PROVINCE_PREFIXES_TEXT, isProvincePrefix } from './regionData.js';
import { message, toResult, type Findings, type ValidateOptions, type ValidationResult } from './validationResult.js';

/** 发票代码 — a paper invoice code (spec §4). */
export interface InvoiceCodeParsed {
  /** 10 or 12 digits. */
  length: 10 | 12;
  /** 12-digit codes: positions 2–5, the tax region; null for 10 digits. */
  regionCode: string | null;
  /** 12-digit codes: positions 6–7 as a year (20YY); null for 10 digits. */
  year: number | null;
}

/** 发票号码 — a paper invoice number. */
export interface InvoiceNumberParsed {
  /** The 8 digits. */
  number: string;
}

/** 数电发票号码 — a fully digital (数电) invoice number. */
export interface EInvoiceParsed {
  /** Positions 1–2 as a year (20YY). */
  year: number;
  /** Positions 3–4, the province. */
  provinceCode: string;
  /** Position 5, the issuing channel. */
  channel: string;
  /** Positions 6–20, the sequence. */
  sequence: string;
}

/** Opens a digits-only value of one of `lengths`; null result when it is not one. */
function openDigits(raw: string, lengths: number[], lengthZh: string, lengthEn: string) {
  const { s, findings, length } = prepareIdentifier(raw);
  if (length === 0) {
    reportEmpty(findings);
    return { s, findings, failed: true };
  }
  const bad = findBadCharacter(s, isDigit);
  if (bad) reportBadCharacter(findings, bad, '数字', 'digits');
  if (!lengths.includes(length)) reportLength(findings, length, lengthZh, lengthEn);
  return { s, findings, failed: bad !== null || !lengths.includes(length) };
}

/** Year 20YY from two digits: an error when it is in the future (spec: "Strict: digits, lengths, year"). */
function checkYear(s: string, start: number, findings: Findings, opts?: ValidateOptions): number {
  const year = 2000 + digitsValue(s, start, 2);
  const thisYear = Math.floor(chinaToday(opts) / 10000);
  if (year > thisYear) {
    findings.errors.push(message('invoice.year', `年份${year}晚于今年`, `year ${year} is in the future`));
  }
  return year;
}

/** Region digits are the loose check: a non-province code is a warning. */
function checkProvince(s: string, start: number, findings: Findings): void {
  const code = s.slice(start, start + 2);
  if (!isProvincePrefix(digitsValue(s, start, 2))) {
    findings.warnings.push(
      message('invoice.region', `地区代码${code}不是省级代码（应为${PROVINCE_PREFIXES_TEXT}），请核对`, `region ${code} is not a province code; please confirm`),
    );
  }
}

/** Validates a paper invoice code (kind `invoice-code`): 10 or 12 digits; a 12-digit code's year (positions 6–7) not in the future, its region (2–5) loosely. */
export function validateInvoiceCode(raw: string, opts?: ValidateOptions): ValidationResult<InvoiceCodeParsed> {
  const { s, findings, failed } = openDigits(raw, [10, 12], '10位或12位', '10 or 12');
  if (failed) return toResult('invoice-code', raw, s, findings, null);
  if (s.length === 10) return toResult('invoice-code', raw, s, findings, { length: 10, regionCode: null, year: null });
  checkProvince(s, 1, findings);
  const year = checkYear(s, 5, findings, opts);
  return toResult('invoice-code', raw, s, findings, { length: 12, regionCode: s.slice(1, 5), year });
}

/** Validates a paper invoice number (kind `invoice-number`): 8 digits. */
export function validateInvoiceNumber(raw: string, _opts?: ValidateOptions): ValidationResult<InvoiceNumberParsed> {
  const { s, findings, failed } = openDigits(raw, [8], '8位', '8');
  return toResult('invoice-number', raw, s, findings, failed ? null : { number: s });
}

/** Validates a 数电 invoice number (kind `e-invoice`): 20 digits = YY + province + channel + 15-digit sequence. */
export function validateEInvoice(raw: string, opts?: ValidateOptions): ValidationResult<EInvoiceParsed> {
  const { s, findings, failed } = openDigits(raw, [20], '20位', '20');
  if (failed) return toResult('e-invoice', raw, s, findings, null);
  const year = checkYear(s, 0, findings, opts);
  checkProvince(s, 2, findings);
  return toResult('e-invoice', raw, s, findings, { year, provinceCode: s.slice(2, 4), channel: s[4], sequence: s.slice(5) });
}
