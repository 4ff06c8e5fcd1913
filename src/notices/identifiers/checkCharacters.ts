// 校验码 — the check-character algorithms of spec §1, §3 and §4, as pure functions over
// already-validated ASCII strings (callers check the character set first). Each returns the
// expected check character; the validators compare it with the one printed.

/** ISO 7064 MOD 11-2 weights for positions 1–17: 2^(18−i) mod 11 (spec §1). */
const MOD11_2_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const MOD11_2_CHARS = '10X98765432';

/**
 * The MOD 11-2 check character of the 17 digits `s[start … start+16]` (resident ID, §1; also
 * the 港澳台 residence permit and the new permanent residence ID, §4).
 * Every weight is non-zero mod 11 and 11 is prime, so any single-digit substitution changes
 * the sum mod 11 and is caught.
 */
export function residentIdCheckChar(s: string, start = 0): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (s.charCodeAt(start + i) - 0x30) * MOD11_2_WEIGHTS[i];
  return MOD11_2_CHARS[sum % 11];
}

/** The 31 USCC characters in value order 0–30: no I, O, Z, S, V (spec §3). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** ASCII code → USCC value, −1 outside the set; built once. */
const USCC_VALUES = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let v = 0; v < USCC_CHARSET.length; v++) table[USCC_CHARSET.charCodeAt(v)] = v;
  return table;
})();

/** The USCC value 0–30 of an ASCII code, or −1. */
export function usccValue(code: number): number {
  return code < 128 ? USCC_VALUES[code] : -1;
}

/** USCC weights 3^(i−1) mod 31 for positions 1–17 (spec §3). */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * The USCC check character (GB 32100, MOD 31-3) of the first 17 characters of `s`.
 * The final `% 31` turns a result of 31 into `0` (missing it is wellenzhong/cn-validator #2).
 * 31 is prime and every weight is non-zero mod 31, so any substitution by another character
 * of the 31-set (values differ by 1–30) is caught.
 */
export function usccCheckChar(s: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += usccValue(s.charCodeAt(i)) * USCC_WEIGHTS[i];
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** Organisation-code weights for the 8 body characters (GB 11714, spec §3). */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Organisation-code value of an ASCII digit or capital: 0–9, A = 10 … Z = 35. */
export function orgCodeValue(code: number): number {
  return code <= 0x39 ? code - 0x30 : code - 0x37;
}

/**
 * The organisation-code check character of the 8 body characters `s[start … start+7]`:
 * C9 = 11 − (Σ mod 11), 10 → `X`, 11 → `0`.
 * Not every substitution is caught: values run 0–35 but the sum is taken mod 11, so a body
 * character replaced by one whose value differs by 11, 22 or 33 (e.g. 1 ↔ C ↔ N ↔ Y, A ↔ L ↔ W)
 * leaves the check unchanged. Digit-for-digit substitutions (differences 1–9) are all caught.
 */
export function orgCodeCheckChar(s: string, start = 0): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCodeValue(s.charCodeAt(start + i)) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * The check digit of a 15-digit 工商注册号 (GS 15-2006, ISO 7064 MOD 11,10) over the first 14
 * digits: P = 10; for each digit S = (P + d) mod 10 (0 → 10), P = 2S mod 11; the check c makes
 * (P + c) mod 10 = 1. The hybrid system catches every single-digit substitution.
 */
export function gs15CheckDigit(s: string): string {
  let p = 10;
  for (let i = 0; i < 14; i++) {
    const sum = (p + (s.charCodeAt(i) - 0x30)) % 10 || 10;
    p = (2 * sum) % 11;
  }
  return String((11 - p) % 10);
}

/**
 * The 7-3-1 check digit (as in ICAO 9303 MRZs) of `s[0 … length−1]`, digits 0–9 and A = 10 …
 * Z = 35, weights 7, 3, 1 repeating, sum mod 10. Used for the old permanent residence ID,
 * whose check rule is **[unverified]** (spec §4), so its result only ever warns.
 */
export function checkDigit731(s: string, length: number): string {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < length; i++) sum += orgCodeValue(s.charCodeAt(i)) * weights[i % 3];
  return String(sum % 10);
}
