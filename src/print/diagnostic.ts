/**
 * Print code reports through the project's one Diagnostic (src/diagnostic.ts); a bad
 * print condition is a UserError (the CLI prints it without a stack and exits 1).
 */
import { formatDiagnostic, UserError, type Diagnostic, type Severity } from '../diagnostic.js';

export { formatDiagnostic, type Diagnostic, type Severity };

/** A print-configuration error the user can fix: a UserError with its diagnostics. */
export class PrintConfigError extends UserError {
  constructor(diagnostics: readonly Diagnostic[]) {
    super(UserError.of(diagnostics).message, 1, diagnostics);
    this.name = 'PrintConfigError';
  }
}
