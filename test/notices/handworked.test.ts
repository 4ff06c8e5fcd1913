/**
 * A notice set written for this test and judged by hand, not by running zuban (issue 14,
 * acceptance): every type, valid, invalid and tricky, with the legal dates of company
 * notices counted by hand across 春节, 劳动节, 端午, 国庆 and their 调休 working days
 * (test/fixtures/notices/handworked/expected.yaml gives each outcome; each notice file's
 * comment shows the working). Every notice must be judged exactly so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { prepareNoticeDir } from '../../src/notices/loadNotices.js';
import { noticeCtx } from '../layout/notices/helpers.js';

const dir = 'test/fixtures/notices/handworked';
interface Expected {
  ok: boolean;
  field?: string;
  code?: string;
  mentions?: string;
  prints?: string;
  deadlines?: Record<string, { raw: string; due: string | null; movedBy?: string[] }>;
}
const expected = parse(fs.readFileSync(path.join(dir, 'expected.yaml'), 'utf8')) as Record<string, Expected>;
const judged = new Map(prepareNoticeDir(path.join(dir, 'notices'), noticeCtx).map((p) => [path.basename(p.ok ? p.checked.file : p.file).replace(/\.yaml$/, ''), p]));

describe('a hand-worked notice set is judged right', () => {
  it('every file has an expected outcome and every outcome a file', () => {
    expect([...judged.keys()].sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [name, want] of Object.entries(expected)) {
    it(name, () => {
      const p = judged.get(name)!;
      const why = p.ok ? '' : p.refused.map((r) => `${r.field}: ${r.code}: ${r.messageEn}`).join('\n');
      expect(p.ok, why).toBe(want.ok);
      if (!p.ok) {
        const first = p.refused[0];
        if (want.field) expect(first.field, why).toBe(want.field);
        if (want.code) expect(first.code, why).toBe(want.code);
        if (want.mentions) expect(`${first.message} ${first.messageEn}`).toContain(want.mentions);
        return;
      }
      if (want.prints) expect(p.text.paragraphs.join('')).toContain(want.prints);
      if (want.deadlines) {
        const got = Object.fromEntries(
          p.checked.deadlines.map((d) => [d.period.name, d.ok ? { raw: d.raw, due: d.due, movedBy: d.movedBy.map((m) => m.date) } : { raw: d.raw, due: null }]),
        );
        const wantAll = Object.fromEntries(Object.entries(want.deadlines).map(([k, v]) => [k, v.due === null ? { raw: v.raw, due: null } : { raw: v.raw, due: v.due, movedBy: v.movedBy ?? [] }]));
        expect(got).toEqual(wantAll);
      }
    });
  }
});
