import { message, type Findings } from './validationResult.js';

// Helpers that walk a normalised value by code point (spec §0: never by `.length`), without
// allocating on the valid path.

/** Number of code points in `s` (a lone surrogate counts as one). */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** The first code point that `allowed` rejects, with its 0-based code-point position. */
export interface BadCharacter {
  /** 0-based position in code points. */
  position: number;
  /** The code point. */
  codePoint: number;
}

/** Finds the first code point of `s` that `allowed(codePoint, position)` rejects, or null. */
export function findBadCharacter(s: string, allowed: (codePoint: number, position: number) => boolean): BadCharacter | null {
  let position = 0;
  for (let i = 0; i < s.length; i++) {
    const codePoint = s.codePointAt(i) as number;
    if (codePoint > 0xffff) i++;
    if (!allowed(codePoint, position)) return { position, codePoint };
    position++;
  }
  return null;
}

// Compiled once: code points that would be invisible or unprintable in a message.
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Z}\p{M}]$/u;

/** A code point as the desk should read it in a message: “O”, or U+200B when invisible. */
export function describeCodePoint(codePoint: number): string {
  const hex = 'U+' + codePoint.toString(16).toUpperCase().padStart(4, '0');
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return hex;
  const ch = String.fromCodePoint(codePoint);
  return INVISIBLE.test(ch) ? hex : `“${ch}”`;
}

/** Pushes the standard error for a character outside the allowed set; `expected` describes the set. */
export function reportBadCharacter(findings: Findings, bad: BadCharacter, expectedZh: string, expectedEn: string): void {
  const shown = describeCodePoint(bad.codePoint);
  findings.errors.push(
    message(
      'input.charset',
      `第${bad.position + 1}位${shown}不是有效字符（应为${expectedZh}）`,
      `character ${bad.position + 1} ${shown} is not allowed (expected ${expectedEn})`,
    ),
  );
}

/** Pushes the standard error for an empty value. */
export function reportEmpty(findings: Findings): void {
  findings.errors.push(message('input.empty', '号码为空', 'the number is empty'));
}

/** Pushes the standard error for a wrong length; `expected` like "18位或15位" / "18 or 15". */
export function reportLength(findings: Findings, actual: number, expectedZh: string, expectedEn: string): void {
  findings.errors.push(
    message('input.length', `长度应为${expectedZh}，实为${actual}位`, `length should be ${expectedEn} characters, got ${actual}`),
  );
}

/** ASCII digit test on a code point. */
export function isDigit(codePoint: number): boolean {
  return codePoint >= 0x30 && codePoint <= 0x39;
}

/** ASCII capital letter test on a code point. */
export function isUpperLetter(codePoint: number): boolean {
  return codePoint >= 0x41 && codePoint <= 0x5a;
}

/** Digits or capitals: what §0 normalisation leaves of a well-typed number. */
export function isDigitOrUpper(codePoint: number): boolean {
  return isDigit(codePoint) || isUpperLetter(codePoint);
}

/** The value of `length` digits of `s` from `start` (ASCII digits already checked). */
export function digitsValue(s: string, start: number, length: number): number {
  let v = 0;
  for (let i = start; i < start + length; i++) v = v * 10 + (s.charCodeAt(i) - 0x30);
  return v;
}
