/** The desk app in-process (hono's app.request, no socket) with a small cookie-keeping client. */
import { createDeskApp } from '../../src/desk/app.js';
import { hashPassword, LoginLimiter } from '../../src/desk/auth.js';
import { DeskStore, type Role } from '../../src/desk/store.js';
import { loadNoticeEngine, type NoticeEngine } from '../../src/desk/engine.js';
import type { Backend } from './backends.js';

let engine: NoticeEngine | undefined;
export const sharedEngine = () => (engine ??= loadNoticeEngine());

export async function deskApp(b: Backend, opts: { now?: () => Date } = {}) {
  const handle = await b.open();
  const store = new DeskStore(handle, { now: opts.now });
  const app = createDeskApp({ store, engine: sharedEngine(), secret: 'x'.repeat(32), limiter: new LoginLimiter(5, 600_000) });
  const users: Record<Role, string> = { desk: 'li', editor: 'wang', admin: 'zhao' };
  for (const [role, username] of Object.entries(users)) {
    await store.createUser({ username, name: username, passwordHash: await hashPassword(`${username}-password-123`), role: role as Role }, 'test');
  }
  return { app, store, handle, client: () => new Client(app) };
}

export class Client {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(readonly app: { request: (url: string, init?: RequestInit) => Response | Promise<Response> }) {}

  async req(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await this.app.request(url, { ...init, headers });
    for (const c of res.headers.getSetCookie()) {
      const [kv] = c.split(';');
      const i = kv.indexOf('=');
      const v = kv.slice(i + 1);
      if (v === '' || /Max-Age=0/i.test(c)) this.cookies.delete(kv.slice(0, i));
      else this.cookies.set(kv.slice(0, i), v);
    }
    return res;
  }

  form(url: string, fields: Record<string, string | string[]>, withCsrf = true): Promise<Response> {
    const body = new URLSearchParams();
    if (withCsrf) body.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return this.req(url, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  }

  json(url: string, method: string, value?: unknown, csrf: string | null = this.csrf): Promise<Response> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (csrf !== null) headers['X-CSRF-Token'] = csrf;
    return this.req(url, { method, headers, body: value === undefined ? undefined : JSON.stringify(value) });
  }

  async login(username: string, password = `${username}-password-123`): Promise<Response> {
    const page = await (await this.req('/login')).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(page)![1];
    const res = await this.req('/login', { method: 'POST', body: new URLSearchParams({ _csrf: token, username, password }), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    if (res.status === 303) {
      const html = await (await this.req('/notices')).text();
      this.csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1];
    }
    return res;
  }
}
