/**
 * Starts the desk: opens (and migrates) the database, loads the notice engine once, and
 * serves the app on 127.0.0.1 by default. Any other address needs a configured secret
 * (ZUBAN_DESK_SECRET, at least 32 characters): without one the desk refuses to start.
 * On loopback without one, a secret is made once and kept in the data folder (mode 600).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { loadNoticeEngine, type NoticeEngine } from './engine.js';
import { createDeskApp } from './app.js';
import { isLoopback } from './auth.js';
import { openDeskDb } from './db.js';
import { DeskStore } from './store.js';

export interface DeskOptions {
  host?: string;
  port?: number;
  /** Data folder: the SQLite database (unless `db`) and the loopback secret. */
  data?: string;
  /** A `postgres://` URL: the group's shared database instead of SQLite. */
  db?: string;
  /** PostgreSQL schema (tests). */
  schema?: string;
  /** The configured secret; ZUBAN_DESK_SECRET when absent. */
  secret?: string;
  templates?: string;
  retentionDays?: number;
  cutoffHour?: number;
  engine?: NoticeEngine;
}

/** A refused configuration (the CLI prints it and exits 1). */
export class DeskConfigError extends Error {}

export function resolveSecret(host: string, data: string, configured?: string): string {
  const secret = configured ?? process.env.ZUBAN_DESK_SECRET;
  if (secret !== undefined && secret !== '') {
    if (secret.length < 32) throw new DeskConfigError('the desk secret must have at least 32 characters (ZUBAN_DESK_SECRET)');
    return secret;
  }
  if (!isLoopback(host)) {
    throw new DeskConfigError(`refusing to serve on ${host} without a secret: set ZUBAN_DESK_SECRET (32+ random characters) and put the desk behind HTTPS`);
  }
  const file = path.join(data, 'desk-secret');
  fs.mkdirSync(data, { recursive: true });
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const s = crypto.randomBytes(32).toString('base64url');
    fs.writeFileSync(file, `${s}\n`, { mode: 0o600, flag: 'wx' });
    return fs.readFileSync(file, 'utf8').trim();
  }
}

export async function startDesk(o: DeskOptions = {}) {
  const host = o.host ?? '127.0.0.1';
  const data = o.data ?? 'data';
  const secret = resolveSecret(host, data, o.secret);
  const handle = await openDeskDb(o.db ?? data, { schema: o.schema });
  const store = new DeskStore(handle, { cutoffHour: o.cutoffHour });
  const engine = o.engine ?? loadNoticeEngine(o.templates);
  const app = createDeskApp({ store, engine, secret, secureCookies: !isLoopback(host), retentionDays: o.retentionDays, cutoffHour: o.cutoffHour });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: o.port ?? 8080 }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    store,
    handle,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await handle.close();
    },
  };
}
