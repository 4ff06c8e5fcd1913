import fs from 'node:fs';

/**
 * The few sfnt tables the text engine reads per character — cmap, hmtx, and the glyf
 * headers' ink boxes — read straight from the font's bytes into typed arrays when the
 * font is opened. Why not through fontkit: its cmap and hmtx lookups decode through
 * restructure on every call and a glyph's box through its whole outline, ~40 µs a new
 * character; a page meets a few thousand, which made them most of a one-page setting.
 * The answers are fontkit's, as test/fonts/sfntMetrics.test.ts checks code point by code point.
 */

/** Where a cmap format-12 subtable's groups are in the font. */
interface Groups {
  at: number;
  count: number;
}

/** Ink box in font units. */
export interface InkBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** What a PDF font descriptor says of a font, read from head, hhea, OS/2, post and name. */
export interface SfntInfo {
  postscriptName: string;
  unitsPerEm: number;
  bbox: InkBox;
  ascent: number;
  descent: number;
  capHeight: number;
  /** OS/2 sTypoAscender and sTypoDescender (descender negative): for CJK faces, the ideographic em box. */
  typoAscent: number;
  typoDescent: number;
  italicAngle: number;
  fixedPitch: boolean;
  italic: boolean;
  /** OS/2 sFamilyClass, high byte (1–7 serif, 10 script). */
  familyClass: number;
}

export class SfntMetrics {
  private constructor(
    /**
     * The font file's bytes at their offsets in the file. Opened from a file (`open`), only
     * the tables before glyf are read, and each glyph record when first asked for: a
     * CJK font is 10–15 MB, nearly all outlines, of which a page uses a few thousand.
     */
    private readonly bytes: Uint8Array,
    private readonly tables: ReadonlyMap<string, { offset: number; length: number }>,
    private readonly view: DataView,
    /** Glyph ids of the BMP (format 4), or undefined: the groups below answer (format 12). */
    private readonly bmp: Int32Array | undefined,
    /** cmap format-12 groups in the font: [start, end, startGlyph] uint32 triples, sorted. */
    private readonly groups: Groups,
    private readonly hmtx: { offset: number; numMetrics: number; numGlyphs: number },
    private readonly glyf: { offset: number; loca: number; longLoca: boolean; numGlyphs: number } | undefined,
    /** Reads [start, end) pairs of the file into `bytes`; undefined when `bytes` is the whole file. */
    private readonly fill: ((ranges: readonly number[]) => void) | undefined,
  ) {
    this.glyphRead = fill && glyf ? new Uint8Array(glyf.numGlyphs) : undefined;
  }

  /** 1 for each glyph whose glyf record `bytes` holds (reading from a file). */
  private readonly glyphRead: Uint8Array | undefined;

  /** Reads the tables of a font held whole in memory; undefined when one this reader needs is missing. */
  static read(bytes: Uint8Array): SfntMetrics | undefined {
    return SfntMetrics.parse(bytes, undefined);
  }

  /**
   * Opens a font file and reads every table but glyf; glyph records are read when asked
   * for (box, glyph). Undefined when the font lacks a table this reader needs, or is no
   * sfnt (a WOFF, a collection); throws the file system's error when it cannot be read.
   */
  static open(file: string): SfntMetrics | undefined {
    const fd = fs.openSync(file, 'r');
    try {
      const opened = fs.fstatSync(fd);
      const size = opened.size;
      // Zero-filled, so the pages of the unread outlines are never touched: they cost
      // neither time nor resident memory.
      const bytes = Buffer.alloc(size);
      const readAt = (start: number, end: number) => readRange(fd, file, bytes, start, end);
      if (size < 12) return undefined;
      readAt(0, 12);
      const numTables = (bytes[4] << 8) | bytes[5];
      if (12 + 16 * numTables > size) return undefined;
      readAt(12, 12 + 16 * numTables);
      const dir = directory(bytes, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      if (!dir) return undefined;
      for (const [tag, t] of dir) if (tag !== 'glyf') readAt(t.offset, t.offset + t.length);
      // Outlines are read later, when asked for: the file is opened again for each batch
      // rather than held open for the life of the process — and must still be the file
      // whose tables were read, or its outlines would be set with another font's metrics.
      const fill = (ranges: readonly number[]) => {
        const again = fs.openSync(file, 'r');
        try {
          const now = fs.fstatSync(again);
          if (now.ino !== opened.ino || now.size !== opened.size || now.mtimeMs !== opened.mtimeMs) {
            throw new Error(`${file}: the font file changed while in use (replaced since it was opened); run again`);
          }
          for (let i = 0; i < ranges.length; i += 2) readRange(again, file, bytes, ranges[i], ranges[i + 1]);
        } finally {
          fs.closeSync(again);
        }
      };
      return SfntMetrics.parse(bytes, fill);
    } finally {
      fs.closeSync(fd);
    }
  }

  private static parse(bytes: Uint8Array, fill: ((ranges: readonly number[]) => void) | undefined): SfntMetrics | undefined {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const dir = directory(bytes, view);
    if (!dir) return undefined;
    const tables = new Map([...dir].map(([tag, t]) => [tag, t.offset]));
    const head = tables.get('head'), hhea = tables.get('hhea'), hmtx = tables.get('hmtx'), cmap = tables.get('cmap'), maxp = tables.get('maxp');
    if (head === undefined || hhea === undefined || hmtx === undefined || cmap === undefined || maxp === undefined) return undefined;
    const numGlyphs = view.getUint16(maxp + 4);
    const numMetrics = view.getUint16(hhea + 34);
    const cm = readCmap(view, cmap);
    if (!cm) return undefined;
    const loca = tables.get('loca'), glyf = tables.get('glyf');
    const glyfInfo = loca !== undefined && glyf !== undefined ? { offset: glyf, loca, longLoca: view.getInt16(head + 50) === 1, numGlyphs } : undefined;
    return new SfntMetrics(bytes, dir, view, cm.bmp, cm.groups, { offset: hmtx, numMetrics, numGlyphs }, glyfInfo, fill);
  }

  /** A table's bytes (not glyf: see `glyph`), if the font has it. */
  table(tag: string): Uint8Array | undefined {
    const t = this.tables.get(tag);
    return t && tag !== 'glyf' ? this.bytes.subarray(t.offset, t.offset + t.length) : undefined;
  }

  /** True for TrueType outlines (glyf/loca), which the PDF renderer subsets itself. */
  get hasGlyf(): boolean {
    return this.glyf !== undefined;
  }

  /** The glyf record of a glyph (empty for a glyph without outline), read on first use. */
  glyph(gid: number): Uint8Array {
    const [start, end] = this.glyphRange(gid);
    return this.bytes.subarray(start, end);
  }

  /**
   * Reads the glyf records of many glyphs at once (see `glyph`): in file order, through
   * one opening of the file, records less than a few KB apart in one read.
   */
  readGlyphs(gids: Iterable<number>): void {
    const read = this.glyphRead;
    if (!read || !this.fill) return;
    // by offset in the file: loca is meant to ascend with the glyph id, but not every font's does
    const want = [...new Set(gids)].filter((g) => g < read.length && !read[g]).sort((a, b) => this.glyfAt(a) - this.glyfAt(b) || a - b);
    if (!want.length) return;
    const ranges: number[] = [];
    let start = this.glyfAt(want[0]), end = Math.max(start, this.glyfAt(want[0] + 1));
    for (let i = 1; i < want.length; i++) {
      const s = this.glyfAt(want[i]), e = this.glyfAt(want[i] + 1);
      if (s - end > GAP) {
        ranges.push(start, end);
        start = s;
      }
      end = Math.max(end, e);
    }
    ranges.push(start, end);
    this.fill(ranges);
    for (const g of want) read[g] = 1;
  }

  /** Offset of a glyph's record in the file, from loca. */
  private glyfAt(gid: number): number {
    const t = this.glyf!;
    return t.offset + (t.longLoca ? this.view.getUint32(t.loca + 4 * gid) : 2 * this.view.getUint16(t.loca + 2 * gid));
  }

  /** The glyf record of a glyph: [start, end) in `bytes`, read first if need be (empty past the last glyph). */
  private glyphRange(gid: number): [number, number] {
    if (gid >= this.glyf!.numGlyphs) return [0, 0];
    const start = this.glyfAt(gid), end = this.glyfAt(gid + 1);
    const read = this.glyphRead;
    if (read && !read[gid]) {
      if (end > start) this.fill!([start, end]);
      read[gid] = 1;
    }
    return [start, end];
  }

  /** Left side bearing of a glyph (hmtx), font units. */
  leftBearing(gid: number): number {
    const hmtx = this.tables.get('hmtx')!.offset;
    const numMetrics = this.view.getUint16(this.tables.get('hhea')!.offset + 34);
    return gid < numMetrics ? this.view.getInt16(hmtx + 4 * gid + 2) : this.view.getInt16(hmtx + 4 * numMetrics + 2 * (gid - numMetrics));
  }

  /** The descriptor values of the font (see SfntInfo). */
  info(): SfntInfo {
    const v = this.view;
    const head = this.tables.get('head')!.offset, hhea = this.tables.get('hhea')!.offset;
    const os2 = this.tables.get('OS/2')?.offset, post = this.tables.get('post')?.offset;
    const ascent = v.getInt16(hhea + 4);
    return {
      postscriptName: this.postscriptName(),
      unitsPerEm: v.getUint16(head + 18),
      bbox: { minX: v.getInt16(head + 36), minY: v.getInt16(head + 38), maxX: v.getInt16(head + 40), maxY: v.getInt16(head + 42) },
      ascent,
      descent: v.getInt16(hhea + 6),
      capHeight: os2 !== undefined && v.getUint16(os2) >= 2 ? v.getInt16(os2 + 88) : ascent,
      typoAscent: os2 !== undefined ? v.getInt16(os2 + 68) : ascent,
      typoDescent: os2 !== undefined ? v.getInt16(os2 + 70) : v.getInt16(hhea + 6),
      italicAngle: post !== undefined ? v.getInt32(post + 4) / 65536 : 0,
      fixedPitch: post !== undefined ? v.getUint32(post + 12) !== 0 : false,
      italic: (v.getUint16(head + 44) & 2) !== 0,
      familyClass: os2 !== undefined ? v.getInt16(os2 + 30) >> 8 : 0,
    };
  }

  /** name ID 6, from the Windows (UTF-16) or the Macintosh (Roman) record. */
  private postscriptName(): string {
    const t = this.tables.get('name');
    if (!t) return 'Unnamed';
    const v = this.view;
    const count = v.getUint16(t.offset + 2), strings = t.offset + v.getUint16(t.offset + 4);
    let mac = '';
    for (let i = 0; i < count; i++) {
      const r = t.offset + 6 + 12 * i;
      if (v.getUint16(r + 6) !== 6) continue;
      const platform = v.getUint16(r), len = v.getUint16(r + 8), at = strings + v.getUint16(r + 10);
      if (platform === 3 || platform === 0) {
        let s = '';
        for (let k = 0; k + 1 < len; k += 2) s += String.fromCharCode(v.getUint16(at + k));
        return s;
      }
      if (platform === 1) mac = String.fromCharCode(...this.bytes.subarray(at, at + len));
    }
    return mac || 'Unnamed';
  }

  /** Glyph id of a code point, 0 when the font has none. */
  gid(cp: number): number {
    if (this.bmp) return cp < 0x10000 ? this.bmp[cp] : 0;
    const { at, count } = this.groups;
    const v = this.view;
    let lo = 0, hi = count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const o = at + 12 * mid;
      if (cp < v.getUint32(o)) hi = mid - 1;
      else if (cp > v.getUint32(o + 4)) lo = mid + 1;
      else return v.getUint32(o + 8) + (cp - v.getUint32(o));
    }
    return 0;
  }

  /** Advance width of a glyph in font units. */
  advance(gid: number): number {
    const h = this.hmtx;
    if (gid >= h.numGlyphs) return 0;
    return this.view.getUint16(h.offset + 4 * Math.min(gid, h.numMetrics - 1));
  }

  /**
   * The font's vertical forms (GSUB features `vert` and `vrt2`, in any script): glyph id →
   * the glyph that sets it in vertical text. Only single substitutions (lookup type 1, or 7
   * wrapping it) are read: those are what CJK fonts carry for turned brackets, moved
   * commas and the like. Read once, on first use — so 竖排 heads need not open the font in
   * fontkit (a 15 MB read and a GSUB parse) for a handful of glyphs.
   */
  verticalForms(): ReadonlyMap<number, number> {
    if (this.vert) return this.vert;
    const map = new Map<number, number>();
    this.vert = map;
    const gsub = this.tables.get('GSUB');
    if (!gsub) return map;
    const v = this.view, base = gsub.offset;
    const u16 = (o: number) => v.getUint16(o);
    const featureList = base + u16(base + 6), lookupList = base + u16(base + 8);
    const lookups = new Set<number>();
    for (let f = 0, n = u16(featureList); f < n; f++) {
      const rec = featureList + 2 + 6 * f;
      const tag = String.fromCharCode(v.getUint8(rec), v.getUint8(rec + 1), v.getUint8(rec + 2), v.getUint8(rec + 3));
      if (tag !== 'vert' && tag !== 'vrt2') continue;
      const feature = featureList + u16(rec + 4);
      for (let l = 0, m = u16(feature + 2); l < m; l++) lookups.add(u16(feature + 4 + 2 * l));
    }
    const coverage = (at: number): number[] => {
      const format = u16(at), out: number[] = [];
      if (format === 1) for (let i = 0, n = u16(at + 2); i < n; i++) out.push(u16(at + 4 + 2 * i));
      else if (format === 2)
        for (let r = 0, n = u16(at + 2); r < n; r++) {
          const start = u16(at + 4 + 6 * r), end = u16(at + 6 + 6 * r);
          for (let g = start; g <= end; g++) out.push(g);
        }
      return out;
    };
    const single = (sub: number) => {
      const format = u16(sub), glyphs = coverage(sub + u16(sub + 2));
      glyphs.forEach((g, i) => {
        if (map.has(g)) return; // the first lookup that substitutes a glyph wins, as in layout order
        if (format === 1) map.set(g, (g + v.getInt16(sub + 4) + 65536) % 65536);
        else if (format === 2 && i < u16(sub + 4)) map.set(g, u16(sub + 6 + 2 * i));
      });
    };
    for (const index of [...lookups].sort((a, b) => a - b)) {
      const lookup = lookupList + u16(lookupList + 2 + 2 * index);
      const type = u16(lookup);
      for (let t = 0, n = u16(lookup + 4); t < n; t++) {
        const sub = lookup + u16(lookup + 6 + 2 * t);
        if (type === 1) single(sub);
        else if (type === 7 && u16(sub + 2) === 1) single(sub + v.getUint32(sub + 4));
      }
    }
    return map;
  }

  private vert?: Map<number, number>;

  /** Ink box of a glyph from its glyf header; undefined for an empty glyph or a CFF font. */
  box(gid: number): InkBox | undefined {
    const t = this.glyf;
    if (!t || gid >= t.numGlyphs) return undefined;
    const [start, end] = this.glyphRange(gid);
    if (end - start < 10) return undefined;
    const v = this.view;
    return { minX: v.getInt16(start + 2), minY: v.getInt16(start + 4), maxX: v.getInt16(start + 6), maxY: v.getInt16(start + 8) };
  }
}

/** Records closer than this (bytes) are read together with the gap between them: one read beats two. */
const GAP = 4096;

/** Reads bytes [start, end) of an open file to the same offsets of `into`. */
function readRange(fd: number, file: string, into: Uint8Array, start: number, end: number): void {
  for (let at = start; at < end; ) {
    const n = fs.readSync(fd, into, at, end - at, at);
    if (n === 0) throw new Error(`${file}: ends at byte ${at}, before ${end}`);
    at += n;
  }
}

/**
 * What is wrong with an OpenType/TrueType file's table directory — a table past the end of
 * the file (a truncated copy) — or undefined when it is whole or not such a file (fontkit
 * then says what it is). fontkit opens a truncated file and fails later, deep in a glyph.
 */
export function sfntDamage(file: string): string | undefined {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, 12));
    fs.readSync(fd, head, 0, head.length, 0);
    const tag = head.length === 12 ? head.readUInt32BE(0) : 0;
    if (tag !== 0x00010000 && tag !== 0x4f54544f /* OTTO */ && tag !== 0x74727565 /* true */) return undefined;
    const n = head.readUInt16BE(4);
    const dir = Buffer.alloc(16 * n);
    if (12 + dir.length > size) return `its table directory runs past the end of the file (${size} bytes): the file is truncated`;
    fs.readSync(fd, dir, 0, dir.length, 12);
    for (let i = 0; i < n; i++) {
      const end = dir.readUInt32BE(16 * i + 8) + dir.readUInt32BE(16 * i + 12);
      if (end > size) return `table ${dir.toString('latin1', 16 * i, 16 * i + 4)} ends at byte ${end}, past the end of the file (${size} bytes): the file is truncated`;
    }
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/** The table directory, or undefined when a record points outside the file. */
function directory(bytes: Uint8Array, view: DataView): Map<string, { offset: number; length: number }> | undefined {
  if (bytes.byteLength < 12) return undefined;
  const dir = new Map<string, { offset: number; length: number }>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    if (rec + 16 > bytes.byteLength) return undefined;
    const offset = view.getUint32(rec + 8), length = view.getUint32(rec + 12);
    if (offset + length > bytes.byteLength) return undefined;
    dir.set(String.fromCharCode(bytes[rec], bytes[rec + 1], bytes[rec + 2], bytes[rec + 3]), { offset, length });
  }
  return dir;
}

/**
 * The Unicode cmap: a format-12 subtable (3,10 or 0,4/0,6) when there is one, else the
 * BMP format-4 one (3,1 or 0,3) — the order fontkit takes them in.
 */
function readCmap(view: DataView, cmap: number): { bmp: Int32Array | undefined; groups: Groups } | undefined {
  const n = view.getUint16(cmap + 2);
  const subtables: { platform: number; encoding: number; offset: number; format: number }[] = [];
  for (let i = 0; i < n; i++) {
    const rec = cmap + 4 + 8 * i;
    const offset = cmap + view.getUint32(rec + 4);
    subtables.push({ platform: view.getUint16(rec), encoding: view.getUint16(rec + 2), offset, format: view.getUint16(offset) });
  }
  const pick = (pairs: [number, number][], format: number) =>
    pairs.map(([p, e]) => subtables.find((s) => s.platform === p && s.encoding === e && s.format === format)).find(Boolean);
  const f12 = pick([[3, 10], [0, 6], [0, 4]], 12);
  // format 12 stays where it is, its groups searched in place: FontFace caches each
  // answer, and copying or filling tables would cost every run a loop over the font
  if (f12) return { bmp: undefined, groups: { at: f12.offset + 16, count: view.getUint32(f12.offset + 12) } };
  const bmp = new Int32Array(0x10000);
  const f4 = pick([[3, 1], [0, 3], [0, 1], [0, 0]], 4);
  if (!f4) return undefined;
  const o = f4.offset;
  const segX2 = view.getUint16(o + 6);
  const ends = o + 14, starts = ends + segX2 + 2, deltas = starts + segX2, ranges = deltas + segX2;
  for (let s = 0; s < segX2 / 2; s++) {
    const end = view.getUint16(ends + 2 * s), start = view.getUint16(starts + 2 * s);
    const delta = view.getInt16(deltas + 2 * s), rangeAt = ranges + 2 * s, range = view.getUint16(rangeAt);
    for (let cp = start; cp <= end && cp < 0xffff; cp++) {
      if (range === 0) bmp[cp] = (cp + delta) & 0xffff;
      else {
        const g = view.getUint16(rangeAt + range + 2 * (cp - start));
        bmp[cp] = g === 0 ? 0 : (g + delta) & 0xffff;
      }
    }
  }
  return { bmp, groups: { at: 0, count: 0 } };
}
