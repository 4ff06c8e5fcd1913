/**
 * The desk's HTTP application (hono): login, the intake form with its live check, the
 * list and search, a notice's page with its status moves and history, the day sheet, the
 * admin page, and the JSON API under /api/. Nothing with personal data answers without a
 * session (pages redirect to /login, /api/* answers 401); every POST, PUT and DELETE needs
 * the session's CSRF token (form field `_csrf` or header `X-CSRF-Token`), else 403.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isIdentifierKind, noticeYaml, validateIdentifier } from '../index.js';
import { customerProofPdf, proofPdf, proofPng, type NoticeEngine } from './engine.js';
import { dummyHash, hashPassword, LOGIN_CSRF_COOKIE, LoginLimiter, randomToken, sameToken, SESSION_COOKIE, SESSION_TTL_MS, sessionId, verifyPassword } from './auth.js';
import { csvCell, h, type Safe } from './html.js';
import { checkForStore, dataToForm, fieldsOf, formToData, isFormType, liveCheck, quoteText, warningCodes, type FormBody, type FormType } from './intake.js';
import { CHANNELS, chinaDay, DeskError, METHOD_LABELS, PAYMENT_METHODS, ROLES, STATUSES, type Channel, type DeskStore, type ListFilter, type NoticeRow, type PaymentMethod, type Role, type Staff, type Status } from './store.js';
import { adminPage, confirmBox, DESK_CSS, daySheetPage, detailPage, fieldMessages, intakeForm, layout, listPage, loginPage, preview, type DaySheetModel, type PreviewModel } from './views.js';

export interface DeskDeps {
  store: DeskStore;
  engine: NoticeEngine;
  /** HMAC key for session ids (≥ 32 characters). */
  secret: string;
  /** Set the Secure flag on cookies (the desk is behind HTTPS). */
  secureCookies?: boolean;
  /** Days after a notice's last run before its customer's phone and ID number are purged. */
  retentionDays?: number;
  cutoffHour?: number;
  limiter?: LoginLimiter;
}

type Env = { Variables: { user: Staff; csrf: string } };

const require = createRequire(import.meta.url);
const HTMX = fs.readFileSync(require.resolve('htmx.org/dist/htmx.min.js'), 'utf8');

const PUBLIC = new Set(['/login', '/static/htmx.min.js', '/static/desk.css', '/health', '/favicon.ico']);

export function createDeskApp(deps: DeskDeps): Hono<Env> {
  const { store, engine } = deps;
  // 5 failures a user name, 30 an address (a desk office shares one) in 10 minutes
  const limiter = deps.limiter ?? new LoginLimiter();
  const ipLimiter = new LoginLimiter(30);
  const retentionDays = deps.retentionDays ?? 90;
  const cutoffHour = deps.cutoffHour ?? 16;
  const cookieOpts = { httpOnly: true, sameSite: 'Strict' as const, path: '/', secure: !!deps.secureCookies };
  const app = new Hono<Env>();
  const cfg = engine.ctx.config;
  const papers = [cfg.defaultPaper, ...Object.keys(cfg.papers).filter((p) => p !== cfg.defaultPaper)].map((p) => [p, cfg.papers[p].name] as const);

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
    if (!c.req.path.startsWith('/static/')) c.header('Cache-Control', 'no-store');
  });

  // a notice is a few hundred bytes; nothing the desk takes needs more than this
  const small = bodyLimit({ maxSize: 256 * 1024, onError: (c) => c.text('请求过大', 413) });
  const upload = bodyLimit({ maxSize: 5 * 1024 * 1024, onError: (c) => c.text('文件过大（至多4 MB）', 413) });
  app.use('*', (c, next) => (/^\/notices\/\d+\/id-copy$/.test(c.req.path) ? upload(c, next) : small(c, next)));

  app.onError((err, c) => {
    const status = err instanceof DeskError ? err.status : 500;
    if (status === 500) console.error(err);
    const message = err instanceof DeskError ? err.message : '服务器内部错误';
    if (c.req.path.startsWith('/api/')) return c.json({ error: message }, status as 400);
    return c.html(layout('错误', h`<p class="err">${message}</p><p><a href="javascript:history.back()">返回</a></p>`, c.get('user'), c.get('csrf')), status as 400);
  });

  app.get('/static/htmx.min.js', (c) => c.body(HTMX, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'max-age=86400' }));
  app.get('/static/desk.css', (c) => c.body(DESK_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'max-age=3600' }));
  app.get('/health', (c) => c.text('ok'));
  app.get('/favicon.ico', (c) => c.body(null, 204));

  // ── session and CSRF ──
  app.use('*', async (c, next) => {
    if (PUBLIC.has(c.req.path)) return next();
    const token = getCookie(c, SESSION_COOKIE);
    const s = token ? await store.session(sessionId(deps.secret, token)) : undefined;
    if (!s) {
      if (c.req.path.startsWith('/api/')) return c.json({ error: '未登录' }, 401);
      if (c.req.header('HX-Request')) return c.body(null, 401, { 'HX-Redirect': '/login' });
      return c.redirect('/login', 302);
    }
    c.set('user', s.user);
    c.set('csrf', s.csrf);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      let sent = c.req.header('X-CSRF-Token');
      if (!sent && /^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(c.req.header('Content-Type') ?? '')) {
        const body = await c.req.parseBody({ all: true });
        sent = typeof body._csrf === 'string' ? body._csrf : undefined;
      }
      if (!sameToken(sent, s.csrf)) return c.req.path.startsWith('/api/') ? c.json({ error: 'CSRF 令牌无效' }, 403) : c.text('CSRF 令牌无效', 403);
    }
    return next();
  });

  const need = (c: Context<Env>, ...roles: Role[]) => {
    if (!roles.includes(c.get('user').role)) throw new DeskError('没有权限', 403);
  };

  // ── login ──
  app.get('/login', (c) => {
    // keep the token while its cookie lives: a second tab or a stray request must not void the first form
    const had = getCookie(c, LOGIN_CSRF_COOKIE);
    const t = had && /^[A-Za-z0-9_-]{24}$/.test(had) ? had : randomToken(18);
    setCookie(c, LOGIN_CSRF_COOKIE, t, { ...cookieOpts, maxAge: 3600 });
    return c.html(loginPage(t));
  });

  app.post('/login', async (c) => {
    const body = await c.req.parseBody();
    const username = String(body.username ?? '').trim();
    const password = String(body.password ?? '');
    const fresh = randomToken(18);
    setCookie(c, LOGIN_CSRF_COOKIE, fresh, { ...cookieOpts, maxAge: 3600 });
    if (!sameToken(String(body._csrf ?? ''), getCookie(c, LOGIN_CSRF_COOKIE) ?? '')) {
      // the cookie read above is the request's (setCookie only changes the response)
      return c.html(loginPage(fresh, '表单已过期，请重新登录'), 403);
    }
    const ip = clientIp(c);
    const keys = [`u:${username.toLowerCase()}`];
    const ipKeys = [`ip:${ip}`];
    const wait = Math.max(limiter.blockedFor(keys), ipLimiter.blockedFor(ipKeys));
    if (wait > 0) {
      await store.audit(store.db, username || '?', 'login.limited', 'login', ip, null, { username });
      return c.html(loginPage(fresh, `登录失败次数过多，请${Math.ceil(wait / 60)}分钟后再试`, username), 429, { 'Retry-After': String(wait) });
    }
    const u = await store.userByUsername(username);
    const good = u ? await verifyPassword(u.password_hash, password) : (await verifyPassword(await dummyHash(), password), false);
    if (!u || !good) {
      limiter.fail(keys);
      ipLimiter.fail(ipKeys);
      await store.audit(store.db, username || '?', 'login.fail', 'login', ip, null, { username });
      return c.html(loginPage(fresh, '用户名或密码不对', username), 401);
    }
    limiter.succeed(keys);
    const token = randomToken();
    await store.dropExpiredSessions();
    await store.createSession(u.id, sessionId(deps.secret, token), randomToken(), SESSION_TTL_MS);
    await store.audit(store.db, u.username, 'login', 'user', u.id, null, { ip });
    setCookie(c, SESSION_COOKIE, token, { ...cookieOpts, maxAge: SESSION_TTL_MS / 1000 });
    deleteCookie(c, LOGIN_CSRF_COOKIE, { path: '/' });
    return c.redirect('/notices/new', 303);
  });

  app.post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await store.deleteSession(sessionId(deps.secret, token));
    await store.audit(store.db, c.get('user').username, 'logout', 'user', c.get('user').id, null, null);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/login', 303);
  });

  const page = (c: Context<Env>, title: string, body: Safe, status = 200) => c.html(layout(title, body, c.get('user'), c.get('csrf')), status as 200);

  // ── intake ──
  app.get('/', (c) => c.redirect('/notices/new', 302));

  const previewModel = (data: Record<string, unknown>, r: ReturnType<typeof liveCheck>, png?: Buffer): PreviewModel => {
    const runDates = Array.isArray((data.run as { dates?: unknown })?.dates) ? ((data.run as { dates: string[] }).dates) : [];
    const ok = r.proof.ok ? r.proof : undefined;
    return {
      ok: r.proof.ok,
      general: r.general,
      wording: ok?.prepared.text,
      quote: ok ? quoteText(engine, ok) : undefined,
      pngDataUrl: png ? `data:image/png;base64,${png.toString('base64')}` : undefined,
      runDates,
      deadlines: ok ? ok.prepared.checked.deadlines.map((d) => ({ label: d.period.zh, due: d.ok ? d.due : d.message })) : [],
      cutoffHour,
    };
  };

  const formBody = async (c: Context<Env>): Promise<FormBody> => {
    const raw = await c.req.parseBody({ all: true });
    const out: FormBody = {};
    for (const [k, v] of Object.entries(raw)) {
      const vs = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
      out[k] = vs.length === 1 ? vs[0] : vs;
    }
    return out;
  };
  const one = (b: FormBody, k: string) => {
    const v = b[k];
    return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
  };

  app.get('/notices/new', (c) => {
    const type = c.req.query('type');
    const t: FormType = isFormType(type) ? type : 'lost-person';
    const now = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 16);
    const body: FormBody = { type: t, 'consent.at': now, 'consent.scope': ['print'], 'customer.idKind': 'id', 'consent.relation': 'self', 'consent.method': 'signed-form' };
    return page(c, '受理', intakeForm({ papers, type: t, body, msgs: new Map(), preview: preview(previewModel({}, { fields: new Map(), general: [], proof: { ok: false, refused: [] }, checked: { data: {}, ok: false, refused: null, priceCents: null } })), csrf: c.get('csrf'), action: '/notices' }));
  });

  app.post('/intake/check', async (c) => {
    const body = await formBody(c);
    const data = formToData(body);
    if (!isFormType(data.type)) throw new DeskError('未知声明类型', 400);
    const r = liveCheck(engine, data);
    const png = r.proof.ok && r.proof.document ? await proofPng(r.proof.document, engine) : undefined;
    const oob = fieldsOf(data.type).map((f) => fieldMessages(f.name, r.fields.get(f.name), true));
    // the confirmation box: ticked only while the warnings are the ones it was ticked for
    const codes = warningCodes(engine, data);
    const ticked = Array.isArray(data.confirmed) ? (data.confirmed as string[]).join(',') : '';
    return c.html(h`${preview(previewModel(data, r, png))}${oob}${confirmBox(codes, codes !== '' && ticked === codes, true)}`.html);
  });

  const submitted = async (c: Context<Env>, editing?: NoticeRow) => {
    const body = await formBody(c);
    const data = formToData(body);
    const type = data.type;
    if (!isFormType(type)) throw new DeskError('未知声明类型', 400);
    const r = liveCheck(engine, data, true, false);
    const missing = [...r.fields.values()].flat().some((m) => m.message === '必填');
    const channel = one(body, 'channel');
    const fapiao = { title: one(body, 'fapiao.title'), taxId: one(body, 'fapiao.taxId') };
    if (missing || !(CHANNELS as readonly string[]).includes(channel)) {
      const png = r.proof.ok && r.proof.document ? await proofPng(r.proof.document, engine) : undefined;
      return page(c, '受理', intakeForm({ papers, type, body, msgs: r.fields, preview: preview(previewModel(data, r, png)), csrf: c.get('csrf'), action: editing ? `/notices/${editing.id}` : '/notices', channel, fapiao, editing: editing?.order_no }), 422);
    }
    const row = editing
      ? await store.updateNotice(editing.id, r.checked, c.get('user').username, fapiao)
      : await store.createNotice(r.checked, { channel: channel as Channel, clerk: c.get('user').username, fapiaoTitle: fapiao.title, fapiaoTaxId: fapiao.taxId });
    return c.redirect(`/notices/${row.id}`, 303);
  };
  app.post('/notices', (c) => submitted(c));

  const noticeOr404 = async (c: Context<Env>) => {
    const id = Number(c.req.param('id'));
    const n = Number.isSafeInteger(id) ? await store.notice(id) : undefined;
    if (!n) throw new DeskError('没有这条声明', 404);
    return n;
  };

  app.get('/notices/:id{[0-9]+}/edit', async (c) => {
    const n = await noticeOr404(c);
    if (n.status !== 'draft' || !isFormType(n.type)) throw new DeskError('只有草稿可以修改');
    const data = JSON.parse(n.data) as Record<string, unknown>;
    const r = liveCheck(engine, data);
    const png = r.proof.ok && r.proof.document ? await proofPng(r.proof.document, engine) : undefined;
    return page(c, '修改', intakeForm({ papers, type: n.type, body: dataToForm(data), msgs: r.fields, preview: preview(previewModel(data, r, png)), csrf: c.get('csrf'), action: `/notices/${n.id}`, channel: n.channel, fapiao: { title: n.fapiao_title ?? '', taxId: n.fapiao_tax_id ?? '' }, editing: n.order_no }));
  });
  app.post('/notices/:id{[0-9]+}', async (c) => submitted(c, await noticeOr404(c)));

  // ── a notice ──
  const detail = async (c: Context<Env>, n: NoticeRow, flash?: string, status = 200) => {
    const data = JSON.parse(n.data) as Record<string, unknown>;
    const { proof } = checkForStore(engine, data, n.order_no);
    const [payments, runDates, history, idCopies] = await Promise.all([store.payments(n.id), store.runDates(n.id), store.history(n.id), store.idCopies(n.id)]);
    const cutoff = store.cutoff(n.run_first);
    return page(
      c,
      n.order_no,
      detailPage({
        n, user: c.get('user'), csrf: c.get('csrf'), flash,
        wording: proof.ok ? proof.prepared.text : undefined,
        quote: proof.ok ? quoteText(engine, proof) : undefined,
        refused: proof.ok ? [] : proof.refused,
        payments, runDates, history, idCopies,
        cutoff: `${chinaDay(cutoff)} ${cutoffHour}:00`,
      }),
      status,
    );
  };
  app.get('/notices/:id{[0-9]+}', async (c) => detail(c, await noticeOr404(c)));

  app.get('/notices/:id{[0-9]+}/proof.png', async (c) => {
    const n = await noticeOr404(c);
    const { proof } = checkForStore(engine, JSON.parse(n.data), n.order_no, true);
    if (!proof.ok || !proof.document) throw new DeskError('声明未通过检查，没有校样', 404);
    return c.body(new Uint8Array(await proofPng(proof.document, engine)), 200, { 'Content-Type': 'image/png' });
  });

  /** The customer's proof: the notice as set, order number, price, run dates, a box to sign. */
  const customerProof = async (n: NoticeRow, actor: string) => {
    const data = JSON.parse(n.data) as Record<string, unknown>;
    const dates = (await store.runDates(n.id)).map((d) => d.run_date);
    const pdf = await customerProofPdf(engine, data, n.order_no, [`订单号：${n.order_no}　　客户：${n.customer_name}`, `刊登日期：${dates.join('、')}`, `价格：${n.price_cents !== null ? `¥${(n.price_cents / 100).toFixed(2)}` : '—'}　　受理：${n.clerk}　${chinaDay(new Date(n.created_at))}`, '请核对以上措辞、刊登日期和价格，无误后签字确认。']);
    if (!pdf) throw new DeskError('声明未通过检查，没有校样', 409);
    await store.audit(store.db, actor, 'notice.export.proof', 'notice', n.id, null, { order_no: n.order_no });
    return pdf;
  };
  app.get('/notices/:id{[0-9]+}/proof.pdf', async (c) => {
    const n = await noticeOr404(c);
    const pdf = await customerProof(n, c.get('user').username);
    return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="${n.order_no}.pdf"` });
  });

  // 证件复印件: uploaded at the desk, shown only to staff, purged with the intake data
  app.post('/notices/:id{[0-9]+}/id-copy', async (c) => {
    const n = await noticeOr404(c);
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File)) throw new DeskError('请选择文件', 400);
    await store.addIdCopy(n.id, file.type, Buffer.from(await file.arrayBuffer()), c.get('user').username);
    return c.redirect(`/notices/${n.id}`, 303);
  });
  app.get('/notices/:id{[0-9]+}/id-copy/:aid{[0-9]+}', async (c) => {
    const n = await noticeOr404(c);
    const a = await store.idCopy(n.id, Number(c.req.param('aid')));
    if (!a) throw new DeskError('没有这份复印件', 404);
    await store.audit(store.db, c.get('user').username, 'notice.id-copy.view', 'notice', n.id, null, { attachment: a.id });
    return c.body(new Uint8Array(a.bytes), 200, { 'Content-Type': a.mime, 'Content-Disposition': 'inline', 'Content-Security-Policy': "default-src 'none'; img-src 'self'; sandbox" });
  });

  const action = (path: string, run: (c: Context<Env>, n: NoticeRow, body: FormBody) => Promise<unknown>) =>
    app.post(`/notices/:id{[0-9]+}/${path}`, async (c) => {
      const n = await noticeOr404(c);
      const body = await formBody(c);
      try {
        await run(c, n, body);
      } catch (err) {
        if (err instanceof DeskError) return detail(c, (await store.notice(n.id))!, err.message, err.status);
        throw err;
      }
      return c.redirect(`/notices/${n.id}`, 303);
    });
  action('approve', (c, n) => store.approve(n.id, c.get('user').username));
  action('pay', (c, n, b) => store.pay(n.id, { method: one(b, 'method'), amountCents: yuanToCents(one(b, 'amount')), receiptNo: one(b, 'receipt') }, c.get('user').username));
  action('schedule', (c, n, b) => store.schedule(n.id, c.get('user'), one(b, 'override') || undefined));
  action('cancel', (c, n, b) => {
    if (!one(b, 'reason')) throw new DeskError('须填写撤销原因', 400);
    return store.cancel(n.id, c.get('user').username, one(b, 'reason'), { receiptNo: one(b, 'receipt') || undefined });
  });
  action('fapiao', (c, n, b) => store.setFapiao(n.id, one(b, 'title'), one(b, 'taxId'), c.get('user').username));

  // ── list, search, day sheet ──
  const filterOf = (q: (k: string) => string | undefined): ListFilter => {
    const day = (v?: string) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
    const status = q('status');
    const channel = q('channel');
    return {
      taken: day(q('taken')),
      runDate: day(q('run')),
      status: (STATUSES as readonly string[]).includes(status ?? '') ? (status as Status) : undefined,
      channel: (CHANNELS as readonly string[]).includes(channel ?? '') ? (channel as Channel) : undefined,
      clerk: q('clerk') || undefined,
      q: q('q') || undefined,
    };
  };
  app.get('/notices', async (c) => {
    const q = (k: string) => c.req.query(k);
    const noFilter = !['taken', 'run', 'status', 'clerk', 'channel', 'q'].some((k) => q(k));
    const f = filterOf(q);
    if (noFilter) f.taken = store.today();
    const rows = await store.list(f);
    const clerks = (await store.db.selectFrom('users').select('username').orderBy('username').execute()).map((u) => u.username);
    return page(c, '声明列表', listPage(rows, { taken: f.taken, run: f.runDate, status: f.status, clerk: f.clerk, channel: f.channel, q: f.q }, clerks));
  });

  const daySheet = async (day: string): Promise<DaySheetModel> => {
    const s = await store.daySheet(day);
    const rows = new Map<string, DaySheetModel['rows'][number]>();
    const row = (clerk: string) => rows.get(clerk) ?? (rows.set(clerk, { clerk, taken: 0, refused: 0, cancelled: 0, byMethod: {}, refunds: 0 }), rows.get(clerk)!);
    for (const t of s.taken) {
      const r = row(t.clerk);
      r.taken += t.n;
      if (!t.ok) r.refused += t.n;
      if (t.status === 'cancelled') r.cancelled += t.n;
    }
    for (const m of s.money) {
      const r = row(m.clerk);
      if (m.kind === 'refund') r.refunds += m.cents;
      else r.byMethod[m.method] = (r.byMethod[m.method] ?? 0) + m.cents;
    }
    return { day, rows: [...rows.values()].sort((a, b) => a.clerk.localeCompare(b.clerk)), callBack: s.callBack };
  };
  const dayParam = (c: Context<Env>) => {
    const d = c.req.query('date');
    return d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : store.today();
  };
  app.get('/daysheet', async (c) => page(c, '日报表', daySheetPage(await daySheet(dayParam(c)))));
  app.get('/daysheet.csv', async (c) => {
    const day = dayParam(c);
    const m = await daySheet(day);
    const lines = [['日期', '受理员', '受理', '未通过', '撤销', ...PAYMENT_METHODS.map((x) => METHOD_LABELS[x as PaymentMethod]), '退款', '实收'].map(csvCell).join(',')];
    for (const r of m.rows) {
      const sum = Object.values(r.byMethod).reduce((a, b) => a + b, 0);
      lines.push([day, r.clerk, r.taken, r.refused, r.cancelled, ...PAYMENT_METHODS.map((x) => ((r.byMethod[x] ?? 0) / 100).toFixed(2)), (r.refunds / 100).toFixed(2), ((sum - r.refunds) / 100).toFixed(2)].map(csvCell).join(','));
    }
    lines.push('');
    lines.push(['待回访', '订单号', '客户', '电话', '状态', '受理员'].map(csvCell).join(','));
    for (const n of m.callBack) lines.push(['', n.order_no, n.customer_name, n.customer_phone ?? '', n.ok ? n.status : `${n.status}/refused`, n.clerk].map(csvCell).join(','));
    await store.audit(store.db, c.get('user').username, 'daysheet.export', 'daysheet', day, null, { rows: m.rows.length, callBack: m.callBack.length });
    return c.body(`\ufeff${lines.join('\r\n')}\r\n`, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="daysheet-${day}.csv"` });
  });

  // ── admin ──
  app.get('/admin', async (c) => {
    need(c, 'admin');
    return page(c, '管理', adminPage(c.get('csrf'), retentionDays, c.req.query('done'), await store.users(), c.get('user').id));
  });
  app.post('/admin/purge', async (c) => {
    need(c, 'admin');
    const n = await store.purge(retentionDays, c.get('user').username);
    return c.redirect(`/admin?done=${encodeURIComponent(`已清除${n}条声明的个人信息`)}`, 303);
  });
  app.post('/admin/users', async (c) => {
    need(c, 'admin');
    const b = await formBody(c);
    const role = one(b, 'role') as Role;
    if (!/^[A-Za-z0-9_.-]{2,32}$/.test(one(b, 'username')) || one(b, 'password').length < 10 || !ROLES.includes(role)) throw new DeskError('用户名、密码（至少10位）或角色不对', 400);
    await store.createUser({ username: one(b, 'username'), name: one(b, 'name') || one(b, 'username'), passwordHash: await hashPassword(one(b, 'password')), role }, c.get('user').username);
    return c.redirect(`/admin?done=${encodeURIComponent('已新增')}`, 303);
  });
  // user management: role, deactivate/activate, new password — each audited in the store
  app.post('/admin/users/:uid/role', async (c) => {
    need(c, 'admin');
    const role = one(await formBody(c), 'role') as Role;
    if (!ROLES.includes(role)) throw new DeskError('角色不对', 400);
    const u = await store.setRole(c.req.param('uid'), role, c.get('user').username);
    return c.redirect(`/admin?done=${encodeURIComponent(`${u.username}的角色已改为${role}`)}`, 303);
  });
  app.post('/admin/users/:uid/active', async (c) => {
    need(c, 'admin');
    const active = one(await formBody(c), 'active') === '1';
    if (!active && c.req.param('uid') === c.get('user').id) throw new DeskError('不能停用自己的账号', 409);
    const u = await store.setActive(c.req.param('uid'), active, c.get('user').username);
    return c.redirect(`/admin?done=${encodeURIComponent(`${u.username}已${active ? '启用' : '停用'}`)}`, 303);
  });
  app.post('/admin/users/:uid/password', async (c) => {
    need(c, 'admin');
    const password = one(await formBody(c), 'password');
    if (password.length < 10) throw new DeskError('密码至少10位', 400);
    const u = await store.resetPassword(c.req.param('uid'), await hashPassword(password), c.get('user').username);
    return c.redirect(`/admin?done=${encodeURIComponent(`${u.username}的密码已重设`)}`, 303);
  });

  // ── JSON API ──
  const json = async (c: Context<Env>): Promise<Record<string, unknown>> => {
    try {
      const v: unknown = await c.req.json();
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      /* fall through */
    }
    throw new DeskError('请求须为 JSON 对象', 400);
  };
  const apiNotice = (n: NoticeRow) => ({ ...n, data: JSON.parse(n.data), refused: n.refused ? JSON.parse(n.refused) : null });
  const dataOf = (b: Record<string, unknown>) => {
    const d = b.data;
    if (!d || typeof d !== 'object' || Array.isArray(d)) throw new DeskError('缺少 data（声明各字段）', 400);
    return d as Record<string, unknown>;
  };

  app.get('/api/notices', async (c) => c.json((await store.list({ ...filterOf((k) => c.req.query(k)), limit: Number(c.req.query('limit')) || undefined })).map(apiNotice)));
  app.post('/api/notices', async (c) => {
    const b = await json(c);
    const data = dataOf(b);
    const { checked } = checkForStore(engine, data);
    const row = await store.createNotice(checked, { channel: (b.channel as Channel) ?? 'online', clerk: c.get('user').username, fapiaoTitle: b.fapiaoTitle as string, fapiaoTaxId: b.fapiaoTaxId as string });
    return c.json(apiNotice(row), 201);
  });
  app.get('/api/notices/:id{[0-9]+}', async (c) => {
    const n = await noticeOr404(c);
    const [payments, runDates, history] = await Promise.all([store.payments(n.id), store.runDates(n.id), store.history(n.id)]);
    return c.json({ ...apiNotice(n), payments, runDates, history });
  });
  app.put('/api/notices/:id{[0-9]+}', async (c) => {
    const n = await noticeOr404(c);
    const { checked } = checkForStore(engine, dataOf(await json(c)));
    return c.json(apiNotice(await store.updateNotice(n.id, checked, c.get('user').username)));
  });
  const apiAction = (path: string, run: (c: Context<Env>, n: NoticeRow, b: Record<string, unknown>) => Promise<NoticeRow>) =>
    app.post(`/api/notices/:id{[0-9]+}/${path}`, async (c) => {
      const n = await noticeOr404(c);
      return c.json(apiNotice(await run(c, n, await json(c).catch(() => ({})))));
    });
  apiAction('approve', (c, n) => store.approve(n.id, c.get('user').username));
  apiAction('pay', (c, n, b) => store.pay(n.id, { method: String(b.method ?? ''), amountCents: Number(b.amountCents), receiptNo: String(b.receiptNo ?? '') }, c.get('user').username));
  apiAction('schedule', (c, n, b) => store.schedule(n.id, c.get('user'), typeof b.override === 'string' && b.override ? b.override : undefined));
  apiAction('cancel', (c, n, b) => store.cancel(n.id, c.get('user').username, String(b.reason ?? '') || '未说明', { receiptNo: b.receiptNo as string }));

  app.post('/api/validate', async (c) => {
    const b = await json(c);
    if (!isIdentifierKind(String(b.kind))) throw new DeskError('未知证件种类', 400);
    return c.json(validateIdentifier(String(b.kind) as Parameters<typeof validateIdentifier>[0], String(b.value ?? '')));
  });
  app.post('/api/check', async (c) => {
    const r = liveCheck(engine, dataOf(await json(c)), false, false);
    return c.json({ ok: r.proof.ok, fields: Object.fromEntries(r.fields), general: r.general, priceCents: r.checked.priceCents });
  });
  app.post('/api/quote', async (c) => {
    const { proof } = checkForStore(engine, dataOf(await json(c)));
    return proof.ok ? c.json({ ok: true, quote: proof.quote, lines: quoteText(engine, proof) }) : c.json({ ok: false, refused: proof.refused }, 422);
  });
  app.post('/api/proof', async (c) => {
    const { proof } = checkForStore(engine, dataOf(await json(c)), '受理中', true);
    if (!proof.ok || !proof.document) return c.json({ ok: false, refused: proof.ok ? [] : proof.refused }, 422);
    return c.body(new Uint8Array(await proofPdf(proof.document, engine)), 200, { 'Content-Type': 'application/pdf' });
  });
  app.get('/api/notices/:id{[0-9]+}/yaml', async (c) => {
    const n = await noticeOr404(c);
    return c.text(noticeYaml(JSON.parse(n.data)));
  });
  app.all('/api/*', (c) => c.json({ error: '没有这个接口' }, 404));

  return app;
}

function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** `120` or `120.50` yuan → fen; NaN for anything else (refused by the store). */
export function yuanToCents(s: string): number {
  return /^\d+(\.\d{1,2})?$/.test(s) ? Math.round(Number(s) * 100) : NaN;
}
