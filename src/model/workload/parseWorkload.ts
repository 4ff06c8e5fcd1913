/**
 * The reference workload's input.json (../shared/bench/gen/make-inputs.mjs): pages of one
 * headline and its paragraphs, and the page geometry in pt.
 *
 * Checked by hand rather than with zod, unlike every other input: `zuban typeset` is timed
 * whole-process against Typst, and importing zod costs ~130 ms of a ~500 ms run. The
 * format is small and fixed by the benchmark, so the checks below are its documentation.
 * Unknown geometry fields are errors, not ignored: a typo would silently set another page.
 */

/** Page geometry, all lengths in pt. */
export interface Geometry {
  paperW: number;
  paperH: number;
  /** Text area (版心) width and height. */
  textW: number;
  textH: number;
  marginX: number;
  marginY: number;
  cols: number;
  gutter: number;
  bodySize: number;
  /** Line pitch, baseline to baseline. */
  pitch: number;
  /** First-line indent in em. */
  indentEm: number;
  headSize: number;
  /** Height of the headline box above the columns. */
  headBlock: number;
  /** Derived values the generator also writes; recomputed when absent. */
  colW?: number;
  colH?: number;
  linesPerCol?: number;
  linesPerPage?: number;
}

export interface Workload {
  geometry: Geometry;
  pagesData: { headline: string; paras: string[] }[];
}

const REQUIRED = ['paperW', 'paperH', 'textW', 'textH', 'marginX', 'marginY', 'cols', 'gutter', 'bodySize', 'pitch', 'indentEm', 'headSize', 'headBlock'] as const;
const OPTIONAL = ['colW', 'colH', 'linesPerCol', 'linesPerPage'] as const;
const INTEGER = new Set(['cols', 'linesPerCol', 'linesPerPage']);
const MAY_BE_ZERO = new Set(['marginX', 'marginY', 'gutter', 'indentEm', 'headBlock']);

/** Returns the workload, or the list of problems as `field.path: reason` lines. */
export function parseWorkload(raw: unknown): { workload: Workload } | { problems: string[] } {
  const problems: string[] = [];
  if (!isObject(raw)) return { problems: ['(top level): expected an object { geometry, pagesData }'] };
  const g = raw.geometry;
  if (!isObject(g)) problems.push('geometry: missing or not an object');
  else {
    for (const key of Object.keys(g)) {
      if (!(REQUIRED as readonly string[]).includes(key) && !(OPTIONAL as readonly string[]).includes(key)) {
        problems.push(`geometry.${key}: unknown geometry field (known: ${[...REQUIRED, ...OPTIONAL].join(', ')})`);
      }
    }
    for (const key of [...REQUIRED, ...OPTIONAL]) {
      const v = g[key];
      if (v === undefined) {
        if ((REQUIRED as readonly string[]).includes(key)) problems.push(`geometry.${key}: missing`);
        continue;
      }
      if (typeof v !== 'number' || !Number.isFinite(v)) problems.push(`geometry.${key}: expected a number, got ${JSON.stringify(v)}`);
      else if (v < 0 || (v === 0 && !MAY_BE_ZERO.has(key))) problems.push(`geometry.${key}: must be ${MAY_BE_ZERO.has(key) ? '≥ 0' : '> 0'}, got ${v}`);
      else if (INTEGER.has(key) && !Number.isInteger(v)) problems.push(`geometry.${key}: must be a whole number, got ${v}`);
    }
  }
  const pages = raw.pagesData;
  if (!Array.isArray(pages) || pages.length === 0) problems.push('pagesData: expected a non-empty array of { headline, paras }');
  else {
    pages.forEach((p, i) => {
      if (!isObject(p)) return problems.push(`pagesData.${i}: expected an object { headline, paras }`);
      if (typeof p.headline !== 'string') problems.push(`pagesData.${i}.headline: expected a string`);
      if (!Array.isArray(p.paras)) problems.push(`pagesData.${i}.paras: expected an array of strings`);
      else p.paras.forEach((t, j) => typeof t !== 'string' && problems.push(`pagesData.${i}.paras.${j}: expected a string`));
    });
  }
  return problems.length ? { problems } : { workload: raw as unknown as Workload };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
