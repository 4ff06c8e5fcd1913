import type { SetLine } from '../text/setLines.js';

/** Characters set on a line, spaces excluded: the 字 count copyfit reports in. */
export function countChars(line: SetLine): number {
  let n = 0;
  for (const r of line.runs) for (const ch of r.text) if (ch !== ' ') n++;
  return n;
}
