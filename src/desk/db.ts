/**
 * The desk's database: one Kysely query layer over SQLite (better-sqlite3, the default,
 * a file in the data folder) and PostgreSQL (a newspaper group's shared server). The same
 * migrations and queries run on both; the few differences (id columns, triggers) are in
 * migrations.ts. Every value is a bound parameter: no query is built from strings.
 *
 * SQLite runs in WAL mode with synchronous=FULL, so a notice the desk has acknowledged
 * (its transaction committed) survives a kill -9 or a power cut.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Generated } from 'kysely';
import pg from 'pg';
import { migrateToLatest, type Dialect } from './migrations.js';

export type { Dialect };

export interface UsersTable {
  id: string;
  username: string;
  name: string;
  password_hash: string;
  role: string;
  created_at: string;
  disabled: number;
}

export interface SessionsTable {
  /** HMAC of the session token (the cookie holds the token, the database never does). */
  id: string;
  user_id: string;
  csrf: string;
  created_at: string;
  expires_at: string;
}

export interface NoticesTable {
  id: Generated<number>;
  order_no: string;
  type: string;
  status: string;
  /** The notice's fields as a notice file has them (JSON). */
  data: string;
  /** 1 when the notice passed every check (it may be approved). */
  ok: number;
  /** The reasons it is refused (JSON), when not ok. */
  refused: string | null;
  price_cents: number | null;
  customer_name: string;
  customer_phone: string | null;
  customer_id_kind: string | null;
  customer_id: string | null;
  /** Holder, organisation or company named in the notice. */
  subject: string;
  /** Names and numbers for the search box (purged with the intake data). */
  search: string;
  channel: string;
  clerk: string;
  paper: string | null;
  run_first: string;
  run_last: string;
  fapiao_title: string | null;
  fapiao_tax_id: string | null;
  approved_at: string | null;
  paid_at: string | null;
  scheduled_at: string | null;
  published_at: string | null;
  cancelled_at: string | null;
  override_by: string | null;
  override_reason: string | null;
  purged_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RunDatesTable {
  notice_id: number;
  run_date: string;
  published_at: string | null;
}

export interface PaymentsTable {
  id: Generated<number>;
  notice_id: number;
  /** `payment` or `refund`. */
  kind: string;
  method: string;
  amount_cents: number;
  receipt_no: string;
  status: string;
  clerk: string;
  at: string;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
}

export interface AttachmentsTable {
  id: Generated<number>;
  notice_id: number;
  /** `id-copy`. */
  kind: string;
  mime: string;
  bytes: Buffer;
  clerk: string;
  at: string;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  notices: NoticesTable;
  run_dates: RunDatesTable;
  payments: PaymentsTable;
  audit: AuditTable;
  attachments: AttachmentsTable;
}

export interface DeskDb {
  db: Kysely<DB>;
  dialect: Dialect;
  /** Where: the SQLite file, or the PostgreSQL URL without its password. */
  where: string;
  close(): Promise<void>;
}

/** Is `s` a PostgreSQL connection URL? */
export function isPostgresUrl(s: string): boolean {
  return /^postgres(ql)?:\/\//.test(s);
}

/**
 * Opens (and migrates) the database: a `postgres://…` URL, or a data folder holding
 * `desk.sqlite`. `schema` (PostgreSQL only) puts the tables in their own schema — the
 * tests use one per run.
 */
export async function openDeskDb(target: string, opts: { schema?: string; poolSize?: number } = {}): Promise<DeskDb> {
  let db: Kysely<DB>;
  let dialect: Dialect;
  let where: string;
  if (isPostgresUrl(target)) {
    dialect = 'postgres';
    const u = new URL(target);
    u.password = u.password ? '***' : '';
    where = u.toString();
    if (opts.schema && !/^[a-z_][a-z0-9_]*$/.test(opts.schema)) throw new Error(`bad schema name ${opts.schema}`);
    if (opts.schema) {
      const admin = new pg.Client({ connectionString: target });
      await admin.connect();
      try {
        await admin.query(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`);
      } finally {
        await admin.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: target,
      max: opts.poolSize ?? 10,
      // ids (bigserial) and counts (bigint) as numbers, as SQLite gives them; this pool only
      types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 20 ? Number : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser },
      ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
    });
    db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  } else {
    dialect = 'sqlite';
    fs.mkdirSync(target, { recursive: true });
    where = path.join(target, 'desk.sqlite');
    const sqlite = new Database(where);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  }
  await migrateToLatest(db, dialect, dialect === 'postgres' ? opts.schema : undefined);
  return { db, dialect, where, close: () => db.destroy() };
}
