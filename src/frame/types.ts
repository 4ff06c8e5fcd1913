/**
 * The page tree (版面树): the one product of layout, and the only input of every
 * exporter (PDF, ALTO, copyfit, notice quotes, tests). Plain, JSON-serialisable data:
 * coordinates in pt, origin at the page's top-left corner, y growing downwards.
 * Nothing downstream of this tree measures text again: every glyph's position and
 * natural advance is already here.
 */

/** Which part of an article (or notice) a frame item was set from. */
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
  | 'furniture'; // 报头、报眉、版次、编辑署名

/** Where a frame item comes from: the article (or notice) id and the component. */
export interface Source {
  /** Article or notice id from content/, or a furniture id such as 'masthead'. */
  id: string;
  component: Component;
  /** Index of the paragraph inside the component, when it has several. */
  para?: number;
  /** [start, end) in UTF-16 code units of the paragraph's source text. */
  range?: [number, number];
}

/**
 * One line's worth of glyphs in one font and size, drawn left to right.
 * `text` holds the characters the glyphs stand for, one code point per glyph
 * (zuban never forms ligatures), so `[...text].length === gids.length`.
 */
export interface GlyphRun {
  kind: 'glyphs';
  /** Font key from fonts/fonts.json (e.g. 'song', 'hei', 'kai'). */
  font: string;
  /** Font size in pt. */
  size: number;
  /** Left end of the line box in pt (the measure's start, not the first ink). */
  x: number;
  /** Baseline in pt from the page top. */
  y: number;
  /** Logical width of the line box in pt (the measure for justified lines). */
  width: number;
  /** The characters set, one code point per glyph. */
  text: string;
  /** Glyph ids in the font (not subset ids). */
  gids: number[];
  /** Each glyph's origin, in pt from `x`. */
  xs: number[];
  /** Each glyph's natural advance in pt (before compression or stretch). */
  advs: number[];
  source: Source;
  /** Fill colour: grey level 0 (black) … 1 (white); default 0. */
  grey?: number;
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
  source?: Source;
}

/** A rectangle: a box around a notice or a shaded panel. */
export interface BoxItem {
  kind: 'box';
  x: number;
  y: number;
  w: number;
  h: number;
  /** Stroke width in pt; 0 for none. */
  stroke: number;
  /** Fill grey level 0…1, or undefined for no fill. */
  fill?: number;
  source?: Source;
}

/** A placed, already cropped and resized raster image. */
export interface ImageItem {
  kind: 'image';
  x: number;
  y: number;
  w: number;
  h: number;
  /** Path of the prepared image file (JPEG/PNG) that the renderer embeds as is. */
  file: string;
  /** Effective resolution at the placed size, pixels per inch. */
  ppi: number;
  source: Source;
}

export type FrameItem = GlyphRun | RuleItem | BoxItem | ImageItem;

/** One page of the edition. */
export interface PageFrame {
  kind: 'page';
  /** Page label, e.g. 'A01' (版次). */
  id: string;
  /** Page size in pt. */
  width: number;
  height: number;
  items: FrameItem[];
}

/** A document: pages in order. */
export interface DocumentFrame {
  kind: 'document';
  title: string;
  pages: PageFrame[];
}
