/**
 * The desk through its HTTP routes (in-process): the form posts, the status moves with
 * their refusals shown on the page, the customer proof PDF, the day sheet as page and CSV,
 * the JSON API's validate/check/quote, and `zuban desk` on the command line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDesk } from '../../src/cli/desk.js';
import { backends, tmpDir } from './backends.js';
import { deskApp, type Client } from './appClient.js';
import { lostId } from './fixtures.js';

const b = backends()[0];
let desk: Awaited<ReturnType<typeof deskApp>>;
let li: Client;
const runDate = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  desk = await deskApp(b);
  li = desk.client();
  await li.login('li');
});
afterAll(async () => {
  await desk.handle.close();
  await b.cleanup();
});

const form = (over: Record<string, string | string[]> = {}) => ({
  type: 'lost-person', holder: '王芳', certificate: '居民身份证', number: '330106199901011040', issuer: '杭州市公安局西湖分局',
  'customer.name': '王芳', 'customer.phone': '13900002222', 'customer.idKind': 'id', 'customer.id': '330106199901011040',
  'run.dates': [runDate, ''], 'consent.by': '王芳', 'consent.relation': 'self', 'consent.at': `${today}T09:30`, 'consent.method': 'signed-form', 'consent.scope': ['print'],
  channel: 'counter', 'fapiao.title': '=HYPERLINK("x")', 'fapiao.taxId': '',
  ...over,
});

describe('desk flow over HTTP', () => {
  it('a form with missing fields comes back 422 with 必填 at the fields; a complete one is saved', async () => {
    const bad = await li.form('/notices', { type: 'lost-person', holder: '王芳' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toMatch(/id="m-customer-phone"[^>]*><span class="error">必填/);
    const ok = await li.form('/notices', form());
    expect(ok.status).toBe(303);
    expect(ok.headers.get('Location')).toMatch(/^\/notices\/\d+$/);
  });

  it('status moves through the page; a refused move is explained on the page', async () => {
    const created = await li.form('/notices', form({ holder: '赵磊', 'consent.by': '赵磊', 'customer.name': '赵磊' }));
    const url = created.headers.get('Location')!;
    const early = await li.form(`${url}/schedule`, {});
    expect(early.status).toBe(409);
    expect(await early.text()).toContain('须经客户确认并付款后才能排期');
    expect((await li.form(`${url}/approve`, {})).status).toBe(303);
    expect((await li.form(`${url}/pay`, { method: 'cash', amount: 'abc', receipt: 'R1' })).status).toBe(400);
    const n = (await (await li.req(`/api${url}`)).json()) as { price_cents: number; order_no: string };
    expect((await li.form(`${url}/pay`, { method: 'cash', amount: (n.price_cents / 100).toFixed(2), receipt: 'R-77' })).status).toBe(303);
    expect((await li.form(`${url}/schedule`, {})).status).toBe(303);
    const page = await (await li.req(url)).text();
    expect(page).toContain('已排期');
    const pdf = await li.req(`${url}/proof.pdf`);
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const png = await li.req(`${url}/proof.png`);
    expect(png.headers.get('Content-Type')).toBe('image/png');
    // the day sheet: takings by method, the call-back list, CSV without live formulas
    const sheet = await (await li.req(`/daysheet?date=${today}`)).text();
    expect(sheet).toContain(`¥${(n.price_cents / 100).toFixed(2)}`);
    const csv = await (await li.req(`/daysheet.csv?date=${today}`)).text();
    expect(csv.split('\r\n')[1]).toMatch(new RegExp(`^"${today}","li","2"`));
    expect(csv).toContain('待回访');
    const audit = await desk.store.db.selectFrom('audit').select('action').where('action', 'in', ['daysheet.export', 'notice.export.proof']).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['daysheet.export', 'notice.export.proof']);
  });

  it('an ID copy: uploaded with the CSRF token, shown to staff only, its viewing audited', async () => {
    const created = await li.form('/notices', form({ holder: '孙丽', 'consent.by': '孙丽', 'customer.name': '孙丽' }));
    const url = created.headers.get('Location')!;
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const upload = (csrf: string) => {
      const fd = new FormData();
      fd.append('_csrf', csrf);
      fd.append('file', new Blob([png], { type: 'image/png' }), 'id.png');
      return li.req(`${url}/id-copy`, { method: 'POST', body: fd });
    };
    expect((await upload('forged')).status).toBe(403);
    expect((await upload(li.csrf)).status).toBe(303);
    const page = await (await li.req(url)).text();
    const link = /href="(\/notices\/\d+\/id-copy\/\d+)"/.exec(page)![1];
    const got = await li.req(link);
    expect(got.headers.get('Content-Type')).toBe('image/png');
    expect(Buffer.from(await got.arrayBuffer())).toEqual(png);
    expect((await desk.client().req(link)).status).toBe(302);
    const audit = await desk.store.db.selectFrom('audit').select('action').where('action', 'like', 'notice.id-copy%').execute();
    expect(audit.map((a) => a.action)).toEqual(['notice.id-copy', 'notice.id-copy.view']);
  });

  it('the JSON API: validate one field, check a notice, quote it', async () => {
    const v = (await (await li.json('/api/validate', 'POST', { kind: 'id', value: '320102198506120318' })).json()) as { ok: boolean; errors: { message: string }[] };
    expect(v.ok).toBe(false);
    expect(v.errors[0].message).toMatch(/校验码/);
    const c = (await (await li.json('/api/check', 'POST', { data: lostId({ number: '320102198506120318' }) })).json()) as { ok: boolean; fields: Record<string, unknown[]> };
    expect(c.ok).toBe(false);
    expect(Object.keys(c.fields)).toContain('number');
    const q = (await (await li.json('/api/quote', 'POST', { data: lostId() })).json()) as { ok: boolean; quote: { total: number } };
    expect(q.quote.total).toBeGreaterThan(0);
    expect((await li.json('/api/quote', 'POST', 'not an object')).status).toBe(400);
  });
});

describe('zuban desk (command line)', () => {
  it('adds a user and exports a day (none scheduled) to a folder', async () => {
    const data = tmpDir();
    const out = path.join(data, 'out');
    const run = async (...args: string[]) => {
      const program = new Command('zuban').exitOverride();
      registerDesk(program);
      await program.parseAsync(['node', 'zuban', 'desk', ...args]);
    };
    process.env.ZUBAN_DESK_PASSWORD = 'a-long-password-1';
    try {
      await run('user', 'add', 'chen', '--role', 'editor', '--data', data);
    } finally {
      delete process.env.ZUBAN_DESK_PASSWORD;
    }
    await run('export', runDate, '--data', data, '--out', out);
    expect(fs.readdirSync(out)).toEqual([]);
    await expect(run('export', '2026-13-01x', '--data', data, '--out', out)).rejects.toThrow(/YYYY-MM-DD/);
    await expect(run('export', runDate, '--data', path.join(data, 'nowhere'))).rejects.toThrow(/no desk database/);
    fs.rmSync(data, { recursive: true, force: true });
  });
});
