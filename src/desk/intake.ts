/**
 * Intake: the form's fields per notice type, the form → notice data, and the checks. The
 * checks are the library's own (validateIdentifier at each identifier field, then the
 * whole notice read, checked, worded and set as the page sets it), so the desk, the
 * command line and the page never disagree about a notice.
 */
import { CUSTOMER_ID_KINDS, fieldIdentifiers, IDENTIFIER_KIND_LABELS, ORG_ITEMS, PERSON_CERTIFICATES, quoteLines, SEAL_TYPES, validateIdentifier, type Reason } from '../index.js';
import { checkNoticeData, type Checked, type NoticeEngine } from './engine.js';
import type { CheckedData } from './store.js';

export interface FieldDef {
  name: string;
  label: string;
  input: 'text' | 'select' | 'date' | 'datetime' | 'checkbox' | 'checks' | 'dates' | 'paper' | 'list';
  options?: readonly (readonly [string, string])[];
  required?: boolean;
  hint?: string;
}

const opts = (xs: readonly string[]) => xs.map((x) => [x, x] as const);

const companyTail: FieldDef[] = [
  { name: 'decision.organ', label: '决议机关', input: 'text', required: true, hint: '如：股东会' },
  { name: 'decision.date', label: '决议日期', input: 'date', required: true },
  { name: 'contact.name', label: '联系人', input: 'text', required: true },
  { name: 'contact.phone', label: '联系电话', input: 'text', required: true },
  { name: 'contact.address', label: '联系地址', input: 'text' },
];

/** The notice types the form offers: every type src/notices knows (a test holds them equal). */
export const FORM_TYPES = {
  'lost-person': {
    label: '遗失声明（个人证件）',
    fields: [
      { name: 'holder', label: '持证人姓名', input: 'text', required: true },
      { name: 'certificate', label: '证件', input: 'select', options: opts(PERSON_CERTIFICATES), required: true },
      { name: 'certificateName', label: '证件名称（证件为“其他”时）', input: 'text' },
      { name: 'number', label: '证号', input: 'text', required: true, hint: '居民身份证18位，末位可为X' },
      { name: 'issuer', label: '发证机关', input: 'text' },
    ],
  },
  'lost-org': {
    label: '遗失声明（单位证照）',
    fields: [
      { name: 'org', label: '单位名称', input: 'text', required: true },
      { name: 'uscc', label: '统一社会信用代码', input: 'text', required: true },
      { name: 'item', label: '遗失物品', input: 'select', options: opts(ORG_ITEMS), required: true },
      { name: 'itemName', label: '物品名称（“其他”时）', input: 'text' },
      { name: 'number', label: '编号', input: 'text', required: true },
    ],
  },
  'lost-seal': {
    label: '遗失声明（印章）',
    fields: [
      { name: 'org', label: '单位名称', input: 'text', required: true },
      { name: 'uscc', label: '统一社会信用代码', input: 'text', required: true },
      { name: 'sealType', label: '印章种类', input: 'select', options: opts(SEAL_TYPES), required: true },
      { name: 'code', label: '印章编码', input: 'text' },
    ],
  },
  void: {
    label: '作废声明',
    fields: [
      { name: 'issuer', label: '出具单位或个人', input: 'text', required: true },
      { name: 'uscc', label: '统一社会信用代码（单位）', input: 'text' },
      { name: 'item', label: '作废物品', input: 'text', required: true, hint: '如：授权委托书' },
      { name: 'number', label: '编号', input: 'text', required: true },
      { name: 'reason', label: '作废原因', input: 'text', required: true, hint: '如：授权期限届满' },
      { name: 'effective', label: '作废日期', input: 'date', required: true },
    ],
  },
  'found-property': {
    label: '招领启事',
    fields: [
      { name: 'finder', label: '拾得人或单位', input: 'text', required: true },
      { name: 'found.date', label: '拾得日期', input: 'date', required: true },
      { name: 'found.place', label: '拾得地点', input: 'text', required: true },
      { name: 'item', label: '拾得物品', input: 'text', required: true },
      { name: 'claimBy', label: '认领期限', input: 'date', required: true },
      { name: 'address', label: '认领地址', input: 'text', required: true },
      { name: 'phone', label: '联系电话', input: 'text', required: true },
    ],
  },
  liquidation: {
    label: '注销清算公告',
    fields: [
      { name: 'company', label: '公司名称', input: 'text', required: true },
      { name: 'uscc', label: '统一社会信用代码', input: 'text', required: true },
      { name: 'decision.organ', label: '决议机关', input: 'text', required: true, hint: '如：股东会' },
      { name: 'decision.date', label: '决议日期', input: 'date', required: true },
      { name: 'groupFormed', label: '清算组成立日期', input: 'date' },
      { name: 'contact.name', label: '联系人', input: 'text', required: true },
      { name: 'contact.phone', label: '联系电话', input: 'text', required: true },
      { name: 'contact.address', label: '联系地址', input: 'text', required: true },
    ],
  },
  'capital-reduction': {
    label: '减资公告',
    fields: [
      { name: 'company', label: '公司名称', input: 'text', required: true },
      { name: 'uscc', label: '统一社会信用代码', input: 'text', required: true },
      { name: 'decision.organ', label: '决议机关', input: 'text', required: true, hint: '如：股东会' },
      { name: 'decision.date', label: '决议日期', input: 'date', required: true },
      { name: 'capital.from', label: '减资前注册资本（万元）', input: 'text', required: true },
      { name: 'capital.to', label: '减资后注册资本（万元）', input: 'text', required: true },
      { name: 'contact.name', label: '联系人', input: 'text', required: true },
      { name: 'contact.phone', label: '联系电话', input: 'text', required: true },
      { name: 'contact.address', label: '联系地址', input: 'text' },
    ],
  },
  merger: {
    label: '合并公告',
    fields: [
      { name: 'mode', label: '合并方式', input: 'select', options: [['absorption', '吸收合并（第一方存续）'], ['new', '新设合并']], required: true },
      { name: 'parties.0.name', label: '合并方一（吸收合并时为存续方）', input: 'text', required: true },
      { name: 'parties.0.uscc', label: '合并方一统一社会信用代码', input: 'text', required: true },
      { name: 'parties.1.name', label: '合并方二', input: 'text', required: true },
      { name: 'parties.1.uscc', label: '合并方二统一社会信用代码', input: 'text', required: true },
      { name: 'parties.2.name', label: '合并方三（如有）', input: 'text' },
      { name: 'parties.2.uscc', label: '合并方三统一社会信用代码', input: 'text' },
      { name: 'newCompany', label: '新设公司名称（新设合并时）', input: 'text' },
      ...companyTail,
    ],
  },
  split: {
    label: '分立公告',
    fields: [
      { name: 'company', label: '公司名称', input: 'text', required: true },
      { name: 'uscc', label: '统一社会信用代码', input: 'text', required: true },
      { name: 'successors', label: '分立后的公司（每行一家，至少两家）', input: 'list', required: true },
      ...companyTail,
    ],
  },
  'lost-invoice': {
    label: '遗失声明（发票）',
    fields: [
      { name: 'org', label: '单位名称', input: 'text', required: true },
      { name: 'uscc', label: '统一社会信用代码', input: 'text', required: true },
      { name: 'invoiceType', label: '发票种类', input: 'text', required: true, hint: '如：增值税专用发票' },
      { name: 'code', label: '发票代码（纸质发票）', input: 'text', hint: '数电发票不填' },
      { name: 'from', label: '起始号码', input: 'text', required: true },
      { name: 'to', label: '终止号码', input: 'text', required: true },
      { name: 'count', label: '份数', input: 'text', required: true },
    ],
  },
  correction: {
    label: '更正',
    fields: [
      { name: 'published', label: '原刊登日期', input: 'date', required: true },
      { name: 'page', label: '版次', input: 'text', required: true, hint: '如：A05' },
      { name: 'title', label: '文章标题', input: 'text', required: true },
      { name: 'wrong', label: '错误文字', input: 'text', required: true },
      { name: 'right', label: '应为', input: 'text', required: true },
    ],
  },
  'missing-person': {
    label: '寻人启事',
    fields: [
      { name: 'name', label: '姓名', input: 'text', required: true },
      { name: 'sex', label: '性别', input: 'select', options: [['男', '男'], ['女', '女']], required: true },
      { name: 'age', label: '年龄', input: 'text', required: true },
      { name: 'heightCm', label: '身高（厘米）', input: 'text', required: true },
      { name: 'features', label: '特征', input: 'text', required: true, hint: '衣着、体态、口音等' },
      { name: 'lastSeen.date', label: '走失日期', input: 'date', required: true },
      { name: 'lastSeen.place', label: '走失地点', input: 'text', required: true },
      { name: 'contact.name', label: '联系人', input: 'text' },
      { name: 'contact.phone', label: '联系电话', input: 'text', required: true },
    ],
  },
} as const satisfies Record<string, { label: string; fields: readonly FieldDef[] }>;
export type FormType = keyof typeof FORM_TYPES;
export const isFormType = (t: unknown): t is FormType => typeof t === 'string' && Object.hasOwn(FORM_TYPES, t);

const ID_KIND_OPTIONS = CUSTOMER_ID_KINDS.map((k) => [k, IDENTIFIER_KIND_LABELS[k] ?? k] as const);

/** Fields every type has: customer, run dates, consent, confirmation. */
export const COMMON_SECTIONS: { title: string; fields: FieldDef[] }[] = [
  {
    title: '客户',
    fields: [
      { name: 'customer.name', label: '客户姓名或单位', input: 'text', required: true },
      { name: 'customer.phone', label: '联系电话', input: 'text', required: true },
      { name: 'customer.idKind', label: '证件种类', input: 'select', options: ID_KIND_OPTIONS, required: true },
      { name: 'customer.id', label: '证件号码', input: 'text', required: true },
    ],
  },
  {
    title: '刊登日期',
    fields: [
      { name: 'run.paper', label: '报纸', input: 'paper' },
      { name: 'run.dates', label: '刊登日期（每个日期刊登一次）', input: 'dates', required: true },
    ],
  },
  {
    title: '同意记录（个人信息保护法第25条）',
    fields: [
      { name: 'consent.by', label: '同意人', input: 'text', required: true },
      {
        name: 'consent.relation',
        label: '与当事人关系',
        input: 'select',
        options: [['self', '本人'], ['guardian', '监护人'], ['family', '家属'], ['agent', '代理人'], ['company', '单位代表'], ['paper', '报社']],
        required: true,
      },
      { name: 'consent.at', label: '同意时间', input: 'datetime', required: true },
      {
        name: 'consent.method',
        label: '方式',
        input: 'select',
        options: [['signed-form', '书面签字'], ['online-form', '网上表单'], ['recorded-call', '电话录音'], ['email', '电子邮件']],
        required: true,
      },
      { name: 'consent.scope', label: '范围', input: 'checks', options: [['print', '印刷版'], ['epaper', '数字报'], ['archive', '存档']], required: true },
      { name: 'consent.sensitive', label: '单独同意公开敏感个人信息', input: 'checkbox' },
      { name: 'consent.reference', label: '同意书编号', input: 'text' },
    ],
  },
  {
    title: '核实',
    fields: [{ name: 'confirmed', label: '已核实全部警告', input: 'checkbox' }],
  },
];

export const CHANNEL_OPTIONS = [['counter', '柜台'], ['phone', '电话'], ['online', '网上']] as const;

/** All field names of a type, in form order. */
export function fieldsOf(type: FormType): FieldDef[] {
  return [...FORM_TYPES[type].fields, ...COMMON_SECTIONS.flatMap((s) => s.fields)];
}

export type FormBody = Record<string, string | string[] | undefined>;

function setPath(obj: Record<string, unknown>, dotted: string, v: unknown): void {
  const keys = dotted.split('.');
  let o = obj;
  // a numeric key is a list's slot (parties.0.name): its container is an array
  keys.slice(0, -1).forEach((k, i) => (o = (o[k] ??= /^\d+$/.test(keys[i + 1]) ? [] : {}) as Record<string, unknown>));
  o[keys[keys.length - 1]] = v;
}

/** Lists filled from numbered slots keep no holes (party 3 left empty, party 2 given). */
function compact(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== undefined).map(compact);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compact(x)]));
  return v;
}

export function getPath(obj: unknown, dotted: string): unknown {
  let o = obj;
  for (const k of dotted.split('.')) {
    if (o === null || typeof o !== 'object') return undefined;
    o = (o as Record<string, unknown>)[k];
  }
  return o;
}

const all = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The form's fields → a notice's data (only the type's known fields; empty ones left out). */
export function formToData(body: FormBody): Record<string, unknown> {
  const type = all(body.type)[0];
  if (!isFormType(type)) return { type: type ?? '' };
  const data: Record<string, unknown> = { type };
  for (const f of fieldsOf(type)) {
    const vs = all(body[f.name]).map((v) => v.trim()).filter((v) => v !== '');
    if (f.input === 'dates') {
      if (vs.length) setPath(data, f.name, [...new Set(vs)].sort());
    } else if (f.input === 'list') {
      if (vs.length) setPath(data, f.name, vs);
    } else if (f.input === 'checks') {
      if (vs.length) setPath(data, f.name, vs);
    } else if (f.input === 'checkbox') {
      // the confirmation box carries the codes of the warnings the clerk saw (confirmBox)
      if (vs.length) setPath(data, f.name, f.name === 'confirmed' ? vs[0].split(',').filter(Boolean) : true);
    } else if (vs.length) {
      const v = vs[0];
      setPath(data, f.name, f.input === 'datetime' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? `${v}+08:00` : v);
    }
  }
  return compact(data) as Record<string, unknown>;
}

/** A notice's data → the form's values (for editing a draft). */
export function dataToForm(data: Record<string, unknown>): FormBody {
  const type = data.type;
  const body: FormBody = { type: String(type ?? '') };
  if (!isFormType(type)) return body;
  for (const f of fieldsOf(type)) {
    const v = getPath(data, f.name);
    if (v === undefined) continue;
    if (f.name === 'confirmed' && Array.isArray(v)) body[f.name] = v.map(String).join(',');
    else if (Array.isArray(v)) body[f.name] = v.map(String);
    else if (typeof v === 'boolean') body[f.name] = v ? 'on' : undefined;
    else body[f.name] = f.input === 'datetime' ? String(v).replace(/([+-]\d{2}:\d{2}|Z)$/, '').slice(0, 16) : String(v);
  }
  return body;
}

/** Checks a notice's data for storing: ok, reasons, price; with `withPage`, the proof page too. */
export function checkForStore(engine: NoticeEngine, data: Record<string, unknown>, id = '受理中', withPage = false): { checked: CheckedData; proof: Checked } {
  let proof: Checked;
  try {
    proof = checkNoticeData(engine, data, id, withPage);
  } catch (err) {
    // a glyph the fonts lack, …: refused with the reason, never a crash of the desk
    proof = { ok: false, refused: [{ file: id, field: '', code: 'set-failed', message: `无法排版：${(err as Error).message}`, messageEn: `cannot be set: ${(err as Error).message}` }] };
  }
  return {
    proof,
    checked: {
      data,
      ok: proof.ok,
      refused: proof.ok ? null : proof.refused,
      priceCents: proof.ok ? Math.round(proof.quote.total * 100) : null,
    },
  };
}

export type Level = 'error' | 'warning' | 'info';
export interface FieldMessage {
  level: Level;
  message: string;
}

/**
 * The live check while the clerk types: each identifier through its validator at its field,
 * then the whole notice. A field's messages are shown only once it has a value, so an
 * empty form is not a wall of "required"; `submitted` shows those too.
 */
export function liveCheck(engine: NoticeEngine, data: Record<string, unknown>, submitted = false, withPage = true) {
  const fields = new Map<string, FieldMessage[]>();
  const add = (field: string, m: FieldMessage) => {
    const list = fields.get(field) ?? [];
    if (!list.some((x) => x.message === m.message)) list.push(m);
    fields.set(field, list);
  };
  for (const ref of fieldIdentifiers(data)) {
    if (!ref.kind) continue;
    const r = validateIdentifier(ref.kind, ref.value);
    for (const e of r.errors) add(ref.field, { level: 'error', message: e.message });
    for (const w of r.warnings) add(ref.field, { level: 'warning', message: w.message });
    for (const i of r.info) add(ref.field, { level: 'info', message: i.message });
  }
  const { proof, checked } = checkForStore(engine, data, '受理中', withPage);
  const general: FieldMessage[] = [];
  if (submitted && isFormType(data.type)) {
    // the paper's own correction has no customer (the schema's customer is optional there)
    const optional = (name: string) => data.type === 'correction' && name.startsWith('customer.');
    for (const f of fieldsOf(data.type)) if (f.required && !optional(f.name) && getPath(data, f.name) === undefined) add(f.name, { level: 'error', message: '必填' });
  }
  if (!proof.ok) {
    // a notice refused only for want of confirmation lists its warnings and then that reason
    const onlyWarnings = proof.refused.some((r) => r.code === 'needs-confirmation');
    for (const r of proof.refused) {
      const field = formField(r);
      const has = field !== '' && getPath(data, field) !== undefined;
      if (r.code === 'missing-field' && !submitted) continue;
      const level: Level = onlyWarnings ? 'warning' : 'error';
      if (field && (has || submitted)) add(field, { level, message: r.message });
      else if (has || submitted || field === '' || r.code === 'needs-confirmation') general.push({ level, message: r.message });
    }
  }
  return { fields, general, proof, checked };
}

/** The form field a reason is about (`run.dates.0` → `run.dates`). */
function formField(r: Reason): string {
  return r.field.replace(/\.\d+$/, '');
}

/** The quote as lines (行数, 单价, 合计 …). */
export function quoteText(engine: NoticeEngine, proof: Extract<Checked, { ok: true }>): string[] {
  return quoteLines(proof.quote, engine.ctx.rateCard.line.charsPerLine);
}

/**
 * The codes of the warnings a notice has when nothing is confirmed (`field:code`), as the
 * confirmation box carries them: what the clerk sees is what a tick confirms.
 */
export function warningCodes(engine: NoticeEngine, data: Record<string, unknown>): string {
  const { confirmed: _c, ...rest } = data;
  const { proof } = checkForStore(engine, rest, '受理中', false);
  if (proof.ok) return '';
  if (!proof.refused.some((r) => r.code === 'needs-confirmation')) return '';
  return proof.refused.filter((r) => r.code !== 'needs-confirmation').map((r) => (r.field ? `${r.field}:${r.code}` : r.code)).join(',');
}
