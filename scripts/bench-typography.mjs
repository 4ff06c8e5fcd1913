#!/usr/bin/env node
// Typography measured glyph by glyph on a reference-workload PDF (issue 11, item 10), from
// the PDF's own glyph positions read with pdf.js (pdfjs-dist's operator list: every shown
// glyph's origin and advance after the text and graphics matrices, TJ offsets included),
// so any engine's PDF is measured the same way.
//   usage: node scripts/bench-typography.mjs out.pdf input.json   -> one JSON line on stdout
//          node scripts/bench-typography.mjs --table a.json b.json … -> the markdown table
// Lines are the glyphs of one size on one baseline in one column; a paragraph starts with an
// indented line (first glyph > 1 em in from the column's left edge). Measures:
//   - hanLatin: gaps between an ideograph and a Latin letter or digit (either order; a word
//     space between them counts as part of the gap), in em: p95, max, lines with one > 0.30 em
//     (clreq §3.2.1 asks about a quarter em).
//   - dashes: pairs of adjacent dash glyphs (— ―) whose inks touch (origins no further apart
//     than the glyph's ink length, + 0.02 em; see dashInk) or one glyph standing for "——"
//     (a two-em dash ligature).
//   - orphanChar (孤字): paragraphs whose last line holds one character besides punctuation.
//   - widows: a paragraph's last line alone at a column top; orphans: a first line alone at
//     a column foot (paragraphs of two or more lines).
//   - loose: lines other than a paragraph's last whose widest gap between two ideographs
//     is ≥ 0.10 em (very loose: ≥ 0.25 em).
//   - punctuation: the widths (next glyph's origin − this one's, em, to 0.01) a mid-line ，、。
//     takes, how many distinct; line-end marks of justified lines: full / half / partial.
//   - heads: headline (size = headSize) ink centre against the text area's centre, pt; an
//     opening mark's ink is taken as its right half, a closing mark's as its left half.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
if (args[0] === '--table') {
  process.stdout.write(table(args.slice(1).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')))));
  process.exit(0);
}
const [pdfPath, inputPath] = args;
if (!pdfPath || !inputPath) {
  process.stderr.write('usage: node scripts/bench-typography.mjs out.pdf input.json\n');
  process.exit(2);
}
const G = JSON.parse(fs.readFileSync(inputPath, 'utf8')).geometry;
const require = createRequire(import.meta.url);
const pdfjs = await import(pathToFileURL(path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'legacy/build/pdf.mjs')).href);
const { OPS } = pdfjs;

const isHan = (c) => /\p{Script=Han}/u.test(c);
const isLD = (c) => /^[A-Za-z0-9]$/.test(c);
const PUNCT = new Set([...'，。、；：？！）》」』”’〉】〕“‘（《「『【〔〈·…—―,.;:?!()']);
const OPEN = new Set([...'“‘（《「『【〔〈']);
const CLOSE = new Set([...'，。、；：？！）》」』”’〉】〕']);
const DASH = new Set(['—', '―']);
const colStride = G.colW + G.gutter;

/** Every glyph of a page: { ch, x, w, y (baseline from the top), size }. */
async function pageGlyphs(page) {
  const H = page.view[3] - page.view[1];
  const ol = await page.getOperatorList();
  const out = [];
  const mul = (m, n) => [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]];
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack = [];
  let tm = [1, 0, 0, 1, 0, 0], tlm = tm, size = 0, tc = 0, tw = 0, th = 1, lead = 0;
  for (let i = 0; i < ol.fnArray.length; i++) {
    const fn = ol.fnArray[i], a = ol.argsArray[i];
    switch (fn) {
      case OPS.save: stack.push(ctm); break;
      case OPS.restore: ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0]; break;
      case OPS.transform: ctm = mul(ctm, a); break;
      case OPS.beginText: tm = tlm = [1, 0, 0, 1, 0, 0]; break;
      case OPS.setFont: size = a[1]; break;
      case OPS.setCharSpacing: tc = a[0]; break;
      case OPS.setWordSpacing: tw = a[0]; break;
      case OPS.setHScale: th = a[0] / 100; break;
      case OPS.setLeading: lead = a[0]; break;
      case OPS.setTextMatrix: tm = tlm = Array.from({ length: 6 }, (_, k) => a[0]?.[k] ?? a[k]); break;
      case OPS.moveText: tm = tlm = mul(tlm, [1, 0, 0, 1, a[0], a[1]]); break;
      case OPS.setLeadingMoveText: lead = -a[1]; tm = tlm = mul(tlm, [1, 0, 0, 1, a[0], a[1]]); break;
      case OPS.nextLine: tm = tlm = mul(tlm, [1, 0, 0, 1, 0, -lead]); break;
      case OPS.showText: case OPS.showSpacedText: {
        for (const g of a[0]) {
          if (typeof g === 'number') { tm = mul(tm, [1, 0, 0, 1, (-g / 1000) * size * th, 0]); continue; }
          const m = mul(ctm, tm);
          const scale = Math.hypot(m[0], m[1]);
          const adv = ((g.width / 1000) * size + tc + (g.unicode === ' ' ? tw : 0)) * th;
          out.push({ ch: g.unicode, x: m[4], w: (g.width / 1000) * size * scale, y: H - m[5], size: size * Math.hypot(m[2], m[3]) });
          tm = mul(tm, [1, 0, 0, 1, adv, 0]);
        }
        break;
      }
      default:
    }
  }
  return out;
}

/** Lines of one page: glyphs of one size grouped by column and baseline, sorted by x. */
function pageLines(glyphs) {
  const byKey = new Map();
  for (const g of glyphs) {
    if (!g.ch || !g.ch.trim() && g.ch !== ' ') continue;
    const body = Math.abs(g.size - G.bodySize) < 0.01;
    const col = body ? Math.max(0, Math.floor((g.x - G.marginX + G.gutter / 2) / colStride)) : -1;
    const key = `${col}:${Math.round(g.y * 100)}:${Math.round(g.size * 100)}`;
    if (!byKey.has(key)) byKey.set(key, { col, y: g.y, size: g.size, glyphs: [] });
    byKey.get(key).glyphs.push(g);
  }
  const lines = [...byKey.values()];
  for (const l of lines) l.glyphs.sort((p, q) => p.x - q.x);
  lines.sort((p, q) => p.col - q.col || p.y - q.y);
  return lines;
}

/**
 * Ink length of a dash glyph, em: Noto CJK's U+2014 (0.89 em advance) is 0.803 em of ink, its
 * full-width U+2015 0.858 em. A PDF that writes each glyph's set advance as its width (zuban's
 * does) shows neither; the longer ink is assumed then.
 */
const dashInk = (g) => (Math.abs(g.w / g.size - 0.89) < 0.01 ? 0.803 : 0.858);

function measure(pages) {
  const r = {
    lines: 0, hanLatinGaps: [], hanLatinLinesOver: 0, dashPairs: 0, dashUnbroken: 0, paragraphs: 0, orphanChar: 0,
    widows: 0, orphans: 0, loose: 0, veryLoose: 0, midWidths: new Map(), endFull: 0, endHalf: 0, endPartial: 0,
    heads: 0, headsCentred: 0, headMaxErr: 0, samples: { loose: [], orphanChar: [], hanLatin: [], widows: [] },
  };
  for (const [p, lines] of pages.entries()) {
    const body = lines.filter((l) => l.col >= 0);
    // Headlines: everything not at the body size
    const heads = lines.filter((l) => l.col < 0 && Math.abs(l.size - G.headSize) < 0.01);
    for (const h of heads) {
      const gs = h.glyphs.filter((g) => g.ch.trim());
      if (!gs.length) continue;
      const f = gs[0], l = gs[gs.length - 1];
      const inkL = f.x + (OPEN.has(f.ch) ? f.w / 2 : 0);
      const inkR = l.x + l.w - (CLOSE.has(l.ch) ? l.w / 2 : 0);
      const err = Math.abs((inkL + inkR) / 2 - (G.marginX + G.textW / 2));
      r.heads++;
      if (err <= 0.5) r.headsCentred++;
      r.headMaxErr = Math.max(r.headMaxErr, err);
    }
    const colLeft = (c) => G.marginX + c * colStride;
    const first = body.map((l) => l.glyphs[0].x - colLeft(l.col) > 1.0 * G.bodySize);
    for (let i = 0; i < body.length; i++) {
      const l = body[i], em = l.size;
      const isLast = i + 1 === body.length || first[i + 1];
      const colTop = i === 0 || body[i - 1].col !== l.col;
      const colFoot = i + 1 === body.length || body[i + 1].col !== l.col;
      r.lines++;
      if (first[i]) r.paragraphs++;
      const gs = l.glyphs.filter((g) => g.ch !== ' ');
      const text = gs.map((g) => g.ch).join('');
      // Han–Latin gaps
      let over = false;
      for (let k = 1; k < gs.length; k++) {
        const a = gs[k - 1], b = gs[k];
        if ((isHan(a.ch) && isLD(b.ch)) || (isLD(a.ch) && isHan(b.ch))) {
          const gap = (b.x - (a.x + a.w)) / em;
          r.hanLatinGaps.push(gap);
          if (gap > 0.3 + 1e-3) {
            over = true;
            if (r.samples.hanLatin.length < 5) r.samples.hanLatin.push({ page: p + 1, text, gap: +gap.toFixed(3) });
          }
        }
        if (DASH.has(a.ch) && DASH.has(b.ch)) {
          r.dashPairs++;
          // two glyphs of one dash: the inks touch when the origins are at most one ink apart
          if ((b.x - a.x) / em <= dashInk(a) + 0.02) r.dashUnbroken++;
          k++; // a pair is two glyphs; ———— counts as two pairs
        }
      }
      for (const g of gs) if (g.ch === '——' || g.ch === '⸺') { r.dashPairs++; r.dashUnbroken++; }
      if (over) r.hanLatinLinesOver++;
      // 孤字, widows, orphans
      if (isLast && gs.filter((g) => !PUNCT.has(g.ch)).length <= 1) {
        r.orphanChar++;
        if (r.samples.orphanChar.length < 5) r.samples.orphanChar.push({ page: p + 1, text });
      }
      if (isLast && !first[i] && colTop && l.col > 0) {
        r.widows++;
        if (r.samples.widows.length < 5) r.samples.widows.push({ page: p + 1, col: l.col, text });
      }
      if (first[i] && !isLast && colFoot) r.orphans++;
      if (isLast) continue;
      // loose lines: the widest gap between two ideographs
      let widest = 0;
      for (let k = 1; k < gs.length; k++) {
        const a = gs[k - 1], b = gs[k];
        if (isHan(a.ch) && isHan(b.ch)) widest = Math.max(widest, (b.x - (a.x + a.w)) / em);
      }
      if (widest >= 0.1 - 1e-3) {
        r.loose++;
        if (r.samples.loose.length < 5) r.samples.loose.push({ page: p + 1, text, gap: +widest.toFixed(3) });
      }
      if (widest >= 0.25 - 1e-3) { r.veryLoose++; if (process.env.SHOW_LOOSE) console.error(p + 1, l.col, text, widest.toFixed(2)); }
      // punctuation widths
      for (let k = 0; k + 1 < gs.length; k++) {
        if ('，、。'.includes(gs[k].ch)) {
          const w = Math.round(((gs[k + 1].x - gs[k].x) / em) * 100) / 100;
          r.midWidths.set(w, (r.midWidths.get(w) ?? 0) + 1);
        }
      }
      const e = gs[gs.length - 1];
      if (CLOSE.has(e.ch)) {
        const taken = (colLeft(l.col) + G.colW - e.x) / em;
        if (taken >= 0.9) r.endFull++;
        else if (taken <= 0.6) r.endHalf++;
        else r.endPartial++;
      }
    }
  }
  const gaps = [...r.hanLatinGaps].sort((a, b) => a - b);
  const q = (f) => (gaps.length ? gaps[Math.min(gaps.length - 1, Math.floor(f * gaps.length))] : 0);
  const ends = r.endFull + r.endHalf + r.endPartial || 1;
  return {
    pages: pages.length, lines: r.lines, paragraphs: r.paragraphs,
    hanLatin: { gaps: gaps.length, p50: +q(0.5).toFixed(3), p95: +q(0.95).toFixed(3), max: +(gaps.at(-1) ?? 0).toFixed(3), linesOver030: r.hanLatinLinesOver },
    dashes: { pairs: r.dashPairs, unbroken: r.dashUnbroken },
    orphanChar: r.orphanChar, orphanCharPct: +((100 * r.orphanChar) / (r.paragraphs || 1)).toFixed(1),
    widows: r.widows, orphans: r.orphans, loose: r.loose, veryLoose: r.veryLoose,
    midPunctWidths: r.midWidths.size, midPunctHistogram: Object.fromEntries([...r.midWidths].sort((a, b) => b[1] - a[1]).slice(0, 8)),
    lineEnd: { full: r.endFull, half: r.endHalf, partial: r.endPartial, fullPct: Math.round((100 * r.endFull) / ends), halfPct: Math.round((100 * r.endHalf) / ends), partialPct: Math.round((100 * r.endPartial) / ends) },
    heads: { n: r.heads, centred: r.headsCentred, maxErrPt: +r.headMaxErr.toFixed(2) },
    samples: r.samples,
  };
}

function table(rows) {
  const h = ['measure', ...rows.map((x) => x.engine ?? path.basename(x.pdf ?? '?'))];
  const line = (label, f) => `| ${label} | ${rows.map(f).join(' | ')} |`;
  return [
    `| ${h.join(' | ')} |`, `|${h.map(() => '---').join('|')}|`,
    line('lines (body)', (x) => x.lines),
    line('Han–Latin/digit gap p95 / max (em)', (x) => `${x.hanLatin.p95} / ${x.hanLatin.max}`),
    line('lines with a Han–Latin gap > 0.30 em', (x) => x.hanLatin.linesOver030),
    line('—— unbroken', (x) => `${x.dashes.unbroken} of ${x.dashes.pairs}`),
    line('孤字 (last line of one character)', (x) => `${x.orphanChar} (${x.orphanCharPct} %)`),
    line('widows (last line alone at a column top)', (x) => x.widows),
    line('orphans (first line alone at a column foot)', (x) => x.orphans),
    line('loose lines (Han gap ≥ 0.10 em) / very loose (≥ 0.25)', (x) => `${x.loose} / ${x.veryLoose}`),
    line('widths a mid-line ，、。 takes', (x) => x.midPunctWidths),
    line('line-end marks full / half / partial', (x) => `${x.lineEnd.fullPct} / ${x.lineEnd.halfPct} / ${x.lineEnd.partialPct} %`),
    line('heads centred by ink within 0.5 pt (max error)', (x) => `${x.heads.centred} of ${x.heads.n} (${x.heads.maxErrPt} pt)`),
  ].join('\n') + '\n';
}

const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(pdfPath)), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
const pages = [];
for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p);
  pages.push(pageLines(await pageGlyphs(page)));
  page.cleanup();
}
await doc.destroy();
console.log(JSON.stringify({ pdf: pdfPath, ...measure(pages) }));
