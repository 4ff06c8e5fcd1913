import { codePointLength } from './characterChecks.js';
import { message, newFindings, type Findings, type ValidationMessage } from './validationResult.js';

/** An identifier after the common rules of spec §0. */
export interface NormalizedIdentifier {
  /** NFKC, spaces and hyphens/dashes removed, ASCII letters upper-cased. */
  normalized: string;
  /** Warnings raised by normalising (a lowercase `x`). */
  warnings: ValidationMessage[];
}

const NO_WARNINGS: ValidationMessage[] = [];

/**
 * 号码规范化 — spec §0: NFKC first (full-width `０-９ Ｘ （）` become ASCII), then strip spaces and
 * hyphens/dashes, then upper-case letters; a lowercase `x` gets a warning because on an ID card
 * it is always a capital, so a lowercase one means the number was retyped.
 * Anything else (control characters, emoji, lone surrogates) is kept, so that the
 * character-set check reports it instead of it silently vanishing.
 */
export function normalizeIdentifier(raw: string): NormalizedIdentifier {
  // Fast path: the common case is already plain 0-9 A-Z, which NFKC leaves alone.
  if (isPlainAsciiAlnum(raw)) return { normalized: raw, warnings: NO_WARNINGS };
  const nfkc = raw.normalize('NFKC');
  let out = '';
  let lowercaseX = false;
  for (let i = 0; i < nfkc.length; i++) {
    const code = nfkc.charCodeAt(i);
    if (isSpace(code) || isDash(code)) continue;
    if (code >= 0x61 && code <= 0x7a) {
      if (code === 0x78) lowercaseX = true;
      out += String.fromCharCode(code - 0x20);
    } else {
      // Surrogate halves are copied one unit at a time, so pairs stay pairs and lone ones stay lone.
      out += nfkc[i];
    }
  }
  const warnings = lowercaseX
    ? [message('normalize.lowercase-x', '小写字母 x 已改为大写 X，请核对', 'lowercase x changed to capital X; please check')]
    : NO_WARNINGS;
  return { normalized: out, warnings };
}

function isPlainAsciiAlnum(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a))) return false;
  }
  return true;
}

/** Space separators (Unicode Zs); NFKC has already folded most of them to U+0020. */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Hyphens and dashes a clerk may type between groups: - ‐ ‑ ‒ – — ― − ﹘ ﹣ － ⸺ ⸻. */
function isDash(code: number): boolean {
  return (
    code === 0x2d ||
    (code >= 0x2010 && code <= 0x2015) ||
    code === 0x2212 ||
    code === 0xfe58 ||
    code === 0xfe63 ||
    code === 0xff0d ||
    code === 0x2e3a ||
    code === 0x2e3b
  );
}

/** A value ready for checking: normalised, its normalisation warnings recorded, its length in code points. */
export interface PreparedIdentifier {
  /** The normalised value. */
  s: string;
  /** The finding lists, holding the normalisation warnings. */
  findings: Findings;
  /** Code points in `s`. */
  length: number;
}

/** Normalises `raw` and opens its finding lists; shared opening of the §4 validators. */
export function prepareIdentifier(raw: string): PreparedIdentifier {
  const { normalized, warnings } = normalizeIdentifier(raw);
  const findings = newFindings();
  if (warnings.length > 0) findings.warnings.push(...warnings);
  return { s: normalized, findings, length: codePointLength(normalized) };
}
