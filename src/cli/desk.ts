/**
 * `zuban desk` — the classifieds desk (src/desk/): a local web counter with its database.
 *   zuban desk [--port 8080] [--host 127.0.0.1] [--data data/] [--db postgres://…]
 *   zuban desk user add <username> --role desk|editor|admin [--name 姓名]   (password from ZUBAN_DESK_PASSWORD or stdin)
 *   zuban desk export <date> [--out dir] [--mark-published]
 *   zuban desk purge [--days 90]
 * The desk modules load only when a subcommand runs.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { projectRoot } from '../projectRoot.js';
import { UserError } from './errors.js';

type Where = { data: string; db?: string };

async function target(o: Where): Promise<string> {
  return o.db ?? o.data;
}

async function readPassword(): Promise<string> {
  if (process.env.ZUBAN_DESK_PASSWORD) return process.env.ZUBAN_DESK_PASSWORD;
  process.stderr.write('password: ');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

export function registerDesk(program: Command): void {
  const desk = program.command('desk').description('the classifieds desk: a web counter for notices, with its database');
  const where = (c: Command) =>
    c.option('--data <dir>', 'data folder (SQLite database desk.sqlite, the loopback secret)', 'data').option('--db <url>', 'PostgreSQL URL (postgres://user:pass@host/db) instead of SQLite');
  where(
    desk
      .command('serve', { isDefault: true })
      .description('start the desk server (127.0.0.1 unless --host; another host needs ZUBAN_DESK_SECRET)')
      .option('--port <n>', 'port', '8080')
      .option('--host <addr>', 'address to listen on', '127.0.0.1')
      .option('--templates <dir>', 'templates folder', path.join(projectRoot, 'templates'))
      .option('--retention-days <n>', 'days after the last run before intake data is purged', '90'),
  ).action(async (o: Where & { port: string; host: string; templates: string; retentionDays: string }) => {
    const { startDesk, DeskConfigError } = await import('../desk/server.js');
    try {
      const d = await startDesk({ host: o.host, port: Number(o.port), data: o.data, db: o.db, templates: o.templates, retentionDays: Number(o.retentionDays) });
      process.stderr.write(`desk: ${d.url} (${d.handle.dialect}: ${d.handle.where})\n`);
      const stop = () => void d.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    } catch (err) {
      if (err instanceof DeskConfigError) throw new UserError(err.message);
      throw err;
    }
  });
  const user = desk.command('user').description('desk staff accounts');
  where(
    user
      .command('add')
      .argument('<username>')
      .requiredOption('--role <role>', 'desk | editor | admin')
      .option('--name <name>', 'the name shown on the desk'),
  ).action(async (username: string, o: Where & { role: string; name?: string }) => {
    const { openDeskDb } = await import('../desk/db.js');
    const { DeskStore, ROLES } = await import('../desk/store.js');
    const { hashPassword } = await import('../desk/auth.js');
    if (!(ROLES as readonly string[]).includes(o.role)) throw new UserError(`--role must be one of ${ROLES.join(', ')}`, 2);
    const password = await readPassword();
    if (password.length < 10) throw new UserError('the password needs at least 10 characters');
    const store = new DeskStore(await openDeskDb(await target(o)));
    try {
      await store.createUser({ username, name: o.name ?? username, passwordHash: await hashPassword(password), role: o.role as 'desk' }, 'cli');
    } finally {
      await store.handle.close();
    }
    process.stderr.write(`desk user ${username} (${o.role}) added\n`);
  });
  where(
    desk
      .command('export')
      .description('write the notices scheduled for <date> as notice files (what `zuban build --desk` sets)')
      .argument('<date>', 'YYYY-MM-DD')
      .option('--out <dir>', 'folder for the notice files', 'content/notices-desk')
      .option('--mark-published', 'mark the date\'s insertions published (after the edition was built)'),
  ).action(async (date: string, o: Where & { out: string; markPublished?: boolean }) => {
    const { openDeskStore, exportScheduled, markPublished } = await import('../desk/exportScheduled.js');
    let store;
    try {
      store = await openDeskStore(await target(o));
    } catch (err) {
      throw new UserError((err as Error).message);
    }
    try {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UserError(`desk export: the date must be YYYY-MM-DD, not “${date}”`, 2);
      const n = await exportScheduled(store, date, { outDir: o.out, actor: 'cli' });
      if (o.markPublished) await markPublished(store, date, n, 'cli');
      process.stdout.write(`${n.length} notices scheduled for ${date} → ${o.out}${o.markPublished ? ' (marked published)' : ''}\n`);
    } finally {
      await store.handle.close();
    }
  });
  where(desk.command('purge').description('purge intake data (phone, ID number) past the retention period; audited').option('--days <n>', 'retention days', '90')).action(
    async (o: Where & { days: string }) => {
      const { openDeskStore } = await import('../desk/exportScheduled.js');
      const store = await openDeskStore(await target(o));
      try {
        process.stdout.write(`${await store.purge(Number(o.days), 'cli')} notices purged\n`);
      } finally {
        await store.handle.close();
      }
    },
  );
}
