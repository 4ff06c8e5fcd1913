/**
 * Working-day calendar (工作日历) for legal deadlines: which days are working days in
 * mainland China, including the State Council's 调休 (weekend days made working days to
 * bridge a holiday).
 *
 * Two sources, per year:
 * 1. the `chinese-days` package (data from 2004 to 2026 in version 1.5.7);
 * 2. editable files `templates/calendar/<year>.yaml` with the State Council's yearly
 *    schedule (国务院办公厅关于<year>年部分节假日安排的通知), for years the package does
 *    not cover yet, or to correct it. A file overrides the package for its year.
 *
 * A year neither source covers is *not covered*: asking about one of its days returns
 * `undefined`, never a weekday guess (the package itself answers 2027-01-01 "working").
 */
import chineseDays from 'chinese-days';
import { z } from 'zod';
import { addDays, isIsoDate, weekday, yearOf, type IsoDate } from './dates.js';
import { readSettings } from './readSettings.js';

/** One year's official schedule, as written in templates/calendar/<year>.yaml. */
export const YearScheduleSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  /** Where the schedule comes from: the notice's title and number (国办发明电〔…〕…号). */
  source: z.string().min(1),
  /**
   * True for an invented schedule used only in tests. Production loading refuses it, so
   * an example copied into templates/calendar/ cannot silently move a legal deadline.
   */
  example: z.boolean().optional(),
  /** Holidays (放假): each a named range of days, inclusive; weekend days inside count too. */
  holidays: z.array(
    z.strictObject({
      name: z.string().min(1),
      from: z.string().refine(isIsoDate),
      to: z.string().refine(isIsoDate),
    }),
  ),
  /** Weekend days that are working days (调休上班). */
  workdays: z.array(z.string().refine(isIsoDate)).default([]),
});
export type YearSchedule = z.infer<typeof YearScheduleSchema>;

/** Answers whether a day is a working day, for the years it covers. */
export interface WorkCalendar {
  /** True when some source covers `year`. */
  covers(year: number): boolean;
  /** Working day or not; `undefined` when the year is not covered. */
  isWorkday(date: IsoDate): boolean | undefined;
  /** Which source answers for a year: `chinese-days`, a file name, or null. */
  sourceOf(year: number): string | null;
  /**
   * Why a day is not a working day, in Chinese: the holiday's name (国庆节, 春节 …), 周六 or
   * 周日; undefined for a working day or a year not covered.
   */
  restName(date: IsoDate): string | undefined;
}

const WEEKEND_NAMES: Record<number, string> = { 0: '周日', 6: '周六' };


/** Parse one calendar file; throws with the file name and the field on bad data. */
export function readYearSchedule(yamlText: string, file: string, opts: { allowExample?: boolean } = {}): YearSchedule {
  const s = readSettings(YearScheduleSchema, yamlText, file);
  if (s.example && !opts.allowExample) {
    throw new Error(`${file}: 示例日历（example: true）不能用于正式计算 / an example calendar cannot be used for real deadlines`);
  }
  // A year's notice may reach into its neighbours (a 元旦 holiday starting on 31 December,
  // a 调休 Saturday in the December before), but no further.
  const near = (d: IsoDate) => Math.abs(yearOf(d) - s.year) <= 1;
  for (const h of s.holidays) {
    if (!near(h.from) || !near(h.to) || h.to < h.from) {
      throw new Error(`${file}: holidays ${h.name}: ${h.from}…${h.to} does not fit year ${s.year}`);
    }
  }
  for (const d of s.workdays) {
    if (!near(d)) throw new Error(`${file}: workdays: ${d} does not fit year ${s.year}`);
  }
  return s;
}

/** The year a package covers: it lists at least one statutory holiday in it (every real year has 元旦). */
function packageCovers(year: number): boolean {
  return chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
}

/**
 * Build the calendar from the package and the given schedules (already read). Every
 * date a schedule lists overrides the day, even one in a neighbouring year; but a year
 * counts as covered only through its own file or the package.
 */
export function makeCalendar(schedules: readonly (YearSchedule & { file?: string })[] = []): WorkCalendar {
  const fileYears = new Map<number, string>();
  const override = new Map<IsoDate, boolean>();
  const holidayNames = new Map<IsoDate, string>();
  for (const s of schedules) {
    fileYears.set(s.year, s.file ?? `${s.year}.yaml`);
    for (const h of s.holidays) {
      for (let d = h.from; d <= h.to; d = addDays(d, 1)) {
        override.set(d, false);
        holidayNames.set(d, h.name);
      }
    }
    for (const d of s.workdays) override.set(d, true);
  }
  const pkg = new Map<number, boolean>();
  const fromPackage = (year: number) => {
    if (!pkg.has(year)) pkg.set(year, packageCovers(year));
    return pkg.get(year) === true;
  };
  const cal: WorkCalendar = {
    restName(date) {
      if (cal.isWorkday(date) !== false) return undefined;
      const named = holidayNames.get(date);
      if (named) return named;
      if (!fileYears.has(yearOf(date))) {
        // chinese-days names a holiday `English,中文,days`; a plain weekend by its English day name
        const zh = chineseDays.getDayDetail(date).name.split(',')[1];
        if (zh) return zh;
      }
      return WEEKEND_NAMES[weekday(date)] ?? '休息日';
    },
    covers: (year) => fileYears.has(year) || fromPackage(year),
    sourceOf: (year) => fileYears.get(year) ?? (fromPackage(year) ? 'chinese-days' : null),
    isWorkday(date) {
      const year = yearOf(date);
      if (fileYears.has(year)) {
        const o = override.get(date);
        if (o !== undefined) return o;
        const wd = weekday(date);
        return wd !== 0 && wd !== 6;
      }
      if (!fromPackage(year)) return undefined;
      return override.get(date) ?? chineseDays.isWorkday(date);
    },
  };
  return cal;
}
