#!/usr/bin/env node
// Grid checks on a reference-workload PDF (issue 3's acceptance: "0 glyphs outside the text
// area; baselines of all six columns on each page at the same y positions"), from the PDF's
// own text positions read with pdf.js (pdfjs-dist: every text run's origin = its baseline,
// its advance width, its font size).
//   usage: node scripts/bench-baselines.mjs out.pdf input.json   -> one JSON line on stdout
// input.json is the workload file the PDF was made from (its `geometry`: text area, columns,
// gutter, body size, pitch). Checks:
//   - outside: text runs whose glyph boxes (origin .. origin + advance across, baseline
//     − 0.88 em .. + 0.12 em, the workload's top/bottom edges) leave the text area by more
//     than 0.01 pt, except that a run starting with a full-width opening mark may have that
//     mark's empty left half (½ em) past the left edge and one ending with a closing or
//     terminal mark its empty right half past the right edge — the ink stays inside (clreq
//     line-start/-end trim). `outsideAdvanceBox` counts runs out by the bare advance boxes.
//     The largest excursion in pt is reported with the first few samples.
//   - baselines: per page, the body runs (size = body size) are grouped by column (from x)
//     and their distinct baseline y values sorted; every column's k-th baseline must equal
//     the k-th baseline of the page's longest column within 0.01 pt (columns filled from the
//     top, so a short last column is a prefix), and the longest column's baselines must step
//     by whole multiples of the pitch. Reported: pages checked, pages with all columns
//     aligned, largest deviation, columns per page.
// Exit status 0 always (the bench reports; it does not gate); `ok` says whether both hold.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [pdfPath, inputPath] = process.argv.slice(2);
if (!pdfPath || !inputPath) {
  process.stderr.write('usage: node scripts/bench-baselines.mjs out.pdf input.json\n');
  process.exit(2);
}
const G = JSON.parse(fs.readFileSync(inputPath, 'utf8')).geometry;
// pdfjs-dist from zuban's own node_modules, wherever the script is run from.
const require = createRequire(import.meta.url);
const pdfjs = await import(pathToFileURL(path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'legacy/build/pdf.mjs')).href);

const TOL = 0.01;
const OPEN = new Set([...'“‘（《「『【〔〈']);
const CLOSE = new Set([...'，。、；：？！）》」』”’〉】〕']);
const left = G.marginX, top = G.marginY, right = G.marginX + G.textW, bottom = G.marginY + G.textH;
const stride = G.colW + G.gutter;
const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(pdfPath)), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;

let runs = 0, outside = 0, outsideBox = 0, maxOut = 0, pagesAligned = 0, maxDev = 0, maxPitchDev = 0;
const outSamples = [], devSamples = [], colsPerPage = [];
for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p);
  const H = page.view[3] - page.view[1];
  const tc = await page.getTextContent({ disableNormalization: true });
  const cols = new Map();
  for (const it of tc.items) {
    if (!('str' in it) || !it.str.trim()) continue;
    const [a, b, , , e, f] = it.transform;
    const size = Math.hypot(a, b);
    const x0 = e, x1 = e + it.width, base = H - f;   // y measured from the top, as in the geometry
    const y0 = base - 0.88 * size, y1 = base + 0.12 * size;
    runs++;
    const exBox = Math.max(left - x0, x1 - right, top - y0, y1 - bottom);
    if (exBox > TOL) outsideBox++;
    // A full-width opening mark's ink sits in the right half of its em, a closing or
    // terminal mark's in the left half: a line may begin (end) with that empty half past
    // the column edge while the mark itself stays inside (clreq's line-start/-end trim).
    const chars = [...it.str];
    const slackL = OPEN.has(chars[0]) ? size / 2 : 0, slackR = CLOSE.has(chars[chars.length - 1]) ? size / 2 : 0;
    const ex = Math.max(left - slackL - x0, x1 - slackR - right, top - y0, y1 - bottom);
    if (ex > TOL) {
      outside++;
      maxOut = Math.max(maxOut, ex);
      if (outSamples.length < 5) outSamples.push({ page: p, str: it.str.slice(0, 12), x0: +x0.toFixed(2), x1: +x1.toFixed(2), base: +base.toFixed(2), by: +ex.toFixed(2) });
    }
    if (Math.abs(size - G.bodySize) > 0.01) continue;   // headline and any other size: not a body line
    const c = Math.max(0, Math.floor((x0 - left + G.gutter / 2) / stride));
    if (!cols.has(c)) cols.set(c, new Set());
    cols.get(c).add(Math.round(base * 1000) / 1000);
  }
  page.cleanup();
  const lists = [...cols.values()].map((s) => [...s].sort((u, v) => u - v));
  colsPerPage.push(lists.length);
  if (!lists.length) continue;
  // Two runs of one line can differ by a rounding hair; merge baselines closer than TOL.
  const merged = lists.map((l) => l.filter((y, i) => i === 0 || y - l[i - 1] > TOL));
  const ref = merged.reduce((m, l) => (l.length > m.length ? l : m));
  let dev = 0;
  for (const l of merged) l.forEach((y, i) => { dev = Math.max(dev, Math.abs(y - ref[i])); });
  for (let i = 1; i < ref.length; i++) {
    const steps = (ref[i] - ref[i - 1]) / G.pitch;
    maxPitchDev = Math.max(maxPitchDev, Math.abs(steps - Math.round(steps)) * G.pitch);
  }
  maxDev = Math.max(maxDev, dev);
  if (dev <= TOL) pagesAligned++;
  else if (devSamples.length < 5) devSamples.push({ page: p, deviation: +dev.toFixed(3), lines: merged.map((l) => l.length) });
}
await doc.destroy();
const pages = colsPerPage.length;
console.log(JSON.stringify({
  pdf: pdfPath, pages, runs, outside, outsideAdvanceBox: outsideBox, maxOutsidePt: +maxOut.toFixed(3), outsideSamples: outSamples,
  pagesAligned, maxBaselineDevPt: +maxDev.toFixed(3), maxPitchDevPt: +maxPitchDev.toFixed(3),
  columnsPerPage: [...new Set(colsPerPage)], misaligned: devSamples,
  ok: outside === 0 && pagesAligned === pages && maxPitchDev <= TOL,
}));
