/**
 * User management (issue 15): an admin creates desk staff, sets their roles, deactivates
 * and reactivates them and resets their passwords (argon2id); every change is in the
 * audit table; a clerk or an editor cannot reach any of it (403). On SQLite and, with
 * ZUBAN_TEST_PG, on PostgreSQL.
 */
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { deskApp } from './appClient.js';

for (const b of backends()) {
  describe(`user management on ${b.name}`, () => {
    afterAll(() => b.cleanup());

    it('an admin creates, re-roles, deactivates, reactivates and resets; each change audited; sessions end', async () => {
      const desk = await deskApp(b);
      try {
        const admin = desk.client();
        expect((await admin.login('zhao')).status).toBe(303);
        expect((await admin.form('/admin/users', { username: 'chen', name: '陈受理', password: 'chen-password-123', role: 'desk' })).status).toBe(303);
        const page = await (await admin.req('/admin')).text();
        expect(page).toContain('data-user="chen"');
        const chenId = (await desk.store.users()).find((u) => u.username === 'chen')!.id;

        // the new clerk logs in, and is a clerk: no admin page
        const chen = desk.client();
        expect((await chen.login('chen', 'chen-password-123')).status).toBe(303);
        expect((await chen.req('/admin')).status).toBe(403);

        // promoted to editor, then deactivated: the open session ends at once
        expect((await admin.form(`/admin/users/${chenId}/role`, { role: 'editor' })).status).toBe(303);
        expect((await desk.store.users()).find((u) => u.id === chenId)?.role).toBe('editor');
        expect((await admin.form(`/admin/users/${chenId}/active`, { active: '0' })).status).toBe(303);
        expect((await chen.req('/notices')).status).toBe(302);
        expect((await desk.client().login('chen', 'chen-password-123')).status).not.toBe(303);

        // reactivated with a new password: the old one no longer works
        expect((await admin.form(`/admin/users/${chenId}/active`, { active: '1' })).status).toBe(303);
        expect((await admin.form(`/admin/users/${chenId}/password`, { password: 'short' })).status).toBe(400);
        expect((await admin.form(`/admin/users/${chenId}/password`, { password: 'chen-new-password-456' })).status).toBe(303);
        expect((await desk.client().login('chen', 'chen-password-123')).status).not.toBe(303);
        expect((await desk.client().login('chen', 'chen-new-password-456')).status).toBe(303);
        const row = await desk.handle.db.selectFrom('users').select('password_hash').where('id', '=', chenId).executeTakeFirstOrThrow();
        expect(row.password_hash).toMatch(/^\$argon2id\$/);

        // every change in the audit, by whom, before and after; no password hash in it
        const audit = await desk.handle.db.selectFrom('audit').selectAll().where('entity', '=', 'user').where('entity_id', '=', chenId).where('action', 'like', 'user.%').orderBy('id').execute();
        expect(audit.map((a) => a.action)).toEqual(['user.create', 'user.role', 'user.deactivate', 'user.activate', 'user.password']);
        expect(audit.slice(1).every((a) => a.actor === 'zhao')).toBe(true);
        expect(JSON.parse(audit[1].before!)).toMatchObject({ role: 'desk' });
        expect(JSON.parse(audit[1].after!)).toMatchObject({ role: 'editor' });
        expect(JSON.parse(audit[2].after!)).toMatchObject({ active: false });
        expect(JSON.parse(audit[4].after!)).toMatchObject({ passwordReset: true });
        expect(audit.map((a) => `${a.before}${a.after}`).join('')).not.toMatch(/argon2|password-/);
        // and the audit stays append-only
        await expect(sql`UPDATE audit SET actor = 'x' WHERE entity = 'user'`.execute(desk.handle.db)).rejects.toThrow(/append-only/);
      } finally {
        await desk.handle.close();
      }
    });

    it('a clerk and an editor get 403 on every user-management route; the last admin cannot be demoted or deactivated', async () => {
      const desk = await deskApp(b);
      try {
        const users = await desk.store.users();
        const idOf = (u: string) => users.find((x) => x.username === u)!.id;
        for (const who of ['li', 'wang']) {
          const c = desk.client();
          expect((await c.login(who)).status).toBe(303);
          expect((await c.req('/admin')).status).toBe(403);
          expect((await c.form('/admin/users', { username: 'evil', name: 'e', password: 'evil-password-123', role: 'admin' })).status).toBe(403);
          expect((await c.form(`/admin/users/${idOf(who)}/role`, { role: 'admin' })).status).toBe(403);
          expect((await c.form(`/admin/users/${idOf('zhao')}/active`, { active: '0' })).status).toBe(403);
          expect((await c.form(`/admin/users/${idOf('zhao')}/password`, { password: 'taken-over-123' })).status).toBe(403);
        }
        expect((await desk.store.users()).map((u) => `${u.username}:${u.role}:${u.disabled}`).sort()).toEqual(['li:desk:0', 'wang:editor:0', 'zhao:admin:0']);
        const admin = desk.client();
        await admin.login('zhao');
        expect((await admin.form(`/admin/users/${idOf('zhao')}/active`, { active: '0' })).status).toBe(409);
        await expect(desk.store.setRole(idOf('zhao'), 'desk', 'zhao')).rejects.toThrow(/最后一位/);
        await expect(desk.store.setActive(idOf('zhao'), false, 'other')).rejects.toThrow(/最后一位/);
        // with a second admin, the first may be demoted
        await desk.store.setRole(idOf('wang'), 'admin', 'zhao');
        expect((await desk.store.setRole(idOf('zhao'), 'editor', 'wang')).role).toBe('editor');
        expect((await desk.handle.db.selectFrom('audit').select('action').where('entity', '=', 'user').execute()).filter((a) => a.action === 'user.role')).toHaveLength(2);
      } finally {
        await desk.handle.close();
      }
    });
  });
}
