/**
 * The desk's records: staff, sessions, notices and their run dates, payments and refunds,
 * and the audit trail. Every change is one transaction that also writes its audit row
 * (who, when, what, before/after), so a change and its trace commit together or not at
 * all. Personal numbers in the audit are masked: the audit is append-only and outlives
 * the retention purge, so it must not keep what the purge removes.
 */
import crypto from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB, DeskDb, NoticesTable } from './db.js';

export type Role = 'desk' | 'editor' | 'admin';
export const ROLES: readonly Role[] = ['desk', 'editor', 'admin'];
export type Status = 'draft' | 'approved' | 'paid' | 'scheduled' | 'published' | 'cancelled';
export const STATUSES: readonly Status[] = ['draft', 'approved', 'paid', 'scheduled', 'published', 'cancelled'];
export type Channel = 'counter' | 'phone' | 'online';
export const CHANNELS: readonly Channel[] = ['counter', 'phone', 'online'];
export const PAYMENT_METHODS = ['cash', 'wechat', 'alipay', 'card', 'transfer'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export type NoticeRow = Selectable<NoticesTable>;

/** A user as the app sees it (no hash). */
export interface Staff {
  id: string;
  username: string;
  name: string;
  role: Role;
}

/** Thrown for a refused action; `status` is the HTTP status the app answers with. */
export class DeskError extends Error {
  constructor(
    message: string,
    readonly status = 409,
  ) {
    super(message);
  }
}

/** What a checked notice brings to the store (computed by the notice engine). */
export interface CheckedData {
  /** The notice fields (as in a notice file). */
  data: Record<string, unknown>;
  ok: boolean;
  refused: unknown[] | null;
  priceCents: number | null;
}

export interface ListFilter {
  /** Day the notice was taken (China time), YYYY-MM-DD. */
  taken?: string;
  /** A run date, YYYY-MM-DD. */
  runDate?: string;
  status?: Status;
  clerk?: string;
  channel?: Channel;
  /** Name, number, company or order number (substring). */
  q?: string;
  limit?: number;
}

const CN_OFFSET_MS = 8 * 3600_000;

/** The China-time calendar day of an instant. */
export function chinaDay(d: Date): string {
  return new Date(d.getTime() + CN_OFFSET_MS).toISOString().slice(0, 10);
}

/** [start, end) of a China-time day as UTC ISO strings. */
export function dayRange(day: string): [string, string] {
  const start = new Date(Date.parse(`${day}T00:00:00+08:00`));
  return [start.toISOString(), new Date(start.getTime() + 86_400_000).toISOString()];
}

/** `138****8768`: enough to recognise, not enough to use. */
export function maskTail(s: string | null | undefined, keep = 4): string | null {
  if (s === null || s === undefined) return null;
  const cps = [...s];
  if (cps.length <= keep) return '*'.repeat(cps.length);
  return '*'.repeat(cps.length - keep) + cps.slice(-keep).join('');
}

/** A notice row for the audit: the customer's phone and ID number masked, the search text dropped. */
export function auditNotice(row: NoticeRow | undefined): Record<string, unknown> | null {
  if (!row) return null;
  const data = JSON.parse(row.data) as Record<string, unknown>;
  const customer = data.customer as Record<string, unknown> | undefined;
  const masked = customer ? { ...data, customer: { ...customer, phone: maskTail(customer.phone as string), id: maskTail(customer.id as string) } } : data;
  const { search: _s, data: _d, refused, ...rest } = row;
  return { ...rest, customer_phone: maskTail(row.customer_phone), customer_id: maskTail(row.customer_id), data: masked, refused: refused ? JSON.parse(refused) : null };
}

/** Escapes LIKE wildcards so a search for `50%` finds `50%`. */
function likeContains(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Names, numbers and companies of a notice, for the search box. */
function searchText(orderNo: string, data: Record<string, unknown>): string {
  const parts: string[] = [orderNo];
  const walk = (v: unknown) => {
    if (typeof v === 'string') parts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(data);
  return parts.join(' ').normalize('NFKC');
}

function subjectOf(data: Record<string, unknown>): string {
  return str(data.holder) || str(data.org) || str(data.company) || str(data.issuer) || str(data.name) || str(data.finder) || str((data.customer as Record<string, unknown> | undefined)?.name);
}

function runDatesOf(data: Record<string, unknown>): string[] {
  const run = data.run as { dates?: unknown } | undefined;
  const ds = Array.isArray(run?.dates) ? run.dates.filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)) : [];
  return [...new Set(ds)].sort();
}

export interface StoreOptions {
  /** The clock (tests move it). */
  now?: () => Date;
  /** Cancellation cut-off: the day before the first run date at this hour, China time. */
  cutoffHour?: number;
}

export class DeskStore {
  readonly db: Kysely<DB>;
  private readonly now: () => Date;
  private readonly cutoffHour: number;

  constructor(
    readonly handle: DeskDb,
    opts: StoreOptions = {},
  ) {
    this.db = handle.db;
    this.now = opts.now ?? (() => new Date());
    this.cutoffHour = opts.cutoffHour ?? 16;
  }

  private ts(): string {
    return this.now().toISOString();
  }

  today(): string {
    return chinaDay(this.now());
  }

  /** Writes one audit row inside the caller's transaction. */
  async audit(trx: Transaction<DB> | Kysely<DB>, actor: string, action: string, entity: string, entityId: string | number, before: unknown, after: unknown): Promise<void> {
    await trx
      .insertInto('audit')
      .values({
        at: this.ts(),
        actor,
        action,
        entity,
        entity_id: String(entityId),
        before: before === null || before === undefined ? null : JSON.stringify(before),
        after: after === null || after === undefined ? null : JSON.stringify(after),
      })
      .execute();
  }

  // ── staff and sessions ──

  async createUser(u: { username: string; name: string; passwordHash: string; role: Role }, actor: string): Promise<Staff> {
    if (!ROLES.includes(u.role)) throw new DeskError(`未知角色 ${u.role}`, 400);
    const id = crypto.randomUUID();
    const row = { id, username: u.username, name: u.name, password_hash: u.passwordHash, role: u.role, created_at: this.ts(), disabled: 0 };
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('users').values(row).execute();
      await this.audit(trx, actor, 'user.create', 'user', id, null, { username: u.username, name: u.name, role: u.role });
    });
    return { id, username: u.username, name: u.name, role: u.role };
  }

  /** Every staff account, active first, for the admin page (no password hashes). */
  async users(): Promise<{ id: string; username: string; name: string; role: Role; disabled: number; created_at: string }[]> {
    const rows = await this.db.selectFrom('users').select(['id', 'username', 'name', 'role', 'disabled', 'created_at']).orderBy('disabled').orderBy('username').execute();
    return rows.map((r) => ({ ...r, role: r.role as Role, disabled: Number(r.disabled) }));
  }

  /**
   * One change to a staff account, in a transaction with its audit row (before/after, never
   * a password hash). The last active admin cannot be demoted or deactivated: the desk would
   * have no one to manage it. A deactivated account or a new password ends its sessions.
   */
  private async changeUser(id: string, actor: string, action: string, change: Partial<{ role: Role; disabled: number; password_hash: string }>): Promise<Staff> {
    const out = await this.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('users').select(['id', 'username', 'name', 'role', 'disabled']).where('id', '=', id).executeTakeFirst();
      if (!before) throw new DeskError('没有这个人员', 404);
      const demoted = (change.role !== undefined && change.role !== 'admin') || change.disabled === 1;
      if (demoted && before.role === 'admin' && !before.disabled) {
        const admins = await trx.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled', '=', 0).execute();
        if (admins.length <= 1) throw new DeskError('这是最后一位在用的管理员，不能降级或停用', 409);
      }
      await trx.updateTable('users').set(change).where('id', '=', id).execute();
      const view = (u: { role: string; disabled: number }) => ({ username: before.username, role: u.role, active: !Number(u.disabled) });
      const after = { ...before, ...change };
      await this.audit(trx, actor, action, 'user', id, view(before), { ...view(after), ...(change.password_hash ? { passwordReset: true } : {}) });
      if (change.disabled === 1 || change.password_hash) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      return { id, username: before.username, name: before.name, role: after.role as Role };
    });
    for (const [k, v] of this.sessionCache) if (v.s.user.id === id) this.sessionCache.delete(k);
    return out;
  }

  async setRole(id: string, role: Role, actor: string): Promise<Staff> {
    if (!ROLES.includes(role)) throw new DeskError(`未知角色 ${role}`, 400);
    return this.changeUser(id, actor, 'user.role', { role });
  }

  async setActive(id: string, active: boolean, actor: string): Promise<Staff> {
    return this.changeUser(id, actor, active ? 'user.activate' : 'user.deactivate', { disabled: active ? 0 : 1 });
  }

  /** A new password (already hashed with argon2id by the caller). */
  async resetPassword(id: string, passwordHash: string, actor: string): Promise<Staff> {
    return this.changeUser(id, actor, 'user.password', { password_hash: passwordHash });
  }

  async userByUsername(username: string) {
    return this.db.selectFrom('users').selectAll().where('username', '=', username).where('disabled', '=', 0).executeTakeFirst();
  }

  async createSession(userId: string, idHash: string, csrf: string, ttlMs: number): Promise<void> {
    const now = this.now();
    await this.db
      .insertInto('sessions')
      .values({ id: idHash, user_id: userId, csrf, created_at: now.toISOString(), expires_at: new Date(now.getTime() + ttlMs).toISOString() })
      .execute();
  }

  /** Sessions read in the last few seconds: the live check asks on every keystroke. */
  private readonly sessionCache = new Map<string, { s: { user: Staff; csrf: string; expires: string }; until: number }>();

  async session(idHash: string): Promise<{ user: Staff; csrf: string } | undefined> {
    const hit = this.sessionCache.get(idHash);
    const t = this.now().getTime();
    if (hit && hit.until > t && hit.s.expires > this.ts()) return { user: hit.s.user, csrf: hit.s.csrf };
    const fresh = await this.readSession(idHash);
    if (fresh) {
      if (this.sessionCache.size > 1000) this.sessionCache.clear();
      this.sessionCache.set(idHash, { s: fresh, until: t + 5000 });
      return { user: fresh.user, csrf: fresh.csrf };
    }
    this.sessionCache.delete(idHash);
    return undefined;
  }

  private async readSession(idHash: string): Promise<{ user: Staff; csrf: string; expires: string } | undefined> {
    const r = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['users.id', 'users.username', 'users.name', 'users.role', 'sessions.csrf', 'sessions.expires_at', 'users.disabled'])
      .where('sessions.id', '=', idHash)
      .executeTakeFirst();
    if (!r || r.disabled || r.expires_at <= this.ts()) return undefined;
    return { user: { id: r.id, username: r.username, name: r.name, role: r.role as Role }, csrf: r.csrf, expires: r.expires_at };
  }

  async dropExpiredSessions(): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', this.ts()).execute();
  }

  async deleteSession(idHash: string): Promise<void> {
    this.sessionCache.delete(idHash);
    await this.db.deleteFrom('sessions').where('id', '=', idHash).execute();
  }

  // ── notices ──

  /** Takes a notice: a new order number, its run dates, and the audit row, in one transaction. */
  async createNotice(c: CheckedData, meta: { channel: Channel; clerk: string; fapiaoTitle?: string; fapiaoTaxId?: string }): Promise<NoticeRow> {
    if (!CHANNELS.includes(meta.channel)) throw new DeskError(`未知渠道 ${meta.channel}`, 400);
    const dates = runDatesOf(c.data);
    if (!dates.length) throw new DeskError('至少须有一个刊登日期', 400);
    const type = str(c.data.type);
    if (!type) throw new DeskError('须选择声明类型', 400);
    const now = this.ts();
    return this.db.transaction().execute(async (trx) => {
      const pending = `pending-${crypto.randomUUID()}`;
      const { id } = await trx
        .insertInto('notices')
        .values({
          order_no: pending,
          type,
          status: 'draft',
          ...checkedColumns(c),
          search: '',
          channel: meta.channel,
          clerk: meta.clerk,
          paper: str((c.data.run as Record<string, unknown> | undefined)?.paper) || null,
          run_first: dates[0],
          run_last: dates[dates.length - 1],
          fapiao_title: meta.fapiaoTitle || null,
          fapiao_tax_id: meta.fapiaoTaxId || null,
          approved_at: null,
          paid_at: null,
          scheduled_at: null,
          published_at: null,
          cancelled_at: null,
          override_by: null,
          override_reason: null,
          purged_at: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const orderNo = `ZB${chinaDay(this.now()).replace(/-/g, '')}-${String(id).padStart(6, '0')}`;
      await trx.updateTable('notices').set({ order_no: orderNo, search: searchText(orderNo, c.data) }).where('id', '=', Number(id)).execute();
      await trx.insertInto('run_dates').values(dates.map((d) => ({ notice_id: Number(id), run_date: d, published_at: null }))).execute();
      const row = await trx.selectFrom('notices').selectAll().where('id', '=', Number(id)).executeTakeFirstOrThrow();
      await this.audit(trx, meta.clerk, 'notice.create', 'notice', row.id, null, auditNotice(row));
      return row;
    });
  }

  /** Changes a draft's fields (after approval the customer has signed: cancel and take a new one). */
  async updateNotice(id: number, c: CheckedData, actor: string, fapiao?: { title?: string; taxId?: string }): Promise<NoticeRow> {
    const dates = runDatesOf(c.data);
    if (!dates.length) throw new DeskError('至少须有一个刊登日期', 400);
    return this.db.transaction().execute(async (trx) => {
      const before = await this.lockNotice(trx, id);
      if (before.status !== 'draft') throw new DeskError('只有草稿可以修改（已确认的声明请撤销后重新受理）');
      if (str(c.data.type) !== before.type) throw new DeskError('不能更改声明类型', 400);
      await trx
        .updateTable('notices')
        .set({
          ...checkedColumns(c),
          search: searchText(before.order_no, c.data),
          paper: str((c.data.run as Record<string, unknown> | undefined)?.paper) || null,
          run_first: dates[0],
          run_last: dates[dates.length - 1],
          ...(fapiao ? { fapiao_title: fapiao.title || null, fapiao_tax_id: fapiao.taxId || null } : {}),
          updated_at: this.ts(),
        })
        .where('id', '=', id)
        .execute();
      await trx.deleteFrom('run_dates').where('notice_id', '=', id).execute();
      await trx.insertInto('run_dates').values(dates.map((d) => ({ notice_id: id, run_date: d, published_at: null }))).execute();
      const after = await trx.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      await this.audit(trx, actor, 'notice.update', 'notice', id, auditNotice(before), auditNotice(after));
      return after;
    });
  }

  /** Reads a notice inside a transaction, locking its row on PostgreSQL. */
  private async lockNotice(trx: Transaction<DB>, id: number): Promise<NoticeRow> {
    let q = trx.selectFrom('notices').selectAll().where('id', '=', id);
    if (this.handle.dialect === 'postgres') q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) throw new DeskError('没有这条声明', 404);
    return row;
  }

  private async move(id: number, actor: string, action: string, change: (row: NoticeRow, trx: Transaction<DB>) => Promise<Partial<NoticesTable>> | Partial<NoticesTable>): Promise<NoticeRow> {
    return this.db.transaction().execute(async (trx) => {
      const before = await this.lockNotice(trx, id);
      const set = await change(before, trx);
      await trx.updateTable('notices').set({ ...set, updated_at: this.ts() } as never).where('id', '=', id).execute();
      const after = await trx.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      await this.audit(trx, actor, action, 'notice', id, auditNotice(before), auditNotice(after));
      return after;
    });
  }

  async notice(id: number): Promise<NoticeRow | undefined> {
    return this.db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async noticeByOrder(orderNo: string): Promise<NoticeRow | undefined> {
    return this.db.selectFrom('notices').selectAll().where('order_no', '=', orderNo).executeTakeFirst();
  }

  /** The customer has signed the proof (草稿 → 客户已确认). */
  approve(id: number, actor: string): Promise<NoticeRow> {
    return this.move(id, actor, 'notice.approve', (n) => {
      if (n.status !== 'draft') throw new DeskError(`状态为“${STATUS_LABELS[n.status as Status]}”，不能确认`);
      if (!n.ok) throw new DeskError('声明未通过检查，不能确认');
      return { status: 'approved', approved_at: this.ts() };
    });
  }

  /** A payment; the notice is paid when the payments cover its price. */
  pay(id: number, p: { method: string; amountCents: number; receiptNo: string }, actor: string): Promise<NoticeRow> {
    if (!(PAYMENT_METHODS as readonly string[]).includes(p.method)) throw new DeskError(`未知付款方式 ${p.method}`, 400);
    if (!Number.isInteger(p.amountCents) || p.amountCents <= 0) throw new DeskError('金额须为正数', 400);
    if (!p.receiptNo.trim()) throw new DeskError('须填写收据号', 400);
    return this.move(id, actor, 'notice.pay', async (n, trx) => {
      if (n.status !== 'approved') throw new DeskError(n.status === 'draft' ? '客户确认校样后才能收款' : `状态为“${STATUS_LABELS[n.status as Status]}”，不能收款`);
      await trx.insertInto('payments').values({ notice_id: id, kind: 'payment', method: p.method, amount_cents: p.amountCents, receipt_no: p.receiptNo.trim(), status: 'received', clerk: actor, at: this.ts() }).execute();
      const paid = await this.paidCents(trx, id);
      return paid >= (n.price_cents ?? 0) ? { status: 'paid', paid_at: this.ts() } : {};
    });
  }

  private async paidCents(trx: Transaction<DB> | Kysely<DB>, id: number): Promise<number> {
    const r = await trx
      .selectFrom('payments')
      .select([sql<number>`coalesce(sum(case when kind = 'payment' then amount_cents else -amount_cents end), 0)`.as('net')])
      .where('notice_id', '=', id)
      .executeTakeFirst();
    return Number(r?.net ?? 0);
  }

  /** Schedules a paid notice; an editor may schedule before approval or payment, with a recorded reason. */
  schedule(id: number, actor: Staff, override?: string): Promise<NoticeRow> {
    return this.move(id, actor.username, override ? 'notice.schedule.override' : 'notice.schedule', (n) => {
      if (!n.ok) throw new DeskError('声明未通过检查，不能排期');
      if (n.status === 'paid') return { status: 'scheduled', scheduled_at: this.ts() };
      if (n.status === 'draft' || n.status === 'approved') {
        if (!override) throw new DeskError('须经客户确认并付款后才能排期');
        if (actor.role === 'desk') throw new DeskError('只有编辑可以越过确认或付款排期', 403);
        return { status: 'scheduled', scheduled_at: this.ts(), override_by: actor.username, override_reason: override };
      }
      throw new DeskError(`状态为“${STATUS_LABELS[n.status as Status]}”，不能排期`);
    });
  }

  /** The cut-off for changes: the day before the first run, at cutoffHour China time. */
  cutoff(runFirst: string): Date {
    const d = new Date(Date.parse(`${runFirst}T00:00:00+08:00`) - 86_400_000 + this.cutoffHour * 3600_000);
    return d;
  }

  /** Cancels before the cut-off; what was paid is refunded (a refund record). */
  cancel(id: number, actor: string, reason: string, refund?: { method?: string; receiptNo?: string }): Promise<NoticeRow> {
    return this.move(id, actor, 'notice.cancel', async (n, trx) => {
      if (n.status === 'cancelled' || n.status === 'published') throw new DeskError(`状态为“${STATUS_LABELS[n.status as Status]}”，不能撤销`);
      if (this.now() >= this.cutoff(n.run_first)) throw new DeskError('已过截稿时间，不能撤销');
      const paid = await this.paidCents(trx, id);
      if (paid > 0) {
        const last = await trx.selectFrom('payments').select(['method']).where('notice_id', '=', id).where('kind', '=', 'payment').orderBy('id', 'desc').executeTakeFirst();
        await trx
          .insertInto('payments')
          .values({ notice_id: id, kind: 'refund', method: refund?.method || last?.method || 'cash', amount_cents: paid, receipt_no: refund?.receiptNo?.trim() || `退-${n.order_no}`, status: 'refunded', clerk: actor, at: this.ts() })
          .execute();
      }
      const data = JSON.parse(n.data) as Record<string, unknown>;
      return { status: 'cancelled', cancelled_at: this.ts(), data: JSON.stringify({ ...data, note: [str(data.note), `撤销：${reason}`].filter(Boolean).join('；') }) };
    });
  }

  /** 发票 details. */
  setFapiao(id: number, title: string, taxId: string, actor: string): Promise<NoticeRow> {
    return this.move(id, actor, 'notice.fapiao', () => ({ fapiao_title: title.trim() || null, fapiao_tax_id: taxId.trim() || null }));
  }

  /** Keeps a copy of the customer's ID (an image) until the retention purge. */
  async addIdCopy(id: number, mime: string, bytes: Buffer, actor: string): Promise<number> {
    if (!['image/jpeg', 'image/png', 'application/pdf'].includes(mime)) throw new DeskError('证件复印件须为 JPEG、PNG 或 PDF', 400);
    if (bytes.length === 0 || bytes.length > 4 * 1024 * 1024) throw new DeskError('证件复印件须小于4 MB', 400);
    return this.db.transaction().execute(async (trx) => {
      const n = await this.lockNotice(trx, id);
      if (n.purged_at) throw new DeskError('个人信息已清除');
      const r = await trx.insertInto('attachments').values({ notice_id: id, kind: 'id-copy', mime, bytes, clerk: actor, at: this.ts() }).returning('id').executeTakeFirstOrThrow();
      await this.audit(trx, actor, 'notice.id-copy', 'notice', id, null, { attachment: Number(r.id), mime, size: bytes.length });
      return Number(r.id);
    });
  }

  async idCopies(id: number) {
    return this.db.selectFrom('attachments').select(['id', 'mime', 'clerk', 'at']).where('notice_id', '=', id).orderBy('id').execute();
  }

  async idCopy(noticeId: number, attachmentId: number) {
    return this.db.selectFrom('attachments').selectAll().where('notice_id', '=', noticeId).where('id', '=', attachmentId).executeTakeFirst();
  }

  async payments(id: number) {
    return this.db.selectFrom('payments').selectAll().where('notice_id', '=', id).orderBy('id').execute();
  }

  async runDates(id: number) {
    return this.db.selectFrom('run_dates').selectAll().where('notice_id', '=', id).orderBy('run_date').execute();
  }

  /** A notice's full history, oldest first. */
  async history(id: number) {
    return this.db.selectFrom('audit').selectAll().where('entity', '=', 'notice').where('entity_id', '=', String(id)).orderBy('id').execute();
  }

  async list(f: ListFilter): Promise<NoticeRow[]> {
    let q = this.db.selectFrom('notices').selectAll('notices');
    if (f.taken) {
      const [a, b] = dayRange(f.taken);
      q = q.where('notices.created_at', '>=', a).where('notices.created_at', '<', b);
    }
    if (f.runDate) {
      const d = f.runDate;
      q = q.where((eb) => eb.exists(eb.selectFrom('run_dates').select('run_dates.notice_id').whereRef('run_dates.notice_id', '=', 'notices.id').where('run_dates.run_date', '=', d)));
    }
    if (f.status) q = q.where('notices.status', '=', f.status);
    if (f.clerk) q = q.where('notices.clerk', '=', f.clerk);
    if (f.channel) q = q.where('notices.channel', '=', f.channel);
    if (f.q?.trim()) {
      const term = f.q.trim().normalize('NFKC');
      const pat = likeContains(term);
      if (/^\d{4}-\d{2}-\d{2}$/.test(term)) {
        // a date: notices running that day or taken that day
        const [a, b] = dayRange(term);
        q = q.where((eb) =>
          eb.or([
            eb.exists(eb.selectFrom('run_dates').select('run_dates.notice_id').whereRef('run_dates.notice_id', '=', 'notices.id').where('run_dates.run_date', '=', term)),
            eb.and([eb('notices.created_at', '>=', a), eb('notices.created_at', '<', b)]),
          ]),
        );
      } else {
        q = q.where((eb) => sql<boolean>`${eb.ref('notices.search')} like ${pat} escape '\\'`);
      }
    }
    return q.orderBy('notices.id', 'desc').limit(Math.min(f.limit ?? 200, 1000)).execute();
  }

  // ── the edition ──

  /** Notices scheduled to run on `date` (the edition's), in order of acceptance. */
  async scheduledFor(date: string): Promise<NoticeRow[]> {
    return this.db
      .selectFrom('notices')
      .innerJoin('run_dates', 'run_dates.notice_id', 'notices.id')
      .selectAll('notices')
      .where('run_dates.run_date', '=', date)
      .where('notices.status', 'in', ['scheduled', 'published'])
      .orderBy('notices.id')
      .execute();
  }

  /** Insertions published on dates from `from` to `to` (both included): what the paper printed, for the duplicate check. */
  async publishedBetween(from: string, to: string): Promise<{ order_no: string; data: string; run_date: string }[]> {
    return this.db
      .selectFrom('run_dates')
      .innerJoin('notices', 'notices.id', 'run_dates.notice_id')
      .select(['notices.order_no', 'notices.data', 'run_dates.run_date'])
      .where('run_dates.published_at', 'is not', null)
      .where('run_dates.run_date', '>=', from)
      .where('run_dates.run_date', '<=', to)
      .orderBy('run_dates.run_date')
      .execute();
  }

  /** After a successful build: the date's insertions are published; a notice whose last insertion ran is `published`. */
  async markPublished(date: string, ids: number[], actor: string): Promise<void> {
    if (!ids.length) return;
    await this.db.transaction().execute(async (trx) => {
      for (const id of ids) {
        const before = await this.lockNotice(trx, id);
        if (before.status !== 'scheduled') continue;
        await trx.updateTable('run_dates').set({ published_at: this.ts() }).where('notice_id', '=', id).where('run_date', '=', date).execute();
        const left = await trx.selectFrom('run_dates').select('run_date').where('notice_id', '=', id).where('published_at', 'is', null).execute();
        if (!left.length) await trx.updateTable('notices').set({ status: 'published', published_at: this.ts(), updated_at: this.ts() }).where('id', '=', id).execute();
        const after = await trx.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        await this.audit(trx, actor, 'notice.publish', 'notice', id, auditNotice(before), { ...auditNotice(after), publishedDate: date });
      }
    });
  }

  // ── day sheet ──

  async daySheet(day: string) {
    const [a, b] = dayRange(day);
    const taken = await this.db
      .selectFrom('notices')
      .select(['clerk', 'channel', 'status', 'ok', sql<number>`count(*)`.as('n')])
      .where('created_at', '>=', a)
      .where('created_at', '<', b)
      .groupBy(['clerk', 'channel', 'status', 'ok'])
      .execute();
    const money = await this.db
      .selectFrom('payments')
      .select(['clerk', 'kind', 'method', sql<number>`count(*)`.as('n'), sql<number>`sum(amount_cents)`.as('cents')])
      .where('at', '>=', a)
      .where('at', '<', b)
      .groupBy(['clerk', 'kind', 'method'])
      .execute();
    const callBack = await this.db
      .selectFrom('notices')
      .selectAll()
      .where('created_at', '>=', a)
      .where('created_at', '<', b)
      .where((eb) => eb.or([eb('ok', '=', 0), eb('status', 'in', ['draft', 'approved'])]))
      .where('status', '!=', 'cancelled')
      .orderBy('id')
      .execute();
    return {
      taken: taken.map((r) => ({ ...r, n: Number(r.n) })),
      money: money.map((r) => ({ ...r, n: Number(r.n), cents: Number(r.cents) })),
      callBack,
    };
  }

  // ── retention ──

  /** Removes the customer's phone and ID number `days` after a notice's last run; each purge is audited. */
  async purge(days: number, actor: string): Promise<number> {
    const cutoffDay = chinaDay(new Date(this.now().getTime() - days * 86_400_000));
    const due = await this.db.selectFrom('notices').select('id').where('run_last', '<', cutoffDay).where('purged_at', 'is', null).execute();
    for (const { id } of due) {
      await this.move(Number(id), actor, 'notice.purge', async (n, trx) => {
        await trx.deleteFrom('attachments').where('notice_id', '=', Number(id)).execute();
        const data = JSON.parse(n.data) as Record<string, unknown>;
        const customer = { ...((data.customer ?? {}) as Record<string, unknown>) };
        delete customer.phone;
        delete customer.id;
        const purged = { ...data, customer };
        return { data: JSON.stringify(purged), customer_phone: null, customer_id: null, search: searchText(n.order_no, purged), purged_at: this.ts() };
      });
    }
    await this.audit(this.db, actor, 'retention.purge', 'retention', cutoffDay, null, { days, purged: due.length });
    return due.length;
  }

  async auditCount(): Promise<number> {
    const r = await this.db.selectFrom('audit').select(sql<number>`count(*)`.as('n')).executeTakeFirst();
    return Number(r?.n ?? 0);
  }
}

export const STATUS_LABELS: Record<Status, string> = {
  draft: '草稿',
  approved: '客户已确认',
  paid: '已付款',
  scheduled: '已排期',
  published: '已刊出',
  cancelled: '已撤销',
};
export const CHANNEL_LABELS: Record<Channel, string> = { counter: '柜台', phone: '电话', online: '网上' };
export const METHOD_LABELS: Record<PaymentMethod, string> = { cash: '现金', wechat: '微信', alipay: '支付宝', card: '银行卡', transfer: '转账' };
export const ROLE_LABELS: Record<Role, string> = { desk: '受理员', editor: '编辑', admin: '管理员' };

/** The columns a checked notice's data fills, the same on create and update. */
function checkedColumns(c: CheckedData) {
  const customer = (c.data.customer ?? {}) as Record<string, unknown>;
  return {
    data: JSON.stringify(c.data),
    ok: c.ok ? 1 : 0,
    refused: c.refused ? JSON.stringify(c.refused) : null,
    price_cents: c.priceCents,
    customer_name: str(customer.name),
    customer_phone: str(customer.phone) || null,
    customer_id_kind: str(customer.idKind) || (customer.id ? 'id' : null),
    customer_id: str(customer.id) || null,
    subject: subjectOf(c.data),
  };
}
