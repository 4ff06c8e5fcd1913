/**
 * Duplicates across past editions (issue 14 item 9): a lost-item notice printed in the 30
 * days before the edition — seen in the ledger beside out/ or in the desk's database — and
 * submitted again is a warning naming the earlier edition's date; 40 days ago is not.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/index.js';
import { appendLedger, readLedger } from '../../src/notices/ledger.js';
import { noticesForEdition } from '../../src/notices/noticesForEdition.js';
import { prepareNotice } from '../../src/notices/prepareNotice.js';
import { printedRecord, type PrintedRecord } from '../../src/notices/printedHistory.js';
import { readNotice } from '../../src/notices/readNotice.js';
import { noticeCtx } from '../layout/notices/helpers.js';
import { lostId, lostSeal } from './noticeYaml.js';

const salt = '0123456789abcdef0123456789abcdef';
const early = (yaml: string) => yaml.replace('at: 2026-11-20T10:00+08:00', 'at: 2026-09-01T10:00+08:00');
const recordOf = (yaml: string, id: string, date: string, s = salt): PrintedRecord => {
  const r = readNotice(yaml, `${id}.yaml`);
  if (!r.ok) throw new Error('fixture');
  return printedRecord(r.notice, id, date, s)!;
};

describe('the duplicate check reads the printed history', () => {
  const again = prepareNotice(lostId(), 'again.yaml', noticeCtx);
  const select = (records: PrintedRecord[], p = again) => noticesForEdition([p], '2026-11-24', { history: { salt, records } });

  it('printed 10 days ago → refused until confirmed, naming the earlier edition’s date', () => {
    const sel = select([recordOf(early(lostId('', '[2026-11-14]')), 'first', '2026-11-14')]);
    expect(sel.toSet).toEqual([]);
    expect(sel.refusedDue[0].refused[0]).toMatchObject({ field: 'confirmed', code: 'duplicate' });
    expect(sel.refusedDue[0].refused[0].message).toContain('2026-11-14版');
    expect(sel.refusedDue[0].refused[0].messageEn).toContain('printed in the 2026-11-14 edition');
    // the desk confirms a second run on purpose
    const confirmed = prepareNotice(lostId('confirmed: [duplicate]\n'), 'again.yaml', noticeCtx);
    expect(select([recordOf(lostId(), 'first', '2026-11-14')], confirmed).toSet).toHaveLength(1);
  });

  it('printed 40 days ago, or 31, is no duplicate; 30 days ago still is', () => {
    expect(select([recordOf(lostId(), 'first', '2026-10-15')]).toSet).toHaveLength(1);
    expect(select([recordOf(lostId(), 'first', '2026-10-24')]).toSet).toHaveLength(1);
    expect(select([recordOf(lostId(), 'first', '2026-10-25')]).toSet).toHaveLength(0);
  });

  it('the notice’s own earlier insertions, other holders, other types and other salts are no duplicate', () => {
    expect(select([recordOf(lostId(), 'again', '2026-11-20')]).toSet).toHaveLength(1);
    expect(select([recordOf(lostId().replace('holder: 张明', 'holder: 李华'), 'first', '2026-11-20')]).toSet).toHaveLength(1);
    expect(select([recordOf(lostSeal(), 'first', '2026-11-20')]).toSet).toHaveLength(1);
    expect(select([recordOf(lostId(), 'first', '2026-11-20', 'ffffffffffffffffffffffffffffffff')]).toSet).toHaveLength(1);
    // a record of the edition's own date is a previous build of this edition, not an earlier one
    expect(select([recordOf(lostId(), 'first', '2026-11-24')]).toSet).toHaveLength(1);
  });
});

/** A one-page notices edition of `date` in `root`, whose notices/ holds `notices` (file name → YAML). */
function edition(root: string, date: string, notices: Record<string, string>): string {
  const dir = path.join(root, `ed-${date}`);
  fs.cpSync('test/fixtures/notices/edition', dir, { recursive: true });
  fs.rmSync(path.join(dir, 'notices'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'notices'));
  for (const [f, y] of Object.entries(notices)) fs.writeFileSync(path.join(dir, 'notices', f), y);
  const f = path.join(dir, 'edition.yaml');
  fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/^date: .*$/m, `date: ${date}`).replace(/^templatesDir: .*$/m, `templatesDir: ${path.resolve('templates')}`));
  return f;
}

const zhangOn = (date: string) => early(lostId('', `[${date}]`));

describe('the ledger of printed notices beside out/', () => {
  it('a build appends what it printed, after it succeeded; the next editions see it for 30 days', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-ledger-'));
    const ledger = path.join(root, 'data', 'published.jsonl');
    const logs: string[] = [];
    const build = (date: string, notices: Record<string, string>, strict = false) =>
      buildEdition(edition(root, date, notices), path.join(root, 'out'), { preview: false, strict, ledger, log: (l) => void logs.push(l), result: () => {} });

    // a failed build (--strict, a notice refused) adds nothing
    await expect(build('2026-11-14', { 'a.yaml': zhangOn('2026-11-14'), 'b.yaml': zhangOn('2026-11-14').replace(/consent:.*\n/, '') }, true)).rejects.toThrow(/refused/);
    expect(fs.existsSync(ledger)).toBe(false);

    await build('2026-11-14', { 'a.yaml': zhangOn('2026-11-14') });
    const text = fs.readFileSync(ledger, 'utf8');
    // no name, no number: type, salted key, edition date and the notice's id
    expect(text).not.toContain('张明');
    expect(text).not.toContain('320102198506120317');
    expect(text).not.toContain('0317');
    const l = readLedger(ledger);
    expect(l.records).toEqual([expect.objectContaining({ date: '2026-11-14', id: 'a', type: 'lost-person', key: expect.stringMatching(/^[0-9a-f]{32}$/) })]);

    // rebuilding the same edition adds no second line
    await build('2026-11-14', { 'a.yaml': zhangOn('2026-11-14') });
    expect(readLedger(ledger).records).toHaveLength(1);

    // submitted again 10 days later under another file: a warning naming the 2026-11-14 edition, not printed
    logs.length = 0;
    const dup = await build('2026-11-24', { 'z.yaml': zhangOn('2026-11-24') });
    expect(logs.join('\n')).toMatch(/z\.yaml confirmed — .*printed in the 2026-11-14 edition/);
    expect((dup.notices as { set: unknown[] }).set).toEqual([]);

    // 40 days later: printed, and recorded
    logs.length = 0;
    const later = await build('2026-12-24', { 'y.yaml': zhangOn('2026-12-24') });
    expect(logs.join('\n')).not.toMatch(/duplicate|重复/);
    expect((later.notices as { set: { id: string }[] }).set.map((s) => s.id)).toEqual(['y']);
    expect(readLedger(ledger).records.map((r) => `${r.date} ${r.id}`)).toEqual(['2026-11-14 a', '2026-12-24 y']);
  }, 120_000);

  it('a torn last line is skipped with a warning and the next build starts on a new line; a foreign file stops the build', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-ledger-'));
    const file = path.join(dir, 'published.jsonl');
    const rec = (s: string) => [recordOf(lostId(), 'a', '2026-11-14', s)];
    appendLedger(file, rec);
    fs.appendFileSync(file, '{"date":"2026-11-15","id":"b","ty');
    appendLedger(file, (s) => [recordOf(lostSeal(), 'c', '2026-11-16', s)]);
    const l = readLedger(file);
    expect(l.records.map((r) => r.id)).toEqual(['a', 'c']);
    expect(l.skipped).toEqual([{ line: 3, reason: expect.any(String) }]);
    fs.writeFileSync(path.join(dir, 'other.jsonl'), '{"something":"else"}\n');
    expect(() => readLedger(path.join(dir, 'other.jsonl'))).toThrow(/other\.jsonl:1: not a ledger of printed notices/);
  });
});

describe('the desk’s database as printed history (zuban build --desk)', () => {
  it('a notice the desk printed 10 days ago and scheduled again is held back with a warning; 40 days later it prints', async () => {
    const { openDeskDb } = await import('../../src/desk/db.js');
    const { DeskStore } = await import('../../src/desk/store.js');
    const { lostId: formLostId } = await import('../desk/fixtures.js');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-desk-history-'));
    const data = path.join(root, 'desk');
    fs.mkdirSync(data);
    const store = new DeskStore(await openDeskDb(data));
    const clerk = { id: 'u1', username: 'li', name: '李受理', role: 'desk' as const };
    const book = async (date: string) => {
      const notice = { ...formLostId({ holder: '欧阳明', dates: [date] }), consent: { by: '欧阳明', relation: 'self', at: '2026-10-01T10:00+08:00', method: 'signed-form', scope: ['print', 'epaper', 'archive'] } };
      const n = await store.createNotice({ data: notice, ok: true, refused: null, priceCents: 6000 }, { channel: 'counter', clerk: 'li' });
      await store.approve(n.id, 'li');
      await store.pay(n.id, { method: 'cash', amountCents: 6000, receiptNo: `R${n.id}` }, 'li');
      await store.schedule(n.id, clerk);
      return n.order_no;
    };
    const first = await book('2026-11-14');
    const second = await book('2026-11-24');
    const third = await book('2026-12-24');
    await store.handle.close();
    // each build its own ledger, so only the desk's database can tell what was printed
    const build = (date: string) =>
      spawnSync(process.execPath, [path.resolve('dist/bundle/zuban.js'), 'build', edition(root, date, {}), '--desk', data, '--out', path.join(root, `out-${date}`), '--ledger', path.join(root, `ledger-${date}.jsonl`), '--no-preview'], { encoding: 'utf8' });
    const b14 = build('2026-11-14');
    expect(b14.status, b14.stderr).toBe(0);
    const b24 = build('2026-11-24');
    expect(b24.status, b24.stderr).toBe(0);
    expect(b24.stderr).toContain(`duplicates notice ${first} printed in the 2026-11-14 edition (the desk’s records`);
    expect(b24.stderr).toContain(`not printed, left scheduled: ${second}`);
    const b1224 = build('2026-12-24');
    expect(b1224.status, b1224.stderr).toBe(0);
    expect(b1224.stderr).not.toContain('duplicates');
    const again = new DeskStore(await openDeskDb(data));
    const status = async (o: string) => (await again.noticeByOrder(o))?.status;
    expect([await status(first), await status(second), await status(third)]).toEqual(['published', 'scheduled', 'published']);
    await again.handle.close();
  }, 180_000);
});
