/**
 * `zuban build` with a notices page: refused notices are warnings naming file, field and
 * reason, the page still builds with the rest, out/report.json carries the notices and
 * their quotes; --strict fails on a refused notice.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEdition, readFrame, UserError } from '../../src/index.js';

const edition = 'test/fixtures/notices/edition/edition.yaml';

describe('zuban build sets the notices page', () => {
  it('builds without the refused notice, warns with file, field and reason, and reports quotes', async () => {
    const out = mkdtempSync(join(tmpdir(), 'zuban-build-'));
    const log: string[] = [];
    const push = (l: string) => void log.push(l);
    await buildEdition(edition, out, { preview: false, log: push });
    const warning = log.find((l) => l.includes('02-no-consent.yaml'));
    expect(warning).toMatch(/^warning: notice refused: .*02-no-consent\.yaml consent — .*PIPL art\. 25/);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.notices.set.map((s: { id: string }) => s.id)).toEqual(['01-lost-id', '03-liquidation']);
    expect(report.notices.refused).toHaveLength(1);
    expect(report.notices.refused[0].reasons[0]).toMatchObject({ field: 'consent', code: 'no-consent' });
    // quote = print: the quoted lines are the notice's Line nodes in out/frame.json
    const frame = readFrame(readFileSync(join(out, 'frame.json'), 'utf8'));
    const printed = (id: string) => frame.pages.flatMap((p) => p.blocks).filter((b) => b.source.id === id && b.source.component === 'notice').reduce((n, b) => n + b.lines.length, 0);
    for (const s of report.notices.set) {
      expect(printed(s.id)).toBeGreaterThan(0);
      expect(s.quote.lines).toBe(printed(s.id));
      expect(s.quote.currency).toBe('CNY');
      // this edition bills one insertion; the quote is the whole run
      expect(s.billed).toBe(s.quote.perInsertion);
      expect(s.total).toBe(s.quote.perInsertion * s.quote.insertions);
    }
    const lostId = report.notices.set.find((s: { id: string }) => s.id === '01-lost-id');
    expect(lostId.quote.insertions).toBe(3);
    expect(lostId.deadlines).toEqual([]);
    // the liquidation resolved 2026-10-12: publish within 60 days → Fri 2026-12-11
    const liq = report.notices.set.find((s: { id: string }) => s.id === '03-liquidation');
    expect(liq.deadlines.find((d: { name: string }) => d.name === 'publishBy')).toMatchObject({ raw: '2026-12-11', due: '2026-12-11', movedBy: [], rule: { days: 60 } });
    expect(report.notices.totalYuan).toBe(report.notices.set.reduce((t: number, s: { quote: { perInsertion: number } }) => t + s.quote.perInsertion, 0));
    expect(report.notices.pages[0]).toMatchObject({ page: 'A01', notices: 2 });
    expect(report.notices.leftOut).toEqual([]);
    expect(log.some((l) => /notices: 2 set on A01, 1 refused, 1 not due 2026-11-24/.test(l))).toBe(true);
  });

  it('sets only the notices due on the edition date and reports due, placed and upcoming', async () => {
    const out = mkdtempSync(join(tmpdir(), 'zuban-build-'));
    await buildEdition(edition, out, { preview: false, log: () => {} });
    const { runDates } = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).notices;
    expect(runDates.date).toBe('2026-11-24');
    expect(runDates.due).toEqual([
      { id: '01-lost-id', file: expect.stringMatching(/01-lost-id\.yaml$/), insertion: 2, of: 3 },
      { id: '03-liquidation', file: expect.stringMatching(/03-liquidation\.yaml$/), insertion: 1, of: 1 },
    ]);
    expect(runDates.placed).toEqual(['01-lost-id', '03-liquidation']);
    expect(runDates.dueNotPlaced).toMatchObject([{ file: expect.stringMatching(/02-no-consent/), why: 'refused' }]);
    expect(runDates.upcoming.map((u: { date: string }) => u.date)).toEqual(['2026-11-26', '2026-11-28']);
    expect(runDates.notDue).toBe(1);
  });

  it('--strict fails on a refused notice, naming it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'zuban-build-'));
    const push = () => {};
    const err = await buildEdition(edition, out, { preview: false, strict: true, log: push }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/1 notices due 2026-11-24 refused \(--strict\)[\s\S]*02-no-consent\.yaml consent/);
  });
});
