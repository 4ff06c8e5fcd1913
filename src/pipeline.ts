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
import { keepParsedArticles, loadEdition, saveParsedArticles, type LoadedEdition } from './content/loadEdition.js';
import { formatDiagnostic, UserError, type Diagnostic } from './diagnostic.js';
import { FontBook } from './fonts/fontBook.js';
import { makeDocument, sha256File } from './frame/document.js';
import type { Asset, Channel, Document, EditionMeta, Page } from './frame/types.js';
import { checkOut, openStage } from './io/outDir.js';
import { assemblePage } from './layout/assemblePage.js';
import type { GivenNotice } from './layout/notices/noticesStage.js';
import { appendLedger, readLedger, type Ledger } from './notices/ledger.js';
import type { PrintedHistory, PrintedRecord } from './notices/printedHistory.js';
import type { PhotoInfo } from './layout/page/composeArticle.js';
import { composeEdition, type ComposedEdition } from './layout/page/composeEdition.js';
import { pageGrid } from './layout/page/pageGrid.js';
import { projectRoot } from './projectRoot.js';
import { cleanPhotoCache, preparePhotos } from './render/photos.js';
import { onePage, renderPdf } from './render/pdf/renderPdf.js';
import { formatPreflightSummary } from './print/preflight.js';
import { pressStage } from './print/pressStage.js';
import { copyfitReport } from './report/copyfit.js';
import { proofDocument, proofMarks } from './report/proofMarks.js';
import { MissingGlyphError } from './text/missingGlyph.js';
import { loadWordStarts, saveWordStarts } from './text/wordStarts.js';

const ZUBAN_VERSION = '0.1.0';

export interface BuildOptions {
  strict?: boolean;
  preview?: boolean;
  /** Diagnostics: warnings and progress (stderr by default). */
  log?: (line: string) => void;
  /** Results: a line per page and the summary (stdout by default). */
  result?: (line: string) => void;
  /** Project root (fonts/, templates/); default: this installation's. */
  root?: string;
  /** PDF/X for the press: true for templates/print/condition.yaml, or a condition file. */
  pdfx?: boolean | string;
  /** The archive package (out/archive: PDF/A-2u pages, ALTO 4.4, METS, the e-paper) from the archive channel. */
  archive?: boolean;
  /** Proof PDFs with the proof marks (out/proof/A01.pdf …, out/edition-proof.pdf), from the proof channel. */
  proof?: boolean;
  /** Notices given as data (the desk's scheduled notices) instead of the edition's notices/ folder. */
  notices?: readonly GivenNotice[];
  /** What earlier editions printed, for the notices' duplicate check (buildEdition reads the ledger into it). */
  history?: PrintedHistory;
  /**
   * The ledger of printed notices (src/notices/ledger.ts) the duplicate check reads and a
   * successful build appends to; none when absent. `zuban build` passes
   * `<out parent>/data/published.jsonl` unless --ledger names another.
   */
  ledger?: string;
  /** Printed insertions known elsewhere (the desk's database), keyed with the ledger's salt. */
  printedElsewhere?: (salt: string) => PrintedRecord[];
  /**
   * An incremental rebuild (src/rebuild.ts): the last good set and which pages to compose
   * again, decided from the loaded edition (undefined: all). Other pages are kept from it.
   */
  reuse?: { previous: EditionSet; pagesToCompose: (ed: LoadedEdition) => ReadonlySet<string> | undefined; photoSizes?: PhotoSizeCache };
}

/** Photo pixel sizes kept across rebuilds, by path, size and mtime. */
export type PhotoSizeCache = Map<string, { key: string; info: PhotoInfo }>;

/** An edition set: its page trees per channel and what the report needs. */
export interface EditionSet {
  edition: LoadedEdition;
  editionDir: string;
  composed: ComposedEdition;
  print: Document;
  archive: Document;
  notices?: unknown;
  diagnostics: Diagnostic[];
  /** The notice insertions the pages placed, keyed with a ledger's salt. */
  printed?: (salt: string) => PrintedRecord[];
}

/** content → notices → layout → frame: the page trees of an edition (photos not yet prepared). */
export async function setEdition(editionPath: string, fonts: FontBook, opts: BuildOptions, assets: Record<string, Asset> = {}): Promise<EditionSet> {
  const log = opts.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const ed = loadEdition(editionPath);
  const editionDir = path.dirname(path.resolve(editionPath));
  for (const d of ed.diagnostics) log(`warning: ${formatDiagnostic(d)}`);
  const photoInfo = await readPhotoSizes(ed, opts.reuse?.photoSizes);
  // the notices stage (its templates, calendars, pinyin) is loaded only for an edition that has notices
  const hasNotices = opts.notices !== undefined || ed.edition.pages.some((p) => p.notices) || fs.existsSync(path.join(editionDir, 'notices'));
  const notices = hasNotices ? (await import('./layout/notices/noticesStage.js')).noticesStage(ed, editionDir, fonts, { strict: opts.strict, log, notices: opts.notices, history: opts.history }) : undefined;
  const only = opts.reuse?.pagesToCompose(ed);
  const previous = only ? opts.reuse!.previous : undefined;
  let composed: ComposedEdition;
  try {
    composed = composeEdition(ed, { fonts, photoInfo, fillPage: notices?.fill, fillArchivePage: notices?.fillArchive, only });
    if (previous) composed = keepPages(ed, composed, previous.composed, only!);
  } catch (err) {
    if (err instanceof MissingGlyphError) throw new UserError(err.message);
    throw err;
  }
  composed.photoJobs.push(...(notices?.photoJobs ?? [])); // issue 14: notice logos are prepared like photos
  const asDiagnostic = (d: (typeof composed.diagnostics)[number]): Diagnostic => ({ code: d.code ?? 'layout', severity: d.level, file: d.file, field: d.field, message: d.message });
  const errors = composed.diagnostics.filter((d) => d.level === 'error');
  if (errors.length) throw UserError.of(errors.map(asDiagnostic));
  for (const d of composed.diagnostics) log(`warning: ${d.file}: ${d.field}: ${d.message}`);
  if (opts.strict) {
    // --strict: overset text, a head past its lines, a photo under the warning ppi, an underset body, a 缺字 set from a fallback font
    const failing = composed.diagnostics.filter((d) => d.code && ['body.overset', 'head.over', 'photo.ppi-low', 'body.underset', 'text.fallback-glyph'].includes(d.code));
    // … and the notices due that were refused or not placed: every reason at once
    const diags = failing.map((d) => ({ ...asDiagnostic(d), severity: 'error' as const, message: `${d.message} (--strict)` }));
    const more = notices?.strictFailures ?? [];
    if (diags.length || more.length) throw new UserError([...(diags.length ? [UserError.of(diags).message] : []), ...more].join('\n'), 1, diags);
  }
  const root = opts.root ?? projectRoot;
  const kept = (channel: Channel) => (i: number) => (previous && !only!.has(ed.edition.pages[i].page) ? (channel === 'archive' ? previous.archive : previous.print).pages[i] : undefined);
  const print = editionDocument(ed, editionDir, composed, 'print', fonts, root, assets, kept('print'), undefined, notices?.files);
  const diagnostics: Diagnostic[] = [
    ...ed.diagnostics,
    ...composed.diagnostics.map(asDiagnostic),
    ...(notices?.diagnostics ?? []),
  ];
  // the notices report is written as the notices pages are set: kept with them
  const noticesKept = previous && ed.edition.pages.some((p) => p.notices && !only!.has(p.page));
  // the archive's pages are the print pages where privacy does not differ (its blocks shared, not set twice)
  const archive = editionDocument(ed, editionDir, composed, 'archive', fonts, root, assets, kept('archive'), print.pages, notices?.files);
  return { edition: ed, editionDir, composed, print, archive, notices: noticesKept ? previous.notices : notices?.report, diagnostics, printed: notices?.printed };
}

/**
 * The page tree of one channel: the print pages, or the archive's where they differ. Given
 * the print channel's pages, the archive takes each that has no archive composition of its
 * own (every page but a notices page) as it is, its blocks shared.
 */
export function editionDocument(ed: LoadedEdition, editionDir: string, c: ComposedEdition, channel: Channel, fonts: FontBook, root: string, assets: Record<string, Asset>, kept?: (i: number) => Page | undefined, printPages?: readonly Page[], noticeFiles?: ReadonlyMap<string, string>): Document {
  const rel = (f: string) => path.relative(editionDir, path.resolve(f)).split(path.sep).join('/');
  const files = new Map([...(noticeFiles ?? []), ...ed.articles.map((a) => [a.meta.id, a.file] as const)].map(([id, f]) => [id, rel(f)]));
  const pages = c.pages.map((p, i) => {
    const old = kept?.(i);
    if (old) return old;
    if (channel === 'archive' && printPages?.[i] && !c.archivePages.has(p.id)) return { ...printPages[i], channel };
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
  const result = opts.result ?? ((l: string) => process.stdout.write(l + '\n'));
  const started = performance.now();
  checkOut(outDir); // a bad --out fails before the work, not after it
  const root = opts.root ?? projectRoot;
  const fonts = FontBook.load(root);
  // issue 14: the ledger of printed notices, for the duplicate check; appended once the build has succeeded
  const ledgerFile = opts.ledger;
  let history = opts.history;
  if (ledgerFile) {
    let ledger: Ledger;
    try {
      ledger = readLedger(ledgerFile);
    } catch (err) {
      throw new UserError((err as Error).message);
    }
    for (const k of ledger.skipped) log(`warning: ${ledgerFile}:${k.line}: unreadable line in the ledger of printed notices, skipped (${k.reason})`);
    history = { salt: ledger.salt, records: [...ledger.records, ...(opts.history?.records ?? []), ...(opts.printedElsewhere?.(ledger.salt) ?? [])] };
  }
  // the preview worker starts now: its modules and fonts load while this thread sets the pages
  const { PreviewPool } = opts.preview !== false ? await import('./render/preview/previewPool.js') : { PreviewPool: undefined };
  const pool = PreviewPool ? new PreviewPool(root) : undefined;
  // heads' word cuts and parsed articles kept beside out/ like the photos: a rebuild need not
  // load jieba nor parse what did not change (kept also when the build fails: a fix then
  // parses only the articles it touches)
  const cache = cacheDir(outDir);
  loadWordStarts(path.join(cache, 'words.json'));
  keepParsedArticles(path.join(cache, 'articles.json'));
  try {
    return await buildWith(editionPath, outDir, opts, { fonts, history, pool, log, result, started, root, ledgerFile });
  } finally {
    saveWordStarts();
    saveParsedArticles();
    await pool?.close();
  }
}

interface BuildContext {
  fonts: FontBook;
  history?: PrintedHistory;
  pool?: import('./render/preview/previewPool.js').PreviewPool;
  log: (line: string) => void;
  result: (line: string) => void;
  started: number;
  root: string;
  ledgerFile?: string;
}

/** ZUBAN_TIMING=1: each stage's end in ms from the start and the process's RSS then, logged at the end. */
function phaseMarks(started: number) {
  const phases: [string, number, number][] = [];
  return {
    mark: (name: string) => process.env.ZUBAN_TIMING && phases.push([name, Math.round(performance.now() - started), Math.round(process.memoryUsage.rss() / 2 ** 20)]),
    text: () => `phases (stage, ms from start, RSS MiB): ${phases.map((p) => p.join(' ')).join(', ')}`,
  };
}

async function buildWith(editionPath: string, outDir: string, opts: BuildOptions, cx: BuildContext): Promise<EditionSet & { files: string[] }> {
  const { fonts, history, pool, log, result, started, root, ledgerFile } = cx;
  const { mark, text: phases } = phaseMarks(started);
  const set = await setEdition(editionPath, fonts, { ...opts, log, history });
  mark('set');
  const stage = openStage(outDir);
  let aborted = false;
  try {
    const assets = await prepareAssets(set, stage.dir, outDir);
    mark('assets');
    const files: string[] = [];
    const write = (rel: string, data: string | Uint8Array) => {
      if (aborted) return; // a preview answered after a failure: its folder is gone
      const f = path.join(stage.dir, rel);
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, data);
      files.push(rel);
    };
    const press = opts.pdfx ? await pressStage(set.print, stage.dir, { root, condition: typeof opts.pdfx === 'string' ? opts.pdfx : undefined, cacheDir: path.join(cacheDir(outDir), 'press') }) : undefined;
    if (press) {
      const report = await press.preflight();
      write('preflight.json', JSON.stringify(report, null, 1));
      result(formatPreflightSummary(report)); // a result: the table of pages checked
      for (const f of report.findings) if (f.severity === 'error') log(`error: ${formatDiagnostic(f)}`);
      if (opts.strict && !report.ok) throw new UserError(`preflight: ${report.summary.errors} error(s) (--strict); see preflight.json`);
    }
    const render = { openFont: (r: { role: string; file: string }) => fonts.faceForFile(r.role, r.file), assetDir: stage.dir, ...press?.render };
    const previews: Promise<void>[] = [];
    const images = Object.fromEntries(Object.entries(assets).map(([id, a]) => [id, path.join(stage.dir, a.file)]));
    // ads in the previews: each form's page drawn once, cached by content beside out/
    const forms = pool ? await previewForms(set.print, stage.dir, path.join(cacheDir(outDir), 'forms')) : {};
    const report = copyfitReport(set.edition, set.editionDir, set.composed, set.print, set.diagnostics, set.notices);
    const marks = proofMarks(set.print, report.copyfit);
    const markFont = fonts.face('hei').file;
    // every preview queued first: the worker draws them while this thread writes the PDFs
    if (pool) {
      for (const page of set.print.pages) {
        const png = pool.render(page, { fonts: set.print.fonts, images, forms, marks: marks.filter((m) => m.page === page.label), markFont }).then((png) => write(`preview/${page.label}.png`, png));
        png.catch(() => {}); // a failed preview is reported by the Promise.all below, after the PDFs
        previews.push(png);
      }
    }
    for (const page of set.print.pages) {
      const t0 = performance.now();
      write(`pages/${page.label}.pdf`, await renderPdf(onePage(set.print, page), render));
      result(`${page.label}  ${page.blocks.length} blocks  ${((performance.now() - t0) / 1000).toFixed(2)} s`);
      // a turn of the event loop: the preview worker's finished pages are taken and it is sent the next
      if (pool) await new Promise(setImmediate);
    }
    mark('pages');
    write('edition.pdf', await renderPdf(set.print, render));
    mark('edition.pdf');
    if (opts.proof) {
      // the proof channel: the print pages with the marks as blocks of their own (never in the print PDF)
      const proof = proofDocument(set.print, marks, fonts, root);
      for (const page of proof.pages) write(`proof/${page.label}.pdf`, await renderPdf(onePage(proof, page), render));
      write('edition-proof.pdf', await renderPdf(proof, render));
      log(`proof: ${marks.length} marks on ${new Set(marks.map((m) => m.page)).size} pages → proof/, edition-proof.pdf`);
    }
    write('frame.json', JSON.stringify(set.print));
    write('frame-archive.json', JSON.stringify(set.archive));
    if (opts.archive) {
      // the archive reads only the archive channel's page tree (its masking and consent), with
      // the build's faces (their glyphs read, their subsets deflated once for both PDFs)
      const { writeArchive } = await import('./archive/index.js');
      const r = await writeArchive(set.archive, {
        outDir: path.join(stage.dir, 'archive'), projectRoot: root, assetDir: stage.dir, software: { name: 'zuban', version: ZUBAN_VERSION },
        openFont: (f) => fonts.faceForFile(f.role, f.file), wordCache: path.join(cacheDir(outDir), 'alto-words.json'),
      });
      files.push(...r.files.map((f) => `archive/${f.path}`));
      const ms = (k: keyof typeof r.timings) => `${k} ${(r.timings[k] / 1000).toFixed(2)} s`;
      mark('archive');
      result(`archive: ${r.files.length} files (PDF/A-2u, ALTO 4.4, METS) → archive/ (${(['pdf', 'epaper', 'alto', 'mets', 'write'] as const).map(ms).join(', ')})`);
    }
    write('report.json', JSON.stringify(report, null, 1));
    mark('written');
    await Promise.all(previews);
    mark('previews');
    stage.commit();
    mark('commit');
    if (process.env.ZUBAN_TIMING) log(phases());
    if (ledgerFile && set.printed) {
      try {
        appendLedger(ledgerFile, set.printed);
      } catch (err) {
        throw new UserError(`the edition was built, but its notices could not be added to the ledger ${ledgerFile} (${(err as Error).message}): the duplicate check of later editions will not see them — fix the file's folder and build again`);
      }
    }
    const overset = set.composed.articles.filter((a) => a.body.overLines > 0);
    result(`built ${set.print.pages.length} pages in ${((performance.now() - started) / 1000).toFixed(2)} s → ${path.relative(process.cwd(), path.resolve(outDir)) || '.'}/ (overset: ${overset.length ? overset.map((a) => a.id).join(', ') : 'none'}; ${set.composed.articles.reduce((n, a) => n + a.body.usedChars, 0)} 字 set)`);
    return { ...set, files };
  } catch (err) {
    aborted = true;
    stage.abort();
    throw err;
  }
}

/**
 * An incremental composition completed from the previous one: the pages not composed again,
 * and the fits, photo jobs and diagnostics of the articles that are on them only.
 */
function keepPages(ed: LoadedEdition, c: ComposedEdition, prev: ComposedEdition, only: ReadonlySet<string>): ComposedEdition {
  const redone = new Set(ed.articles.filter((a) => [a.block.page, ...(a.chain ?? (a.continuation ? [a.continuation] : [])).map((h) => h.page)].some((p) => only.has(p))).map((a) => a.file));
  const order = new Map(ed.articles.map((a, i) => [a.file, i]));
  const byArticle = <T extends { file?: string; article?: string }>(fresh: T[], old: T[], fileOf: (x: T) => string) =>
    [...fresh, ...old.filter((x) => order.has(fileOf(x)) && !redone.has(fileOf(x)))].sort((x, y) => (order.get(fileOf(x)) ?? -1) - (order.get(fileOf(y)) ?? -1));
  const prevPage = new Map(prev.pages.map((p) => [p.id, p]));
  const archivePages = new Map(c.archivePages);
  for (const [id, p] of prev.archivePages) if (!only.has(id)) archivePages.set(id, p);
  return {
    pages: c.pages.map((p) => (only.has(p.id) ? p : prevPage.get(p.id)!)),
    archivePages,
    articles: byArticle(c.articles, prev.articles, (a) => a.file),
    photoJobs: byArticle(c.photoJobs, prev.photoJobs, (j) => j.article),
    diagnostics: byArticle(c.diagnostics, prev.diagnostics, (d) => d.file),
    // forms (ads, masthead art) are edition-wide: one fresh list, de-duplicated by asset
    forms: [...new Map([...prev.forms, ...c.forms].map((f) => [f.asset, f])).values()],
  };
}

async function readPhotoSizes(ed: LoadedEdition, cache?: PhotoSizeCache): Promise<Map<string, PhotoInfo>> {
  const { default: sharp } = await import('sharp');
  const info = new Map<string, PhotoInfo>();
  const problems: Diagnostic[] = [];
  const ads = (ed.ads ?? []).filter((ad) => !ad.pdf).map((ad, i) => ({ file: ed.editionFile ?? 'edition.yaml', photos: [{ path: ad.path, file: ad.file }], field: `ads[${i}].file` }));
  for (const a of [...ed.articles, ...ads]) {
    for (const [i, p] of a.photos.entries()) {
      try {
        const st = fs.statSync(p.path);
        if (!st.isFile()) throw new Error('not a regular file');
        const key = `${st.size}:${st.mtimeMs}`;
        const hit = cache?.get(p.path);
        if (hit && hit.key === key) {
          info.set(p.path, hit.info);
          continue;
        }
        const m = await sharp(p.path).metadata();
        const rotated = (m.orientation ?? 1) >= 5;
        const size = { width: rotated ? m.height! : m.width!, height: rotated ? m.width! : m.height! };
        info.set(p.path, size);
        cache?.set(p.path, { key, info: size });
      } catch (err) {
        problems.push({ code: 'photo.unreadable', severity: 'error', file: a.file, field: 'field' in a ? a.field : 'field' in p ? String(p.field) : `photos[${i}].file`, message: `${p.file} 不是可读的图片`, messageEn: `${p.file} is not an image zuban can read (${(err as Error).message})` });
      }
    }
  }
  if (problems.length) throw UserError.of(problems);
  return info;
}

/**
 * The files the page trees name, prepared in the build's folder: the photos (crops from
 * the cache beside out/) and the PDF forms (ads, masthead art); both channels get them.
 */
export async function prepareAssets(set: EditionSet, stageDir: string, outDir: string): Promise<Record<string, Asset>> {
  const photos = path.join(cacheDir(outDir), 'photos');
  cleanPhotoCache(photos);
  const assets = await preparePhotos(set.composed.photoJobs, stageDir, photos, set.editionDir);
  set.print.assets = set.archive.assets = assets;
  const forms = copyForms(set.composed.forms, stageDir);
  if (Object.keys(forms).length) set.print.forms = set.archive.forms = forms;
  return assets;
}

/** What a build keeps for the next one, beside its output folder (README: the output folder's caches). */
export function cacheDir(outDir: string): string {
  return path.join(path.dirname(path.resolve(outDir)), '.zuban-cache');
}

/** Form asset id → a PNG of its page at the previews' resolution (rasterForm, cached by content). */
export async function previewForms(doc: Document, stageDir: string, cacheDir: string): Promise<Record<string, string>> {
  const { rasterForm } = await import('./render/preview/rasterForm.js');
  const out: Record<string, string> = {};
  for (const [id, f] of Object.entries(doc.forms ?? {})) out[id] = await rasterForm(f, path.join(stageDir, f.file), 150, cacheDir);
  return out;
}

/** The PDF pages placed as forms, copied under out/forms/ (the page tree names them there). */
export function copyForms(jobs: ComposedEdition['forms'], dir: string): NonNullable<Document['forms']> {
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
