/**
 * A reason (理由): why a notice is refused, or what the desk must confirm. Every reason
 * names the file, the field and the cause, in Chinese for the desk and English beside it.
 */
export interface Reason {
  /** The notice file as given to the reader, e.g. `content/notices/0001.yaml`. */
  file: string;
  /** Dotted path of the field, e.g. `consent.at` or `parties.1.uscc`; '' for the whole file. */
  field: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** Stable machine code, e.g. `missing-field`, `no-consent`, `id.check`. */
  code: string;
  /** The reason in Chinese. */
  message: string;
  /** The same reason in English. */
  messageEn: string;
}

/** How much a reason weighs: an error refuses, a warning needs its code in `confirmed: [...]`, info never blocks. */
export type Severity = 'error' | 'warning' | 'info';

/** Reasons sorted by weight, as returned by the checks. */
export interface Findings {
  errors: Reason[];
  warnings: Reason[];
  info: Reason[];
}

/** An empty set of findings. */
export function noFindings(): Findings {
  return { errors: [], warnings: [], info: [] };
}

/** One line per reason: `file:line field — 中文 (English)`, for the CLI and test messages. */
export function formatReason(r: Reason): string {
  const where = r.line ? `${r.file}:${r.line}` : r.file;
  const field = r.field ? ` ${r.field}` : '';
  return `${where}${field} — ${r.message} (${r.messageEn})`;
}
