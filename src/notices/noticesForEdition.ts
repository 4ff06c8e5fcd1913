/**
 * 刊期 — which notices an edition prints (issue 14 item 2). A notice is set only in the
 * editions whose date is one of its run dates; each such edition bills one insertion.
 * Pure: the prepared notices and the edition's date in, the selection and (after layout)
 * the run-date report out. The build calls `noticesForEdition` before setting the pages
 * and `runDateReport` after, with the ids the pages placed.
 */
import { addDays, type IsoDate } from './dates.js';
import type { Prepared } from './prepareNotice.js';
import { duplicateKey, printedKey, type PrintedHistory, type PrintedRecord } from './printedHistory.js';
import type { Reason } from './reasons.js';

type PreparedOk = Extract<Prepared, { ok: true }>;
type PreparedRefused = Extract<Prepared, { ok: false }>;

/** Options of the selection. */
export interface EditionSelectionOptions {
  /** How many days after the edition the report lists bookings for (default 7). */
  upcomingDays?: number;
  /** What earlier editions printed (the build's ledger, the desk's published insertions). */
  history?: PrintedHistory;
}

/** The notices of one edition, sorted by what the edition does with them. */
export interface EditionSelection {
  /** The edition's date. */
  date: IsoDate;
  /** Notices that passed their checks and run on this date: the ones to set. */
  toSet: PreparedOk[];
  /** Refused notices that run on this date, or whose run dates could not be read (a broken file may be due today). */
  refusedDue: PreparedRefused[];
  /** Refused notices that run on other dates only (reported, not an error for this edition). */
  refusedOther: PreparedRefused[];
  /** Notices that passed but do not run on this date. */
  notDue: PreparedOk[];
  /** Bookings of the next days (passed notices only), ascending by date. */
  upcoming: { date: IsoDate; notices: { id: string; file: string }[] }[];
}

/** Sort the prepared notices of a folder for the edition of `date`. */
export function noticesForEdition(prepared: readonly Prepared[], date: IsoDate, opts: EditionSelectionOptions = {}): EditionSelection {
  const days = opts.upcomingDays ?? 7;
  const sel: EditionSelection = { date, toSet: [], refusedDue: [], refusedOther: [], notDue: [], upcoming: [] };
  const later = new Map<IsoDate, { id: string; file: string }[]>();
  const last = addDays(date, days);
  for (const p of withDuplicatesRefused(prepared, date, opts.history)) {
    if (!p.ok) {
      const dates = p.runDates;
      (dates === undefined || dates.includes(date) ? sel.refusedDue : sel.refusedOther).push(p);
      continue;
    }
    const dates = p.checked.notice.run.dates;
    (dates.includes(date) ? sel.toSet : sel.notDue).push(p);
    for (const d of dates) {
      if (d > date && d <= last) later.set(d, [...(later.get(d) ?? []), { id: p.checked.id, file: p.checked.file }]);
    }
  }
  sel.upcoming = [...later.keys()].sort().map((d) => ({ date: d, notices: later.get(d) ?? [] }));
  return sel;
}

/**
 * A lost-item notice that repeats one printed in the 30 days before the edition — in an
 * earlier edition (the history) or by an earlier file of this one (same type, declarant
 * and number) — is a duplicate: the customer would pay twice for one loss. It is a
 * warning the desk confirms: with `duplicate` in its `confirmed` list (a second run on
 * purpose) it runs, else it is refused for this edition. A notice's own earlier
 * insertions (same id) are no duplicate.
 */
function withDuplicatesRefused(prepared: readonly Prepared[], date: IsoDate, history?: PrintedHistory): Prepared[] {
  const from = addDays(date, -30);
  const seen = new Map<string, { file: string; dates: readonly IsoDate[] }[]>();
  const before = new Map<string, PrintedRecord[]>();
  for (const r of history?.records ?? []) {
    if (r.date < from || r.date >= date) continue;
    before.set(r.key, [...(before.get(r.key) ?? []), r]);
  }
  return prepared.map((p) => {
    if (!p.ok) return p;
    const n = p.checked.notice;
    const key = duplicateKey(n);
    if (key === null) return p;
    const earlier = seen.get(key) ?? [];
    seen.set(key, [...earlier, { file: p.checked.file, dates: n.run.dates }]);
    if (!n.run.dates.includes(date)) return p;
    const confirmed = Array.isArray(n.confirmed) && n.confirmed.includes('duplicate');
    if (confirmed) return p;
    const printed = history ? (before.get(printedKey(n, history.salt) ?? '') ?? []).filter((r) => r.id !== p.checked.id && r.type === n.type) : [];
    const twin = earlier.find((e) => e.dates.some((d) => d >= from && d <= date));
    if (!twin && !printed.length) return p;
    let reason: Reason;
    if (printed.length) {
      const last = printed.reduce((a, b) => (b.date > a.date ? b : a));
      const where = last.from === 'desk' ? '受理台记录' : '刊登记录';
      const whereEn = last.from === 'desk' ? 'the desk’s records' : 'the ledger of printed notices';
      reason = {
        file: p.checked.file,
        field: 'confirmed',
        code: 'duplicate',
        message: `与${last.date}版已刊出的声明（${last.id}，见${where}）重复（同类、同一声明人、同一号码，30日内）：如确需再登，在 confirmed 中列出 duplicate`,
        messageEn: `duplicates notice ${last.id} printed in the ${last.date} edition (${whereEn}; same type, declarant and number, within 30 days): to run it again on purpose, list duplicate in confirmed`,
      };
    } else {
      const on = twin!.dates.filter((d) => d >= from && d <= date).join('、');
      reason = {
        file: p.checked.file,
        field: 'confirmed',
        code: 'duplicate',
        message: `与${twin!.file}重复（同类、同一声明人、同一号码，${on}刊登）：如确需再登，在 confirmed 中列出 duplicate`,
        messageEn: `duplicates ${twin!.file} (same type, declarant and number, run ${on}): to run it again on purpose, list duplicate in confirmed`,
      };
    }
    return { ok: false, file: p.checked.file, refused: [reason], runDates: [...n.run.dates] };
  });
}

/** One notice due in the edition, with which insertion of its run this is. */
export interface DueNotice {
  id: string;
  file: string;
  /** 1-based insertion this edition prints, of `of`. */
  insertion: number;
  of: number;
}

/** A notice due in the edition that the edition does not print, and why. */
export interface DueNotPlaced {
  file: string;
  id?: string;
  why: 'refused' | 'left-out';
  reasons: Pick<Reason, 'field' | 'code' | 'message' | 'messageEn'>[];
}

/** out/report.json `notices.runDates`: the day's notices, as the desk checks them against its bookings. */
export interface RunDateReport {
  date: IsoDate;
  /** Notices whose run dates include the edition's date (passed or refused). */
  due: DueNotice[];
  /** Ids of the due notices the pages placed. */
  placed: string[];
  /** Due and not placed: refused, or no room. An error with --strict. */
  dueNotPlaced: DueNotPlaced[];
  /** Bookings of the next days. */
  upcoming: EditionSelection['upcoming'];
  /** Passed notices in the folder that do not run on this date (set in other editions). */
  notDue: number;
}

/** The run-date report, once the pages are set; `placed` are the ids the pages hold. */
export function runDateReport(sel: EditionSelection, placed: readonly string[], leftOut: readonly { id: string; file: string; reason: string; reasonEn: string }[]): RunDateReport {
  const placedSet = new Set(placed);
  const due: DueNotice[] = sel.toSet.map((p) => {
    const dates = p.checked.notice.run.dates;
    return { id: p.checked.id, file: p.checked.file, insertion: dates.indexOf(sel.date) + 1, of: dates.length };
  });
  const dueNotPlaced: DueNotPlaced[] = [
    ...sel.refusedDue.map((p) => ({
      file: p.file,
      why: 'refused' as const,
      reasons: p.refused.map(({ field, code, message, messageEn }) => ({ field, code, message, messageEn })),
    })),
    ...sel.toSet
      .filter((p) => !placedSet.has(p.checked.id))
      .map((p) => {
        const out = leftOut.find((o) => o.id === p.checked.id);
        return {
          id: p.checked.id,
          file: p.checked.file,
          why: 'left-out' as const,
          reasons: [{ field: '', code: 'notice.left-out', message: out?.reason ?? '未能排入版面', messageEn: out?.reasonEn ?? 'not placed on the page' }],
        };
      }),
  ];
  return {
    date: sel.date,
    due,
    placed: due.filter((d) => placedSet.has(d.id)).map((d) => d.id),
    dueNotPlaced,
    upcoming: sel.upcoming,
    notDue: sel.notDue.length,
  };
}
