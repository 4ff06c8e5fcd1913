#!/usr/bin/env node
// Times a 16-page broadsheet edition with photos, built whole-process by
// `node dist/bundle/zuban.js build <edition.yaml> --out <dir>` (issue 5's acceptance: under 10 s
// on 2 cores, target under 5 s). Called by scripts/bench.mjs; runs on its own too.
//
// The edition is made in bench-out/edition16/ (never in content/) from the sample edition:
// its 4 pages are repeated ×4 as A01–A16 (page k of repeat r becomes A(4r + k)), each
// article with `id` suffixed `-r2`…`-r4`, `page:` and `continue: { page: }` moved to the
// copy's page, and photo paths pointed at a per-repeat copy of content/photos
// (photos-r2/, …). The photo cache (.zuban-cache/photos beside out/) is keyed by the
// photo's content and the crop, so repeats of one photo in the same box share a crop. Page 1 keeps the 报头; A05, A09 and A13 get
// the 报眉 of an inside page, with the front page's articles below it (zuban warns that the
// 13 lines the 报头 would take stay empty there). A notices page of the sample, if any, is
// not copied: the 16 pages are all article pages.
//
// Timing: RUNS (default 3) rounds of: a build from a cold cache (out/ and .zuban-cache removed first),
// a build with a warm one (.zuban-cache kept, out/ replaced), and a warm build
// with --no-preview (no PNGs: what the PDFs alone cost). Medians of wall time, with peak
// RSS from tools/measure.py when bench-out/anchors has it (bench.mjs copies it there first).
// Prints one line: `16-page edition (N articles, M photos): … s cold …, … s warm …; --no-preview …`.
// Env: RUNS=3, PREVIEW=0 (time only --no-preview builds), EDITION_JSON=path (figures as JSON).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const content = path.join(root, 'content');
const work = path.join(root, 'bench-out', 'edition16');
const outDir = path.join(work, 'out');
const REPEATS = 4;
const RUNS = Number(process.env.RUNS ?? 3);
const preview = process.env.PREVIEW !== '0';
const measurePy = path.join(root, 'bench-out', 'anchors', 'tools', 'measure.py');

// Run on its own as root, the builds get bench.mjs's raised priority too (NICE=0: off).
try {
  const nice = Number(process.env.NICE ?? (process.getuid?.() === 0 ? -15 : 0));
  if (nice && os.getPriority(0) > nice) os.setPriority(0, nice);
} catch {
  // not allowed: time at the caller's priority
}

const pageId = (n) => `A${String(n).padStart(2, '0')}`;

/** Writes bench-out/edition16/{edition.yaml, articles/, photos*}; returns its counts. */
function makeEdition() {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.join(work, 'articles'), { recursive: true });
  const edYaml = fs.readFileSync(path.join(content, 'edition.yaml'), 'utf8');
  const pagesAt = edYaml.search(/^pages:\s*$/m);
  if (pagesAt < 0) throw new Error('bench-edition: content/edition.yaml has no `pages:` list');
  const head = edYaml.slice(0, pagesAt);
  // The page list: each entry starts with `  - page: A0k`. Article pages are copied
  // ×REPEATS; a notices page (`notices: true`, set from content/notices/ by the notices
  // engine, no articles or photos) is left out, so that all 16 pages are article pages.
  const entries = edYaml
    .slice(pagesAt)
    .split(/\n(?=  - page: )/)
    .slice(1)
    .map((e) => e.split('\n').filter((l) => !/^\s*#/.test(l)).join('\n').replace(/\s+$/, ''))
    .filter((e) => !/^\s*notices:\s*true\b/m.test(e));
  const perRepeat = entries.length;
  const order = new Map(entries.map((e, i) => [/page: (A\d\d)/.exec(e)[1], i + 1]));
  if (perRepeat * REPEATS !== 16) process.stderr.write(`bench-edition: the sample has ${perRepeat} article pages, not 4; repeating them ×${REPEATS}\n`);
  const pages = [];
  for (let r = 0; r < REPEATS; r++) {
    for (const e of entries) pages.push(e.replace(/page: (A\d\d)/, (_, id) => `page: ${pageId(r * perRepeat + order.get(id))}`));
  }
  // Absolute templatesDir: the copy no longer sits beside templates/.
  let headOut = head.replace(/^templatesDir:.*$/m, `templatesDir: ${JSON.stringify(path.join(root, 'templates'))}`);
  if (!/^templatesDir:/m.test(headOut)) headOut += `templatesDir: ${JSON.stringify(path.join(root, 'templates'))}\n`;
  fs.writeFileSync(path.join(work, 'edition.yaml'), `${headOut}pages:\n${pages.join('\n')}\n`);

  let articles = 0;
  let photos = 0;
  const files = fs.readdirSync(path.join(content, 'articles')).filter((f) => f.endsWith('.md')).sort();
  for (let r = 0; r < REPEATS; r++) {
    const photoDir = r === 0 ? 'photos' : `photos-r${r + 1}`;
    fs.cpSync(path.join(content, 'photos'), path.join(work, photoDir), { recursive: true });
    const movePage = (id) => {
      if (!order.has(id)) throw new Error(`bench-edition: an article names page ${id}, not an article page of content/edition.yaml`);
      return pageId(r * perRepeat + order.get(id));
    };
    for (const f of files) {
      const text = fs.readFileSync(path.join(content, 'articles', f), 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
      if (!m) throw new Error(`bench-edition: ${f} has no front matter`);
      let fm = m[1];
      const n = { id: 0, page: 0 };
      fm = fm.replace(/^id: *(\S+)\s*$/m, (_, id) => (n.id++, `id: ${r === 0 ? id : `${id}-r${r + 1}`}`));
      fm = fm.replace(/^page: *(A\d\d)\s*$/m, (_, p) => (n.page++, `page: ${movePage(p)}`));
      fm = fm.replace(/^(continue:.*\bpage: *)(A\d\d)/m, (_, pre, p) => `${pre}${movePage(p)}`);
      // a story chain: `continue:` as a list of hops, each `- { page: A0k, … }`
      fm = fm.replace(/^(  - \{ *page: *)(A\d\d)/gm, (_, pre, p) => `${pre}${movePage(p)}`);
      fm = fm.replace(/^(\s*-?\s*file: *)photos\//gm, (_, pre) => (photos++, `${pre}${photoDir}/`));
      if (n.id !== 1 || n.page !== 1) throw new Error(`bench-edition: ${f}: expected one top-level id: and page: line`);
      const name = r === 0 ? f : f.replace(/\.md$/, `-r${r + 1}.md`);
      fs.writeFileSync(path.join(work, 'articles', name), `---\n${fm}\n---\n${text.slice(m[0].length)}`);
      articles++;
    }
  }
  return { pages: pages.length, articles, photos };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One whole-process build; wall seconds and peak MiB (measure.py when present). */
// BUILD_ARGS="--pdfx" or "--archive": time the build with those options (bench.mjs compares)
const BUILD_ARGS = (process.env.BUILD_ARGS ?? '').split(/\s+/).filter(Boolean);

function timeBuild(withPreview) {
  const cmd = ['node', path.join(root, 'dist/bundle/zuban.js'), 'build', path.join(work, 'edition.yaml'), '--out', outDir, ...(withPreview ? [] : ['--no-preview']), ...BUILD_ARGS];
  if (fs.existsSync(measurePy)) {
    const json = path.join(work, 'time.json');
    execFileSync('python3', [measurePy, '-n', '1', '--warmup', '0', '--json', json, '--', ...cmd], { stdio: ['ignore', 'ignore', 'inherit'] });
    const t = JSON.parse(fs.readFileSync(json, 'utf8'));
    if (t.exit_codes.some((c) => c !== 0)) throw new Error(`bench-edition: build failed: ${cmd.join(' ')}`);
    return { wall: t.wall_s[1], peak: t.peak_mib[1] };
  }
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd.slice(1), { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`bench-edition: build failed (exit ${r.status}): ${cmd.join(' ')}`);
  return { wall: Number(process.hrtime.bigint() - t0) / 1e9, peak: null };
}

if (!fs.existsSync(path.join(root, 'dist/bundle/zuban.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
const counts = makeEdition();
// Check it builds (and report what it prints) before timing.
const first = spawnSync('node', [path.join(root, 'dist/bundle/zuban.js'), 'build', path.join(work, 'edition.yaml'), '--out', outDir, '--no-preview'], { encoding: 'utf8' });
if (first.status !== 0) {
  process.stderr.write(first.stderr);
  throw new Error('bench-edition: the 16-page edition does not build');
}
const built = (first.stdout + first.stderr).trim().split('\n').filter((l) => l.startsWith('built '));
const pdfs = fs.readdirSync(path.join(outDir, 'pages')).filter((f) => f.endsWith('.pdf'));
if (pdfs.length !== counts.pages) throw new Error(`bench-edition: ${pdfs.length} page PDFs, expected ${counts.pages}`);

const cold = [];
const warm = [];
const noPreview = [];
for (let i = 0; i < RUNS; i++) {
  // cold: no output and no photo cache (.zuban-cache beside out/, keyed by photo content)
  for (const d of [outDir, path.join(work, '.out.builds'), path.join(work, '.zuban-cache')]) fs.rmSync(d, { recursive: true, force: true });
  cold.push(timeBuild(preview));
  warm.push(timeBuild(preview));
  if (preview) noPreview.push(timeBuild(false));
}
const med = (xs) => Number(median(xs.map((x) => x.wall)).toFixed(2));
const medPeak = (xs) => (xs.every((x) => x.peak != null) ? Number(median(xs.map((x) => x.peak)).toFixed(0)) : null);
const res = {
  pages: counts.pages, articles: counts.articles, photos: counts.photos, runs: RUNS, preview,
  coldS: med(cold), warmS: med(warm), noPreviewWarmS: noPreview.length ? med(noPreview) : null,
  peakMiB: medPeak([...cold, ...warm]), coldPeakMiB: medPeak(cold), warmPeakMiB: medPeak(warm), noPreviewPeakMiB: noPreview.length ? medPeak(noPreview) : null,
  cold: cold.map((x) => x.wall), warm: warm.map((x) => x.wall), noPreview: noPreview.map((x) => x.wall),
};
if (process.env.EDITION_JSON) fs.writeFileSync(process.env.EDITION_JSON, JSON.stringify(res, null, 1));
const verdict = (s) => (s < 5 ? 'under the 5 s target' : s < 10 ? 'under 10 s, over the 5 s target' : 'OVER the 10 s limit');
process.stdout.write(
  `16-page edition (${counts.articles} articles, ${counts.photos} photos): \`zuban build${BUILD_ARGS.length ? ' ' + BUILD_ARGS.join(' ') : ''}\`${preview ? ' with PNG previews' : ' --no-preview'} ` +
    `${res.coldS.toFixed(2)} s cold photo cache, ${res.warmS.toFixed(2)} s warm (median of ${RUNS}, whole process${res.peakMiB != null ? `, peak ${res.coldPeakMiB} MiB cold, ${res.warmPeakMiB} MiB warm` : ''}) — ${verdict(res.coldS)}` +
    (noPreview.length ? `; --no-preview ${res.noPreviewWarmS.toFixed(2)} s warm${res.noPreviewPeakMiB != null ? ` (peak ${res.noPreviewPeakMiB} MiB)` : ''} — ${verdict(res.noPreviewWarmS)}` : '') +
    `${built.length ? ` [zuban says: ${built[0].replace(/ → .*?\(/, ' (')}]` : ''}\n`,
);
