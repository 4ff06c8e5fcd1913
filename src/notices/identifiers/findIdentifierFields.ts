import { LineCounter, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node, type Pair, type Scalar } from 'yaml';
import { CERTIFICATE_KINDS as NOTICE_CERTIFICATE_KINDS, ORG_ITEM_KINDS } from '../noticeIdentifiers.js';
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

/**
 * Certificate and item names (`certificate: 居民身份证`, `item: 营业执照正本`) → the kind of the
 * sibling `number`: the notice schema's own tables (noticeIdentifiers.ts, what checkNotice uses),
 * plus a few names a hand-written file may use.
 */
const CERTIFICATE_KINDS: ReadonlyMap<string, IdentifierKind> = new Map([
  ...Object.entries(NOTICE_CERTIFICATE_KINDS),
  ...Object.entries(ORG_ITEM_KINDS),
  ['身份证', 'id'],
  ['营业执照', 'business-licence'],
  ['组织机构代码证', 'orgcode'],
  ['驾驶证', 'driving-licence'],
].filter((entry): entry is [string, IdentifierKind] => entry[1] !== null));

const CERTIFICATE_KEYS = new Set(['certificate', 'cert', 'kind', 'idkind', 'item', 'document', '证件', '证件名称']);
const NUMBER_KEYS = new Set(['number', 'no', '号码', '证号', '编号']);
const ORG_KINDS = new Set<IdentifierKind>(['uscc', 'orgcode', 'gs15', 'business-licence']);
// A notice's own `id` (e.g. `n-2024-001`) is not an ID number: `id` is checked only when it looks
// numeric, or when an `idKind` beside it names its kind (a notice's `customer`).
const LOOKS_NUMERIC = /^[\dXx\s-]+$/;
// A bare `name` under these is a paper's, a payer's (maybe a company) or an organisation's, not
// a person's: the notice checks leave the customer's name alone too.
const NOT_PERSON_CONTEXTS = new Set(['papers', 'paper', 'customer', 'org', 'organisation', 'organization', 'company', 'publisher', 'printer', 'parties']);
// Consent given by a company or by the paper is not a personal name (noticeIdentifiers.ts).
const IMPERSONAL_RELATIONS = new Set(['company', 'paper']);

/**
 * 号码字段 — every identifier-looking field of a notices YAML text (all documents in it):
 * fields named in FIELD_KINDS; `number` beside a `certificate`/`kind`/`item` naming its kind;
 * the notice schema's own fields (`code` of a lost seal or invoice, `from`/`to` invoice numbers,
 * a customer's `id` by its `idKind`, `consent.by` when a person consented); `id` otherwise only
 * when its value looks numeric; a bare `name` (not `holder`, `personName`, `姓名`) not when the
 * same object carries an organisation's code or sits under a paper, customer or organisation.
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

/** What the keys beside a field tell about it. */
interface MapContext {
  /** Normalised keys of the enclosing maps, outermost first. */
  ancestors: string[];
  /** The kinds the sibling keys name. */
  siblingKinds: Set<IdentifierKind | undefined>;
  /** The kind a sibling `certificate`/`kind`/`idKind`/`item` names. */
  certificateKind: IdentifierKind | undefined;
  /** Whether an `idKind` sibling named the kind. */
  hasIdKind: boolean;
  /** The notice `type` of this map, if it has one. */
  noticeType: string | undefined;
  /** Normalised sibling keys. */
  keys: Set<string>;
  /** Sibling `relation` (of a consent record). */
  relation: string | undefined;
}

function walk(node: unknown, path: string, out: IdentifierField[], lines: LineCounter, ancestors: string[] = []): void {
  if (isSeq(node)) {
    node.items.forEach((item, i) => walk(item, `${path}[${i}]`, out, lines, ancestors));
    return;
  }
  if (!isMap(node)) return;
  const pairs = node.items.filter((p): p is Pair<Scalar, unknown> => isPair(p) && isScalar(p.key));
  const keyOf = (p: Pair<Scalar, unknown>) => String(p.key.value);
  const scalarOf = (name: string) => {
    const pair = pairs.find((p) => norm(keyOf(p)) === name && isScalar(p.value));
    return pair ? String((pair.value as Scalar).value) : undefined;
  };
  const certificatePair = pairs
    .filter((p) => CERTIFICATE_KEYS.has(norm(keyOf(p))) && isScalar(p.value))
    .map((p) => ({ key: norm(keyOf(p)), value: String((p.value as Scalar).value) }))
    .map(({ key, value }) => ({ key, kind: isIdentifierKind(value) ? value : CERTIFICATE_KINDS.get(value) }))
    .find((c) => c.kind !== undefined);
  const context: MapContext = {
    ancestors,
    siblingKinds: new Set(pairs.map((p) => FIELD_KINDS.get(norm(keyOf(p))))),
    certificateKind: certificatePair?.kind,
    hasIdKind: certificatePair?.key === 'idkind',
    noticeType: scalarOf('type'),
    keys: new Set(pairs.map((p) => norm(keyOf(p)))),
    relation: scalarOf('relation'),
  };
  for (const pair of pairs) {
    const key = keyOf(pair);
    const at = path ? `${path}.${key}` : key;
    const kind = kindOf(norm(key), context);
    const value = pair.value;
    if (kind && (isScalar(value) || value === null) && wanted(kind, norm(key), value, context)) {
      out.push(field(at, kind, value as Scalar | null, pair, lines));
    } else walk(value, at, out, lines, [...ancestors, norm(key)]);
  }
}

/** The kind of the field `key` in a map, by its name and its siblings (the notice schema's fields). */
function kindOf(key: string, c: MapContext): IdentifierKind | undefined {
  if (NUMBER_KEYS.has(key)) return c.certificateKind;
  if (key === 'code' && c.noticeType === 'lost-seal') return 'seal-code';
  if (key === 'code' && c.noticeType === 'lost-invoice') return 'invoice-code';
  // 数电 invoices have no code and 20-digit numbers; paper ones a code and 8-digit numbers.
  if ((key === 'from' || key === 'to') && c.noticeType === 'lost-invoice') return c.keys.has('code') ? 'invoice-number' : 'e-invoice';
  if (key === 'id' && c.hasIdKind) return c.certificateKind;
  if (key === 'by' && c.ancestors.at(-1) === 'consent') return c.relation !== undefined && IMPERSONAL_RELATIONS.has(c.relation) ? undefined : 'name';
  return FIELD_KINDS.get(key);
}

function wanted(kind: IdentifierKind, key: string, value: Scalar | null, c: MapContext): boolean {
  if (key === 'id' && !c.hasIdKind) return value !== null && LOOKS_NUMERIC.test(String(value.source ?? value.value));
  if (kind === 'name' && key === 'name') {
    return ![...ORG_KINDS].some((k) => c.siblingKinds.has(k)) && !c.ancestors.some((a) => NOT_PERSON_CONTEXTS.has(a));
  }
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
