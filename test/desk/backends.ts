/**
 * The storage backends the desk tests run on: SQLite in a fresh temporary folder, and
 * PostgreSQL when ZUBAN_TEST_PG is set (.ci/run sets it), each test in its own schema.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDeskDb, type DeskDb } from '../../src/desk/db.js';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** A fresh, migrated database; `target` is what `--db`/`--data` would be. */
  open(): Promise<DeskDb & { target: string; schema?: string }>;
  /** Removes what open() made. */
  cleanup(): Promise<void>;
}

export const PG_URL = process.env.ZUBAN_TEST_PG;

export function tmpDir(prefix = 'zuban-desk-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function backends(): Backend[] {
  const list: Backend[] = [];
  const dirs: string[] = [];
  list.push({
    name: 'sqlite',
    async open() {
      const dir = tmpDir();
      dirs.push(dir);
      return Object.assign(await openDeskDb(dir), { target: dir });
    },
    async cleanup() {
      for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
    },
  });
  if (PG_URL) {
    const schemas: string[] = [];
    list.push({
      name: 'postgres',
      async open() {
        const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
        schemas.push(schema);
        return Object.assign(await openDeskDb(PG_URL, { schema }), { target: PG_URL, schema });
      },
      async cleanup() {
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        try {
          for (const s of schemas.splice(0)) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
        } finally {
          await c.end();
        }
      },
    });
  }
  return list;
}
