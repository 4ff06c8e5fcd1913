import fs from 'node:fs';
import type { Workload } from '../../src/model/workload/parseWorkload.js';

/** The reference workload's geometry (../shared/bench/gen/corpus.mjs), in pt. */
const MM = 72 / 25.4;
export const benchGeometry = {
  paperW: 390 * MM, paperH: 540 * MM, textW: 350 * MM, textH: 490 * MM, marginX: 20 * MM, marginY: 25 * MM,
  cols: 6, gutter: 5 * MM, bodySize: 9, pitch: 13.5, indentEm: 2, headSize: 36, headBlock: 54,
};

export const fixtureParagraphs = fs
  .readFileSync(new URL('../fixtures/text/paragraphs.txt', import.meta.url), 'utf8')
  .split(/\n\s*\n/)
  .map((p) => p.trim())
  .filter(Boolean);

/** One page of the fixture paragraphs repeated `times` times. */
export function workload(times: number, headline = '城际列车跑出“一小时通勤圈”'): Workload {
  const paras = Array.from({ length: times }, () => fixtureParagraphs).flat();
  return { geometry: { ...benchGeometry }, pagesData: [{ headline, paras }] };
}
