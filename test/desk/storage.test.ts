/**
 * The desk's storage, run the same against SQLite and (with ZUBAN_TEST_PG) PostgreSQL:
 * the same migrations and queries, statuses and their rules, search, history, the day
 * sheet, retention, and an audit table the database itself keeps append-only.
 */
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { DeskStore, type Staff } from '../../src/desk/store.js';
import { backends } from './backends.js';
import { lostId } from './fixtures.js';

const clerk: Staff = { id: 'u1', username: 'li', name: '李受理', role: 'desk' };
const editor: Staff = { id: 'u2', username: 'wang', name: '王编辑', role: 'editor' };
const checked = (data: Record<string, unknown>, ok = true) => ({ data, ok, refused: ok ? null : [{ field: 'number' }], priceCents: ok ? 6000 : null });

for (const b of backends()) {
  describe(`desk storage on ${b.name}`, () => {
    afterAll(() => b.cleanup());
    // the clock: 2026-12-03 10:00 China time
    let now = new Date('2026-12-03T02:00:00Z');
    const open = async () => {
      const h = await b.open();
      return { h, store: new DeskStore(h, { now: () => now }) };
    };

    it('takes, approves, pays and schedules a notice; every step in the audit, in order', async () => {
      const { h, store } = await open();
      const n = await store.createNotice(checked(lostId()), { channel: 'counter', clerk: 'li' });
      expect(n.order_no).toMatch(/^ZB20261203-\d{6}$/);
      expect(n.status).toBe('draft');
      await expect(store.pay(n.id, { method: 'cash', amountCents: 6000, receiptNo: 'R1' }, 'li')).rejects.toThrow(/确认/);
      await expect(store.schedule(n.id, clerk)).rejects.toThrow(/付款/);
      await store.approve(n.id, 'li');
      await store.pay(n.id, { method: 'wechat', amountCents: 6000, receiptNo: 'R1' }, 'li');
      const s = await store.schedule(n.id, clerk);
      expect(s.status).toBe('scheduled');
      const hist = await store.history(n.id);
      expect(hist.map((a) => a.action)).toEqual(['notice.create', 'notice.approve', 'notice.pay', 'notice.schedule']);
      // personal numbers are masked in the audit
      expect(hist[0].after).not.toContain('13800001111');
      expect(hist[0].after).toContain('*******1111');
      expect(await store.scheduledFor('2026-12-10')).toHaveLength(1);
      expect(await store.scheduledFor('2026-12-11')).toHaveLength(0);
      await store.markPublished('2026-12-10', [n.id], 'build');
      expect((await store.notice(n.id))?.status).toBe('published');
      await h.close();
    });

    it('refuses to approve a notice that failed its checks; an editor may schedule unpaid, recorded', async () => {
      const { h, store } = await open();
      const bad = await store.createNotice(checked(lostId({ number: '320102198506120318' }), false), { channel: 'phone', clerk: 'li' });
      await expect(store.approve(bad.id, 'li')).rejects.toThrow(/未通过/);
      const n = await store.createNotice(checked(lostId()), { channel: 'online', clerk: 'li' });
      await expect(store.schedule(n.id, clerk, '老客户，次日补款')).rejects.toThrow(/编辑/);
      const s = await store.schedule(n.id, editor, '老客户，次日补款');
      expect(s.override_by).toBe('wang');
      expect((await store.history(n.id)).at(-1)?.action).toBe('notice.schedule.override');
      await h.close();
    });

    it('cancels before the cut-off with a refund record, and not after it', async () => {
      const { h, store } = await open();
      const n = await store.createNotice(checked(lostId({ dates: ['2026-12-05'] })), { channel: 'counter', clerk: 'li' });
      await store.approve(n.id, 'li');
      await store.pay(n.id, { method: 'alipay', amountCents: 6000, receiptNo: 'R9' }, 'li');
      const c = await store.cancel(n.id, 'li', '客户找回证件');
      expect(c.status).toBe('cancelled');
      const pays = await store.payments(n.id);
      expect(pays.map((p) => [p.kind, p.amount_cents, p.method])).toEqual([['payment', 6000, 'alipay'], ['refund', 6000, 'alipay']]);
      const late = await store.createNotice(checked(lostId({ dates: ['2026-12-04'] })), { channel: 'counter', clerk: 'li' });
      now = new Date('2026-12-03T08:30:00Z'); // 16:30 China time, the day before the run
      await expect(store.cancel(late.id, 'li', '太晚')).rejects.toThrow(/截稿/);
      now = new Date('2026-12-03T02:00:00Z');
      const sheet = await store.daySheet('2026-12-03');
      expect(sheet.money.find((m) => m.kind === 'refund')?.cents).toBe(6000);
      expect(sheet.callBack.map((r) => r.id)).toContain(late.id);
      await h.close();
    });

    it('stores SQL metacharacters and markup verbatim and finds them by search', async () => {
      const { h, store } = await open();
      await store.createNotice(checked(lostId({ holder: '李四' })), { channel: 'counter', clerk: 'li' });
      const evil = `O'Brien"; DROP TABLE notices; -- 50%_\\`;
      const n = await store.createNotice(checked({ ...lostId(), issuer: evil, note: '<script>alert(1)</script>' }), { channel: 'counter', clerk: 'li' });
      const back = await store.notice(n.id);
      expect(JSON.parse(back!.data).issuer).toBe(evil);
      expect((await store.list({ q: "O'Brien\"; DROP" })).map((r) => r.id)).toEqual([n.id]);
      expect((await store.list({ q: '50%_' })).map((r) => r.id)).toEqual([n.id]);
      expect((await store.list({ q: '%' })).map((r) => r.id)).toEqual([n.id]);
      expect(await store.list({ q: '5_%' })).toHaveLength(0);
      expect((await store.list({ q: n.order_no })).map((r) => r.id)).toEqual([n.id]);
      expect((await store.list({ q: '张明', taken: '2026-12-03' })).length).toBe(1);
      expect((await store.list({ runDate: '2026-12-10' })).length).toBe(2);
      expect((await store.list({ q: '2026-12-10' })).length).toBe(2);
      expect((await store.list({ q: '2026-12-03' })).length).toBe(2);
      expect(await store.list({ q: '2026-12-04' })).toHaveLength(0);
      expect(await store.list({ runDate: '2026-12-11' })).toHaveLength(0);
      await h.close();
    });

    it('the database refuses UPDATE and DELETE on the audit table', async () => {
      const { h, store } = await open();
      await store.createNotice(checked(lostId()), { channel: 'counter', clerk: 'li' });
      expect(await store.auditCount()).toBe(1);
      await expect(sql`UPDATE audit SET actor = 'x'`.execute(h.db)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM audit`.execute(h.db)).rejects.toThrow(/append-only/);
      if (b.name === 'postgres') await expect(sql`TRUNCATE audit`.execute(h.db)).rejects.toThrow(/append-only/);
      expect(await store.auditCount()).toBe(1);
      await h.close();
    });

    it('purges the phone and ID number after the retention period, and audits the purge', async () => {
      const { h, store } = await open();
      const n = await store.createNotice(checked(lostId({ dates: ['2026-12-05'] })), { channel: 'counter', clerk: 'li' });
      await store.addIdCopy(n.id, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), 'li');
      expect((await store.idCopies(n.id)).length).toBe(1);
      await expect(store.addIdCopy(n.id, 'text/html', Buffer.from('<script>'), 'li')).rejects.toThrow(/JPEG/);
      expect(await store.purge(30, 'admin')).toBe(0);
      now = new Date('2027-01-10T02:00:00Z');
      expect(await store.purge(30, 'admin')).toBe(1);
      const p = await store.notice(n.id);
      expect(p?.customer_phone).toBeNull();
      expect(p?.customer_id).toBeNull();
      expect(p?.data).not.toContain('13800001111');
      expect(await store.idCopies(n.id)).toEqual([]);
      expect(await store.list({ q: '13800001111' })).toHaveLength(0);
      expect((await store.history(n.id)).at(-1)?.action).toBe('notice.purge');
      now = new Date('2026-12-03T02:00:00Z');
      await h.close();
    });

    it('200 concurrent takings: 200 notices, 200 distinct order numbers, 200 audit rows', async () => {
      const { h, store } = await open();
      const rows = await Promise.all(Array.from({ length: 200 }, (_, i) => store.createNotice(checked(lostId({ phone: `1380000${String(i).padStart(4, '0')}` })), { channel: 'online', clerk: 'li' })));
      expect(new Set(rows.map((r) => r.order_no)).size).toBe(200);
      expect(await store.auditCount()).toBe(200);
      await h.close();
    });
  });
}
