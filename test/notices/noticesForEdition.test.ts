/** Run dates (issue 14 item 2): a notice is set only in the editions of its run dates. */
import { describe, expect, it } from 'vitest';
import { noticesForEdition, runDateReport } from '../../src/notices/noticesForEdition.js';
import { prepareNotice } from '../../src/notices/prepareNotice.js';
import { noticeCtx } from '../layout/notices/helpers.js';
import { lostId, lostSeal } from './noticeYaml.js';

const prep = (yaml: string, file: string) => prepareNotice(yaml, file, noticeCtx);

describe('noticesForEdition', () => {
  const early = (yaml: string) => yaml.replace('at: 2026-11-20T10:00+08:00', 'at: 2026-11-18T10:00+08:00');
  const three = prep(early(lostId('', '[2026-11-20, 2026-11-24, 2026-11-28]')), 'three.yaml');
  const later = prep(lostSeal().replace('[2026-11-24]', '[2026-11-25]'), 'later.yaml');
  const brokenToday = prep(lostId().replace(/consent:.*\n/, ''), 'no-consent.yaml');
  const brokenLater = prep(lostId('', '[2026-12-01]').replace(/consent:.*\n/, ''), 'no-consent-later.yaml');
  const unreadable = prep('type: lost-person\nholder: [', 'bad.yaml');

  it('sets a notice only on its run dates', () => {
    expect(three.ok && later.ok).toBe(true);
    for (const [date, ids] of [
      ['2026-11-20', ['three']],
      ['2026-11-24', ['three']],
      ['2026-11-25', ['later']],
      ['2026-11-26', []],
      ['2026-11-28', ['three']],
    ] as const) {
      const sel = noticesForEdition([three, later], date);
      expect(sel.toSet.map((p) => p.checked.id)).toEqual(ids);
    }
  });

  it('a refusal is due when booked today or when its dates cannot be read', () => {
    const sel = noticesForEdition([brokenToday, brokenLater, unreadable], '2026-11-24');
    expect(sel.refusedDue.map((p) => p.file)).toEqual(['no-consent.yaml', 'bad.yaml']);
    expect(sel.refusedOther.map((p) => p.file)).toEqual(['no-consent-later.yaml']);
  });

  it('reports due, placed, due-not-placed and the next days’ bookings', () => {
    const sel = noticesForEdition([three, later, brokenToday], '2026-11-24', { upcomingDays: 3 });
    const r = runDateReport(sel, [], [{ id: 'three', file: 'three.yaml', reason: '版面已满，未能刊出', reasonEn: 'the notices pages are full' }]);
    expect(r.due).toEqual([{ id: 'three', file: 'three.yaml', insertion: 2, of: 3 }]);
    expect(r.placed).toEqual([]);
    expect(r.dueNotPlaced.map((d) => [d.file, d.why])).toEqual([
      ['no-consent.yaml', 'refused'],
      ['three.yaml', 'left-out'],
    ]);
    expect(r.dueNotPlaced[1].reasons[0].messageEn).toBe('the notices pages are full');
    // 11-28 is four days on: outside a 3-day window
    expect(r.upcoming).toEqual([{ date: '2026-11-25', notices: [{ id: 'later', file: 'later.yaml' }] }]);
    expect(r.notDue).toBe(1);
    expect(runDateReport(sel, ['three'], []).placed).toEqual(['three']);
  });
});
