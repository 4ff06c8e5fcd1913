/**
 * The desk's security rules: no personal data without a session, CSRF on every change,
 * escaped output, verbatim storage, a login rate limit, roles, and no serving on another
 * address without a secret.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSecret, startDesk } from '../../src/desk/server.js';
import { backends, tmpDir } from './backends.js';
import { deskApp, sharedEngine, type Client } from './appClient.js';
import { lostId } from './fixtures.js';

const b = backends()[0]; // SQLite; the storage rules themselves run on both in storage.test.ts
let desk: Awaited<ReturnType<typeof deskApp>>;
let li: Client;
let id: number;

beforeAll(async () => {
  desk = await deskApp(b);
  li = desk.client();
  expect((await li.login('li')).status).toBe(303);
  const res = await li.json('/api/notices', 'POST', { data: lostId(), channel: 'counter' });
  expect(res.status).toBe(201);
  id = ((await res.json()) as { id: number }).id;
});
afterAll(async () => {
  await desk.handle.close();
  await b.cleanup();
});

describe('desk security', () => {
  it('every personal-data route without a session: 401 (API) or a redirect to /login (pages)', async () => {
    const anon = desk.client();
    const pages = ['/', '/notices', '/notices/new', `/notices/${id}`, `/notices/${id}/edit`, `/notices/${id}/proof.png`, `/notices/${id}/proof.pdf`, '/daysheet', '/daysheet.csv', '/admin'];
    for (const p of pages) {
      const r = await anon.req(p);
      expect([p, r.status, r.headers.get('Location')]).toEqual([p, 302, '/login']);
    }
    for (const [p, m] of [['/intake/check', 'POST'], [`/notices/${id}/approve`, 'POST'], ['/admin/purge', 'POST']] as const) {
      const r = await anon.req(p, { method: m });
      expect([p, r.status]).toEqual([p, 302]);
    }
    const api: [string, string][] = [['/api/notices', 'GET'], ['/api/notices', 'POST'], [`/api/notices/${id}`, 'GET'], [`/api/notices/${id}`, 'PUT'], [`/api/notices/${id}/approve`, 'POST'], ['/api/validate', 'POST'], ['/api/check', 'POST'], ['/api/quote', 'POST'], ['/api/proof', 'POST'], [`/api/notices/${id}/yaml`, 'GET'], ['/api/anything', 'GET']];
    for (const [p, m] of api) {
      const r = await anon.json(p, m, m === 'GET' ? undefined : {}, null);
      expect([p, r.status]).toEqual([p, 401]);
      expect(await r.text()).not.toContain('张明');
    }
    // a forged session cookie is no session
    anon.cookies.set('zuban_desk', 'forged');
    expect((await anon.req('/api/notices')).status).toBe(401);
  });

  it('a forged or missing CSRF token → 403, on forms and on the API', async () => {
    for (const token of [null, '', 'forged-token']) {
      expect((await li.json('/api/notices', 'POST', { data: lostId() }, token)).status).toBe(403);
      expect((await li.json(`/api/notices/${id}/approve`, 'POST', {}, token)).status).toBe(403);
    }
    expect((await li.form(`/notices/${id}/approve`, {}, false)).status).toBe(403);
    expect((await li.form(`/notices/${id}/approve`, { _csrf: 'forged' }, false)).status).toBe(403);
    expect((await li.form('/notices', { type: 'lost-person' }, false)).status).toBe(403);
    expect((await desk.store.notice(id))?.status).toBe('draft');
    // the login form has its own token
    const anon = desk.client();
    await anon.req('/login');
    const r = await anon.req('/login', { method: 'POST', body: new URLSearchParams({ _csrf: 'forged', username: 'li', password: 'li-password-123' }), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(r.status).toBe(403);
  });

  it('<script> typed into a field is shown as text; SQL metacharacters are stored verbatim', async () => {
    const evil = '<script>alert(1)</script>';
    const sqlish = `'; DROP TABLE notices; --"`;
    const data = { ...lostId(), issuer: sqlish, customer: { ...lostId().customer, name: evil } };
    const res = await li.json('/api/notices', 'POST', { data, channel: 'phone' });
    const n = (await res.json()) as { id: number; data: { issuer: string } };
    expect(n.data.issuer).toBe(sqlish);
    for (const url of [`/notices/${n.id}`, `/notices?q=${encodeURIComponent(evil)}`, `/notices?q=${encodeURIComponent(sqlish)}`]) {
      const html = await (await li.req(url)).text();
      expect(html).not.toContain(evil);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
    const live = await li.form('/intake/check', { type: 'lost-person', holder: evil, number: '320102198506120317' });
    const html = await live.text();
    expect(html).not.toContain('<script>alert');
    const back = (await (await li.req(`/api/notices/${n.id}`)).json()) as { data: { issuer: string; customer: { name: string } } };
    expect(back.data.issuer).toBe(sqlish);
    expect(back.data.customer.name).toBe(evil);
    const found = (await (await li.req(`/api/notices?q=${encodeURIComponent("'; DROP")}`)).json()) as { id: number }[];
    expect(found.map((r) => r.id)).toEqual([n.id]);
  });

  it('session cookies are HttpOnly and SameSite=Strict; pages forbid framing and inline script', async () => {
    const c = desk.client();
    await c.req('/login');
    const token = c.cookies.get('zuban_desk_login')!;
    const r = await c.req('/login', { method: 'POST', body: new URLSearchParams({ _csrf: token, username: 'li', password: 'li-password-123' }), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    const cookie = r.headers.getSetCookie().find((x) => x.startsWith('zuban_desk='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(r.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(r.headers.get('X-Frame-Options')).toBe('DENY');
  });

  it('after logout the session is gone at once (no cached session survives it)', async () => {
    const c = desk.client();
    await c.login('wang');
    expect((await c.req('/api/notices')).status).toBe(200);
    const cookie = c.cookies.get('zuban_desk')!;
    expect((await c.form('/logout', {})).status).toBe(303);
    c.cookies.set('zuban_desk', cookie); // a copy of the old cookie
    expect((await c.req('/api/notices')).status).toBe(401);
  });

  it('rate-limits logins: after 5 failures even the right password waits', async () => {
    const c = desk.client();
    for (let i = 0; i < 5; i++) expect((await c.login('wang', 'wrong-password')).status).toBe(401);
    expect((await c.login('wang')).status).toBe(429);
    const audit = await desk.store.db.selectFrom('audit').select('action').where('entity', '=', 'login').execute();
    expect(audit.filter((a) => a.action === 'login.fail')).toHaveLength(5);
    expect(audit.some((a) => a.action === 'login.limited')).toBe(true);
  });

  it('roles: a desk clerk may not purge or schedule without payment; an admin may purge', async () => {
    expect((await li.form('/admin/purge', {})).status).toBe(403);
    const r = await li.json(`/api/notices/${id}/schedule`, 'POST', { override: '熟客' });
    expect(r.status).toBe(403);
    const admin = desk.client();
    await admin.login('zhao');
    expect((await admin.form('/admin/purge', {})).status).toBe(303);
    const purges = await desk.store.db.selectFrom('audit').select('action').where('action', '=', 'retention.purge').execute();
    expect(purges).toHaveLength(1);
  });

  it('refuses an oversized body (413) before reading it into a notice', async () => {
    const r = await li.json('/api/notices', 'POST', { data: { ...lostId(), note: 'x'.repeat(400_000) } });
    expect(r.status).toBe(413);
  });

  it('refuses a non-loopback host without a secret (and a short secret)', async () => {
    const dir = tmpDir();
    const saved = process.env.ZUBAN_DESK_SECRET;
    delete process.env.ZUBAN_DESK_SECRET;
    try {
      expect(() => resolveSecret('0.0.0.0', dir)).toThrow(/without a secret/);
      expect(() => resolveSecret('192.168.1.20', dir)).toThrow(/without a secret/);
      expect(() => resolveSecret('0.0.0.0', dir, 'short')).toThrow(/32/);
      await expect(startDesk({ host: '0.0.0.0', port: 0, data: dir, engine: sharedEngine() })).rejects.toThrow(/without a secret/);
      expect(resolveSecret('0.0.0.0', dir, 's'.repeat(40))).toBe('s'.repeat(40));
      // loopback: a secret made once, kept private in the data folder
      const s = resolveSecret('127.0.0.1', dir);
      expect(s.length).toBeGreaterThanOrEqual(32);
      expect(resolveSecret('127.0.0.1', dir)).toBe(s);
      expect(fs.statSync(path.join(dir, 'desk-secret')).mode & 0o777).toBe(0o600);
    } finally {
      if (saved !== undefined) process.env.ZUBAN_DESK_SECRET = saved;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
