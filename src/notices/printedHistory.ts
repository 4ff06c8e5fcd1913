/**
 * What the paper has printed: the history the duplicate check reads (issue 14 item 9).
 * A record holds no name and no number — only the notice type, a salted hash of the
 * duplicate key (type, declarant, number), the edition's date and the notice's id — so a
 * ledger of years of notices is no register of people's documents. Records come from the
 * build's ledger (src/notices/ledger.ts) and from the desk's database (published insertions).
 */
import { createHash } from 'node:crypto';
import type { IsoDate } from './dates.js';
import { normalizeIdentifier } from './identifiers/normalizeIdentifier.js';
import { printedName } from './identifiers/validatePersonName.js';
import type { Notice } from './schema/notice.js';

/** One insertion printed in an edition. */
export interface PrintedRecord {
  /** The edition's date. */
  date: IsoDate;
  /** The notice's id (file name or the desk's order number): its own later insertions are no duplicate. */
  id: string;
  type: string;
  /** Salted SHA-256 of the duplicate key, 32 hex digits. */
  key: string;
  /** Where the record came from, for the message: `ledger` or `desk`. */
  from?: 'ledger' | 'desk';
}

/** The printed history, and the salt its keys were made with. */
export interface PrintedHistory {
  salt: string;
  records: readonly PrintedRecord[];
}

/** What makes two lost-item notices the same loss (type, declarant, number); null for other types. */
export function duplicateKey(n: Notice): string | null {
  const num = (s: string) => normalizeIdentifier(s).normalized;
  switch (n.type) {
    case 'lost-person':
      return `${n.type}|${printedName(n.holder)}|${n.certificate}|${num(n.number)}`;
    case 'lost-org':
      return `${n.type}|${n.org}|${n.item}|${num(n.number)}`;
    case 'lost-seal':
      return `${n.type}|${num(n.uscc)}|${n.sealType}`;
    case 'lost-invoice':
      return `${n.type}|${num(n.uscc)}|${n.code ?? ''}|${n.from}|${n.to}`;
    default:
      return null;
  }
}

/** The history key of a notice under `salt`; null for types that are never duplicates. */
export function printedKey(n: Notice, salt: string): string | null {
  const key = duplicateKey(n);
  return key === null ? null : createHash('sha256').update(`${salt}\0${key}`).digest('hex').slice(0, 32);
}

/** The record of one insertion, or null for a type the duplicate check does not cover. */
export function printedRecord(n: Notice, id: string, date: IsoDate, salt: string): PrintedRecord | null {
  const key = printedKey(n, salt);
  return key === null ? null : { date, id, type: n.type, key };
}
