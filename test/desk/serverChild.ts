/**
 * A desk server in its own process, for the tests that kill it (bundled by childBundle.ts):
 * env DESK_DATA or DESK_DB (+ DESK_SCHEMA); prints `{"url": …}` on stdout when listening.
 */
import { hashPassword } from '../../src/desk/auth.js';
import { startDesk } from '../../src/desk/server.js';

const d = await startDesk({ host: '127.0.0.1', port: 0, data: process.env.DESK_DATA!, db: process.env.DESK_DB || undefined, schema: process.env.DESK_SCHEMA || undefined, secret: 'k'.repeat(32) });
if (!(await d.store.userByUsername('li'))) {
  await d.store.createUser({ username: 'li', name: '李', passwordHash: await hashPassword('li-password-123'), role: 'desk' }, 'test').catch(() => undefined);
}
process.stdout.write(`${JSON.stringify({ url: d.url })}\n`);
