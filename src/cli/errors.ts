/**
 * An error the user can fix (bad input file, missing font, invalid field). The CLI prints
 * its message without a stack trace and exits with `exitCode` (1 by default).
 * Messages name the file, the field and the reason.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
