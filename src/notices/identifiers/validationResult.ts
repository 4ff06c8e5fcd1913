import type { IdentifierKind } from './identifierKind.js';

/** One finding about a value (校验提示). */
export interface ValidationMessage {
  /** Stable machine code, e.g. `id.check`; never changes with the wording. */
  code: string;
  /** The finding in Chinese, the desk's language. */
  message: string;
  /** The same finding in English. */
  messageEn: string;
}

/** The outcome of validating one value as one kind of identifier (spec §0). */
export interface ValidationResult<P = unknown> {
  /** True exactly when `errors` is empty: the number may be printed. */
  ok: boolean;
  /** The kind the value was checked as. */
  kind: IdentifierKind;
  /** The raw input, unchanged, kept for audit. */
  input: string;
  /** The value after §0 normalisation (NFKC, spaces and dashes removed, upper case). */
  normalized: string;
  /** Findings that block publication: wrong length, character set or check character, impossible date. */
  errors: ValidationMessage[];
  /** Findings the desk must confirm: unknown region, age over 110, an unverified rule. */
  warnings: ValidationMessage[];
  /** Notes that never block, e.g. an abolished region code. */
  info: ValidationMessage[];
  /** The fields read from the value; null when its length or characters did not allow reading them. */
  parsed: P | null;
}

/** Options shared by all validators. */
export interface ValidateOptions {
  /** The day to judge birth dates and years against; default: today in China (UTC+8). */
  today?: Date;
  /** Whether the page font has a glyph for a code point; only `name` uses it (§7). Absent: no glyph check. */
  hasGlyph?: (codePoint: number) => boolean;
}

/** The three lists a validator fills while it runs; local to one call. */
export interface Findings {
  errors: ValidationMessage[];
  warnings: ValidationMessage[];
  info: ValidationMessage[];
}

/** A finding with its stable code and both languages. */
export function message(code: string, zh: string, en: string): ValidationMessage {
  return { code, message: zh, messageEn: en };
}

/** Empty finding lists for one validation. */
export function newFindings(): Findings {
  return { errors: [], warnings: [], info: [] };
}

/** Assembles the result; `ok` is derived here and nowhere else, so it always equals "no errors". */
export function toResult<P>(
  kind: IdentifierKind,
  input: string,
  normalized: string,
  findings: Findings,
  // NoInfer: P comes from the caller's declared return type, so `null` does not narrow it.
  parsed: NoInfer<P> | null,
): ValidationResult<P> {
  return {
    ok: findings.errors.length === 0,
    kind,
    input,
    normalized,
    errors: findings.errors,
    warnings: findings.warnings,
    info: findings.info,
    parsed,
  };
}
