/**
 * Legal deadlines against dates worked out by hand.
 *
 * The holiday schedules used (State Council notices, as also carried by chinese-days):
 * - 2025 春节: 1-28 (除夕) … 2-04 off; Sun 1-26 and Sat 2-08 are working days.
 * - 2025 国庆+中秋: 10-01 … 10-08 off; Sun 9-28 and Sat 10-11 are working days.
 * - 2026 春节: 2-15 … 2-23 off (9 days); Sat 2-14 and Sat 2-28 are working days.
 * - 2026 国庆: 10-01 … 10-07 off; Sun 9-20 and Sat 10-10 are working days.
 * Weekdays: 2025-01-01 was a Wednesday, 2026-01-01 a Thursday.
 *
 * Counting (Civil Code art. 201, 203): the starting day is not counted, so n days from D
 * end on D + n; that day, if a holiday or rest day, gives way to the next working day.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { makeCalendar, readYearSchedule } from '../../src/notices/calendar.js';
import { LEGAL_PERIODS, checkRunDates, computeDeadline, noticeDeadlines, type Deadline, type LegalPeriod } from '../../src/notices/deadlines.js';
import { readNotice } from '../../src/notices/readNotice.js';
import type { CompanyNotice } from '../../src/notices/schema/notice.js';
import { loadNoticeContext } from '../../src/notices/loadNotices.js';
import { prepareNotice } from '../../src/notices/prepareNotice.js';
import { liquidation } from './noticeYaml.js';

const cal = makeCalendar();
const period = (type: keyof typeof LEGAL_PERIODS, name: LegalPeriod['name']) => {
  const p = LEGAL_PERIODS[type].find((x) => x.name === name);
  if (!p) throw new Error(`${type} has no ${name}`);
  return p;
};
const due = (d: Deadline) => (d.ok ? d.due : `error: ${d.message}`);

describe('deadlines across the Spring Festival', () => {
  it('merger resolved Fri 2026-01-16: +30 = Sun 2026-02-15, first day of the 2026 春节 holiday → Tue 2026-02-24', () => {
    // Jan 17 is day 1, Jan 31 day 15, Feb 15 day 30. Feb 15–23 are off; Feb 24 (Tue) is the first working day.
    const d = computeDeadline('2026-01-16', period('merger', 'publishBy'), cal);
    expect(d).toMatchObject({ ok: true, raw: '2026-02-15', due: '2026-02-24' });
  });

  it('capital reduction resolved Thu 2026-01-15: +30 = Sat 2026-02-14, a 调休 working Saturday → stays', () => {
    const d = computeDeadline('2026-01-15', period('capital-reduction', 'publishBy'), cal);
    expect(d).toMatchObject({ ok: true, raw: '2026-02-14', due: '2026-02-14' });
  });

  it('liquidation group formed 2024-11-30: +60 = Wed 2025-01-29 (春节) → Wed 2025-02-05', () => {
    // Dec 1 is day 1, Dec 31 day 31, Jan 29 day 60. Jan 28 – Feb 4 are off; Feb 5 (Wed) works.
    const d = computeDeadline('2024-11-30', period('liquidation', 'publishBy'), cal);
    expect(d).toMatchObject({ ok: true, raw: '2025-01-29', due: '2025-02-05' });
  });

  it('Sat 2026-02-28 is a 调休 working day, Sun 2026-03-01 is not', () => {
    // merger notify-by: 10 days from Wed 2026-02-18 = Sat 2026-02-28 (working); from Thu 2026-02-19 = Sun 2026-03-01 → Mon 2026-03-02
    expect(due(computeDeadline('2026-02-18', period('merger', 'notifyBy'), cal))).toBe('2026-02-28');
    expect(due(computeDeadline('2026-02-19', period('merger', 'notifyBy'), cal))).toBe('2026-03-02');
  });
});

describe('deadlines across National Day', () => {
  it('claims 45 days from a publication on 2025-08-22: +45 = Mon 2025-10-06 (中秋, inside 10-01…10-08) → Thu 2025-10-09', () => {
    // Aug 23 is day 1, Aug 31 day 9, Sep 30 day 39, Oct 6 day 45.
    const d = computeDeadline('2025-08-22', period('liquidation', 'claimsBy'), cal);
    expect(d).toMatchObject({ ok: true, raw: '2025-10-06', due: '2025-10-09' });
  });

  it('split resolved Wed 2026-09-02: +30 = Fri 2026-10-02 (国庆) → Thu 2026-10-08', () => {
    // Sep 3 is day 1, Sep 30 day 28, Oct 2 day 30. Oct 1–7 are off; Oct 8 (Thu) works.
    const d = computeDeadline('2026-09-02', period('split', 'publishBy'), cal);
    expect(d).toMatchObject({ ok: true, raw: '2026-10-02', due: '2026-10-08' });
  });

  it('merger resolved 2026-08-21: +30 = Sun 2026-09-20, a 调休 working Sunday → stays', () => {
    expect(due(computeDeadline('2026-08-21', period('merger', 'publishBy'), cal))).toBe('2026-09-20');
  });

  it('merger resolved 2026-09-10: +30 = Sat 2026-10-10, a 调休 working Saturday → stays', () => {
    expect(due(computeDeadline('2026-09-10', period('merger', 'publishBy'), cal))).toBe('2026-10-10');
  });

  it('an ordinary weekend: 2026-10-29 + 30 = Sat 2026-11-28 → Mon 2026-11-30', () => {
    expect(due(computeDeadline('2026-10-29', period('merger', 'publishBy'), cal))).toBe('2026-11-30');
  });
});

describe('years without data', () => {
  it('a deadline in 2027 is an error naming the year, not a weekday guess', () => {
    // 2026-12-10 + 30 = 2027-01-09; chinese-days 1.5.7 has no 2027 data
    const d = computeDeadline('2026-12-10', period('merger', 'publishBy'), cal);
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.year).toBe(2027);
      expect(d.raw).toBe('2027-01-09');
      expect(d.message).toContain('2027');
      expect(d.messageEn).toContain('templates/calendar/2027.yaml');
    }
    expect(cal.covers(2027)).toBe(false);
    expect(cal.isWorkday('2027-01-04')).toBeUndefined();
    expect(cal.sourceOf(2026)).toBe('chinese-days');
  });

  it('a calendar file covers a year the package does not (invented example schedule)', () => {
    const file = 'test/fixtures/notices/calendar/2027-EXAMPLE.yaml';
    const example = readYearSchedule(readFileSync(file, 'utf8'), file, { allowExample: true });
    const withFile = makeCalendar([{ ...example, file }]);
    // 2026-12-02 + 30 = Fri 2027-01-01, off in the example; 01-02, 01-03 too → Mon 2027-01-04
    expect(due(computeDeadline('2026-12-02', period('merger', 'publishBy'), withFile))).toBe('2027-01-04');
    // example 调休: Sun 2027-02-14 works; 2027-01-15 + 30 = 2027-02-14
    expect(due(computeDeadline('2027-01-15', period('merger', 'publishBy'), withFile))).toBe('2027-02-14');
    expect(withFile.sourceOf(2027)).toBe(file);
  });

  it('refuses the example file outside tests', () => {
    const file = 'test/fixtures/notices/calendar/2027-EXAMPLE.yaml';
    expect(() => readYearSchedule(readFileSync(file, 'utf8'), file)).toThrow(/example/);
  });

  it('a calendar file overrides the package for its year', () => {
    // pretend 2026-02-24 were also a holiday: the merger deadline of the first test moves to Wed 02-25
    const s = readYearSchedule(
      'year: 2026\nsource: test\nholidays:\n  - { name: 春节, from: 2026-02-15, to: 2026-02-24 }\nworkdays: [2026-02-14, 2026-02-28]\n',
      'test-2026.yaml',
    );
    expect(due(computeDeadline('2026-01-16', period('merger', 'publishBy'), makeCalendar([s])))).toBe('2026-02-25');
  });
});

function company(yaml: string): CompanyNotice {
  const r = readNotice(yaml, 'x.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.refused));
  return r.notice as CompanyNotice;
}

const MERGER = (resolution: string, run: string) => `type: merger
mode: absorption
parties:
  - { name: 南京青禾文化传媒有限公司, uscc: 91320102MA1G2K3LXW }
  - { name: 南京禾苗广告有限公司, uscc: 91440300MA01K7Q870 }
decision: { organ: 股东会, date: ${resolution} }
contact: { name: 王明, phone: 025-84001234 }
customer: { name: 王明, phone: 13800001234, id: 320102198506120317 }
run: { dates: [${run}] }
consent: { by: 王明, relation: company, at: ${resolution}, method: signed-form, scope: [print] }
`;

describe('run dates against the deadlines', () => {
  it('a run after the publish-by date is an error naming the date it should have been', () => {
    // 2026-10-20 + 30 = Thu 2026-11-19, a working day
    const n = company(MERGER('2026-10-20', '2026-11-24'));
    const problems = checkRunDates(n, noticeDeadlines(n, cal));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'run.dates.0', code: 'run.misses-deadline' });
    expect(problems[0].message).toContain('应不迟于2026年11月19日');
    expect(problems[0].messageEn).toContain('2026-11-19');
  });

  it('a run on the last day is in time', () => {
    const n = company(MERGER('2026-10-20', '2026-11-19'));
    expect(checkRunDates(n, noticeDeadlines(n, cal))).toEqual([]);
  });

  it('a run before the resolution is an error', () => {
    const n = company(MERGER('2026-11-25', '2026-11-24'));
    expect(checkRunDates(n, noticeDeadlines(n, cal)).map((p) => p.code)).toContain('run.before-resolution');
  });

  it('lists notify, publish and claims deadlines for a merger; claims count from the first run', () => {
    const n = company(MERGER('2026-11-10', '2026-11-24'));
    const ds = noticeDeadlines(n, cal);
    expect(ds.map((d) => d.period.name)).toEqual(['notifyBy', 'publishBy', 'claimsBy']);
    // notify: 11-10 + 10 = Fri 11-20; publish: 11-10 + 30 = Thu 12-10; claims: 11-24 + 45 = 2027-01-08, not covered
    expect(ds.map(due).slice(0, 2)).toEqual(['2026-11-20', '2026-12-10']);
    expect(ds[2]).toMatchObject({ ok: false, year: 2027, start: '2026-11-24', raw: '2027-01-08' });
  });
});

describe('calendar bounds (issue 14 item 3)', () => {
  const ctx = loadNoticeContext('templates');
  // resolved 2026-11-20: publish within 60 days → 2027-01-19 before any holiday move; 2027 has no data
  const liq = (run: string) =>
    liquidation().replace('date: 2026-10-12', 'date: 2026-11-20').replace('[2026-11-24]', `[${run}]`).replace('at: 2026-11-12', 'at: 2026-11-20');

  it('a run on or before the unmoved deadline is in time without the next year’s calendar', () => {
    for (const run of ['2026-12-08', '2027-01-19']) {
      const r = prepareNotice(liq(run), 'liq.yaml', ctx);
      expect(r.ok, JSON.stringify(r.ok ? '' : r.refused)).toBe(true);
      if (r.ok) expect(r.checked.info.map((i) => i.code)).toContain('deadline.publishBy.bound');
    }
  });

  it('a run after it, in a year no data covers, is refused naming the calendar file to add', () => {
    const r = prepareNotice(liq('2027-01-20'), 'liq.yaml', ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const why = r.refused.find((x) => x.code === 'calendar-not-covered');
    expect(why?.field).toBe('run.dates.0');
    expect(why?.messageEn).toContain('templates/calendar/2027.yaml');
    expect(why?.messageEn).toContain('State Council');
    expect(why?.messageEn).toContain('2027-01-19');
  });

  it('a covered deadline records the holidays that moved it', () => {
    // 2026-09-01 + 30 = Thu 10-01, 国庆节 to 10-07 → Thu 10-08
    const d = computeDeadline('2026-09-01', period('merger', 'publishBy'), cal);
    expect(d.ok && d.due).toBe('2026-10-08');
    expect(d.ok && d.movedBy.map((m) => m.name)).toEqual(Array(7).fill('国庆节'));
    const plain = computeDeadline('2026-11-10', period('merger', 'publishBy'), cal);
    expect(plain.ok && plain.movedBy).toEqual([]);
  });
});
