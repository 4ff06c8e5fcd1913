/**
 * The stages of an edition build, top-down. Each stage's product is the next one's input;
 * every consumer after layout reads only the page tree (frame v1).
 *
 *   content   loadEdition          edition.yaml, articles, templates → LoadedEdition
 *   content   readPhotoSizes       photo files → pixel sizes
 *   notices   noticesStage         notices/*.yaml → checked, worded; page fillers per channel
 *   layout    composeEdition       text broken once, set on the grid → placed items per page
 *   frame     editionDocuments     items → blocks → Document (print, archive)
 *   render    preparePhotos        crops → assets under out/photos
 *   print     pressStage           (--pdfx) CMYK photos, preflight → preflight.json
 *   render    writePdfs            Document → pages/*.pdf, edition.pdf
 *   render    previews             Document → preview/*.png
 *   archive   writeArchive         archive Document → archive/ (PDF/A-2u, ALTO, METS), with --archive
 *   report    copyfitReport        Document + fits → report.json
 *   out       stage.commit         the whole output switched at once
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadEdition, type LoadedEdition } from './content/loadEdition.js';
import { formatDiagnostic, UserError, type Diagnostic } from './diagnostic.js';
import { FontBook } from './fonts/fontBook.js';
import { makeDocument, sha256File } from './frame/document.js';
import type { Asset, Channel, Document, EditionMeta } from './frame/types.js';
import { openStage } from './io/outDir.js';
import { assemblePage } from './layout/assemblePage.js';
import { noticesStage, type GivenNotice } from './layout/notices/noticesStage.js';
import type { PhotoInfo } from './layout/page/composeArticle.js';
import { composeEdition, type ComposedEdition } from './layout/page/composeEdition.js';
import { pageGrid } from './layout/page/pageGrid.js';
import { projectRoot } from './projectRoot.js';
import { cleanPhotoCache, preparePhotos } from './render/photos.js';
import { onePage, renderPdf } from './render/pdf/renderPdf.js';
import { formatPreflightSummary } from './print/preflight.js';
import { pressStage } from './print/pressStage.js';
import { copyfitReport } from './report/copyfit.js';
import { MissingGlyphError } from './text/missingGlyph.js';

const ZUBAN_VERSION = '0.1.0';

export interface BuildOptions {
  strict?: boolean;
  preview?: boolean;
  /** Progress lines (stderr by default). */
  log?: (line: string) => void;
  /** Project root (fonts/, templates/); default: this installation's. */
  root?: string;
  /** PDF/X for the press: true for templates/print/condition.yaml, or a condition file. */
  pdfx?: boolean | string;
  /** The archive package (out/archive: PDF/A-2u pages, ALTO 4.4, METS, the e-paper) from the archive channel. */
  archive?: boolean;
  /** Notices given as data (the desk's scheduled notices) instead of the edition's notices/ folder. */
  notices?: readonly GivenNotice[];
}

/** An edition set: its page trees per channel and what the report needs. */
export interface EditionSet {
  edition: LoadedEdition;
  editionDir: string;
  composed: ComposedEdition;
  print: Document;
  archive: Document;
  notices?: unknown;
  diagnostics: Diagnostic[];
}

/** content → notices → layout → frame: the page trees of an edition (photos not yet prepared). */
export async function setEdition(editionPath: string, fonts: FontBook, opts: BuildOptions, assets: Record<string, Asset> = {}): Promise<EditionSet> {
  const log = opts.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const ed = loadEdition(editionPath);
  const editionDir = path.dirname(path.resolve(editionPath));
  for (const d of ed.diagnostics) log(`warning: ${formatDiagnostic(d)}`);
  const photoInfo = await readPhotoSizes(ed);
  const notices = noticesStage(ed, editionDir, fonts, { strict: opts.strict, log, notices: opts.notices });
  let composed: ComposedEdition;
  try {
    composed = composeEdition(ed, { fonts, photoInfo, fillPage: notices?.fill, fillArchivePage: notices?.fillArchive });
  } catch (err) {
    if (err instanceof MissingGlyphError) throw new UserError(err.message);
    throw err;
  }
  composed.photoJobs.push(...(notices?.photoJobs ?? [])); // issue 14: notice logos are prepared like photos
  const errors = composed.diagnostics.filter((d) => d.level === 'error');
  if (errors.length) throw new UserError(errors.map((d) => `${d.file}: ${d.field}: ${d.message}`).join('\n'));
  for (const d of composed.diagnostics) log(`warning: ${d.file}: ${d.field}: ${d.message}`);
  const overset = composed.articles.filter((a) => a.body.overLines > 0);
  if (opts.strict && overset.length) {
    throw new UserError(overset.map((a) => `${a.file}: body: overset by ${a.body.overLines} lines (${a.body.overChars} 字) (--strict)`).join('\n'));
  }
  const root = opts.root ?? projectRoot;
  const doc = (channel: Channel) => editionDocument(ed, editionDir, composed, channel, fonts, root, assets);
  const diagnostics: Diagnostic[] = [
    ...ed.diagnostics,
    ...composed.diagnostics.map((d): Diagnostic => ({ code: 'layout', severity: d.level, file: d.file, field: d.field, message: d.message })),
    ...(notices?.diagnostics ?? []),
  ];
  return { edition: ed, editionDir, composed, print: doc('print'), archive: doc('archive'), notices: notices?.report, diagnostics };
}

/** The page tree of one channel: the print pages, or the archive's where they differ. */
export function editionDocument(ed: LoadedEdition, editionDir: string, c: ComposedEdition, channel: Channel, fonts: FontBook, root: string, assets: Record<string, Asset>): Document {
  const files = new Map(ed.articles.map((a) => [a.meta.id, path.relative(editionDir, path.resolve(a.file)).split(path.sep).join('/')]));
  const pages = c.pages.map((p, i) => {
    const spec = ed.edition.pages[i];
    const frame = channel === 'archive' ? (c.archivePages.get(p.id) ?? p) : p;
    const ta = pageGrid(ed.templates[spec.template]).typeArea;
    const printSpace = { x: ta.x, y: ta.y, w: ta.w, h: ta.h };
    return assemblePage(frame, { number: i + 1, name: spec.name, template: spec.template, channel, printSpace, fileOf: (id) => files.get(id) });
  });
  // spot colours (专色) of the templates the pages use, by name
  const spots = Object.assign({}, ...Object.values(ed.templates).map((t) => t.spots ?? {}));
  return makeDocument({
    title: `${ed.edition.paper} ${ed.edition.date}`, channel, meta: editionMeta(ed), pages,
    faceOf: (id) => fonts.face(id), root, assets, ...(Object.keys(spots).length ? { spots } : {}),
  });
}

export function editionMeta(ed: LoadedEdition): EditionMeta {
  const e = ed.edition as LoadedEdition['edition'] & { paperLatin?: string; cn?: string; publisher?: { name?: string } };
  const meta: EditionMeta = { paper: e.paper, date: String(e.date), pages: e.pages.map((p, i) => ({ label: p.page, number: i + 1, name: p.name })) };
  if (e.paperLatin) meta.paperLatin = e.paperLatin;
  if (e.issue !== undefined) meta.issue = Number(e.issue);
  if (e.cn) meta.cn = e.cn;
  if (e.publisher?.name) meta.publisher = e.publisher.name;
  return meta;
}

/** The whole build: set, prepare photos, render, report; out/ switched to it only when all succeeded. */
export async function buildEdition(editionPath: string, outDir: string, opts: BuildOptions = {}): Promise<EditionSet & { files: string[] }> {
  const log = opts.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const started = performance.now();
  const root = opts.root ?? projectRoot;
  const fonts = FontBook.load(root);
  const set = await setEdition(editionPath, fonts, { ...opts, log });
  const stage = openStage(outDir);
  const cacheDir = path.join(path.dirname(path.resolve(outDir)), '.zuban-cache', 'photos');
  try {
    cleanPhotoCache(cacheDir);
    const assets = await preparePhotos(set.composed.photoJobs, stage.dir, cacheDir, set.editionDir);
    set.print.assets = assets;
    set.archive.assets = assets;
    const forms = copyForms(set.composed.forms, stage.dir);
    if (Object.keys(forms).length) set.print.forms = set.archive.forms = forms;
    const files: string[] = [];
    const write = (rel: string, data: string | Uint8Array) => {
      const f = path.join(stage.dir, rel);
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, data);
      files.push(rel);
    };
    const press = opts.pdfx ? await pressStage(set.print, stage.dir, { root, condition: typeof opts.pdfx === 'string' ? opts.pdfx : undefined, cacheDir: path.join(path.dirname(cacheDir), 'press') }) : undefined;
    if (press) {
      const report = await press.preflight();
      write('preflight.json', JSON.stringify(report, null, 1));
      log(formatPreflightSummary(report));
      for (const f of report.findings) if (f.severity === 'error') log(`error: ${formatDiagnostic(f)}`);
      if (opts.strict && !report.ok) throw new UserError(`preflight: ${report.summary.errors} error(s) (--strict); see preflight.json`);
    }
    const render = { openFont: (r: { role: string; file: string }) => fonts.faceForFile(r.role, r.file), assetDir: stage.dir, ...press?.render };
    const { PreviewPool } = opts.preview !== false ? await import('./render/preview/previewPool.js') : { PreviewPool: undefined };
    const pool = PreviewPool ? new PreviewPool(root) : undefined;
    try {
      const previews: Promise<void>[] = [];
      const images = Object.fromEntries(Object.entries(assets).map(([id, a]) => [id, path.join(stage.dir, a.file)]));
      for (const page of set.print.pages) {
        const t0 = performance.now();
        write(`pages/${page.label}.pdf`, await renderPdf(onePage(set.print, page), render));
        if (pool) previews.push(pool.render(page, { fonts: set.print.fonts, images }).then((png) => write(`preview/${page.label}.png`, png)));
        log(`${page.label}  ${page.blocks.length} blocks  ${((performance.now() - t0) / 1000).toFixed(2)} s`);
      }
      write('edition.pdf', await renderPdf(set.print, render));
      write('frame.json', JSON.stringify(set.print));
      write('frame-archive.json', JSON.stringify(set.archive));
      if (opts.archive) {
        // the archive reads only the archive channel's page tree (its masking and consent)
        const { writeArchive } = await import('./archive/index.js');
        const r = await writeArchive(set.archive, { outDir: path.join(stage.dir, 'archive'), projectRoot: root, assetDir: stage.dir, software: { name: 'zuban', version: ZUBAN_VERSION } });
        files.push(...r.files.map((f) => `archive/${f.path}`));
        log(`archive: ${r.files.length} files (PDF/A-2u, ALTO 4.4, METS) → archive/`);
      }
      write('report.json', JSON.stringify(copyfitReport(set.edition, set.editionDir, set.composed, set.print, set.diagnostics, set.notices), null, 1));
      await Promise.all(previews);
    } finally {
      await pool?.close();
    }
    stage.commit();
    const overset = set.composed.articles.filter((a) => a.body.overLines > 0);
    log(`built ${set.print.pages.length} pages in ${((performance.now() - started) / 1000).toFixed(2)} s → ${path.relative(process.cwd(), path.resolve(outDir)) || '.'}/ (overset: ${overset.length ? overset.map((a) => a.id).join(', ') : 'none'}; ${set.composed.articles.reduce((n, a) => n + a.body.usedChars, 0)} 字 set)`);
    return { ...set, files };
  } catch (err) {
    stage.abort();
    throw err;
  }
}

async function readPhotoSizes(ed: LoadedEdition): Promise<Map<string, PhotoInfo>> {
  const { default: sharp } = await import('sharp');
  const info = new Map<string, PhotoInfo>();
  const problems: Diagnostic[] = [];
  const ads = (ed.ads ?? []).filter((ad) => !ad.pdf).map((ad, i) => ({ file: ed.editionFile ?? 'edition.yaml', photos: [{ path: ad.path, file: ad.file }], field: `ads[${i}].file` }));
  for (const a of [...ed.articles, ...ads]) {
    for (const [i, p] of a.photos.entries()) {
      try {
        const st = fs.statSync(p.path);
        if (!st.isFile()) throw new Error('not a regular file');
        const m = await sharp(p.path).metadata();
        const rotated = (m.orientation ?? 1) >= 5;
        info.set(p.path, { width: rotated ? m.height! : m.width!, height: rotated ? m.width! : m.height! });
      } catch (err) {
        problems.push({ code: 'photo.unreadable', severity: 'error', file: a.file, field: 'field' in a ? a.field : `photos[${i}].file`, message: `${p.file} 不是可读的图片`, messageEn: `${p.file} is not an image zuban can read (${(err as Error).message})` });
      }
    }
  }
  if (problems.length) throw UserError.of(problems);
  return info;
}

/** The PDF pages placed as forms, copied under out/forms/ (the page tree names them there). */
function copyForms(jobs: ComposedEdition['forms'], dir: string): NonNullable<Document['forms']> {
  const out: NonNullable<Document['forms']> = {};
  for (const j of jobs) {
    const file = `forms/${j.asset}.pdf`;
    fs.mkdirSync(path.join(dir, 'forms'), { recursive: true });
    fs.copyFileSync(j.path, path.join(dir, file));
    out[j.asset] = { file, sha256: sha256File(j.path), page: 1, box: j.box, source: j.file };
  }
  return out;
}

export { formatDiagnostic };
