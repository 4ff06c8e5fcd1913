/**
 * 截稿 — the daily cut-off (issue 14 item 11): a notice accepted after the paper's cut-off
 * (北京时间, e.g. 16:00) cannot run in the next day's edition. It is refused for that run
 * date unless an editor has marked it late (`late: { by, at, reason }`), which is recorded
 * with the notice. The moment of acceptance is `accepted`, else the consent record's time
 * (the desk takes the consent when it accepts the notice). One without a zone is Beijing
 * time. A moment written as a date only says the day, not the hour: it cannot show the
 * notice came in before that day's cut-off, so it counts as the end of that day — a
 * date-only acceptance on the day before the run is after the cut-off (refused unless
 * marked late, the message asks for the time); on any earlier day it is in time.
 */
import { addDays, formatChineseDate, type IsoDate } from './dates.js';
import { noFindings, type Findings } from './reasons.js';
import type { Notice } from './schema/notice.js';

/** Milliseconds since the epoch of an isoMoment, Beijing time when no zone is written. */
export function momentMs(moment: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(?::\d{2})?)?(Z|[+-]\d{2}:\d{2})?$/.exec(moment);
  if (!m) return Number.NaN;
  return Date.parse(`${m[1]}${m[2] ?? 'T00:00'}${m[3] ?? '+08:00'}`);
}

/** True when a moment gives the day only (no time of day). */
export const isDateOnly = (moment: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(moment);

/**
 * The latest instant a moment may stand for: itself when it has a time; for a date only,
 * the last millisecond of that day (Beijing time) — the acceptance may have been at any hour.
 */
export function latestMs(moment: string): number {
  return isDateOnly(moment) ? Date.parse(`${addDays(moment as IsoDate, 1)}T00:00+08:00`) - 1 : momentMs(moment);
}

/** The last moment a notice may be accepted for the edition of `runDate`: the day before, at the cut-off. */
export function cutoffFor(runDate: IsoDate, cutoff: string): number {
  return Date.parse(`${addDays(runDate, -1)}T${cutoff}:00+08:00`);
}

/** The cut-off check of one notice against its paper's cut-off time. */
export function cutoffFindings(n: Notice, cutoff: string, file: string): Findings {
  const f = noFindings();
  const accepted = n.accepted ?? n.consent?.at;
  if (accepted === undefined) return f;
  const first = n.run.dates[0];
  if (latestMs(accepted) <= cutoffFor(first, cutoff)) return f;
  const field = n.accepted !== undefined ? 'accepted' : 'consent.at';
  const when = `${formatChineseDate(addDays(first, -1))}${cutoff}`;
  const dateOnly = isDateOnly(accepted);
  if (n.late) {
    f.info.push({
      file,
      field: 'late',
      code: 'cutoff.late-accepted',
      message: `截稿（${when}）后受理，经${n.late.by}于${n.late.at}批准加急刊登：${n.late.reason}`,
      messageEn: `accepted after the cut-off (${addDays(first, -1)} ${cutoff}); marked late by ${n.late.by} at ${n.late.at}: ${n.late.reason}`,
    });
    return f;
  }
  f.errors.push({
    file,
    field,
    code: dateOnly ? 'cutoff.date-only' : 'cutoff.missed',
    message: dateOnly
      ? `受理时间${accepted}只写了日期，无法确认在${formatChineseDate(first)}版的截稿时间（${when}）之前：请写明受理的时刻（如 ${accepted}T15:30+08:00），或改刊登日期，或由编辑标注 late: { by, at, reason }`
      : `受理时间${accepted}晚于${formatChineseDate(first)}版的截稿时间（${when}）：请改刊登日期，或由编辑标注 late: { by, at, reason }`,
    messageEn: dateOnly
      ? `accepted on ${accepted} with no time of day, so it cannot be shown to be before the cut-off for the ${first} edition (${addDays(first, -1)} ${cutoff} Beijing time): give the time (e.g. ${accepted}T15:30+08:00), move the run date, or have an editor mark it late: { by, at, reason }`
      : `accepted at ${accepted}, after the cut-off for the ${first} edition (${addDays(first, -1)} ${cutoff} Beijing time): move the run date, or have an editor mark it late: { by, at, reason }`,
  });
  return f;
}
