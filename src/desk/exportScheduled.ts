/**
 * The edition takes its notices from the desk: the notices scheduled for a date, as notice
 * data (what a notice file holds) or written as notice files; after the build succeeds,
 * the date's insertions are marked published. Both steps are audited.
 */
import fs from 'node:fs';
import path from 'node:path';
import { noticeYaml, printedRecordOf, type PrintedRecord } from '../index.js';
import { openDeskDb, isPostgresUrl } from './db.js';
import { DeskStore } from './store.js';

export interface ExportedNotice {
  /** The desk's row id (for markPublished). */
  id: number;
  /** The order number: the notice's id on the page and in the report. */
  orderNo: string;
  /** The notice's fields, as a notice file has them. */
  data: Record<string, unknown>;
  /** The file written, when `outDir` was given. */
  file?: string;
}

/** Opens the desk's database: a data folder (SQLite) or a `postgres://` URL. */
export async function openDeskStore(target: string, opts: { schema?: string } = {}): Promise<DeskStore> {
  if (!isPostgresUrl(target) && !fs.existsSync(path.join(target, 'desk.sqlite'))) {
    throw new Error(`${target}: no desk database here (desk.sqlite); start the desk with --data ${target} first`);
  }
  return new DeskStore(await openDeskDb(target, opts));
}

/**
 * The notices scheduled for `date`, in order of acceptance. With `outDir`, each is written
 * there as `<order number>.yaml` (through a temporary file and a rename), and files of
 * notices no longer scheduled are removed, so the folder is exactly that day's notices.
 */
export async function exportScheduled(store: DeskStore, date: string, opts: { outDir?: string; actor?: string } = {}): Promise<ExportedNotice[]> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`export: the date must be YYYY-MM-DD, not “${date}”`);
  const rows = (await store.scheduledFor(date)).filter((r) => r.status === 'scheduled');
  const out: ExportedNotice[] = rows.map((r) => ({ id: r.id, orderNo: r.order_no, data: JSON.parse(r.data) as Record<string, unknown> }));
  if (opts.outDir) {
    fs.mkdirSync(opts.outDir, { recursive: true });
    const keep = new Set<string>();
    for (const n of out) {
      const file = path.join(opts.outDir, `${n.orderNo}.yaml`);
      const tmp = `${file}.tmp-${process.pid}`;
      fs.writeFileSync(tmp, `# exported by the desk for ${date}: order ${n.orderNo}. The desk is the record; change it there.\n${noticeYaml(n.data)}`);
      fs.renameSync(tmp, file);
      n.file = file;
      keep.add(path.basename(file));
    }
    for (const f of fs.readdirSync(opts.outDir)) if (/^ZB\d{8}-\d+\.yaml$/.test(f) && !keep.has(f)) fs.rmSync(path.join(opts.outDir, f));
  }
  await store.audit(store.db, opts.actor ?? 'export', 'notice.export', 'edition', date, null, { date, orders: out.map((n) => n.orderNo), outDir: opts.outDir ?? null });
  return out;
}

/** After a successful build of `date`: its insertions are published (audited per notice). */
export async function markPublished(store: DeskStore, date: string, notices: readonly Pick<ExportedNotice, 'id'>[], actor = 'build'): Promise<void> {
  await store.markPublished(date, notices.map((n) => n.id), actor);
}

/**
 * What the desk has printed in the 30 days before `date`: its published insertions, as
 * history records for the duplicate check (keyed with the build's ledger salt).
 */
export async function printedByDesk(store: DeskStore, date: string): Promise<(salt: string) => PrintedRecord[]> {
  const d = new Date(`${date}T00:00:00Z`);
  const day = (n: number) => new Date(d.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  const rows = await store.publishedBetween(day(-30), day(-1));
  return (salt) => rows.flatMap((r) => {
    const rec = printedRecordOf(JSON.parse(r.data) as unknown, r.order_no, r.run_date, salt);
    return rec ? [rec] : [];
  });
}
