// Single-character substitution: the error model a check character exists for.
import fc from 'fast-check';
import { normalizeIdentifier } from '../../../src/notices/identifiers/normalizeIdentifier.js';

/** `value` with position `i` replaced by `ch`. */
export const substitute = (value: string, i: number, ch: string) => value.slice(0, i) + ch + value.slice(i + 1);

/**
 * Replacement characters beyond the allowed set: other letters (I, O, Z, S, V), lowercase,
 * full-width digits and letters, space and dash (removed by §0, so the length changes), punctuation,
 * Han, emoji. A replacement that §0 normalises back to the original (e.g. `a` for `A`, `３` for `3`)
 * is no substitution at all and the value is rightly accepted; callers skip those.
 */
export const anyReplacement = fc.oneof(
  fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'),
  fc.constantFrom('０', '９', 'Ｘ', 'ｘ', ' ', '-', '—', '.', '/', '*', '中', '😀', '\u0000'),
);

/** Whether replacing `original` by `ch` is still the same character after §0 normalisation. */
export const sameAfterNormalising = (original: string, ch: string) => normalizeIdentifier(ch).normalized === original;
