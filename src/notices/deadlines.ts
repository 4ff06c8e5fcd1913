/**
 * Legal periods of company notices (spec §5 "Legal periods"), counted as the Civil Code
 * counts them: the starting day is not counted (art. 201), so a period of n days from
 * day D ends on D + n; a period whose last day is a public holiday or rest day ends on
 * the next working day instead (art. 203), where 调休 Saturdays and Sundays count as
 * working days. A deadline in a year no calendar covers is an error, never a guess.
 *
 * Periods (Company Law as revised 2023, in force 2024-07-01; article numbers as the
 * spec gives them, to verify):
 * - liquidation (art. 235): notify creditors within 10 days and publish within 60 days
 *   of the liquidation group's formation; creditors claim within 30 days of a letter,
 *   or 45 days of the publication;
 * - merger (art. 220) and capital reduction (art. 224): notify within 10 days and
 *   publish within 30 days of the resolution; creditors 30/45 days as above;
 * - split (art. 222): notify within 10 days, publish within 30 days.
 */
import { addDays, formatChineseDate, yearOf, type IsoDate } from './dates.js';
import type { WorkCalendar } from './calendar.js';
import type { CompanyNotice, CompanyNoticeType } from './schema/notice.js';

/** Which deadline: notify creditors by letter, publish the notice, creditors' claims. */
export type DeadlineName = 'notifyBy' | 'publishBy' | 'claimsBy';

/** One legal period. */
export interface LegalPeriod {
  name: DeadlineName;
  /** Length in calendar days. */
  days: number;
  /** What it counts from: the resolution (or the liquidation group's formation), or the first publication. */
  from: 'resolution' | 'publication';
  /** The rule, in Chinese and English, for messages. */
  zh: string;
  en: string;
}

const NOTIFY: LegalPeriod = { name: 'notifyBy', days: 10, from: 'resolution', zh: '通知债权人', en: 'notify creditors' };
const CLAIMS: LegalPeriod = {
  name: 'claimsBy',
  days: 45,
  from: 'publication',
  zh: '未接到通知的债权人申报债权',
  en: 'creditors without a letter claim',
};
const publish = (days: number): LegalPeriod => ({ name: 'publishBy', days, from: 'resolution', zh: '公告', en: 'publish' });

/** The periods of each company notice type. */
export const LEGAL_PERIODS: Readonly<Record<CompanyNoticeType, readonly LegalPeriod[]>> = {
  liquidation: [NOTIFY, publish(60), CLAIMS],
  'capital-reduction': [NOTIFY, publish(30), CLAIMS],
  merger: [NOTIFY, publish(30), CLAIMS],
  split: [NOTIFY, publish(30)],
};

/** A deadline worked out, or why it could not be. */
export type Deadline =
  | {
      ok: true;
      period: LegalPeriod;
      /** The day the period counts from (not itself counted). */
      start: IsoDate;
      /** start + days: the last day before any holiday move. */
      raw: IsoDate;
      /** The last day of the period: `raw`, or the next working day after it. */
      due: IsoDate;
      /** The rest days that moved it from `raw` to `due`, with the holiday's name (empty when not moved). */
      movedBy: { date: IsoDate; name: string }[];
    }
  | {
      ok: false;
      period: LegalPeriod;
      start: IsoDate;
      raw: IsoDate;
      /** The year no calendar covers. */
      year: number;
      code: 'calendar-not-covered';
      message: string;
      messageEn: string;
    };

/**
 * The last day of a period of `days` days counted from `start` (which is not counted),
 * moved forward past rest days and holidays.
 */
export function computeDeadline(start: IsoDate, period: LegalPeriod, cal: WorkCalendar): Deadline {
  const raw = addDays(start, period.days);
  const movedBy: { date: IsoDate; name: string }[] = [];
  // a holiday run is at most a few weeks long; 60 days bounds the loop whatever the data says
  for (let d = raw, i = 0; i < 60; d = addDays(d, 1), i++) {
    const work = cal.isWorkday(d);
    if (work === undefined) {
      const year = yearOf(d);
      return {
        ok: false,
        period,
        start,
        raw,
        year,
        code: 'calendar-not-covered',
        message: `无${year}年节假日安排数据，不能计算顺延后的期限（${formatChineseDate(start)}起${period.days}日，不早于${formatChineseDate(raw)}）；请按国务院办公厅${year}年部分节假日安排的通知添加 templates/calendar/${year}.yaml`,
        messageEn: `no holiday schedule for ${year}: cannot say how far holidays move the ${period.days}-day period from ${start} (not before ${raw}); add templates/calendar/${year}.yaml from the State Council's ${year} holiday schedule`,
      };
    }
    if (work) return { ok: true, period, start, raw, due: d, movedBy };
    movedBy.push({ date: d, name: cal.restName(d) ?? '休息日' });
  }
  throw new Error(`calendar has no working day in the 60 days after ${raw}`);
}

/** The day the resolution-based periods count from. */
export function periodStart(n: CompanyNotice): IsoDate {
  return n.type === 'liquidation' && n.groupFormed !== undefined ? n.groupFormed : n.decision.date;
}

/** All deadlines of a company notice; claims count from its first run date. */
export function noticeDeadlines(n: CompanyNotice, cal: WorkCalendar): Deadline[] {
  const fromResolution = periodStart(n);
  return LEGAL_PERIODS[n.type].map((p) =>
    computeDeadline(p.from === 'resolution' ? fromResolution : n.run.dates[0], p, cal),
  );
}

/** A problem with the run dates, relative to the legal periods. */
export interface RunDateProblem {
  /** Dotted field path. */
  field: string;
  code: 'run.before-resolution' | 'run.misses-deadline' | 'calendar-not-covered';
  message: string;
  messageEn: string;
}

/**
 * Check the first run date against the resolution and the publish-by deadline. A missed
 * deadline names the date the notice should have run by.
 */
export function checkRunDates(n: CompanyNotice, deadlines: readonly Deadline[]): RunDateProblem[] {
  const first = n.run.dates[0];
  const start = periodStart(n);
  const problems: RunDateProblem[] = [];
  if (first < start) {
    problems.push({
      field: 'run.dates.0',
      code: 'run.before-resolution',
      message: `刊登日期${formatChineseDate(first)}早于决议（或清算组成立）日期${formatChineseDate(start)}`,
      messageEn: `run date ${first} is before the resolution (or liquidation group) date ${start}`,
    });
  }
  const pub = deadlines.find((d) => d.period.name === 'publishBy');
  // Holidays only move a deadline later (Civil Code art. 203), so a run on or before the
  // unmoved last day is in time whatever the missing calendar would say.
  if (pub && !pub.ok && first > pub.raw) {
    problems.push({ field: 'run.dates.0', code: pub.code, message: `刊登日期${formatChineseDate(first)}晚于未顺延的公告期限${formatChineseDate(pub.raw)}：${pub.message}`, messageEn: `run date ${first} is after the unmoved deadline ${pub.raw}: ${pub.messageEn}` });
  } else if (pub && pub.ok && first > pub.due) {
    problems.push({
      field: 'run.dates.0',
      code: 'run.misses-deadline',
      message: `刊登日期${formatChineseDate(first)}超过法定公告期限：应不迟于${formatChineseDate(pub.due)}（自${formatChineseDate(pub.start)}起${pub.period.days}日内公告）`,
      messageEn: `run date ${first} misses the legal period: it should run on or before ${pub.due} (publish within ${pub.period.days} days of ${pub.start})`,
    });
  }
  return problems;
}

/** A deadline as the quote's JSON, the proof and the report show it (issue 14 item 8). */
export interface DeadlineView {
  name: DeadlineName;
  /** The rule: what must happen, how many days, counted from what. */
  rule: { zh: string; en: string; days: number; from: LegalPeriod['from'] };
  /** The day counted from (not itself counted). */
  start: IsoDate;
  /** start + days, before any holiday move. */
  raw: IsoDate;
  /** The last day; null when no calendar covers the year it would move into (then it is not before `raw`). */
  due: IsoDate | null;
  /** The rest days that moved it from `raw` (holiday names, 周六/周日). */
  movedBy: { date: IsoDate; name: string }[];
  /** Why `due` is null, when it is. */
  note?: string;
}

/** Plain data for a notice's deadlines. */
export function deadlineViews(deadlines: readonly Deadline[]): DeadlineView[] {
  return deadlines.map((d) => ({
    name: d.period.name,
    rule: { zh: d.period.zh, en: d.period.en, days: d.period.days, from: d.period.from },
    start: d.start,
    raw: d.raw,
    due: d.ok ? d.due : null,
    movedBy: d.ok ? d.movedBy : [],
    ...(d.ok ? {} : { note: d.messageEn }),
  }));
}

const FROM_ZH: Record<LegalPeriod['from'], string> = { resolution: '决议（清算组成立）', publication: '首次公告' };

/** One Chinese line per deadline, for the proof and the CLI: `公告：2026年12月10日前（自…起30日；国庆节顺延）`. */
export function deadlineLines(deadlines: readonly Deadline[]): string[] {
  return deadlines.map((d) => {
    const rule = `自${FROM_ZH[d.period.from]}${formatChineseDate(d.start)}起${d.period.days}日`;
    if (!d.ok) return `${d.period.zh}：不早于${formatChineseDate(d.raw)}（${rule}；无${d.year}年节假日数据，未计顺延）`;
    const names = [...new Set(d.movedBy.map((m) => m.name))];
    const moved = names.length ? `；${formatChineseDate(d.raw)}遇${names.join('、')}，顺延` : '';
    return `${d.period.zh}：${formatChineseDate(d.due)}前（${rule}${moved}）`;
  });
}
