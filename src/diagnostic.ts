/**
 * The one shape of a problem, for every stage: content, layout, notices, identifiers,
 * fonts, the build. A diagnostic names the file, the position and the field where it has
 * them, says what is wrong in Chinese with the English beside it, and has a stable code.
 * Errors stop what they belong to (a build, one notice); warnings and info do not.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Stable machine-readable code, e.g. `photo.ppi-low`, `notice.refused`, `content.yaml`. */
  code: string;
  severity: Severity;
  /** The file, relative to the edition folder or the working directory. */
  file?: string;
  /** 1-based line and column in the file, where known. */
  line?: number;
  column?: number;
  /** Dotted field path, e.g. `photos[0].file`. */
  field?: string;
  /** The message in Chinese (the desk reads it) … */
  message: string;
  /** … and in English. */
  messageEn?: string;
}

/** `file:line: field: message (English)` — one line, as the CLI prints it. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}` : ''}: ` : '';
  const field = d.field ? `${d.field}: ` : '';
  const en = d.messageEn && d.messageEn !== d.message ? ` (${d.messageEn})` : '';
  return `${where}${field}${d.message}${en}`;
}

/**
 * An error the user can fix (bad input file, missing font, invalid field). The CLI prints
 * its message without a stack trace and exits with `exitCode` (1 by default).
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }

  /** A UserError from diagnostics, one per line. */
  static of(diagnostics: readonly Diagnostic[], exitCode = 1): UserError {
    const msg = diagnostics.length === 1 ? formatDiagnostic(diagnostics[0]) : `${diagnostics.length} problems:\n${diagnostics.map((d) => `  ${formatDiagnostic(d)}`).join('\n')}`;
    return new UserError(msg, exitCode, diagnostics);
  }
}
