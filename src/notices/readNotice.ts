/**
 * Read one notice file (YAML) into a typed notice, or refuse it with reasons that name
 * the file, the field (dotted path), the line and the cause.
 *
 * YAML is read with the failsafe schema: every scalar stays the string the desk typed,
 * so `0533…` keeps its zero and an 18-digit number never turns into a float. The
 * schemas convert the few numeric and yes/no fields.
 */
import { basename } from 'node:path';
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import type { Reason } from './reasons.js';
import { MESSAGE_SEP } from './schema/fields.js';
import { NoticeSchema, type Notice } from './schema/notice.js';

/** A notice read from a file. */
export interface LoadedNotice {
  /** Notice id: the file name without `.yaml`, used as `Source.id` in the page tree. */
  id: string;
  /** The file name as given. */
  file: string;
  notice: Notice;
}

export type ReadResult = ({ ok: true } & LoadedNotice) | { ok: false; file: string; refused: Reason[] };

/** A file refused as a whole (no field to name): one reason. */
function refusedWhole(file: string, code: string, message: string, messageEn: string, line?: number): ReadResult {
  return { ok: false, file, refused: [{ file, field: '', ...(line === undefined ? {} : { line }), code, message, messageEn }] };
}

/** Parse a notice file's text. `file` names it in every reason. */
export function readNotice(yamlText: string, file: string): ReadResult {
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { schema: 'failsafe', lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    return { ok: false, file, refused: doc.errors.map((e) => yamlErrorReason(file, e, lines)) };
  }
  nullifyPlainNulls(doc);
  let raw: unknown;
  try {
    // yaml refuses to expand more than maxAliasCount aliases (a "billion laughs" file)
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    const aliases = err instanceof ReferenceError;
    return refusedWhole(file, aliases ? 'yaml-aliases' : 'yaml-unreadable',
      aliases ? 'YAML别名（*引用）展开过多，拒绝读取' : `无法读取YAML：${(err as Error).message}`,
      aliases ? 'too many YAML aliases (*refs) to expand; refused' : `cannot read the YAML: ${(err as Error).message}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return refusedWhole(file, 'not-a-mapping', '声明文件须为键值映射（type: …）', 'a notice file must be a YAML mapping (type: …)', 1);
  }
  const parsed = NoticeSchema.safeParse(dropNulls(raw));
  if (!parsed.success) {
    const refused = parsed.error.issues.flatMap((i) => splitUnknownKeys(i)).map((i) => issueToReason(file, i, raw, doc, lines));
    return { ok: false, file, refused };
  }
  return { ok: true, id: basename(file).replace(/\.ya?ml$/i, ''), file, notice: parsed.data };
}

function yamlErrorReason(file: string, e: { message: string; pos: [number, number] }, lines: LineCounter): Reason {
  const line = lines.linePos(e.pos[0]).line;
  const first = e.message.split('\n')[0];
  return {
    file,
    field: '',
    line,
    code: 'yaml-syntax',
    message: `YAML 格式错误（第${line}行）：${first}`,
    messageEn: `malformed YAML (line ${line}): ${first}`,
  };
}

/** `~`, `null` and empty plain scalars mean "absent", as in the core schema. */
function nullifyPlainNulls(doc: Document): void {
  visit(doc, {
    Scalar(_key, node) {
      if (node.type === 'PLAIN' && /^(~|null|Null|NULL|)$/.test(String(node.value))) node.value = null;
    },
  });
}

/** Remove null entries so that `optional()` fields may be written as `key:` or `key: ~`. */
function dropNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropNulls);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== null)
        .map(([k, x]) => [k, dropNulls(x)]),
    );
  }
  return v;
}

/** One issue per unknown key, so that each reason names its field. */
function splitUnknownKeys(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'unrecognized_keys') return [issue];
  return issue.keys.map((k) => ({ ...issue, keys: [k], path: [...issue.path, k] }));
}

/** Translate a zod issue into a bilingual reason located in the file. */
export function issueToReason(
  file: string,
  issue: z.core.$ZodIssue,
  raw: unknown,
  doc?: Document,
  lines?: LineCounter,
): Reason {
  const path = issue.path.map(String);
  const field = path.join('.');
  const { zh, en, code } = translateIssue(issue, valueAt(raw, issue.path));
  const line = doc && lines ? lineOf(doc, lines, issue.path) : undefined;
  return { file, field, ...(line !== undefined ? { line } : {}), code, message: zh, messageEn: en };
}

function translateIssue(issue: z.core.$ZodIssue, value: unknown): { zh: string; en: string; code: string } {
  const [zh, en] = issue.message.includes(MESSAGE_SEP) ? issue.message.split(MESSAGE_SEP) : [undefined, undefined];
  if (zh !== undefined && en !== undefined) return { zh, en, code: 'invalid-field' };
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined
        ? { zh: '缺少必填字段', en: 'required field is missing', code: 'missing-field' }
        : { zh: `类型不对，应为${issue.expected}`, en: `wrong type, expected ${issue.expected}`, code: 'invalid-field' };
    case 'invalid_value': {
      const vals = issue.values.map(String).join('、');
      return { zh: `取值不对，应为：${vals}`, en: `must be one of: ${issue.values.map(String).join(', ')}`, code: 'invalid-field' };
    }
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator) {
        const opts = (issue as { options?: unknown[] }).options?.map(String) ?? [];
        return value === undefined
          ? { zh: `缺少声明类型，应为：${opts.join('、')}`, en: `notice type missing; one of: ${opts.join(', ')}`, code: 'missing-field' }
          : { zh: `未知的声明类型，应为：${opts.join('、')}`, en: `unknown notice type; one of: ${opts.join(', ')}`, code: 'invalid-field' };
      }
      return unionOfTypes(issue, value) ?? { zh: '取值不对', en: issue.message, code: 'invalid-field' };
    case 'too_small':
      return { zh: `至少${String(issue.minimum)}项`, en: `needs at least ${String(issue.minimum)}`, code: 'invalid-field' };
    case 'unrecognized_keys':
      return {
        zh: `未知字段（拼写错误？）`,
        en: `unknown field (typo?)`,
        code: 'unknown-field',
      };
    default:
      return { zh: `字段不合格：${issue.message}`, en: issue.message, code: 'invalid-field' };
  }
}

/** A union of types (a number written as text or digits): the types named, not zod's "Invalid input". */
function unionOfTypes(issue: z.core.$ZodIssue, value: unknown): { zh: string; en: string; code: string } | undefined {
  const expected = (issue as { errors?: z.core.$ZodIssue[][] }).errors?.map((e) => (e[0]?.code === 'invalid_type' && e[0].path.length === 0 ? e[0].expected : undefined));
  if (value === undefined || !expected?.length || !expected.every((t) => t !== undefined)) return undefined;
  const names = expected.map((t) => TYPE_NAMES[t!] ?? [t!, t!]);
  const got = TYPE_NAMES[Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value] ?? [typeof value, typeof value];
  return { zh: `类型不对，应为${names.map((n) => n[0]).join('或')}，不是${got[0]}`, en: `wrong type: expected ${names.map((n) => n[1]).join(' or ')}, got ${got[1]}`, code: 'invalid-field' };
}

/** A YAML value's kind in words: [Chinese, English]. */
const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['文字', 'text'], number: ['数字', 'a number'], boolean: ['是/否', 'true or false'],
  array: ['列表', 'a list'], object: ['键值映射', 'a mapping'], null: ['空值', 'nothing'],
};

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/**
 * Line of the deepest part of `path` present in the file: the key's line for a mapping
 * entry (so `run:` points at `run:`, not at the block under it), the item's line in a
 * list, and the parent's line for a key that is missing.
 */
function lineOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let offset = (node as { range?: [number] } | null)?.range?.[0];
  for (const k of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(k));
      if (!pair) break;
      offset = (pair.key as { range?: [number] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(k)];
      if (item === undefined) break;
      offset = (item as { range?: [number] }).range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}
