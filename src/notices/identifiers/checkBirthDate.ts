import { message, type Findings, type ValidateOptions } from './validationResult.js';

const DAY_MS = 86_400_000;
// China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact.
const CHINA_OFFSET_MS = 8 * 3_600_000;

let cachedToday = 0;
let cachedUntil = 0;

/**
 * Today in China as YYYYMMDD. The default is cached until the next Chinese midnight, so a
 * long-running desk server rolls over correctly and a validation does not allocate a Date.
 */
export function chinaToday(opts?: ValidateOptions): number {
  if (opts?.today) return chinaDateOf(opts.today.getTime());
  const now = Date.now();
  if (now >= cachedUntil) {
    cachedToday = chinaDateOf(now);
    cachedUntil = Math.floor((now + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS + DAY_MS - CHINA_OFFSET_MS;
  }
  return cachedToday;
}

function chinaDateOf(ms: number): number {
  const d = new Date(ms + CHINA_OFFSET_MS);
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

/** Days in `month` (1–12) of `year`, Gregorian. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether year-month-day is a date that exists. */
export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** `YYYY-MM-DD` without a Date object. */
export function formatDate(year: number, month: number, day: number): string {
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * 出生日期 — the §1 rules for a birth date: it exists (error), is not in the future (error), the
 * year is ≥ 1890 (error), and an age over 110 needs the desk to confirm (warning, §0).
 * Returns the date as `YYYY-MM-DD`, or null when the date does not exist.
 */
export function checkBirthDate(year: number, month: number, day: number, findings: Findings, opts?: ValidateOptions): string | null {
  if (!isRealDate(year, month, day)) {
    const shown = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    findings.errors.push(message('birth-date.invalid', `出生日期${shown}不存在`, `birth date ${shown} does not exist`));
    return null;
  }
  const date = formatDate(year, month, day);
  const today = chinaToday(opts);
  const ymd = year * 10000 + month * 100 + day;
  if (ymd > today) {
    findings.errors.push(message('birth-date.future', `出生日期${date}晚于今天`, `birth date ${date} is in the future`));
  } else if (year < 1890) {
    findings.errors.push(message('birth-date.before-1890', `出生年份${year}早于1890年`, `birth year ${year} is before 1890`));
  } else {
    const todayYear = Math.floor(today / 10000);
    const age = todayYear - year - (today % 10000 < month * 100 + day ? 1 : 0);
    if (age > 110) {
      findings.warnings.push(
        message('birth-date.over-110', `按出生日期${date}计已满${age}岁（超过110岁），请核对`, `age ${age} from birth date ${date} is over 110; please confirm`),
      );
    }
  }
  return date;
}
