/**
 * A TrueType font embedded in a PDF as a subset, written by zuban from the font's own
 * bytes (SfntMetrics) — a Type 0 font with Identity-H encoding over a CIDFontType2 whose
 * CIDs are mapped to the subset's glyphs (in glyph-id order) by a CIDToGIDMap stream, a W
 * array and a ToUnicode CMap.
 * Why not a PDF library's font embedding: it goes through fontkit, whose loading alone is a
 * fifth of a one-page `zuban typeset`, and re-encodes every table through restructure; here
 * the subset is tables copied as bytes and three small headers patched. The objects are
 * the file's (pdfObjects.ts).
 */
import type { SfntMetrics } from '../../fonts/sfntMetrics.js';
import type { CidTable } from './cidMap.js';
import { fastDeflate, type PdfObjects, type PdfRef } from './pdfObjects.js';

export { fastDeflate };

/**
 * A font object of the PDF file: the dictionary pages name in their resources (`ref`),
 * written out once the last page has said which CIDs it uses (`finish`).
 */
export interface PdfFontObject {
  readonly ref: PdfRef;
  /** `used`: the CIDs the file draws, ascending, 0 first (default: every CID of the table). */
  finish(table: CidTable, used?: readonly number[]): void;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

export class SubsetFont implements PdfFontObject {
  private readonly dict: PdfRef;

  constructor(
    private readonly doc: PdfObjects,
    /** Resource name on the pages, e.g. 'Z1' (also the seed of the subset tag). */
    private readonly id: string,
    private readonly sfnt: SfntMetrics,
  ) {
    this.dict = this.doc.ref();
  }

  get ref(): PdfRef {
    return this.dict;
  }

  /**
   * Writes the font from its CID table: the glyphs of the CIDs the file draws (`used`,
   * ascending, 0 first; default every CID of the table) as a subset in glyph-id order, a
   * CIDToGIDMap stream from each CID to its glyph there, and W and ToUnicode of those CIDs.
   * In glyph-id order, two files that draw the same glyphs — a page's print PDF and its
   * archive PDF/A, whose CIDs are numbered apart — embed the same subset, deflated once
   * (`packedSubset`).
   */
  finish(table: CidTable, used?: readonly number[]): void {
    const cids = used ?? table.gids.map((_, cid) => cid);
    const gids = [...new Set(cids.map((cid) => table.gids[cid]))].sort((x, y) => x - y);
    const at = new Map(gids.map((g, k) => [g, k]));
    const map = new Uint8Array(2 * (cids[cids.length - 1] + 1));
    const w: unknown[] = [];
    const unicode: (number | undefined)[] = [];
    let run: number[] = [];
    cids.forEach((cid, k) => {
      const g = at.get(table.gids[cid])!;
      map[2 * cid] = g >> 8;
      map[2 * cid + 1] = g & 0xff;
      unicode[cid] = table.unicode[cid];
      // W as runs of consecutive CIDs: c [w1 w2 …]
      if (k === 0 || cid !== cids[k - 1] + 1) w.push(cid, (run = []));
      run.push(table.widths[cid]);
    });
    const cidToGid = this.doc.ref();
    cidToGid.end(map);
    this.write(gids, w, cidToGid, unicode);
  }

  private write(gids: number[], w: unknown[], cidToGid: PdfRef, unicode: readonly (number | undefined)[]): void {
    const info = this.sfnt.info();
    const s = 1000 / info.unitsPerEm;
    const file = this.doc.ref();
    if (this.doc.compress) {
      const { length, packed } = packedSubset(this.sfnt, gids);
      file.data = { Length1: length, Filter: 'FlateDecode' };
      file.end(packed);
    } else {
      const bytes = writeSubset(this.sfnt, gids);
      file.data = { Length1: bytes.length };
      file.end(bytes);
    }
    // the subset tag: six capitals from the resource name
    const tag = [1, 2, 3, 4, 5, 6].map((i) => String.fromCharCode((this.id.charCodeAt(i) || 73) + 17)).join('');
    const name = `${tag}+${info.postscriptName.replaceAll(' ', '_')}`;
    let flags = 1 << 2; // symbolic: the glyphs are not the standard Latin set
    if (info.fixedPitch) flags |= 1 << 0;
    if (info.familyClass >= 1 && info.familyClass <= 7) flags |= 1 << 1;
    if (info.familyClass === 10) flags |= 1 << 3;
    if (info.italic) flags |= 1 << 6;
    const descriptor = this.doc.ref({
      Type: 'FontDescriptor', FontName: name, Flags: flags,
      FontBBox: [info.bbox.minX * s, info.bbox.minY * s, info.bbox.maxX * s, info.bbox.maxY * s],
      ItalicAngle: info.italicAngle, Ascent: info.ascent * s, Descent: info.descent * s, CapHeight: info.capHeight * s, StemV: 0,
      FontFile2: file,
    });
    descriptor.end();
    const descendant = this.doc.ref({
      Type: 'Font', Subtype: 'CIDFontType2', BaseFont: name,
      CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
      FontDescriptor: descriptor, W: w, CIDToGIDMap: cidToGid,
    });
    descendant.end();
    const cmap = this.doc.ref();
    cmap.end(toUnicodeCmap(unicode));
    this.dict.data = { Type: 'Font', Subtype: 'Type0', BaseFont: name, Encoding: 'Identity-H', DescendantFonts: [descendant], ToUnicode: cmap };
    this.dict.end();
  }
}

/**
 * Subsets deflated (at zlib level 1 like every stream the writer packs: level 6 takes twice
 * the time on the subsets, most of a page's bytes, for files ~5 % smaller), kept by font and
 * glyph list while a build writes its files, up to PACKED_MAX bytes: a build's print PDF
 * and archive PDF/A of a page embed the same subset.
 */
const packed = new Map<string, { length: number; packed: Buffer }>();
let packedBytes = 0;
const PACKED_MAX = 32 << 20;

const fontIds = new WeakMap<SfntMetrics, number>();
let nextFontId = 0;

function packedSubset(sfnt: SfntMetrics, gids: number[]): { length: number; packed: Buffer } {
  let id = fontIds.get(sfnt);
  if (id === undefined) fontIds.set(sfnt, (id = nextFontId++));
  const key = `${id}|${gids.join(',')}`;
  let hit = packed.get(key);
  if (!hit) {
    const bytes = writeSubset(sfnt, gids);
    hit = { length: bytes.length, packed: fastDeflate(bytes) };
    packed.set(key, hit);
    packedBytes += hit.packed.length;
    for (const [k, v] of packed) {
      if (packedBytes <= PACKED_MAX || k === key) break;
      packed.delete(k);
      packedBytes -= v.packed.length;
    }
  }
  return hit;
}

/** A ToUnicode CMap with a bfchar entry for every CID that stands for a character. */
function toUnicodeCmap(unicode: readonly (number | undefined)[]): string {
  const entries: string[] = [];
  unicode.forEach((cp, cid) => {
    if (cp === undefined) return;
    const utf16 = cp > 0xffff ? hex4(0xd800 | ((cp - 0x10000) >> 10)) + hex4(0xdc00 | ((cp - 0x10000) & 0x3ff)) : hex4(cp);
    entries.push(`<${hex4(cid)}> <${utf16}>`);
  });
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const part = entries.slice(i, i + 100);
    blocks.push(`${part.length} beginbfchar\n${part.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin', '12 dict begin', 'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def', '/CMapType 2 def',
    '1 begincodespacerange', '<0000> <ffff>', 'endcodespacerange',
    ...blocks,
    'endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end',
  ].join('\n');
}

/**
 * The subset as a TrueType font with the glyphs `gids` in CID order (glyph k = CID k):
 * head, hhea, maxp, cvt, prep, fpgm copied (three fields patched), loca, glyf and hmtx
 * written. A composite glyph's components are appended to `gids` and renumbered in its
 * record, so the subset is closed.
 */
export function writeSubset(sfnt: SfntMetrics, gids: number[]): Uint8Array {
  const index = new Map<number, number>();
  const glyphs: Uint8Array[] = [];
  sfnt.readGlyphs(gids);
  for (let k = 0; k < gids.length; k++) {
    let rec = sfnt.glyph(gids[k]);
    if (rec.length >= 10 && rec[0] & 0x80) rec = renumberComponents(rec, gids, index);
    if (!index.has(gids[k])) index.set(gids[k], k);
    glyphs.push(rec);
  }
  const n = gids.length;
  const copy = (tag: string) => {
    const t = sfnt.table(tag);
    return t ? new Uint8Array(t) : undefined;
  };
  const head = copy('head')!, hhea = copy('hhea')!, maxp = copy('maxp')!;
  const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
  view(head).setUint32(8, 0); // checkSumAdjustment, set below
  view(head).setInt16(50, 1); // long loca offsets
  view(hhea).setUint16(34, n);
  view(maxp).setUint16(4, n);
  const loca = new Uint8Array(4 * (n + 1)), glyf = new Uint8Array(glyphs.reduce((len, g) => len + g.length, 0)), hmtx = new Uint8Array(4 * n);
  const lv = view(loca), mv = view(hmtx);
  let pos = 0;
  glyphs.forEach((g, k) => {
    lv.setUint32(4 * k, pos);
    glyf.set(g, pos);
    pos += g.length;
    mv.setUint16(4 * k, sfnt.advance(gids[k]));
    mv.setInt16(4 * k + 2, sfnt.leftBearing(gids[k]));
  });
  lv.setUint32(4 * n, pos);
  const tables = (
    [['cvt ', copy('cvt ')], ['fpgm', copy('fpgm')], ['glyf', glyf], ['head', head], ['hhea', hhea], ['hmtx', hmtx], ['loca', loca], ['maxp', maxp], ['prep', copy('prep')]] as [string, Uint8Array | undefined][]
  ).filter((t): t is [string, Uint8Array] => t[1] !== undefined);
  const dirLen = 12 + 16 * tables.length;
  const out = new Uint8Array(tables.reduce((len, [, d]) => len + ((d.length + 3) & ~3), dirLen));
  const ov = view(out);
  let pow = 1, log = 0;
  while (pow * 2 <= tables.length) {
    pow *= 2;
    log++;
  }
  ov.setUint32(0, 0x00010000);
  ov.setUint16(4, tables.length);
  ov.setUint16(6, pow * 16);
  ov.setUint16(8, log);
  ov.setUint16(10, tables.length * 16 - pow * 16);
  let offset = dirLen, headAt = 0, sum = 0;
  tables.forEach(([tag, data], i) => {
    const rec = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k);
    const c = checksum(data);
    sum = (sum + c) >>> 0;
    ov.setUint32(rec + 4, c);
    ov.setUint32(rec + 8, offset);
    ov.setUint32(rec + 12, data.length);
    out.set(data, offset);
    if (tag === 'head') headAt = offset;
    offset += (data.length + 3) & ~3;
  });
  // Tables start 4-aligned and are zero-padded, so the whole file's sum is the directory's
  // plus the tables' own: no second pass over the glyphs.
  sum = (sum + checksum(out.subarray(0, dirLen))) >>> 0;
  ov.setUint32(headAt + 8, (0xb1b0afba - sum) >>> 0);
  return out;
}

/** A copy of a composite glyph record whose component ids point into the subset. */
function renumberComponents(rec: Uint8Array, gids: number[], index: Map<number, number>): Uint8Array {
  const out = new Uint8Array(rec);
  const v = new DataView(out.buffer);
  let p = 10;
  for (;;) {
    const flags = v.getUint16(p);
    const component = v.getUint16(p + 2);
    let k = index.get(component);
    if (k === undefined) {
      k = gids.push(component) - 1;
      index.set(component, k);
    }
    v.setUint16(p + 2, k);
    p += 4 + (flags & 0x0001 ? 4 : 2); // ARG_1_AND_2_ARE_WORDS
    if (flags & 0x0008) p += 2; // WE_HAVE_A_SCALE
    else if (flags & 0x0040) p += 4; // WE_HAVE_AN_X_AND_Y_SCALE
    else if (flags & 0x0080) p += 8; // WE_HAVE_A_TWO_BY_TWO
    if (!(flags & 0x0020)) break; // MORE_COMPONENTS
  }
  return out;
}

/** The sfnt checksum: the sum of big-endian uint32s, the last one zero-padded. */
function checksum(data: Uint8Array): number {
  let sum = 0;
  const whole = data.length & ~3;
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < whole; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  if (whole < data.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (i < data.length ? data[i] : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}
