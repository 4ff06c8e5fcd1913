/** The daily cut-off (issue 14 item 11): 16:00 Beijing time the day before (泓州日报). */
import { describe, expect, it } from 'vitest';
import { editionNotices } from '../../src/layout/notices/editionNotices.js';
import { latestMs, momentMs } from '../../src/notices/cutoff.js';
import { prepareNoticeFile } from '../../src/notices/loadNotices.js';
import { fonts } from '../helpers/fonts.js';
import { prepareNotice } from '../../src/notices/prepareNotice.js';
import { grid, noticeCtx } from '../layout/notices/helpers.js';
import { lostId } from './noticeYaml.js';

const at = (moment: string, extra = '') => lostId(extra).replace('at: 2026-11-20T10:00+08:00', `at: ${moment}`);
const result = (yaml: string) => prepareNotice(yaml, 'n.yaml', noticeCtx);

describe('cut-off', () => {
  it('accepted by 16:00 the day before runs; a minute later is refused for that edition', () => {
    expect(result(at('2026-11-23T16:00+08:00')).ok).toBe(true);
    const late = result(at('2026-11-23T16:01+08:00'));
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.refused[0]).toMatchObject({ field: 'consent.at', code: 'cutoff.missed', messageEn: expect.stringContaining('2026-11-23 16:00') });
  });

  it('reads the zone: 08:30Z is 16:30 in Beijing; no zone is Beijing time', () => {
    expect(result(at('2026-11-23T08:30Z')).ok).toBe(false);
    expect(result(at('2026-11-23T07:59Z')).ok).toBe(true);
    expect(momentMs('2026-11-23T16:00')).toBe(Date.parse('2026-11-23T08:00:00Z'));
  });

  it('`accepted` is the moment judged when given', () => {
    const r = result(at('2026-11-20T10:00+08:00', 'accepted: 2026-11-23T18:00+08:00\n'));
    expect(!r.ok && r.refused[0].field).toBe('accepted');
  });

  it('an editor may mark a late notice; the permission is recorded with it', () => {
    const r = result(at('2026-11-23T17:00+08:00', 'late: { by: 林晓岚, at: 2026-11-23T17:10+08:00, reason: 法院限期 }\n'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.checked.info).toContainEqual(expect.objectContaining({ field: 'late', code: 'cutoff.late-accepted', message: expect.stringContaining('林晓岚') }));
  });

  it('the sample edition’s late correction is set and its permission is in the report', () => {
    const p = prepareNoticeFile('content/notices/212-correction.yaml', noticeCtx);
    expect(p.ok).toBe(true);
    const n = editionNotices([p], { fonts, config: noticeCtx.config, rateCard: noticeCtx.rateCard, paperName: '泓州日报', pages: ['A05'] });
    n.fill('A05', grid, 4, grid.linesPerColumn - 1);
    expect(n.report.set[0].late).toMatchObject({ by: '林晓岚', reason: expect.any(String) });
  });

  it('a date-only acceptance is the whole day: on the day before the run it is not before the cut-off', () => {
    // run 2026-11-24, cut-off 2026-11-23 16:00: "2026-11-23" may have been 17:00, so it is refused and the time asked for
    const dayBefore = result(at('2026-11-20T10:00+08:00', 'accepted: 2026-11-23\n'));
    expect(dayBefore.ok).toBe(false);
    if (!dayBefore.ok) {
      expect(dayBefore.refused[0]).toMatchObject({ field: 'accepted', code: 'cutoff.date-only' });
      expect(dayBefore.refused[0].message).toContain('只写了日期');
      expect(dayBefore.refused[0].messageEn).toContain('2026-11-23 16:00');
    }
    // the run day itself, and consent.at given as a date only, are judged the same way
    expect(result(at('2026-11-20T10:00+08:00', 'accepted: 2026-11-24\n')).ok).toBe(false);
    const consentOnly = result(at('2026-11-23'));
    expect(!consentOnly.ok && consentOnly.refused[0]).toMatchObject({ field: 'consent.at', code: 'cutoff.date-only' });
    // two days before: any hour of that day is before the cut-off
    expect(result(at('2026-11-20T10:00+08:00', 'accepted: 2026-11-22\n')).ok).toBe(true);
    // an editor's late mark covers a date-only acceptance too
    expect(result(at('2026-11-23', 'late: { by: 林晓岚, at: 2026-11-23T17:10+08:00, reason: 法院限期 }\n')).ok).toBe(true);
    expect(latestMs('2026-11-23')).toBe(Date.parse('2026-11-23T16:00:00Z') - 1);
    expect(latestMs('2026-11-23T10:00+08:00')).toBe(momentMs('2026-11-23T10:00+08:00'));
  });

  it('a paper with an earlier cut-off refuses earlier (组版日报, 15:00)', () => {
    const yaml = at('2026-11-23T15:30+08:00').replace('run: { dates: [2026-11-24] }', 'run: { paper: zuban-daily, dates: [2026-11-24] }');
    expect(result(yaml).ok).toBe(false);
  });
});
