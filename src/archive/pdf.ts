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
   * Placed images by asset id, shared by the files of one archive run (the pages' PDFs and
   * the e-paper place the same photos): each read, or converted to sRGB, once.
   */
  images?: Map<string, Buffer>;
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
  const meta = pdfaMeta(doc, pages, opts);
  const images = await prepareImages(doc, pages, opts.assetDir, opts.images ?? new Map());
  const hasForms = pages.some((p) => p.blocks.some((b) => b.graphics.some((g) => g.kind === 'form')));
  // a placed PDF keeps its own colours: its DeviceCMYK read through a CMYK profile (PDF/A-2 6.2.4.3)
  const cmyk = hasForms ? await builtinCmykProfile() : undefined;
  const fonts = new Map<string, FontUse>();
  const file = new PdfFile(
    {
      title: meta.title, date: meta.created, compress: true, extend: pdfA2u(meta),
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
      const f = fonts.get(key);
      if (!f) throw new Error(`archive PDF: font '${key}' was never drawn`);
      return { file: key, sfnt: f.sfnt };
    },
  );
  const fontFor = (id: string): FontUse => {
    let f = fonts.get(id);
    if (!f) {
      const ref = doc.fonts[id];
      if (!ref) throw new Error(`archive PDF: font '${id}' is not in the document's fonts`);
      const sfnt = openFont(path.resolve(opts.projectRoot, ref.file), opts.openFont?.(ref).sfnt);
      const scale = 1000 / sfnt.info().unitsPerEm;
      f = { map: new CidMap(`Z${fonts.size + 1}`, id, sfnt.advance(0) * scale), sfnt, scale };
      fonts.set(id, f);
    }
    return f;
  };
  const formFileOf = (asset: string) => {
    const f = doc.forms?.[asset];
    if (!f) throw new Error(`archive PDF: form '${asset}' is not in the document's forms`);
    return { file: path.resolve(opts.assetDir, f.file), page: f.page };
  };

  for (const page of pages) {
    const out: string[] = [];
    const write = (s: string) => out.push(s);
    const xobjects: Record<string, PdfRef> = {};
    const forms = new Map<string, string>();
    const used = new Map<string, { id: string; key: string }>();
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
          const src = images.get(g.asset);
          if (src === undefined) throw new Error(`archive PDF: asset '${g.asset}' is not in the document's assets`);
          const x = file.image(src);
          xobjects[x.name] = x.ref;
          write(`q\n${num(g.w)} 0 0 ${num(-g.h)} ${num(g.x)} ${num(g.y + g.h)} cm\n/${x.name} Do\nQ`);
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
        for (const run of line.runs) {
          if (run.gids.length === 0) continue;
          const f = fontFor(run.font);
          used.set(f.map.id, { id: f.map.id, key: run.font });
          const sel = `/${f.map.id} ${num(run.size)} Tf`;
          if (sel !== cur) ops.push((cur = sel));
          const paint = paintOp(run.fill, false, doc.spots);
          if (paint !== curPaint) ops.push((curPaint = paint));
          // 长体/扁体 (Tz) and 竖排 (a Tm per glyph): issue 13
          const tz = run.scale ?? 100;
          if (tz !== curTz) ops.push(`${num((curTz = tz))} Tz`);
          if (run.vertical) run.gids.forEach((_, i) => ops.push(`1 0 0 -1 ${num(line.x + run.xs[i])} ${num(line.baseline + (run.ys?.[i] ?? 0))} Tm ${tj(glyphOf(run, i), f, page.label)} TJ`));
          else ops.push(`1 0 0 -1 ${num(line.x + run.xs[0])} ${num(line.baseline)} Tm ${tj(run, f, page.label)} TJ`);
        }
      }
    }
    if (curTz !== 100) ops.push('100 Tz');
    ops.push('ET');
    write(ops.join('\n'));
    if (shifted) write('Q');
    const content: PageIn = {
      width: page.width, height: page.height, trim: page.trim, ops: out.join('\n'), fonts: [...used.values()], images: [], xobjects,
    };
    if (forms.size) content.forms = [...forms].map(([asset, id]) => ({ id, asset }));
    file.addPage(content, () => {
      throw new Error('archive PDF: images are drawn in place');
    }, formFileOf);
  }
  const tables: FontTable[] = [...fonts.values()].map((f) => ({ id: f.map.id, key: f.map.key, table: f.map.table }));
  return file.end(tables);
}

/** A run's TJ array: each glyph at the font's own width, offsets where the layout put it elsewhere. */
type Run = Document['pages'][number]['blocks'][number]['lines'][number]['runs'][number];

/** Glyph i of a vertical run, as a one-glyph run at its own origin. */
function glyphOf(run: Run, i: number): Run {
  const ch = [...run.text][i];
  return { ...run, text: ch, gids: [run.gids[i]], xs: [0], advs: [run.advs[i]], ranges: run.ranges.slice(2 * i, 2 * i + 2), vertical: undefined, ys: undefined };
}

function tj(run: Run, f: FontUse, label: string): string {
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
    out += f.map.cid(gid, width, ch.codePointAt(0)!);
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
