/**
 * The desk's schema, as Kysely migrations that run the same on SQLite and PostgreSQL.
 * Differences are only where the two engines differ: the auto-numbered id columns and the
 * triggers that make the audit table append-only (the database itself refuses UPDATE and
 * DELETE on it, and TRUNCATE on PostgreSQL).
 *
 * A migration is never edited once released; a change is a new migration.
 */
import { Migrator, sql, type Kysely, type Migration } from 'kysely';

/** The two database engines the desk runs on. */
export type Dialect = 'sqlite' | 'postgres';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

function migrations(dialect: Dialect): Record<string, Migration> {
  const serial = (db: AnyDb, table: string) =>
    db.schema.createTable(table).addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    );
  return {
    '0001-desk': {
      async up(db: AnyDb) {
        await db.schema
          .createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('username', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('desk', 'editor', 'admin')`))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema
          .createTable('sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('csrf', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .execute();
        await serial(db, 'notices')
          .addColumn('order_no', 'text', (c) => c.notNull().unique())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) =>
            c.notNull().check(sql`status in ('draft', 'approved', 'paid', 'scheduled', 'published', 'cancelled')`),
          )
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('ok', 'integer', (c) => c.notNull())
          .addColumn('refused', 'text')
          .addColumn('price_cents', 'integer')
          .addColumn('customer_name', 'text', (c) => c.notNull())
          .addColumn('customer_phone', 'text')
          .addColumn('customer_id_kind', 'text')
          .addColumn('customer_id', 'text')
          .addColumn('subject', 'text', (c) => c.notNull())
          .addColumn('search', 'text', (c) => c.notNull())
          .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('counter', 'phone', 'online')`))
          .addColumn('clerk', 'text', (c) => c.notNull())
          .addColumn('paper', 'text')
          .addColumn('run_first', 'text', (c) => c.notNull())
          .addColumn('run_last', 'text', (c) => c.notNull())
          .addColumn('fapiao_title', 'text')
          .addColumn('fapiao_tax_id', 'text')
          .addColumn('approved_at', 'text')
          .addColumn('paid_at', 'text')
          .addColumn('scheduled_at', 'text')
          .addColumn('published_at', 'text')
          .addColumn('cancelled_at', 'text')
          .addColumn('override_by', 'text')
          .addColumn('override_reason', 'text')
          .addColumn('purged_at', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('notices_status').on('notices').columns(['status', 'run_first']).execute();
        await db.schema.createIndex('notices_created').on('notices').column('created_at').execute();
        await db.schema
          .createTable('run_dates')
          .addColumn('notice_id', 'integer', (c) => c.notNull().references('notices.id'))
          .addColumn('run_date', 'text', (c) => c.notNull())
          .addColumn('published_at', 'text')
          .addPrimaryKeyConstraint('run_dates_pk', ['notice_id', 'run_date'])
          .execute();
        await db.schema.createIndex('run_dates_date').on('run_dates').column('run_date').execute();
        await serial(db, 'payments')
          .addColumn('notice_id', 'integer', (c) => c.notNull().references('notices.id'))
          .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('payment', 'refund')`))
          .addColumn('method', 'text', (c) => c.notNull())
          .addColumn('amount_cents', 'integer', (c) => c.notNull())
          .addColumn('receipt_no', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('clerk', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('payments_notice').on('payments').column('notice_id').execute();
        await serial(db, 'audit')
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('entity', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'text', (c) => c.notNull())
          .addColumn('before', 'text')
          .addColumn('after', 'text')
          .execute();
        await db.schema.createIndex('audit_entity').on('audit').columns(['entity', 'entity_id']).execute();
        if (dialect === 'sqlite') {
          await sql`CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END`.execute(db);
          await sql`CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END`.execute(db);
        } else {
          await sql`CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit is append-only'; END $$`.execute(db);
          await sql`CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only()`.execute(db);
          await sql`CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`.execute(db);
        }
      },
    },
    '0002-id-copies': {
      // 证件复印件: images of the customer's ID, kept only until the retention purge
      async up(db: AnyDb) {
        await serial(db, 'attachments')
          .addColumn('notice_id', 'integer', (c) => c.notNull().references('notices.id'))
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('mime', 'text', (c) => c.notNull())
          .addColumn('bytes', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
          .addColumn('clerk', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('attachments_notice').on('attachments').column('notice_id').execute();
      },
    },
  };
}

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: AnyDb, dialect: Dialect, schema?: string): Promise<void> {
  // with a schema, Kysely must look for its own tables there (not in another schema of the database)
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(dialect) }, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`desk database migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? String(error)}`);
  }
}
