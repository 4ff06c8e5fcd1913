/**
 * 刊登记录 — the ledger of printed notices: what each successful build put on its notices
 * pages, so that the next days' editions can see a notice printed before (the duplicate
 * check, issue 14 item 9). Kept beside the build, not in it: `<out parent>/data/
 * published.jsonl` by default (out/ is replaced whole by every build; the paper's `data/`
 * folder is where the desk keeps its database too). Append-only: a build adds its lines
 * in one write after it has succeeded, and nothing ever rewrites the file.
 *
 * The first line is a header with the salt; each further line is one insertion:
 *   {"ledger":"zuban-published","v":1,"salt":"…"}
 *   {"date":"2026-11-24","id":"003-lost-person","type":"lost-person","key":"…","at":"2026-11-23T17:02:11.000Z"}
 * No name, no number: the key is a salted hash of type, declarant and number.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { IsoDate } from './dates.js';
import type { PrintedHistory, PrintedRecord } from './printedHistory.js';

const HEADER = 'zuban-published';

/** The ledger of a build to `outDir`: `<out parent>/data/published.jsonl`. */
export function ledgerPath(outDir: string): string {
  return path.join(path.dirname(path.resolve(outDir)), 'data', 'published.jsonl');
}

/** A ledger as read: its salt (a fresh one when there is no file yet), its records, and lines it skipped. */
export interface Ledger extends PrintedHistory {
  file: string;
  /** Lines that could not be read (e.g. a line torn by a crash), with their numbers. */
  skipped: { line: number; reason: string }[];
}

/** Thrown for a file that is not a ledger (the build stops: it would not see what was printed). */
export class LedgerError extends Error {}

/** Read the ledger; a missing file is an empty ledger with a new salt. */
export function readLedger(file: string): Ledger {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { file, salt: randomBytes(16).toString('hex'), records: [], skipped: [] };
    throw new LedgerError(`${file}: cannot read the ledger of printed notices (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const lines = text.split('\n');
  let header: { ledger?: unknown; v?: unknown; salt?: unknown };
  try {
    header = JSON.parse(lines[0]) as typeof header;
  } catch {
    header = {};
  }
  if (header.ledger !== HEADER || header.v !== 1 || typeof header.salt !== 'string' || !/^[0-9a-f]{32}$/.test(header.salt)) {
    if (text.trim() === '') return { file, salt: randomBytes(16).toString('hex'), records: [], skipped: [] };
    throw new LedgerError(`${file}:1: not a ledger of printed notices (the first line must be {"ledger":"${HEADER}","v":1,"salt":…}); move it aside or pass --ledger another file`);
  }
  const records: PrintedRecord[] = [];
  const skipped: Ledger['skipped'] = [];
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i].trim();
    if (!l) continue;
    try {
      const r = JSON.parse(l) as Partial<PrintedRecord>;
      if (typeof r.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(r.date) || typeof r.id !== 'string' || typeof r.type !== 'string' || typeof r.key !== 'string') throw new Error('missing date, id, type or key');
      records.push({ date: r.date as IsoDate, id: r.id, type: r.type, key: r.key, from: 'ledger' });
    } catch (err) {
      skipped.push({ line: i + 1, reason: (err as Error).message });
    }
  }
  return { file, salt: header.salt, records, skipped };
}

/**
 * Append one build's insertions, in one write, then flush it to disk. The salt is the
 * file's own (read again here: another build may have created the file meanwhile), and
 * the records are keyed with it by `recordsFor`.
 */
export function appendLedger(file: string, recordsFor: (salt: string) => readonly PrintedRecord[], at = new Date()): number {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'a+');
  try {
    const size = fs.fstatSync(fd).size;
    let salt: string;
    let head = '';
    const have = new Set<string>();
    if (size === 0) {
      salt = randomBytes(16).toString('hex');
      head = `${JSON.stringify({ ledger: HEADER, v: 1, salt })}\n`;
    } else {
      const old = readLedger(file);
      salt = old.salt;
      // a rebuild of the same edition (zuban build --watch) adds no line twice
      for (const r of old.records) have.add(`${r.date}|${r.id}|${r.key}`);
      // a line torn by a crash stays on its own line; the next build's lines start afresh
      const last = Buffer.alloc(1);
      fs.readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) head = '\n';
    }
    const records = recordsFor(salt).filter((r) => !have.has(`${r.date}|${r.id}|${r.key}`));
    if (!records.length) return 0;
    const body = records.map((r) => JSON.stringify({ date: r.date, id: r.id, type: r.type, key: r.key, at: at.toISOString() })).join('\n');
    fs.writeSync(fd, head + body + (body ? '\n' : ''));
    fs.fsyncSync(fd);
    return records.length;
  } finally {
    fs.closeSync(fd);
  }
}
