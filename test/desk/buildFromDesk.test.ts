/**
 * `zuban build --desk`: the notices the desk scheduled for the edition's date are set on
 * its notices page — not on another date's — and marked published after the build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDeskDb } from '../../src/desk/db.js';
import { DeskStore, type Staff } from '../../src/desk/store.js';
import { lostId } from './fixtures.js';

const clerk: Staff = { id: 'u1', username: 'li', name: '李受理', role: 'desk' };

function edition(root: string, date: string): string {
  const dir = path.join(root, `ed-${date}`);
  fs.cpSync('content', dir, { recursive: true });
  fs.rmSync(path.join(dir, 'notices'), { recursive: true, force: true });
  const f = path.join(dir, 'edition.yaml');
  fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/^date: .*$/m, `date: ${date}`).replace(/^templatesDir: .*$/m, `templatesDir: ${path.resolve('templates')}`));
  return f;
}

const build = (ed: string, desk: string, out: string) =>
  spawnSync(process.execPath, [path.resolve('dist/bundle/zuban.js'), 'build', ed, '--desk', desk, '--out', out, '--no-preview'], { encoding: 'utf8' });

const noticeText = (out: string) => {
  const frame = JSON.parse(fs.readFileSync(path.join(out, 'frame.json'), 'utf8'));
  return frame.pages.flatMap((p: { blocks: { source: { component: string }; lines: { runs: { text: string }[] }[] }[] }) => p.blocks.filter((b) => b.source.component === 'notice').flatMap((b) => b.lines.flatMap((l) => l.runs.map((r) => r.text)))).join('');
};

describe('zuban build --desk', () => {
  it('--- sets-that-date’s-notices --- a scheduled notice prints in its date’s edition, not another’s, and is then published', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-build-desk-'));
    const data = path.join(root, 'desk');
    fs.mkdirSync(data);
    const db = await openDeskDb(data);
    const store = new DeskStore(db);
    const notice = { ...lostId({ holder: '欧阳明', dates: ['2026-11-24'] }), consent: { by: '欧阳明', relation: 'self', at: '2026-11-20T10:00+08:00', method: 'signed-form', scope: ['print', 'epaper', 'archive'] }, accepted: '2026-11-20T10:00+08:00' };
    const n = await store.createNotice({ data: notice, ok: true, refused: null, priceCents: 6000 }, { channel: 'counter', clerk: 'li' });
    await store.approve(n.id, 'li');
    await store.pay(n.id, { method: 'cash', amountCents: 6000, receiptNo: 'R1' }, 'li');
    await store.schedule(n.id, clerk);
    await db.close();

    const other = build(edition(root, '2026-11-25'), data, path.join(root, 'out-25'));
    expect(other.status, other.stderr).toBe(0);
    expect(noticeText(path.join(root, 'out-25'))).not.toContain('欧阳明');

    const due = build(edition(root, '2026-11-24'), data, path.join(root, 'out-24'));
    expect(due.status, due.stderr).toBe(0);
    expect(noticeText(path.join(root, 'out-24'))).toContain('欧阳明遗失');
    expect(due.stderr).toMatch(/desk: 1 scheduled notices set and marked published \(2026-11-24\)/);

    const again = new DeskStore(await openDeskDb(data));
    expect((await again.scheduledFor('2026-11-24')).map((r) => r.status)).not.toContain('scheduled');
  }, 120_000);
});
