/**
 * The shape of a problem that print code reports: the same fields as the project's one
 * `Diagnostic` (src/diagnostic.ts on main), so a print finding or a config error can be
 * handed to the build's sink as it is. Kept here, structurally equal, until that module
 * is on this branch.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Stable machine-readable code, e.g. `print.condition.field`, `preflight.tac`. */
  code: string;
  severity: Severity;
  /** The file, relative to the project or edition folder. */
  file?: string;
  line?: number;
  column?: number;
  /** Dotted field path, e.g. `ppi.warn`. */
  field?: string;
  /** The message in Chinese … */
  message: string;
  /** … and in English. */
  messageEn?: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}` : ''}: ` : '';
  const field = d.field ? `${d.field}: ` : '';
  const en = d.messageEn && d.messageEn !== d.message ? ` (${d.messageEn})` : '';
  return `${where}${field}${d.message}${en}`;
}

/**
 * A print-configuration error the user can fix: same contract as the CLI's UserError
 * (message printed without a stack, `exitCode` 1, the diagnostics kept).
 */
export class PrintConfigError extends Error {
  readonly exitCode = 1;
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.length === 1 ? formatDiagnostic(diagnostics[0]) : `${diagnostics.length} problems:\n${diagnostics.map((d) => `  ${formatDiagnostic(d)}`).join('\n')}`);
    this.name = 'UserError';
  }
}
