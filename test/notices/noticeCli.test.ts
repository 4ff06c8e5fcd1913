/**
 * `zuban notice proof` and `zuban notice quote`: the proof PDF's text extracts (pdftotext),
 * the JSON quote has the documented keys, and refused notices fail with file, field and
 * reason (exit 1 through UserError).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../src/cli/errors.js';
import { proofNoticeFile } from '../../src/cli/notice.js';
import { registerNotice } from '../../src/cli/noticeCommand.js';
import { renderDocument } from '../../src/index.js';
import { fonts } from '../helpers/fonts.js';
import { noticeCtx } from '../layout/notices/helpers.js';
import { merger } from './noticeYaml.js';

const fixture = (name: string) => `test/fixtures/notices/${name}`;

async function run(...args: string[]): Promise<string> {
  const program = new Command('zuban').exitOverride();
  registerNotice(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  try {
    await program.parseAsync(['node', 'zuban', 'notice', ...args, '--templates', 'templates']);
  } finally {
    spy.mockRestore();
  }
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe('zuban notice quote', () => {
  it('--json prints one object with lines, chars, unit, rate, extras, total and currency', async () => {
    const q = JSON.parse(await run('quote', fixture('valid-liquidation.yaml'), '--json'));
    expect(q).toMatchObject({ file: fixture('valid-liquidation.yaml'), id: 'valid-liquidation', unit: 'line', rate: 30, currency: 'CNY' });
    for (const k of ['lines', 'chars', 'unit', 'rate', 'extras', 'total', 'currency']) expect(q).toHaveProperty(k);
    expect(q.extras).toEqual([{ name: 'box', amount: 30 }]);
    // 30 yuan a line, company minimum 300, plus the box
    expect(q.total).toBe(Math.max(300, q.lines * 30) + 30);
  });

  it('without --json prints the quote in Chinese', async () => {
    const out = await run('quote', fixture('valid-lost-id.yaml'));
    expect(out).toMatch(/行数：\d+行（每行13字）/);
    expect(out).toMatch(/合计：¥\d+/);
  });

  for (const [name, field, reason] of [
    ['no-consent.yaml', 'consent', /consent/],
    ['invalid-number.yaml', 'number', /check/i],
    ['missing-field.yaml', 'holder', /required field is missing/],
    ['malformed.yaml', '', /malformed YAML \(line \d+\)/],
  ] as const) {
    it(`refuses ${name}: file, field and reason, exit 1`, async () => {
      const file = fixture(`refused/${name}`);
      const err = await run('quote', file, '--json').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(UserError);
      const e = err as UserError;
      expect(e.exitCode).toBe(1);
      expect(e.message).toContain(file);
      if (field) expect(e.message).toContain(` ${field} — `);
      expect(e.message).toMatch(reason);
    });
  }

  it('a missing file is a UserError naming it', async () => {
    await expect(run('quote', 'no/such/notice.yaml')).rejects.toThrow(/no\/such\/notice\.yaml[\s\S]*cannot read the notice file \(ENOENT\)/);
  });
});

describe('zuban notice proof', () => {
  it('writes the PDF through a temp file and prints the quote', async () => {
    const out = mkdtempSync(join(tmpdir(), 'zuban-proof-'));
    const printed = await run('proof', fixture('valid-lost-id.yaml'), '--out', out);
    expect(readdirSync(out)).toEqual(['valid-lost-id.pdf']);
    expect(printed).toMatch(/合计：¥\d+/);
    expect(printed).toContain(join(out, 'valid-lost-id.pdf'));
  });

  it('sets the notice at the page measure, and its text extracts from the PDF with the quote beside it', async () => {
    const p = proofNoticeFile(fixture('valid-lost-id.yaml'), noticeCtx, fonts);
    const pdf = await renderDocument(p.document, fonts);
    const dir = mkdtempSync(join(tmpdir(), 'zuban-proof-'));
    writeFileSync(join(dir, 'p.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-raw', join(dir, 'p.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('张明遗失居民身份证');
    expect(text).toContain('320102198506120317');
    expect(text).toContain('声明作废。');
    expect(text).toContain(`行数：${p.quote.lines}行`);
    expect(text).toContain(`合计：¥${p.quote.total}`);
    // printed width: one notice column of 13 字 at the notice size
    const lines = p.document.pages[0].blocks.filter((b) => b.source.component === 'notice').flatMap((b) => b.lines);
    expect(lines.length).toBe(p.quote.lines);
    expect(lines.every((l) => Math.abs(l.measure - 13 * noticeCtx.config.style.size) < 1e-6)).toBe(true);
    expect(existsSync(join(dir, 'p.pdf'))).toBe(true);
  });
});

describe('deadlines shown (issue 14 item 8)', () => {
  // resolved 2026-09-01: notify by Fri 09-11; publish 09-01 + 30 = 10-01, 国庆节 to 10-07 → 10-08; claims 09-20 + 45 = Wed 11-04
  const dir = mkdtempSync(join(tmpdir(), 'zuban-deadlines-'));
  const file = join(dir, 'merger.yaml');
  writeFileSync(file, merger().replace('date: 2026-11-10', 'date: 2026-09-01').replace('[2026-11-24]', '[2026-09-20, 2026-09-27]').replace('at: 2026-11-12', 'at: 2026-09-02'));

  it('the quote JSON gives each deadline with its rule and the holidays that moved it, and bills per insertion', async () => {
    const q = JSON.parse(await run('quote', file, '--json'));
    expect(q.dates).toEqual(['2026-09-20', '2026-09-27']);
    expect(q.insertions).toBe(2);
    expect(q.total).toBe(q.perInsertion * 2);
    expect(q.deadlines.map((d: { name: string; due: string }) => [d.name, d.due])).toEqual([
      ['notifyBy', '2026-09-11'],
      ['publishBy', '2026-10-08'],
      ['claimsBy', '2026-11-04'],
    ]);
    const pub = q.deadlines[1];
    expect(pub).toMatchObject({ rule: { days: 30, from: 'resolution', zh: '公告' }, start: '2026-09-01', raw: '2026-10-01' });
    expect(pub.movedBy.map((m: { date: string; name: string }) => m.name)).toEqual(Array(7).fill('国庆节'));
    expect(q.deadlines[0].movedBy).toEqual([]);
  });

  it('the proof prints them beside the quote', async () => {
    const p = proofNoticeFile(file, noticeCtx, fonts);
    const pdf = await renderDocument(p.document, fonts);
    writeFileSync(join(dir, 'p.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-raw', join(dir, 'p.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('公告：2026年10月8日前');
    expect(text).toContain('遇国庆节，顺延');
    expect(text).toContain('通知债权人：2026年9月11日前');
  });
});
