/**
 * The CIDs of one font in one PDF: which glyph, PDF width and Unicode value each CID
 * stands for. Drawing a page asks a CidMap for the CID of every glyph it writes; after
 * the last page, the table is what the embedded font is written from (its subset in CID
 * order, its W array, its ToUnicode CMap). Plain data, so a page's content can be built
 * on one thread and the PDF file written on another.
 */

/** By CID (CID 0 is .notdef): the subset's glyph ids, PDF widths (1/1000 em) and code points. */
export interface CidTable {
  gids: number[];
  widths: number[];
  unicode: (number | undefined)[];
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

export class CidMap {
  readonly table: CidTable;
  /** CID (hex) by glyph id: an array, as the lookup runs for every glyph drawn. */
  private readonly cids: string[] = [];
  private readonly narrowed = new Map<string, string>();

  constructor(
    /** Resource name on a page, e.g. 'Z1'. */
    readonly id: string,
    /** Font key (role) of the page tree, e.g. 'song'. */
    readonly key: string,
    /** PDF width of .notdef. */
    notdefWidth: number,
  ) {
    this.table = { gids: [0], widths: [notdefWidth], unicode: [undefined] };
  }

  /** The CID (4 hex digits) of a glyph drawn at its natural advance. */
  cid(gid: number, advPer1000: number, codePoint: number): string {
    let hex = this.cids[gid];
    if (hex === undefined) {
      hex = this.add(gid, advPer1000, codePoint);
      this.cids[gid] = hex;
    }
    return hex;
  }

  /**
   * The same outline added a second time under a CID whose PDF width is the compressed
   * one, so text extraction (pdftotext, ALTO checks) sees boxes that end where the layout
   * put the next glyph or the column edge — with the full width, a line-end mark's box
   * reaches 4.5 pt into the gutter and extractors merge neighbouring columns' lines.
   */
  narrowCid(gid: number, widthPer1000: number, codePoint: number): string {
    const key = `${gid}:${Math.round(widthPer1000)}`;
    let hex = this.narrowed.get(key);
    if (hex === undefined) {
      hex = this.add(gid, Math.round(widthPer1000), codePoint);
      this.narrowed.set(key, hex);
    }
    return hex;
  }

  private add(gid: number, width: number, codePoint: number): string {
    const t = this.table;
    t.gids.push(gid);
    t.widths.push(width);
    t.unicode.push(codePoint);
    return hex4(t.gids.length - 1);
  }
}
