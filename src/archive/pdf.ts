/**
 * The archive's PDFs: a page, or the whole e-paper edition, of a frame document as
 * PDF/A-2u (pdfa.ts). Glyphs are drawn from the frame's glyph ids and positions, each
 * through a CID whose width is the font's own advance (PDF/A 6.2.11.5: widths and font
 * program agree), moved to its place by TJ offsets; fonts are embedded as subsets with
 * ToUnicode (render/pdf's SubsetFont and CidMap); paints become DeviceGray or DeviceRGB
 * and CMYK images sRGB (the output intent is sRGB).
 *
 * This is the archive's own small drawer of frame v1 pages (its colours and widths are
 * not the press's); the file is written by render/pdf's PdfFile, as the print PDF is, and a
 * placed PDF (an advertisement) is drawn as the same form XObject, its CMYK under a
 * DefaultCMYK colour space so that it stays PDF/A.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Document, FontRef, Page, Paint } from '../frame/types.js';
import { SfntMetrics } from '../fonts/sfntMetrics.js';
import { builtinCmykProfile } from '../print/icc.js';
import { CidMap } from '../render/pdf/cidMap.js';
import { PdfFile, type FontTable, type PageIn } from '../render/pdf/pdfFile.js';
import type { PdfRef } from '../render/pdf/pdfObjects.js';
import { pathOps } from '../render/pdf/pathOps.js';
import { maskOps } from '../render/pdf/maskOps.js';
import { pdfA2u, type PdfAMeta } from './pdfa.js';

export interface ArchivePdfOptions {
  /** Font files are `fonts[id].file` relative to this folder. */
  projectRoot: string;
  /** Asset files are `assets[id].file` relative to this folder (the build's output folder). */
  assetDir: string;
  /** Creator tool, e.g. `zuban 0.1.0`. */
  creator?: string;
  /** Creation date; default noon UTC of the edition date, so equal input gives equal bytes. */
  created?: Date;
  /**
   * The build's own face of a document font, when it has one open: its glyph records are
   * read already (default: the archive opens the file itself, once per process).
   */
  openFont?: (ref: Pick<FontRef, 'role' | 'file'>) => { sfnt?: SfntMetrics };
  /**
   * What the files of one archive run share (archiveRun()): each page is drawn once, its
   * content stream deflated once and placed in its page's PDF and in the e-paper. Without
   * it, each call is a run of its own.
   */
  run?: ArchiveRun;
}

/**
 * The state the files of one archive run share: one CID numbering per font (so a page's
 * operators are the same bytes in its own PDF and in the e-paper; each file embeds the
 * glyphs of the CIDs it draws, SubsetFont.finish), each page's drawing, each content
 * stream deflated, each photo read or converted to sRGB, once.
 */
export interface ArchiveRun {
  fonts: Map<string, FontUse>;
  pages: Map<Page, DrawnPage>;
  images: Map<string, Buffer>;
  /** Image resource names by asset id (run-wide, so the operators name them alike in every file). */
  imageNames: Map<string, string>;
  contents: Map<string, Buffer>;
}

export function archiveRun(): ArchiveRun {
  return { fonts: new Map(), pages: new Map(), images: new Map(), imageNames: new Map(), contents: new Map() };
}

/** A page's drawing: its operators, the fonts and CIDs they select, the images and forms they place. */
interface DrawnPage {
  ops: string;
  /** By font id: the CIDs drawn, in order of first use on the page. */
  cids: Map<string, number[]>;
  /** Image resource name → asset id. */
  images: Map<string, string>;
  forms: Map<string, string>;
}

/** A page of the document as a PDF/A-2u file. */
export function archivePdf(doc: Document, page: Page, opts: ArchivePdfOptions): Promise<Buffer> {
  return drawPdf(doc, [page], opts);
}

/** The whole document (the e-paper edition) as one PDF/A-2u file. */
export function epaperPdf(doc: Document, opts: ArchivePdfOptions): Promise<Buffer> {
  return drawPdf(doc, doc.pages, opts);
}

/** 2026-12-04 → 2026年12月4日. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** The XMP and Info of a file of these pages. */
export function pdfaMeta(doc: Document, pages: Page[], opts: Pick<ArchivePdfOptions, 'creator' | 'created'>): PdfAMeta {
  const m = doc.meta;
  const one = pages.length === 1 ? pages[0] : undefined;
  const issue = m.issue !== undefined ? ` 总第${m.issue}期` : '';
  const title = one
    ? `${m.paper} ${chineseDate(m.date)} ${one.label}版${one.name ? ` ${one.name}` : ''}`
    : `${m.paper} ${chineseDate(m.date)}${issue}`;
  return {
    title,
    paper: m.paper,
    date: m.date,
    issue: m.issue,
    cn: m.cn,
    publisher: m.publisher,
    pages: pages.map((p) => ({ label: p.label, number: p.number, name: p.name })),
    subject: one ? `${m.paper} ${m.date} 第${one.number}页 ${one.label}版` : `${m.paper} ${m.date} 电子版，${pages.length}版`,
    keywords: [m.paper, m.cn, one?.label, one?.name].filter(Boolean).join(', '),
    creator: opts.creator ?? 'zuban',
    producer: opts.creator ?? 'zuban',
    lang: 'zh-CN',
    created: opts.created ?? new Date(`${m.date.slice(0, 10)}T12:00:00Z`),
  };
}

/** Fonts the archive opens itself, once per process: a page's PDF and the e-paper read the same files. */
const sfntCache = new Map<string, SfntMetrics>();
function openFont(file: string, build?: SfntMetrics): SfntMetrics {
  if (build?.hasGlyf) return build;
  let f = sfntCache.get(file);
  if (!f) {
    const opened = SfntMetrics.open(file);
    if (!opened || !opened.hasGlyf) throw new Error(`archive PDF: ${file} is not a TrueType font`);
    f = opened;
    sfntCache.set(file, f);
  }
  return f;
}

interface FontUse {
  map: CidMap;
  sfnt: SfntMetrics;
  /** Font units → 1/1000 em. */
  scale: number;
  /** CID by glyph id, once numbered. */
  cidOf: Int32Array;
  /** By glyph id, the last page drawn with it (a stamp of the run). */
  seen: Int32Array;
}

const num = (v: number) => {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};

/** A paint as a fill (`g`/`rg`) or stroke (`G`/`RG`) operator, in DeviceGray or DeviceRGB. */
export function paintOp(paint: Paint | undefined, stroke: boolean, spots: Document['spots']): string {
  if (!paint || 'gray' in paint) return `${num(paint ? paint.gray : 0)} ${stroke ? 'G' : 'g'}`;
  let cmyk: [number, number, number, number];
  if ('cmyk' in paint) cmyk = paint.cmyk;
  else {
    const alt = spots?.[paint.spot] ?? [0, 0, 0, 1];
    cmyk = alt.map((v) => v * paint.tint) as [number, number, number, number];
  }
  const [c, m, y, k] = cmyk;
  // naive CMYK → RGB: the archive shows colours, it does not proof them
  const rgb = [c, m, y].map((v) => num((1 - v) * (1 - k)));
  return `${rgb.join(' ')} ${stroke ? 'RG' : 'rg'}`;
}

async function drawPdf(doc: Document, pages: Page[], opts: ArchivePdfOptions): Promise<Buffer> {
  const run = opts.run ?? archiveRun();
  const meta = pdfaMeta(doc, pages, opts);
  const images = await prepareImages(doc, pages, opts.assetDir, run.images);
  const hasForms = pages.some((p) => p.blocks.some((b) => b.graphics.some((g) => g.kind === 'form')));
  // a placed PDF keeps its own colours: its DeviceCMYK read through a CMYK profile (PDF/A-2 6.2.4.3)
  const cmyk = hasForms ? await builtinCmykProfile() : undefined;
  const file = new PdfFile(
    {
      title: meta.title, date: meta.created, compress: true, extend: pdfA2u(meta), contents: run.contents,
      formColorSpaces: cmyk
        ? (o) => {
            const icc = o.ref({ N: 4, Alternate: 'DeviceCMYK' });
            icc.end(cmyk);
            const cs = o.ref(['ICCBased', icc]);
            cs.end();
            return { DefaultCMYK: cs };
          }
        : undefined,
    },
    (key) => {
      const f = run.fonts.get(key);
      if (!f) throw new Error(`archive PDF: font '${key}' was never drawn`);
      return { file: key, sfnt: f.sfnt };
    },
  );
  const formFileOf = (asset: string) => {
    const f = doc.forms?.[asset];
    if (!f) throw new Error(`archive PDF: form '${asset}' is not in the document's forms`);
    return { file: path.resolve(opts.assetDir, f.file), page: f.page };
  };

  // the CIDs this file draws, by font id
  const used = new Map<string, Set<number>>();
  for (const page of pages) {
    let drawn = run.pages.get(page);
    if (!drawn) run.pages.set(page, (drawn = drawPage(doc, page, run, opts)));
    const xobjects: Record<string, PdfRef> = {};
    for (const [name, asset] of drawn.images) {
      const src = images.get(asset);
      if (src === undefined) throw new Error(`archive PDF: asset '${asset}' is not in the document's assets`);
      xobjects[name] = file.image(src).ref;
    }
    for (const [id, cids] of drawn.cids) {
      let set = used.get(id);
      if (!set) used.set(id, (set = new Set([0])));
      for (const c of cids) set.add(c);
    }
    const content: PageIn = {
      width: page.width, height: page.height, trim: page.trim, ops: drawn.ops, images: [], xobjects,
      fonts: [...drawn.cids.keys()].map((id) => ({ id: run.fonts.get(id)!.map.id, key: id })),
    };
    if (drawn.forms.size) content.forms = [...drawn.forms].map(([asset, id]) => ({ id, asset }));
    file.addPage(content, () => {
      throw new Error('archive PDF: images are drawn in place');
    }, formFileOf);
  }
  // the fonts in the run's order; each embeds the glyphs of the CIDs this file draws
  const tables: FontTable[] = [];
  for (const [id, f] of run.fonts) {
    const cids = used.get(id);
    if (cids) tables.push({ id: f.map.id, key: id, table: f.map.table, used: [...cids].sort((x, y) => x - y) });
  }
  return file.end(tables);
}

/** Draws a page: graphics block by block, then all text in one BT … ET, CIDs numbered in the run. */
function drawPage(doc: Document, page: Page, run: ArchiveRun, opts: ArchivePdfOptions): DrawnPage {
  const stamp = run.pages.size + 1;
  const out: string[] = [];
  const write = (s: string) => out.push(s);
  const imageNames = new Map<string, string>();
  const forms = new Map<string, string>();
  const cids = new Map<string, number[]>();
  const fontFor = (id: string): FontUse => {
    let f = run.fonts.get(id);
    if (!f) {
      const ref = doc.fonts[id];
      if (!ref) throw new Error(`archive PDF: font '${id}' is not in the document's fonts`);
      const sfnt = openFont(path.resolve(opts.projectRoot, ref.file), opts.openFont?.(ref).sfnt);
      const scale = 1000 / sfnt.info().unitsPerEm;
      // glyph ids are 16-bit
      f = { map: new CidMap(`Z${run.fonts.size + 1}`, id, sfnt.advance(0) * scale), sfnt, scale, cidOf: new Int32Array(0x10000), seen: new Int32Array(0x10000) };
      run.fonts.set(id, f);
    }
    return f;
  };
  const t = page.trim;
  const shifted = t.x !== 0 || t.y !== 0;
  if (shifted) write(`q 1 0 0 1 ${num(t.x)} ${num(t.y)} cm`);
  // graphics first, block by block
  for (const block of page.blocks) {
    for (const g of block.graphics) {
      if (g.kind === 'rule') {
        write(`q ${paintOp(g.stroke, true, doc.spots)} ${num(g.width)} w ${num(g.x1)} ${num(g.y1)} m ${num(g.x2)} ${num(g.y2)} l S Q`);
      } else if (g.kind === 'box') {
        const fill = g.fill ? `${paintOp(g.fill, false, doc.spots)} ` : '';
        const stroke = g.stroke > 0 ? `${paintOp(g.strokePaint, true, doc.spots)} ${num(g.stroke)} w ` : '';
        const op = g.fill ? (g.stroke > 0 ? 'B' : 'f') : g.stroke > 0 ? 'S' : 'n';
        write(`q ${fill}${stroke}${num(g.x)} ${num(g.y)} ${num(g.w)} ${num(g.h)} re ${op} Q`);
      } else if (g.kind === 'path') {
        // masthead art (issue 13), in the archive's own paint
        write(pathOps(g, paintOp(g.fill, false, doc.spots)));
      } else if (g.kind === 'mask') {
        // PNG masthead art: a one-ink inline image in the spot's Separation
        write(maskOps(g, paintOp(g.fill, false, doc.spots)));
      } else if (g.kind === 'image') {
        if (!doc.assets[g.asset]) throw new Error(`archive PDF: asset '${g.asset}' is not in the document's assets`);
        let name = run.imageNames.get(g.asset);
        if (!name) run.imageNames.set(g.asset, (name = `Im${run.imageNames.size + 1}`));
        imageNames.set(name, g.asset);
        write(`q\n${num(g.w)} 0 0 ${num(-g.h)} ${num(g.x)} ${num(g.y + g.h)} cm\n/${name} Do\nQ`);
      } else if (g.kind === 'form') {
        // as the print PDF draws it (render/pdf/pageContent.ts): the form's space is y-up
        const bbox = doc.forms?.[g.asset]?.box ?? [0, 0, g.w, g.h];
        const id = forms.get(g.asset) ?? `Fm${forms.size + 1}`;
        forms.set(g.asset, id);
        const sx = g.w / (bbox[2] - bbox[0]), sy = g.h / (bbox[3] - bbox[1]);
        write(`q ${num(sx)} 0 0 ${num(-sy)} ${num(g.x - bbox[0] * sx)} ${num(g.y + g.h + bbox[1] * sy)} cm /${id} Do Q`);
      }
    }
  }
  // then the text, in one BT … ET (the CTM is top-down: each Tm flips back, d = −1)
  const ops: string[] = ['BT'];
  let cur = '';
  let curPaint = '0 g';
  let curTz = 100;
  for (const block of page.blocks) {
    for (const line of block.lines) {
      for (const r of line.runs) {
        if (r.gids.length === 0) continue;
        const f = fontFor(r.font);
        let list = cids.get(r.font);
        if (!list) cids.set(r.font, (list = []));
        const sel = `/${f.map.id} ${num(r.size)} Tf`;
        if (sel !== cur) ops.push((cur = sel));
        const paint = paintOp(r.fill, false, doc.spots);
        if (paint !== curPaint) ops.push((curPaint = paint));
        // 长体/扁体 (Tz) and 竖排 (a Tm per glyph): issue 13
        const tz = r.scale ?? 100;
        if (tz !== curTz) ops.push(`${num((curTz = tz))} Tz`);
        if (r.vertical) r.gids.forEach((_, i) => ops.push(`1 0 0 -1 ${num(line.x + r.xs[i])} ${num(line.baseline + (r.ys?.[i] ?? 0))} Tm ${tj(glyphOf(r, i), f, page.label, stamp, list)} TJ`));
        else ops.push(`1 0 0 -1 ${num(line.x + r.xs[0])} ${num(line.baseline)} Tm ${tj(r, f, page.label, stamp, list)} TJ`);
      }
    }
  }
  if (curTz !== 100) ops.push('100 Tz');
  ops.push('ET');
  write(ops.join('\n'));
  if (shifted) write('Q');
  return { ops: out.join('\n'), cids, images: imageNames, forms };
}

/** A run's TJ array: each glyph at the font's own width, offsets where the layout put it elsewhere. */
type Run = Document['pages'][number]['blocks'][number]['lines'][number]['runs'][number];

/** Glyph i of a vertical run, as a one-glyph run at its own origin. */
function glyphOf(run: Run, i: number): Run {
  const ch = [...run.text][i];
  return { ...run, text: ch, gids: [run.gids[i]], xs: [0], advs: [run.advs[i]], ranges: run.ranges.slice(2 * i, 2 * i + 2), vertical: undefined, ys: undefined };
}

/** `stamp` and `cids`: each CID the page draws is listed once in `cids`. */
function tj(run: Run, f: FontUse, label: string, stamp: number, cids: number[]): string {
  // widths in the array are unscaled: Tz scales them
  const tz = (run.scale ?? 100) / 100;
  const k = 1000 / run.size / tz;
  let out = '[<';
  let pen = run.xs[0];
  let i = 0;
  for (const ch of run.text) {
    const gid = run.gids[i];
    if (gid === 0) throw new Error(`archive PDF: page ${label}: no glyph for ${JSON.stringify(ch)} (PDF/A forbids drawing .notdef)`);
    const x = run.xs[i];
    const gap = x - pen;
    if (gap > 0.0005 || gap < -0.0005) out += `> ${num(-gap * k)} <`;
    const width = f.sfnt.advance(gid) * f.scale;
    const before = f.map.table.gids.length;
    out += f.map.cid(gid, width, ch.codePointAt(0)!);
    if (f.map.table.gids.length !== before) f.cidOf[gid] = before;
    if (f.seen[gid] !== stamp) {
      f.seen[gid] = stamp;
      cids.push(f.cidOf[gid]);
    }
    pen = x + (width * run.size * tz) / 1000;
    i++;
  }
  return out + '>]';
}

/**
 * Asset id → the JPEG placed: the file's bytes, or for a CMYK image an sRGB JPEG of it (the
 * output intent is sRGB); `cache` holds them across the files of a run.
 */
async function prepareImages(doc: Document, pages: Page[], assetDir: string, cache: Map<string, Buffer>): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const page of pages)
    for (const block of page.blocks)
      for (const g of block.graphics) {
        if (g.kind !== 'image' || out.has(g.asset)) continue;
        const asset = doc.assets[g.asset];
        if (!asset) continue;
        let bytes = cache.get(g.asset);
        if (!bytes) {
          const file = path.resolve(assetDir, asset.file);
          if (asset.colorSpace === 'cmyk') {
            const sharp = (await import('sharp')).default;
            bytes = await sharp(file).toColourspace('srgb').jpeg({ quality: 92 }).toBuffer();
          } else bytes = fs.readFileSync(file);
          cache.set(g.asset, bytes);
        }
        out.set(g.asset, bytes);
      }
  return out;
}
