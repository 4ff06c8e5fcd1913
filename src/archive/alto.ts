/**
 * ALTO 4.4 for one page of a frame document, from the typesetter's own glyph positions:
 * a TextBlock per block (article piece, notice, furniture), a TextLine per set line with
 * its baseline, a String per word (jieba) with a Glyph per character. Units mm10, origin
 * at the page's (trim box's) top-left corner, as in the frame.
 */
import type { Block, Component, Document, ImageItem, Line, Page } from '../frame/types.js';
import { COMPONENT_NAMES, units } from './structure.js';
import { mm10, mm10Text } from './units.js';
import { Utf8Out } from './utf8Out.js';
import { wordSpans } from './words.js';
import { attrs, el, esc, ncName } from './xml.js';

export const ALTO_NS = 'http://www.loc.gov/standards/alto/ns-v4#';

export interface AltoOptions {
  /** The page's PDF as ALTO names it (Description/sourceImageInformation/fileName). */
  pdfFile?: string;
  /** The software named in Description/Processing. */
  software?: { name: string; version: string };
  /** processingDateTime (xsd:date or dateTime); default the edition's date. */
  processedAt?: string;
}

/** The ALTO id of a block (also what METS `area BEGIN` points to). */
export function altoBlockId(block: Block): string {
  return ncName('B.', block.id);
}

/** Whether a block shows text (whatever its kind: the PDF draws every block's lines). */
const hasText = (block: Block) => block.lines.some((l) => l.runs.some((r) => /\S/u.test(r.text)));
const imagesOf = (block: Block) => block.graphics.filter((g): g is ImageItem => g.kind === 'image');

/**
 * The ids of the ALTO elements written for a block, in order: its TextBlock, its
 * Illustrations (the block's own id for an image block holding one image), or its
 * GraphicalElement; none for a block with nothing to show. What METS areas point to.
 */
export function altoIdsOf(block: Block): string[] {
  const id = altoBlockId(block);
  const out: string[] = [];
  const text = hasText(block);
  if (text) out.push(id);
  const images = imagesOf(block);
  images.forEach((_, k) => out.push(imageId(block, k)));
  if (!text && images.length === 0 && block.kind === 'graphic' && block.graphics.length > 0) out.push(id);
  return out;
}

/** An image's Illustration id: the block's own for a text-less block of one image. */
function imageId(block: Block, k: number): string {
  const id = altoBlockId(block);
  return !hasText(block) && imagesOf(block).length === 1 ? id : `${id}.I${k + 1}`;
}

/** The ALTO file's Page id. */
export function altoPageId(page: Page): string {
  return `P${page.number}`;
}

const box = (x: number, y: number, w: number, h: number) => ({ HPOS: mm10(x), VPOS: mm10(y), WIDTH: mm10(w), HEIGHT: mm10(h) });

const ILLUSTRATION_TYPE: Partial<Record<Component, string>> = { photo: 'photo', ad: 'advertisement', furniture: 'furniture' };

export function altoForPage(doc: Document, page: Page, opts: AltoOptions = {}): string {
  return altoBytes(doc, page, opts).toString('utf8');
}

/** The page's ALTO file as UTF-8 bytes (what writeArchive writes and hashes). */
export function altoBytes(doc: Document, page: Page, opts: AltoOptions = {}): Buffer {
  const software = opts.software ?? { name: 'zuban', version: '0' };
  // notice types of this page's notices (the unit scan is over the document: a group header may be on an earlier page)
  const noticeType = new Map<string, string>();
  for (const u of units(doc)) if (u.noticeType && u.pieces.some((p) => p.page === page)) noticeType.set(u.id, u.noticeType);

  // styles: one per font and size, in order of first use
  const styles = new Map<string, string>();
  const styleXml: string[] = [];
  const styleOf = (font: string, size: number) => {
    const key = `${font}@${size}`;
    let id = styles.get(key);
    if (!id) {
      id = `S${styles.size + 1}`;
      styles.set(key, id);
      const f = doc.fonts[font];
      const serif = f ? !/^hei/i.test(f.role) : true;
      styleXml.push(
        el('TextStyle', {
          ID: id,
          FONTFAMILY: f?.postscriptName ?? font,
          FONTTYPE: serif ? 'serif' : 'sans-serif',
          FONTWIDTH: 'proportional',
          FONTSIZE: Math.round(size * 1000) / 1000,
          FONTSTYLE: f && /bold/i.test(f.postscriptName) ? 'bold' : undefined,
        }),
      );
    }
    return id;
  };

  // tags: a StructureTag per component, an OtherTag per notice type
  const tags = new Map<string, string>();
  const tagXml: string[] = [];
  const componentTag = (c: Component) => {
    let id = tags.get(`c:${c}`);
    if (!id) {
      id = `T.${c}`;
      tags.set(`c:${c}`, id);
      tagXml.push(el('StructureTag', { ID: id, TYPE: 'component', LABEL: c, DESCRIPTION: COMPONENT_NAMES[c] }));
    }
    return id;
  };
  const noticeTag = (type: string) => {
    let id = tags.get(`n:${type}`);
    if (!id) {
      id = `T.notice-type.${tags.size + 1}`;
      tags.set(`n:${type}`, id);
      tagXml.push(el('OtherTag', { ID: id, TYPE: 'notice type', LABEL: type, DESCRIPTION: '声明/公告类别' }));
    }
    return id;
  };

  const onPage = new Map(page.blocks.map((b) => [b.id, b]));
  // the blocks are written first (they fill Styles and Tags), as bytes
  const blocks = new Utf8Out(1 << 20);
  for (const block of page.blocks) {
    const id = altoBlockId(block);
    const comp = block.source.component;
    const next = block.next !== undefined ? onPage.get(block.next) : undefined;
    if (hasText(block)) {
      const tagRefs = [componentTag(comp)];
      if (comp === 'notice' && noticeType.has(block.source.id)) tagRefs.push(noticeTag(noticeType.get(block.source.id)!));
      blocks.text(
        `<TextBlock${attrs({
          ID: id,
          ...box(block.rect.x, block.rect.y, block.rect.w, block.rect.h),
          // IDNEXT is an xsd:IDREF: only a continuation in this file; METS links the pages
          IDNEXT: next !== undefined && hasText(next) ? altoBlockId(next) : undefined,
          TAGREFS: tagRefs.join(' '),
          LANG: 'zh',
        })}>`,
      );
      block.lines.forEach((line, i) => textLine(blocks, line, `${id}.L${i + 1}`, comp, styleOf, componentTag));
      blocks.text('</TextBlock>');
    }
    // images: the block itself when it is an image block, else each image it holds
    const images = imagesOf(block);
    images.forEach((im, k) => {
      blocks.text(
        el('Illustration', {
          ID: imageId(block, k),
          ...box(im.x, im.y, im.w, im.h),
          TAGREFS: componentTag(comp),
          // the photo's asset id is no METS file: FILEID left out
          TYPE: ILLUSTRATION_TYPE[comp] ?? 'image',
        }),
      );
    });
    if (!hasText(block) && block.kind === 'graphic' && images.length === 0 && block.graphics.length > 0) {
      blocks.text(el('GraphicalElement', { ID: id, ...box(block.rect.x, block.rect.y, block.rect.w, block.rect.h), TAGREFS: componentTag(comp) }));
    }
  }

  const ps = page.printSpace ?? extent(page);
  const layoutOpen =
    '<Layout>' +
    `<Page${attrs({
      ID: altoPageId(page),
      PHYSICAL_IMG_NR: page.number,
      PRINTED_IMG_NR: page.label,
      WIDTH: mm10(page.trim.w),
      HEIGHT: mm10(page.trim.h),
      LANG: 'zh',
    })}>` +
    `<PrintSpace${attrs({ ID: `PS${page.number}`, ...box(ps.x, ps.y, ps.w, ps.h) })}>`;

  const description = el(
    'Description',
    {},
    el('MeasurementUnit', {}, 'mm10') +
      (opts.pdfFile ? el('sourceImageInformation', {}, el('fileName', {}, esc(opts.pdfFile))) : '') +
      el(
        'Processing',
        { ID: 'PROC1' },
        el('processingCategory', {}, 'contentGeneration') +
          el('processingDateTime', {}, esc(opts.processedAt ?? doc.meta.date)) +
          el('processingAgency', {}, esc(doc.meta.publisher ?? doc.meta.paper)) +
          el('processingStepDescription', {}, 'Born digital: text and boxes from the typesetter’s page tree (frame v1), not OCR; words by jieba') +
          el(
            'processingSoftware',
            {},
            el('softwareCreator', {}, esc(software.name)) + el('softwareName', {}, esc(software.name)) + el('softwareVersion', {}, esc(software.version)),
          ),
      ),
  );
  // Styles and Tags are filled while the blocks are written: build them last
  const stylesXml = styleXml.length > 0 ? el('Styles', {}, styleXml.join('')) : '';
  const tagsXml = tagXml.length > 0 ? el('Tags', {}, tagXml.join('')) : '';
  const head =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<alto${attrs({
      xmlns: ALTO_NS,
      'xmlns:xlink': 'http://www.w3.org/1999/xlink',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${ALTO_NS} http://www.loc.gov/alto/v4/alto-4-4.xsd`,
      SCHEMAVERSION: '4.4',
    })}>` +
    description +
    stylesXml +
    tagsXml +
    layoutOpen;
  return Buffer.concat([Buffer.from(head, 'utf8'), blocks.bytes(), Buffer.from('</PrintSpace></Page></Layout></alto>\n', 'latin1')]);
}

/**
 * Whether a code point is white space (ALTO's SP): what `/^\s$/u` matches — ECMAScript's
 * WhiteSpace and LineTerminator (tab, LF, VT, FF, CR, the Zs spaces, U+2028/9, U+FEFF).
 */
export function isSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A character of CONTENT: most need no escaping (esc() for the few that do). */
function writeChar(out: Utf8Out, c: number): void {
  if (c > 0x3e) out.cp(c);
  else out.text(esc(String.fromCharCode(c)));
}

/**
 * A TextLine: Strings by word (split where the run, and so the style, changes), SP for white
 * space; nothing for a line of white space only. Strings and Glyphs are most of the file
 * (an element per character): they are written from the line's runs straight into `out`,
 * with no object or string per glyph.
 */
function textLine(
  out: Utf8Out,
  line: Line,
  id: string,
  blockComponent: Component,
  styleOf: (font: string, size: number) => string,
  componentTag: (c: Component) => string,
): void {
  // the line's glyphs, left to right, as parallel arrays (what lineGlyphs() gives as objects)
  const cps: number[] = [];
  let text = '';
  const xs: number[] = [];
  const ws: number[] = [];
  const runOf: number[] = [];
  // 竖排 only: each glyph's em box, top (NaN in a horizontal run) and height
  const ys: number[] = [];
  const hs: number[] = [];
  let vertical = false;
  let ink = false;
  for (let r = 0; r < line.runs.length; r++) {
    const run = line.runs[r];
    if (run.vertical) vertical = true;
    text += run.text;
    let i = 0;
    for (let at = 0; at < run.text.length; at++) {
      if (i >= run.gids.length) throw new Error(`run text and glyphs differ in length: ${JSON.stringify(run.text)}`);
      const c = run.text.codePointAt(at)!;
      if (c > 0xffff) at++;
      cps.push(c);
      if (!ink && !isSpaceCode(c)) ink = true;
      xs.push(line.x + run.xs[i]);
      ws.push(run.advs[i]);
      runOf.push(r);
      ys.push(run.vertical ? line.baseline + (run.ys?.[i] ?? 0) - line.ascent : NaN);
      hs.push(run.size);
      i++;
    }
    if (i !== run.gids.length) throw new Error(`run text and glyphs differ in length: ${JSON.stringify(run.text)}`);
  }
  const n = cps.length;
  // ALTO's line is (String, SP?)+: a line of white space only is left out
  if (!ink) return;
  const top = line.baseline - line.ascent;
  const height = line.ascent + line.descent;
  const spanX = (a: number, b: number) => {
    let x0 = Infinity, x1 = -Infinity;
    for (let i = a; i < b; i++) (x0 = Math.min(x0, xs[i])), (x1 = Math.max(x1, xs[i] + ws[i]));
    return [x0, x1];
  };
  const x0 = mm10(xs[0]), x1 = mm10(xs[n - 1] + ws[n - 1]), base = mm10(line.baseline);
  const comp = line.component && line.component !== blockComponent ? line.component : undefined;
  // 竖排: the baseline runs down the column's middle
  const cx = mm10(line.x + line.measure / 2);
  const baseline = vertical ? `${cx},${mm10(top)} ${cx},${mm10(top + height)}` : `${x0},${base} ${x1},${base}`;
  const [bx0, bx1] = vertical ? spanX(0, n) : [xs[0], xs[n - 1] + ws[n - 1]];
  out.text(`<TextLine${attrs({ ID: id, ...box(bx0, top, bx1 - bx0, height), TAGREFS: comp ? componentTag(comp) : undefined, BASELINE: baseline })}>`);

  let strings = 0;
  let spaceFrom = -1, spaceTo = -1; // pending white space, glyphs [spaceFrom, spaceTo)
  const flushSpace = () => {
    // white space before the first String is dropped, a run of it is one SP
    if (spaceFrom >= 0 && strings > 0) {
      const a = spaceFrom, b = spaceTo - 1;
      out.text(el('SP', { HPOS: mm10(xs[a]), VPOS: mm10(top), WIDTH: mm10(xs[b] + ws[b] - xs[a]), HEIGHT: mm10(height) }));
    }
    spaceFrom = spaceTo = -1;
  };
  const tail = ` VPOS="${mm10Text(top)}" HEIGHT="${mm10Text(height)}"`;
  for (const [start, end] of wordSpans(text)) {
    // split at run boundaries: a String has one style
    let s = start;
    while (s < end) {
      let e = s + 1;
      while (e < end && runOf[e] === runOf[s]) e++;
      let space = true;
      for (let i = s; i < e && space; i++) if (!isSpaceCode(cps[i])) space = false;
      if (space) {
        if (spaceFrom < 0) spaceFrom = s;
        spaceTo = e;
      } else {
        flushSpace();
        const run = line.runs[runOf[s]];
        out.text('<String HPOS="');
        if (!run.vertical) {
          out.mm10(xs[s]);
          out.text('" WIDTH="');
          out.mm10(xs[e - 1] + ws[e - 1] - xs[s]);
          out.text('"');
          out.text(tail);
        } else {
          // the String's box round its glyphs, top to bottom
          const [sx0, sx1] = spanX(s, e);
          out.mm10(sx0);
          out.text('" WIDTH="');
          out.mm10(sx1 - sx0);
          out.text('" VPOS="');
          out.mm10(ys[s]);
          out.text('" HEIGHT="');
          out.mm10(ys[e - 1] + hs[e - 1] - ys[s]);
          out.text('"');
        }
        out.text(' STYLEREFS="');
        out.text(styleOf(run.font, run.size));
        out.text('" CONTENT="');
        for (let i = s; i < e; i++) writeChar(out, cps[i]);
        out.text('">');
        for (let i = s; i < e; i++) {
          out.text('<Glyph CONTENT="');
          writeChar(out, cps[i]);
          out.text('" HPOS="');
          out.mm10(xs[i]);
          out.text('" WIDTH="');
          out.mm10(ws[i]);
          out.text('"');
          // 竖排: each glyph's own em box
          if (Number.isNaN(ys[i])) out.text(tail);
          else {
            out.text(' VPOS="');
            out.mm10(ys[i]);
            out.text('" HEIGHT="');
            out.mm10(hs[i]);
            out.text('"');
          }
          out.text('/>');
        }
        out.text('</String>');
        strings++;
      }
      s = e;
    }
  }
  flushSpace();
  out.text('</TextLine>');
}

/** The blocks' extent, when the page names no 版心. */
function extent(page: Page): { x: number; y: number; w: number; h: number } {
  if (page.blocks.length === 0) return { x: 0, y: 0, w: page.trim.w, h: page.trim.h };
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const b of page.blocks) {
    x0 = Math.min(x0, b.rect.x);
    y0 = Math.min(y0, b.rect.y);
    x1 = Math.max(x1, b.rect.x + b.rect.w);
    y1 = Math.max(y1, b.rect.y + b.rect.h);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

