/**
 * 号 — the Chinese type-size names, in pt. Two conventions are in use (spec §6), and a
 * template picks one with its `hao` field:
 *
 * - `traditional`: the metal-type sizes as clreq lists them. Where sources give two values
 *   (一号 27.5/28, 二号 21/22, 三号 15.75/16, 四号 13.75/14, 六号 7.875/8) the first, finer
 *   one is used. It has no 小三, 小六 or 八号.
 * - `office`: Word / WPS / CTeX, which round several sizes and add 小三, 小六 and 八号.
 */
export const HAO_CONVENTIONS = {
  traditional: {
    初号: 42,
    小初: 36,
    一号: 27.5,
    小一: 24,
    二号: 21,
    小二: 18,
    三号: 15.75,
    四号: 13.75,
    小四: 12,
    五号: 10.5,
    小五: 9,
    六号: 7.875,
    七号: 5.25,
  },
  office: {
    初号: 42,
    小初: 36,
    一号: 26,
    小一: 24,
    二号: 22,
    小二: 18,
    三号: 16,
    小三: 15,
    四号: 14,
    小四: 12,
    五号: 10.5,
    小五: 9,
    六号: 7.5,
    小六: 6.5,
    七号: 5.5,
    八号: 5,
  },
} as const satisfies Record<string, Record<string, number>>;

/** Name of a 号 convention: `traditional` (clreq) or `office` (Word/WPS/CTeX). */
export type HaoConvention = keyof typeof HAO_CONVENTIONS;

export const HAO_CONVENTION_NAMES = Object.keys(HAO_CONVENTIONS) as [HaoConvention, ...HaoConvention[]];

/**
 * A type size as written in a template: a 号 name (`小五`, `一号` …) looked up in the
 * template's convention, or a number in pt.
 */
export type SizeSpec = string | number;

/** The size in pt of `size` under `convention`, or undefined for a 号 name it lacks. */
export function haoToPt(convention: HaoConvention, size: SizeSpec): number | undefined {
  if (typeof size === 'number') return size;
  const table: Readonly<Record<string, number>> = HAO_CONVENTIONS[convention];
  return Object.hasOwn(table, size) ? table[size] : undefined;
}
