/**
 * Incremental rebuilds for `zuban build --watch` and `zuban serve`: the fonts, the photos'
 * pixel sizes and the last good build (its page trees and files) are kept between builds;
 * a rebuild composes again only the pages whose inputs changed and renders only their PDFs
 * and previews, linking the other pages' files from the previous build into the new stage.
 * The output is still switched whole (out/ → the new stage, one rename).
 *
 * A page's inputs, compared by fingerprint: its entry in edition.yaml and its template,
 * every article placed on it (text, front matter, its photos' size and mtime), the notices
 * folder and templates for a notices page, and the edition's own fields (paper, date, page
 * order: a change there recomposes every page). An article that jumps (转版) ties its two
 * pages together: either one changing recomposes both.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LoadedEdition } from './content/loadEdition.js';
import { FontBook } from './fonts/fontBook.js';
import type { Document, Page } from './frame/types.js';
import { openStage } from './io/outDir.js';
import { buildEdition, cacheDir, prepareAssets, previewForms, setEdition, type BuildOptions, type EditionSet, type PhotoSizeCache } from './pipeline.js';
import { projectRoot } from './projectRoot.js';
import { onePage, renderPdf } from './render/pdf/renderPdf.js';
import type { PreviewPool } from './render/preview/previewPool.js';
import { copyfitReport } from './report/copyfit.js';
import { proofDocument, proofMarks } from './report/proofMarks.js';

export interface RebuildResult {
  set: EditionSet;
  /** Pages composed and rendered again (all of them on the first build). */
  rebuilt: string[];
  /** Wall time of the build, ms. */
  ms: number;
  /** Milliseconds from the start at which each phase ended. */
  phases: Record<string, number>;
  /** The report.json written. */
  report: ReturnType<typeof copyfitReport>;
}

export class Rebuilder {
  private readonly fonts: FontBook;
  private readonly root: string;
  private readonly photoSizes: PhotoSizeCache = new Map();
  private previous?: { set: EditionSet; prints: Map<string, string>; dir: string; proof?: { doc: Document; marks: Map<string, string> } };
  private pool?: PreviewPool;
  private editionPdfDue = false;

  constructor(
    private readonly editionPath: string,
    private readonly outDir: string,
    private readonly opts: BuildOptions & { editionPdfLater?: boolean } = {},
  ) {
    this.root = opts.root ?? projectRoot;
    this.fonts = FontBook.load(this.root);
  }

  /** Builds; only the pages whose inputs changed since the last good build are set again. */
  async build(): Promise<RebuildResult> {
    const log = this.opts.log ?? ((l: string) => process.stderr.write(l + '\n'));
    const started = performance.now();
    if (this.opts.pdfx || this.opts.archive) {
      // the press pages and the archive package are not incremental yet: a whole build each time
      const set = await buildEdition(this.editionPath, this.outDir, this.opts);
      const report = copyfitReport(set.edition, set.editionDir, set.composed, set.print, set.diagnostics, set.notices);
      return { set, rebuilt: set.print.pages.map((p) => p.label), ms: performance.now() - started, report, phases: {} };
    }
    const prev = this.previous;
    let prints = new Map<string, string>();
    let rebuilt: string[] = [];
    const phases: Record<string, number> = {};
    const mark = (name: string) => (phases[name] = Math.round(performance.now() - started));
    const set = await setEdition(this.editionPath, this.fonts, {
      ...this.opts,
      log,
      reuse: {
        previous: prev?.set as EditionSet,
        photoSizes: this.photoSizes,
        pagesToCompose: (ed) => {
          prints = pagePrints(ed, path.dirname(path.resolve(this.editionPath)));
          const dirty = prev ? changedPages(ed, prev.prints, prints) : undefined;
          rebuilt = dirty ? [...dirty] : ed.edition.pages.map((p) => p.page);
          return dirty;
        },
      },
    });
    mark('set');
    const stage = openStage(this.outDir);
    try {
      const assets = await prepareAssets(set, stage.dir, this.outDir);
      mark('photos');
      const write = (rel: string, data: string | Uint8Array) => {
        const f = path.join(stage.dir, rel);
        fs.mkdirSync(path.dirname(f), { recursive: true });
        fs.writeFileSync(f, data);
      };
      const reuse = (rel: string) => {
        const from = prev && path.join(prev.dir, rel);
        if (!from || !fs.existsSync(from)) return false;
        fs.mkdirSync(path.dirname(path.join(stage.dir, rel)), { recursive: true });
        fs.linkSync(from, path.join(stage.dir, rel));
        return true;
      };
      const render = { openFont: (r: { role: string; file: string }) => this.fonts.faceForFile(r.role, r.file), assetDir: stage.dir };
      if (this.opts.preview !== false && !this.pool) {
        const { PreviewPool } = await import('./render/preview/previewPool.js');
        this.pool = new PreviewPool(this.root);
      }
      const report = copyfitReport(set.edition, set.editionDir, set.composed, set.print, set.diagnostics, set.notices);
      const marks = proofMarks(set.print, report.copyfit);
      const markFont = this.fonts.face('hei').file;
      const redo = new Set(rebuilt);
      const previews: Promise<void>[] = [];
      const images = Object.fromEntries(Object.entries(assets).map(([id, a]) => [id, path.join(stage.dir, a.file)]));
      // ads in the previews, as the full build draws them (cached by content)
      const forms = this.pool ? await previewForms(set.print, stage.dir, path.join(cacheDir(this.outDir), 'forms')) : {};
      for (const page of set.print.pages) {
        const pdf = `pages/${page.label}.pdf`, png = `preview/${page.label}.png`;
        if (!redo.has(page.label) && reuse(pdf) && (!this.pool || reuse(png))) continue;
        redo.add(page.label);
        write(pdf, await renderPdf(onePage(set.print, page), render));
        if (this.pool) previews.push(this.pool.render(page, { fonts: set.print.fonts, images, forms, marks: marks.filter((m) => m.page === page.label), markFont }).then((b) => write(png, b)));
      }
      rebuilt = set.print.pages.map((p) => p.label).filter((l) => redo.has(l));
      mark('pages');
      // --proof: a page's proof PDF is drawn again when the page was, or when its marks changed
      let proof: { doc: Document; marks: Map<string, string> } | undefined;
      if (this.opts.proof) {
        proof = { doc: proofDocument(set.print, marks, this.fonts, this.root), marks: new Map(set.print.pages.map((p) => [p.label, JSON.stringify(marks.filter((m) => m.page === p.label))])) };
        for (const page of proof.doc.pages) {
          const rel = `proof/${page.label}.pdf`;
          if (!redo.has(page.label) && prev?.proof?.marks.get(page.label) === proof.marks.get(page.label) && reuse(rel)) continue;
          write(rel, await renderPdf(onePage(proof.doc, page), render));
        }
      }
      const later = this.opts.editionPdfLater && prev !== undefined;
      if (!later) {
        write('edition.pdf', await renderPdf(set.print, render));
        if (proof) write('edition-proof.pdf', await renderPdf(proof.doc, render));
      }
      write('frame.json', this.frameJson(set.print));
      write('frame-archive.json', this.frameJson(set.archive));
      write('report.json', JSON.stringify(report, null, 1));
      mark('edition');
      await Promise.all(previews);
      mark('previews');
      stage.commit();
      this.previous = { set, prints, dir: stage.dir, proof };
      this.editionPdfDue = !!later;
      const ms = performance.now() - started;
      const all = set.print.pages.length;
      const what = rebuilt.length === all ? '' : ` — set again: ${rebuilt.join(', ') || 'none'} (${all - rebuilt.length} kept)`;
      const overset = set.composed.articles.filter((a) => a.body.overLines > 0);
      const result = this.opts.result ?? ((l: string) => process.stdout.write(l + '\n'));
      result(`built ${all} pages in ${(ms / 1000).toFixed(2)} s${what} → ${path.relative(process.cwd(), path.resolve(this.outDir)) || '.'}/ (overset: ${overset.length ? overset.map((a) => a.id).join(', ') : 'none'})`);
      mark('commit');
      if (process.env.ZUBAN_TIMING) log(`phases (ms from start): ${JSON.stringify(phases)}`);
      return { set, rebuilt, ms, report, phases };
    } catch (err) {
      stage.abort();
      throw err;
    }
  }

  /**
   * With `editionPdfLater`, a rebuild switches the output without edition.pdf (the pages,
   * previews, frame and report are there at once) and this writes it: a second stage with
   * every file of the first linked in and the whole-edition PDF added, switched the same way.
   * The watcher calls it when no edit is waiting.
   */
  async finishEditionPdf(): Promise<void> {
    const prev = this.previous;
    if (!prev || !this.editionPdfDue) return;
    this.editionPdfDue = false;
    const t0 = performance.now();
    const stage = openStage(this.outDir);
    try {
      const linkAll = (rel: string) => {
        for (const e of fs.readdirSync(path.join(prev.dir, rel), { withFileTypes: true })) {
          const r = path.join(rel, e.name);
          if (e.isDirectory()) {
            fs.mkdirSync(path.join(stage.dir, r), { recursive: true });
            linkAll(r);
          } else fs.linkSync(path.join(prev.dir, r), path.join(stage.dir, r));
        }
      };
      linkAll('');
      const render = { openFont: (r: { role: string; file: string }) => this.fonts.faceForFile(r.role, r.file), assetDir: stage.dir };
      fs.writeFileSync(path.join(stage.dir, 'edition.pdf'), await renderPdf(prev.set.print, render));
      if (prev.proof) fs.writeFileSync(path.join(stage.dir, 'edition-proof.pdf'), await renderPdf(prev.proof.doc, render));
      stage.commit();
      this.previous = { ...prev, dir: stage.dir };
      (this.opts.result ?? ((l: string) => process.stdout.write(l + '\n')))(`edition.pdf written in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
    } catch (err) {
      stage.abort();
      throw err;
    }
  }

  /** Each page's JSON, kept while the page is: most of frame.json is pages a rebuild kept. */
  private readonly pageJson = new WeakMap<Page, string>();

  /** JSON.stringify(doc), the same bytes, with the kept pages' JSON not made again. */
  private frameJson(doc: Document): string {
    const marker = '"@@zuban-pages@@"';
    const head = JSON.stringify({ ...doc, pages: [JSON.parse(marker)] });
    const pages = doc.pages.map((p) => {
      let j = this.pageJson.get(p);
      if (j === undefined) this.pageJson.set(p, (j = JSON.stringify(p)));
      return j;
    });
    return head.replace(`[${marker}]`, () => `[${pages.join(',')}]`);
  }

  /** The last good build's print page tree, if any. */
  get document(): Document | undefined {
    return this.previous?.set.print;
  }

  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = undefined;
  }
}

const hash = (v: unknown) => createHash('sha1').update(typeof v === 'string' ? v : JSON.stringify(v)).digest('hex');

const stamp = (file: string) => {
  try {
    const st = fs.statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return 'missing';
  }
};

/** A folder's files by name, size and mtime (no contents read). */
const folderStamp = (dir: string) => {
  try {
    return fs.readdirSync(dir, { recursive: true }).map(String).sort().map((f) => `${f}=${stamp(path.join(dir, f))}`).join('\n');
  } catch {
    return 'missing';
  }
};

/** The fingerprint of every page's inputs, and `*` for the edition's own fields. */
export function pagePrints(ed: LoadedEdition, editionDir: string): Map<string, string> {
  const prints = new Map<string, string>();
  const { pages, ...own } = ed.edition;
  prints.set('*', hash({ own, order: pages.map((p) => p.page) }));
  const templatesDir = path.resolve(editionDir, ed.edition.templatesDir);
  let notices: string | undefined;
  for (const spec of pages) {
    const touching = ed.articles.filter((a) => articlePages(a).includes(spec.page));
    if (spec.notices) notices ??= hash(folderStamp(path.join(editionDir, 'notices')) + folderStamp(templatesDir));
    prints.set(spec.page, hash({
      spec,
      template: ed.templates[spec.template],
      articles: touching.map((a) => ({ a, photos: a.photos.map((p) => stamp(p.path)) })),
      notices: spec.notices ? notices : undefined,
    }));
  }
  return prints;
}

/** Pages whose fingerprint changed, with the other page of every jump that touches one; undefined: all. */
export function changedPages(ed: LoadedEdition, before: ReadonlyMap<string, string>, now: ReadonlyMap<string, string>): Set<string> | undefined {
  if (before.get('*') !== now.get('*')) return undefined;
  const dirty = new Set(ed.edition.pages.map((p) => p.page).filter((p) => before.get(p) !== now.get(p)));
  for (let grew = true; grew; ) {
    grew = false;
    for (const a of ed.articles) {
      const pair = articlePages(a);
      if (pair.length < 2) continue;
      if (pair.some((p) => dirty.has(p)) && !pair.every((p) => dirty.has(p))) {
        pair.forEach((p) => dirty.add(p));
        grew = true;
      }
    }
  }
  return dirty;
}

/** Every page an article is set on: its first block and each hop of its chain (转版). */
export function articlePages(a: LoadedEdition['articles'][number]): string[] {
  return [...new Set([a.block.page, ...(a.chain ?? (a.continuation ? [a.continuation] : [])).map((h) => h.page)])];
}
