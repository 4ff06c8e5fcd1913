/**
 * The page tree (版面树), frame v1: the one product of layout and the only input of every
 * consumer — the PDF, the previews, the copyfit report, the notice quotes, the archive
 * (ALTO/METS), preflight and the tests. Nothing downstream measures text again.
 *
 * Plain JSON: `JSON.parse(JSON.stringify(doc))` is the same document, and rendering it gives
 * the same PDF bytes. Coordinates in pt, origin at the page's top-left corner (the trim
 * box's), y growing downwards.
 *
 *   Document { version, meta, fonts, assets, pages }
 *     Page { label, number, name, template, size, trim, channel, blocks }
 *       Block { id, kind, source, rect, lines, graphics }
 *         Line { baseline, x, measure, ascent, descent, para, runs }
 *           Run { font, size, x, text, gids, xs, advs, ranges }
 *
 * `src/frame/schema.ts` reads a document with zod and exports the JSON Schema.
 */

export const FRAME_VERSION = 1 as const;

/** Which part of an article (or notice) a block was set from. */
export type Component =
  | 'kicker' // 引题
  | 'head' // 主题
  | 'deck' // 副题
  | 'subhead' // 小标题
  | 'body' // 正文
  | 'photo' // 图片
  | 'caption' // 图说
  | 'credit' // 摄影署名
  | 'byline' // 作者/记者署名
  | 'jump' // 转第N版 / 上接第N版
  | 'notice' // 声明/公告
  | 'notice-group' // 声明/公告 group header (遗失声明, 减资公告 …)
  | 'ad' // 广告
  | 'furniture' // 报头、报眉、版次、编辑署名
  | 'panel' // 框、底纹、反白: the frame and tint of a boxed block, drawn under its text
  | 'proof'; // 校样标记: a proof mark (溢出 N 字, 欠 N 行), only in the proof channel's pages

export const COMPONENTS: readonly Component[] = [
  'kicker', 'head', 'deck', 'subhead', 'body', 'photo', 'caption', 'credit', 'byline', 'jump', 'notice', 'notice-group', 'ad', 'furniture', 'panel', 'proof',
];

/** Where a line or block comes from: the article, notice or furniture id, and the component. */
export interface Source {
  /** Article or notice id from the content, or a furniture id such as 'masthead'. */
  id: string;
  component: Component;
  /** Paragraph index inside the component (body paragraphs, a photo's caption …). */
  para?: number;
}

/** A rectangle in pt. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * A paint. `gray` 0 = black … 1 = white (DeviceGray); `cmyk` in 0…1; `spot` a named
 * Separation (the document's `spots` table gives its alternate CMYK) at a tint 0…1.
 */
export type Paint = { gray: number } | { cmyk: [number, number, number, number] } | { spot: string; tint: number };

/**
 * The glyphs of one line in one font and size, left to right, as parallel arrays (a page
 * holds tens of thousands of glyphs). Glyph i is `gids[i]`, standing for the code point(s)
 * of `text` that its own source range gives; zuban never forms ligatures, so
 * `[...text].length === gids.length`.
 */
export interface Run {
  /** Font id: a key of Document.fonts. */
  font: string;
  /** Font size in pt. */
  size: number;
  /** The characters set, one code point per glyph (what the PDF's ToUnicode gives). */
  text: string;
  /** Glyph ids in the font file (not subset ids). */
  gids: number[];
  /** Each glyph's origin, pt from the line's x. */
  xs: number[];
  /** Each glyph's natural advance in pt (before compression or stretch). */
  advs: number[];
  /**
   * Each glyph's [start, end) in its paragraph's source text (UTF-16 code units), flat:
   * glyph i spans `ranges[2i] … ranges[2i+1]`. Paragraph = Line.source.para of the block's
   * source (an article paragraph, a head's text, a notice's wording).
   */
  ranges: number[];
  /** Fill; default black (gray 0). */
  fill?: Paint;
  /**
   * 长体/扁体 — horizontal scale of the glyphs, percent (80 … 120; absent = 100). `xs` and
   * `advs` are the scaled positions and advances; the PDF sets it as `Tz`.
   */
  scale?: number;
  /**
   * 竖排 — the run is set top to bottom in one column. The glyphs are the font's vertical
   * forms (GSUB `vert`/`vrt2`, so ，。「」《》 sit and turn as vertical text wants) drawn
   * upright, each at its own place: glyph i's origin is (line.x + xs[i], line.baseline +
   * ys[i]); xs centres it in the column, ys steps down by the vertical advance (the em).
   * `advs` stay the glyphs' horizontal advances (their width across the column, what the
   * PDF's widths give). The line's box is the column: x … x + measure across,
   * baseline − ascent … baseline + descent down; glyph i's box is its em, xs[i] … xs[i] +
   * advs[i] across and ys[i] − ascent … ys[i] + size − ascent down from the baseline.
   */
  vertical?: true;
  /** 竖排 only: each glyph's baseline, pt below the line's baseline (glyph 0 at 0). */
  ys?: number[];
}

/** One set line. */
export interface Line {
  /** Baseline, pt from the page top. */
  baseline: number;
  /** Left end of the measure. */
  x: number;
  /** The measure (line box width) in pt. */
  measure: number;
  /** Height of the line box above and below the baseline, pt (the fonts' em box × size). */
  ascent: number;
  descent: number;
  /** Paragraph index in the block's source component, when it has several. */
  para?: number;
  /** The line's component where it differs from its block's (a 小标题 inside a body column). */
  component?: Component;
  /** True for a paragraph's last line (flush left), false for a justified one. */
  last?: boolean;
  runs: Run[];
}

/** A straight rule (线). */
export interface RuleItem {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Stroke width in pt. */
  width: number;
  stroke?: Paint;
}

/** A rectangle: a box around a notice, a shaded panel. */
export interface BoxItem {
  kind: 'box';
  x: number;
  y: number;
  w: number;
  h: number;
  /** Stroke width in pt; 0 for none. */
  stroke: number;
  strokePaint?: Paint;
  /** Fill, or none. */
  fill?: Paint;
}

/** A placed image: `asset` names the prepared (cropped, resized) file in Document.assets. */
export interface ImageItem {
  kind: 'image';
  x: number;
  y: number;
  w: number;
  h: number;
  asset: string;
  /** Effective resolution at the placed size, pixels per inch. */
  ppi: number;
}

/**
 * A page of a PDF file placed as a form XObject (an advertisement, masthead art): kept as
 * vectors, its fonts and all. `asset` names the file in Document.forms; the form's box is
 * scaled to fill x, y, w, h.
 */
export interface FormItem {
  kind: 'form';
  x: number;
  y: number;
  w: number;
  h: number;
  asset: string;
}

/**
 * A filled vector shape (masthead art from an SVG): SVG path data `d` in the units of
 * `viewBox` [minX, minY, width, height], y down, mapped onto x, y, w, h; nonzero fill.
 */
export interface PathItem {
  kind: 'path';
  x: number;
  y: number;
  w: number;
  h: number;
  viewBox: [number, number, number, number];
  d: string;
  /** Fill; default black. A spot paint draws in its Separation. */
  fill?: Paint;
}

/**
 * A one-ink image (masthead art from a PNG): `width` × `height` samples of ink coverage,
 * 0 (none) … 255 (full), row by row from the top, deflated and base64-encoded in `data`,
 * painted in `fill` over x, y, w, h — a spot paint prints in its Separation, each sample
 * the tint; without a spot, black. Opaque: where the ink is 0 it knocks out to paper.
 */
export interface MaskItem {
  kind: 'mask';
  x: number;
  y: number;
  w: number;
  h: number;
  width: number;
  height: number;
  data: string;
  fill?: Paint;
}

export type Graphic = RuleItem | BoxItem | ImageItem | FormItem | PathItem | MaskItem;

export type BlockKind = 'text' | 'image' | 'graphic';

/** A piece of an article, notice or the furniture: a head, a body column, a photo, a notice. */
export interface Block {
  /** Unique in the document: `${page}/${source.id}/${component}/${n}`. */
  id: string;
  kind: BlockKind;
  source: Source & {
    /** The content file the piece was set from, relative to the edition folder. */
    file?: string;
  };
  /** The block's box on the page (the grid rect it was set in, or its content's extent). */
  rect: Rect;
  /** The block this one continues in (a body column's next column, a jump's other page). */
  next?: string;
  lines: Line[];
  /** Rules, boxes and images, drawn before the text. */
  graphics: Graphic[];
}

export type Channel = 'print' | 'archive' | 'proof';

/** One page (版). */
export interface Page {
  /** Page label, e.g. 'A01' (版次). */
  label: string;
  /** 1-based position in the edition. */
  number: number;
  /** 版名, e.g. 要闻. */
  name?: string;
  /** Template name. */
  template?: string;
  /** Page (media) size in pt. */
  width: number;
  height: number;
  /** Trim box (the finished page) in pt; the media box is [0, 0, width, height]. */
  trim: Rect;
  /** The 版心 (print space) in pt. */
  printSpace?: Rect;
  channel: Channel;
  blocks: Block[];
}

/** A font used by the document. */
export interface FontRef {
  /** Role key in fonts/fonts.json (宋 song, 黑 hei, 楷 kai …). */
  role: string;
  /** File path relative to the project root. */
  file: string;
  sha256: string;
  postscriptName: string;
  unitsPerEm: number;
  /** hhea/OS/2 ascent and descent, em units / unitsPerEm (descent positive, below). */
  ascent: number;
  descent: number;
  /** The ideographic em box above and below the baseline, em (0.88 / 0.12 for Noto CJK). */
  emTop: number;
  emBottom: number;
}

/** A PDF file whose page a FormItem places. */
export interface FormAsset {
  /** Path relative to the output folder (out/), kept there. */
  file: string;
  sha256: string;
  /** 1-based page of the file. */
  page: number;
  /** The page's box that is placed (its TrimBox, else MediaBox), pt: [x0, y0, x1, y1]. */
  box: [number, number, number, number];
  /** The source file, relative to the edition folder. */
  source: string;
}

/** A prepared image file. */
export interface Asset {
  /** Path relative to the output folder (out/), kept there. */
  file: string;
  sha256: string;
  /** Pixel size of the prepared file. */
  width: number;
  height: number;
  colorSpace: 'rgb' | 'gray' | 'cmyk';
  /** The source file, relative to the edition folder, and the crop taken from it (pixels). */
  source: string;
  crop: { left: number; top: number; width: number; height: number };
  /** Effective resolution at its placed size. */
  ppi: number;
}

export interface EditionMeta {
  paper: string;
  paperLatin?: string;
  /** ISO date of the edition. */
  date: string;
  /** 总第N期. */
  issue?: number;
  /** 国内统一连续出版物号. */
  cn?: string;
  publisher?: string;
  pages: { label: string; number: number; name?: string }[];
}

/** A document: the edition (or a proof) on one channel. */
export interface Document {
  kind: 'document';
  version: typeof FRAME_VERSION;
  title: string;
  channel: Channel;
  meta: EditionMeta;
  fonts: Record<string, FontRef>;
  assets: Record<string, Asset>;
  /** Spot colours: name → CMYK alternate (0…1). */
  spots?: Record<string, [number, number, number, number]>;
  /** PDF pages placed as forms (ads, masthead art), by id. */
  forms?: Record<string, FormAsset>;
  pages: Page[];
}
