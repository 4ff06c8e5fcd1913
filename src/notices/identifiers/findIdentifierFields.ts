import { LineCounter, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node, type Pair, type Scalar } from 'yaml';
import { isIdentifierKind, type IdentifierKind } from './identifierKind.js';

/** One identifier-looking field found in a notices YAML file. */
export interface IdentifierField {
  /** Where it is, e.g. `notices[2].holder.idNumber`. */
  path: string;
  /** 1-based line of the value. */
  line: number;
  /** The kind it is checked as. */
  kind: IdentifierKind;
  /** The value as written in the file (digits of an unquoted number kept exactly). */
  value: string;
  /** True when the value was an unquoted YAML number, which YAML readers turn into a float. */
  unquotedNumber: boolean;
}

/** A YAML syntax error, located. */
export interface YamlSyntaxError {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** The parser's message, first line. */
  message: string;
}

/** Fields found, or the file's first syntax error. */
export type FindFieldsResult = { ok: true; fields: IdentifierField[] } | { ok: false; error: YamlSyntaxError };

const norm = (key: string) => key.toLowerCase().replace(/[-_\s]/g, '');

/**
 * Field names → kinds, compared case-insensitively without `-`, `_` and spaces, so `idNumber`,
 * `id_number` and `ID-Number` match. Every kind name is also a field name for itself.
 */
const FIELD_KINDS: ReadonlyMap<string, IdentifierKind> = new Map(
  (
    [
      ['id', ['id', 'idNumber', 'idNo', 'idCard', 'idCardNumber', 'residentId', '身份证', '身份证号', '身份证号码', '公民身份号码']],
      ['disability', ['disability', 'disabilityCert', 'disabilityNumber', 'disabilityNo', '残疾人证号', '残疾人证号码']],
      ['uscc', ['uscc', 'creditCode', 'socialCreditCode', 'unifiedSocialCreditCode', '统一社会信用代码', '信用代码']],
      ['orgcode', ['orgCode', 'organizationCode', 'organisationCode', '组织机构代码']],
      ['gs15', ['gs15', 'registrationNumber', 'registrationNo', 'regNo', '注册号']],
      ['hmt', ['hmt', 'hmtPermit', 'residencePermit', '居住证号码']],
      ['pr', ['pr', 'prNumber', 'permanentResidence', 'permanentResidenceId', '永久居留身份证号码']],
      ['name', ['name', 'holder', 'holderName', 'personName', '姓名']],
      ['birth-cert', ['birthCert', 'birthCertificate', '出生医学证明编号']],
      ['passport', ['passport', 'passportNumber', 'passportNo', '护照号码']],
      ['hk-macau-permit', ['hkMacauPermit', 'homeReturnPermit', '港澳居民来往内地通行证号码']],
      ['taiwan-permit', ['taiwanPermit', '台湾居民来往大陆通行证号码']],
      ['driving-licence', ['drivingLicence', 'drivingLicense', '驾驶证号']],
      ['driving-file', ['drivingFile', 'drivingFileNumber', '档案编号']],
      ['account-permit', ['accountPermit', '核准号']],
      ['property-cert', ['propertyCert', 'propertyCertificate', '不动产权证书号']],
      ['business-licence', ['businessLicence', 'businessLicense', '营业执照号']],
      ['invoice-code', ['invoiceCode', '发票代码']],
      ['invoice-number', ['invoiceNumber', 'invoiceNo', '发票号码']],
      ['e-invoice', ['eInvoice', 'eInvoiceNumber', '数电发票号码']],
      ['seal-code', ['sealCode', '印章编码']],
    ] as [IdentifierKind, string[]][]
  ).flatMap(([kind, names]) => [kind, ...names].map((name) => [norm(name), kind] as const)),
);

/** Certificate names (`certificate: 居民身份证`) → the kind of the sibling `number`. */
const CERTIFICATE_KINDS: ReadonlyMap<string, IdentifierKind> = new Map([
  ['居民身份证', 'id'],
  ['身份证', 'id'],
  ['残疾人证', 'disability'],
  ['营业执照', 'business-licence'],
  ['组织机构代码证', 'orgcode'],
  ['出生医学证明', 'birth-cert'],
  ['护照', 'passport'],
  ['港澳居民来往内地通行证', 'hk-macau-permit'],
  ['台湾居民来往大陆通行证', 'taiwan-permit'],
  ['港澳台居民居住证', 'hmt'],
  ['外国人永久居留身份证', 'pr'],
  ['驾驶证', 'driving-licence'],
  ['机动车驾驶证', 'driving-licence'],
  ['开户许可证', 'account-permit'],
  ['不动产权证书', 'property-cert'],
]);

const CERTIFICATE_KEYS = new Set(['certificate', 'cert', 'kind', 'idkind', 'document', '证件', '证件名称']);
const NUMBER_KEYS = new Set(['number', 'no', '号码', '证号', '编号']);
const ORG_KINDS = new Set<IdentifierKind>(['uscc', 'orgcode', 'gs15', 'business-licence']);
// A notice's own `id` (e.g. `n-2024-001`) is not an ID number: `id` is checked only when it looks numeric.
const LOOKS_NUMERIC = /^[\dXx\s-]+$/;

/**
 * 号码字段 — every identifier-looking field of a notices YAML text (all documents in it):
 * fields named in FIELD_KINDS; `number` beside a `certificate`/`kind` naming its kind; `id`
 * only when its value looks numeric; `name` (not `holder`, `personName`, `姓名`) not when the same
 * object carries an organisation's code (then it is a company name).
 */
export function findIdentifierFields(text: string): FindFieldsResult {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter });
  const fields: IdentifierField[] = [];
  for (const doc of Array.isArray(documents) ? documents : []) {
    const [first] = doc.errors;
    if (first) {
      const pos = first.linePos?.[0] ?? { line: 1, col: 1 };
      return { ok: false, error: { line: pos.line, column: pos.col, message: first.message.split('\n')[0] } };
    }
    walk(doc.contents, '', fields, lineCounter);
  }
  return { ok: true, fields };
}

function walk(node: unknown, path: string, out: IdentifierField[], lines: LineCounter): void {
  if (isSeq(node)) {
    node.items.forEach((item, i) => walk(item, `${path}[${i}]`, out, lines));
    return;
  }
  if (!isMap(node)) return;
  const pairs = node.items.filter((p): p is Pair<Scalar, unknown> => isPair(p) && isScalar(p.key));
  const keyOf = (p: Pair<Scalar, unknown>) => String(p.key.value);
  const siblingKinds = new Set(pairs.map((p) => FIELD_KINDS.get(norm(keyOf(p)))));
  const certificateKind = pairs
    .filter((p) => CERTIFICATE_KEYS.has(norm(keyOf(p))) && isScalar(p.value))
    .map((p) => String((p.value as Scalar).value))
    .map((v) => (isIdentifierKind(v) ? v : CERTIFICATE_KINDS.get(v)))
    .find((k) => k !== undefined);
  for (const pair of pairs) {
    const key = keyOf(pair);
    const at = path ? `${path}.${key}` : key;
    const kind = NUMBER_KEYS.has(norm(key)) ? certificateKind : FIELD_KINDS.get(norm(key));
    const value = pair.value;
    if (kind && (isScalar(value) || value === null) && wanted(kind, key, value, siblingKinds)) {
      out.push(field(at, kind, value as Scalar | null, pair, lines));
    } else walk(value, at, out, lines);
  }
}

function wanted(kind: IdentifierKind, key: string, value: Scalar | null, siblingKinds: Set<IdentifierKind | undefined>): boolean {
  if (kind === 'id' && norm(key) === 'id') return value !== null && LOOKS_NUMERIC.test(String(value.source ?? value.value));
  if (kind === 'name' && norm(key) === 'name') return ![...ORG_KINDS].some((k) => siblingKinds.has(k));
  return true;
}

function field(path: string, kind: IdentifierKind, value: Scalar | null, pair: Pair<Scalar, unknown>, lines: LineCounter): IdentifierField {
  const node = (value ?? pair.key) as Node;
  const line = node.range ? lines.linePos(node.range[0]).line : 1;
  if (value === null || value.value === null) return { path, line, kind, value: '', unquotedNumber: false };
  const numeric = typeof value.value === 'number' || typeof value.value === 'bigint';
  // value.source is the text as written: 320102198506120317 stays exact, 0123 keeps its zero.
  const text = numeric && typeof value.source === 'string' ? value.source : String(value.value);
  return { path, line, kind, value: text, unquotedNumber: numeric };
}
