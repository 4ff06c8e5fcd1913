/**
 * A notice given as data (the desk's form, the API) instead of a file: the values are
 * read as the file reader reads YAML's failsafe scalars — every scalar a string, a null an
 * absent field — and checked by the same schema, so a form and a file give the same
 * notice and the same reasons (less the line numbers a form has none of). No YAML is
 * written or parsed on this path: it runs for every keystroke at the desk.
 */
import type { CheckContext } from './checkNotice.js';
import { prepareRead, refusedOnThrow, type Prepared } from './prepareNotice.js';
import { issueToReason, type ReadResult } from './readNotice.js';
import { NoticeSchema } from './schema/notice.js';

/** Data → what YAML's failsafe schema would have given for the same notice written as a file. */
function failsafe(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) return v.map(failsafe);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const y = failsafe(x);
      if (y !== undefined) out[k] = y;
    }
    return out;
  }
  return String(v);
}

export function readNoticeData(data: unknown, name: string): ReadResult {
  const raw = failsafe(data);
  if (raw === undefined || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, file: name, refused: [{ file: name, field: '', code: 'not-a-mapping', message: '声明须为键值映射（type: …）', messageEn: 'a notice must be a mapping (type: …)' }] };
  }
  const parsed = NoticeSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, file: name, refused: parsed.error.issues.map((i) => issueToReason(name, i, raw)) };
  return { ok: true, id: name, file: name, notice: parsed.data };
}

/** Read, check and word a notice given as data. */
export function prepareNoticeData(data: unknown, name: string, ctx: CheckContext): Prepared {
  // the same steps as a file's after reading (checks, logo, wording), and the same refusal on a fault
  return refusedOnThrow(name, () => {
    const read = readNoticeData(data, name);
    return read.ok ? prepareRead(read, name, ctx) : read;
  });
}
