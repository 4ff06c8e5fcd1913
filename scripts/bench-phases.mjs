#!/usr/bin/env node
// Where `zuban typeset`'s time goes, phase by phase, in one process, without a profiler's
// overhead: module loading (each heavy package timed as it is first imported), font open,
// composition (itemize → break → set → fill, per page), rendering (content streams, subsets, deflate, the file).
// Needs `npm run build`. Reads the workload that scripts/bench.mjs generated.
//   usage: node scripts/bench-phases.mjs [PAGES=32] [REPEAT=3]
// Prints one JSON line: ms per phase for the first pass (cold: what a whole-process run
// pays) and the median of REPEAT further passes in the same process (warm: JIT and font
// caches hot), plus the marginal ms per page of compose and render.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const t0 = performance.now();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pages = process.argv[2] ?? '32';
const repeat = Number(process.argv[3] ?? 3);
const input = path.join(root, 'bench-out/anchors/out/inputs', pages, 'input.json');
if (!fs.existsSync(input)) {
  process.stderr.write(`bench-phases: ${input} missing; run npm run bench first\n`);
  process.exit(2);
}
const imp = async (rel) => import(pathToFileURL(path.join(root, 'dist', rel)).href);
const mods = {};
let lap = performance.now();
const tick = () => {
  const n = performance.now();
  const d = n - lap;
  lap = n;
  return +d.toFixed(1);
};
// Packages first, roughly in the order zuban's typeset path reaches them, so that each
// figure is that package's own load and evaluation (through `import`: where dist/ loads a
// package's CommonJS build instead, its figure differs a little).
for (const m of ['commander', 'restructure', 'brotli/decompress.js', 'unicode-properties', 'fontkit']) {
  try {
    await import(m);
    mods[m] = tick();
  } catch {
    mods[m] = null;
  }
}
const { readWorkload } = await imp('cli/typesetWorkload.js');
const { FontBook } = await imp('fonts/fontBook.js');
const { composeWorkload } = await imp('layout/composeWorkload.js');
const { renderPdf } = await imp('render/pdf/renderPdf.js');
mods['dist (zuban modules)'] = tick();

const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];
const pass = async (fonts) => {
  const r = {};
  lap = performance.now();
  const w = readWorkload(input);
  r.read = tick();
  if (!fonts) {
    fonts = FontBook.load(root);
    fonts.face('song');
    fonts.face('hei');
    r.fontOpen = tick();
  }
  const c = composeWorkload(w, fonts);
  r.compose = tick();
  const pdf = await renderPdf(c.frame, { faceFor: (k) => fonts.face(k) });
  r.render = tick();
  r.bytes = pdf.length;
  return { r, fonts };
};
const cold = await pass();
const warmRuns = [];
for (let i = 0; i < repeat; i++) warmRuns.push((await pass(cold.fonts)).r);
const warm = {};
for (const k of ['read', 'compose', 'render']) warm[k] = median(warmRuns.map((x) => x[k]));
const n = Number(pages);
console.log(JSON.stringify({
  pages: n,
  startupToMainMs: +(t0 - 0).toFixed(1) /* time origin to this script's first line: node's own start */,
  importMs: mods,
  cold: cold.r,
  warm,
  warmPerPageMs: { compose: +(warm.compose / n).toFixed(2), render: +(warm.render / n).toFixed(2) },
  heapMiB: +(process.memoryUsage().rss / 2 ** 20).toFixed(0),
}));
