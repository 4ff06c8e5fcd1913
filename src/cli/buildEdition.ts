import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { loadEdition, type LoadedEdition } from '../content/loadEdition.js';
import type { DocumentFrame } from '../frame/types.js';
import { FontBook } from '../fonts/fontBook.js';
import { composeEdition, type ComposedEdition, type PageFiller } from '../layout/page/composeEdition.js';
import type { PhotoInfo, PhotoJob } from '../layout/page/composeArticle.js';
import { projectRoot } from '../projectRoot.js';
import { renderPdf } from '../render/pdf/renderPdf.js';
import { PreviewPool } from '../render/preview/previewPool.js';
import { MissingGlyphError } from '../text/missingGlyph.js';
import { UserError } from './errors.js';

export interface BuildOptions {
  strict?: boolean;
  preview?: boolean;
  /** Progress lines go here (stderr by default). */
  log?: (line: string) => void;
  /** Sets the notices pages (added by the notices engine). */
  fillPage?: (ed: LoadedEdition, fonts: FontBook) => { fill: PageFiller; report: unknown; diagnostics: string[] };
}

export interface BuildResult {
  composed: ComposedEdition;
  files: string[];
}

/**
 * `zuban build`: load → compose → prepare photos → render PDFs, previews and the report.
 * Everything is written to a staging folder inside the output folder first and moved
 * into place only when the whole build succeeded, so a failed build leaves out/ as it was.
 */
export async function buildEdition(editionPath: string, outDir: string, opts: BuildOptions = {}): Promise<BuildResult> {
  const log = opts.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const started = performance.now();
  let lap = started;
  const phase = (name: string) => {
    if (process.env.ZUBAN_TIMING) log(`  [${name} ${((performance.now() - lap) / 1000).toFixed(2)} s]`);
    lap = performance.now();
  };
  const ed = loadEdition(editionPath);
  for (const d of ed.diagnostics) log(`warning: ${d.file}: ${d.field}: ${d.message}`);
  phase('load');
  const photoInfo = await readPhotoInfo(ed);
  phase('photo sizes');
  const fonts = FontBook.load(projectRoot);
  const out = path.resolve(outDir);
  fs.mkdirSync(out, { recursive: true });
  const stage = fs.mkdtempSync(path.join(out, '.stage-'));
  // Started before layout, so the workers open their fonts while the pages are composed.
  const pool = opts.preview !== false ? new PreviewPool(projectRoot) : undefined;
  try {
    const notices = opts.fillPage?.(ed, fonts);
    let composed: ComposedEdition;
    try {
      composed = composeEdition(ed, { fonts, photoInfo, photoDir: path.join(stage, 'photos'), fillPage: notices?.fill });
    } catch (err) {
      if (err instanceof MissingGlyphError) throw new UserError(err.message);
      throw err;
    }
    phase('compose');
    const errors = composed.diagnostics.filter((d) => d.level === 'error');
    if (errors.length) throw new UserError(errors.map((d) => `${d.file}: ${d.field}: ${d.message}`).join('\n'));
    for (const d of composed.diagnostics) log(`warning: ${d.file}: ${d.field}: ${d.message}`);
    const overset = composed.articles.filter((a) => a.body.overLines > 0);
    if (opts.strict && overset.length) {
      throw new UserError(overset.map((a) => `${a.file}: body: overset by ${a.body.overLines} lines (${a.body.overChars} 字) (--strict)`).join('\n'));
    }
    await preparePhotos(composed.photoJobs, path.join(out, '.cache', 'photos'));
    phase('photos');
    const files: string[] = [];
    const write = (rel: string, data: string | Uint8Array) => {
      const f = path.join(stage, rel);
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, data);
      files.push(rel);
    };
    const faceFor = (k: string) => fonts.face(k);
    const title = `${ed.edition.paper} ${ed.edition.date}`;
    const previews: Promise<void>[] = [];
    for (const page of composed.pages) {
      const t0 = performance.now();
      const one: DocumentFrame = { kind: 'document', title: `${title} ${page.id}`, pages: [page] };
      write(`pages/${page.id}.pdf`, await renderPdf(one, { faceFor }));
      if (pool) previews.push(pool.render(page).then((png) => write(`preview/${page.id}.png`, png)));
      const articles = composed.articles.filter((a) => a.page === page.id).length;
      log(`${page.id}  ${articles} articles  ${page.items.length} items  ${((performance.now() - t0) / 1000).toFixed(2)} s`);
    }
    phase('pages');
    const doc: DocumentFrame = { kind: 'document', title, pages: composed.pages };
    write('edition.pdf', await renderPdf(doc, { faceFor }));
    write('report.json', JSON.stringify(report(ed, composed, notices?.report), null, 1));
    phase('edition');
    await Promise.all(previews);
    phase('previews');
    for (const rel of files) {
      const dst = path.join(out, rel);
      fs.mkdirSync(path.dirname(dst), { recursive: true });
      fs.renameSync(path.join(stage, rel), dst);
    }
    const sets = composed.articles.map((a) => a.body);
    log(`built ${composed.pages.length} pages in ${((performance.now() - started) / 1000).toFixed(2)} s → ${path.relative(process.cwd(), out) || '.'}/ (overset: ${overset.length ? overset.map((a) => a.id).join(', ') : 'none'}; ${sets.reduce((n, b) => n + b.usedChars, 0)} 字 set)`);
    return { composed, files };
  } finally {
    await pool?.close();
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/** The copyfit report written to out/report.json and printed by the CLI. */
function report(ed: LoadedEdition, c: ComposedEdition, notices: unknown) {
  return {
    edition: { paper: ed.edition.paper, date: ed.edition.date, issue: ed.edition.issue },
    pages: ed.edition.pages.map((p, i) => ({ page: p.page, number: i + 1, name: p.name, articles: c.articles.filter((a) => a.page === p.page).map((a) => a.id) })),
    copyfit: c.articles.map((a) => ({
      id: a.id, file: a.file, page: a.page, continuedOn: a.continuedOn,
      heads: a.heads.map((h) => ({ component: h.component, size: h.size, step: h.step, lines: h.lines, maxLines: h.maxLines, over: h.over })),
      body: { ...a.body, underLines: Math.max(0, a.body.capacityLines - a.body.usedLines), underChars: Math.max(0, a.body.capacityChars - a.body.usedChars) },
      captions: a.captions,
    })),
    diagnostics: c.diagnostics,
    ...(notices ? { notices } : {}),
  };
}

async function readPhotoInfo(ed: LoadedEdition): Promise<Map<string, PhotoInfo>> {
  const info = new Map<string, PhotoInfo>();
  for (const a of ed.articles) {
    for (const [i, p] of a.photos.entries()) {
      try {
        const m = await sharp(p.path).metadata();
        const rotated = (m.orientation ?? 1) >= 5;
        info.set(p.path, { width: rotated ? m.height! : m.width!, height: rotated ? m.width! : m.height! });
      } catch (err) {
        throw new UserError(`${a.file}: photos.${i}.file: ${p.file} is not an image sharp can read (${(err as Error).message})`);
      }
    }
  }
  return info;
}

/**
 * Crops each photo to its box's aspect, resizes it to the template's ppi, greys it for mono
 * pages. Results are cached under out/.cache/photos by a hash of the source file (path,
 * size, mtime) and the job, so a rebuild that did not move a photo does not redo it.
 */
async function preparePhotos(jobs: readonly PhotoJob[], cacheDir: string): Promise<void> {
  fs.mkdirSync(cacheDir, { recursive: true });
  await Promise.all(
    jobs.map(async (j) => {
      fs.mkdirSync(path.dirname(j.dest), { recursive: true });
      const st = fs.statSync(j.src);
      const key = createHash('sha1').update(JSON.stringify([j.src, st.size, st.mtimeMs, j.crop, j.width, j.height, j.grey])).digest('hex');
      const cached = path.join(cacheDir, `${key}.jpg`);
      if (!fs.existsSync(cached)) {
        let img = sharp(j.src).rotate().extract(j.crop).resize(j.width, j.height);
        if (j.grey) img = img.toColourspace('b-w');
        const tmp = `${cached}.${process.pid}.tmp`;
        await img.jpeg({ quality: 85 }).toFile(tmp);
        fs.renameSync(tmp, cached);
      }
      fs.copyFileSync(cached, j.dest);
    }),
  );
}

/** `zuban build --watch`: builds, then rebuilds whenever content/ or templates/ change. */
export async function watchEdition(editionPath: string, outDir: string, opts: BuildOptions): Promise<void> {
  const { watch } = await import('chokidar');
  const root = path.dirname(path.resolve(editionPath));
  const once = async () => {
    try {
      await buildEdition(editionPath, outDir, opts);
    } catch (err) {
      process.stderr.write(`zuban: ${(err as Error).message}\n`);
    }
  };
  await once();
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch([root, path.join(projectRoot, 'templates')], { ignoreInitial: true, ignored: (p) => p.startsWith(path.resolve(outDir)) });
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void once(), 200);
  });
  process.stderr.write(`watching ${path.relative(process.cwd(), root) || '.'} and templates/ — Ctrl-C to stop\n`);
  await new Promise(() => {});
}
