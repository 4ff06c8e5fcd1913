/**
 * An article (`content/articles/*.md`): YAML front matter described by ArticleMetaSchema,
 * then the body in Markdown. The body may use paragraphs, `##` subheads (小标题), `**bold**`
 * and `>` block quotes; a line break between two hanzi inside a paragraph is dropped.
 *
 * ```markdown
 * ---
 * id: bridge
 * page: A01
 * rank: lead
 * kicker: 主跨1,180米 历时四年建设
 * title: 泓江三桥今日通车
 * deck: 市区至北岸新区车程缩短至15分钟
 * byline: 本报记者 林晓岚
 * place: { col: 1, line: 17, cols: 5, lines: 46 }
 * continue: { page: A02, place: { col: 1, line: 4, cols: 2, lines: 30 } }
 * photos:
 *   - file: photos/bridge.jpg
 *     caption: 11月23日，泓江三桥主塔与斜拉索。
 *     credit: 本报记者 周航 摄
 *     place: { col: 1, line: 8, cols: 3, lines: 20 }
 *     focus: [0.3, 0.5]
 * ---
 * 本报讯 ……
 * ```
 */
import { z } from 'zod';
import { GridRectSchema } from './template.js';
import { PageIdSchema } from './edition.js';

/**
 * Where a block sits on its page: a grid rectangle `{ col, line, cols, lines }` (1-based
 * first column and line, then spans; lines count from the top of the 版心, furniture
 * included) or the name of a slot of the page's template.
 */
export const PlaceSchema = z.union([z.string().min(1), GridRectSchema]);
export type Place = z.infer<typeof PlaceSchema>;

/** Headline rank: picks the 号 sizes of the 引题/主题/副题 from the template. */
export const RankSchema = z.enum(['lead', 'secondary', 'brief']);
export type Rank = z.infer<typeof RankSchema>;

const Unit = z.number().min(0).max(1);

/** One picture of a 组图 (photo group). */
export const GroupPhotoSchema = z.strictObject({
  /** Image file (JPEG or PNG), relative to the folder of edition.yaml. */
  file: z.string().min(1),
  /** Point of interest [x, y], 0…1 from the image's top-left, kept when cropping. */
  focus: z.tuple([Unit, Unit]).optional(),
});
export type GroupPhoto = z.infer<typeof GroupPhotoSchema>;

export const PhotoSchema = z
  .strictObject({
    /** Image file (JPEG or PNG), relative to the folder of edition.yaml, e.g. photos/bridge.jpg. */
    file: z.string().min(1).optional(),
    /**
     * 组图 — instead of `file`, several pictures side by side (or in a `grid`) sharing one
     * caption and credit: each is cropped to its own cell, the cells a gutter apart.
     */
    group: z.array(GroupPhotoSchema).min(2).max(9).optional(),
    /** 组图 layout: [columns, rows] of cells, filled row by row (default: all side by side). */
    grid: z.tuple([z.number().int().min(1).max(9), z.number().int().min(1).max(9)]).optional(),
    /** 图说 — caption, set under the picture (or beside it, see captionSide). */
    caption: z.string().min(1),
    /** Photographer's credit, e.g. 本报记者 周航 摄. */
    credit: z.string().optional(),
    /**
     * Box of the picture and its caption inside the article's block, in grid units relative
     * to the block (column 1, line 1 = the block's top-left). The caption takes the bottom
     * lines of the box, or its first or last `captionCols` columns.
     */
    place: GridRectSchema,
    /** Where the caption goes: under the picture (default), or in a column of its own at its left or right, its foot level with the picture's. */
    captionSide: z.enum(['below', 'left', 'right']).default('below'),
    /** Grid columns a caption beside the picture takes (default 1). */
    captionCols: z.number().int().min(1).max(4).default(1),
    /** Point of interest [x, y], 0…1 from the image's top-left, kept when cropping. */
    focus: z.tuple([Unit, Unit]).optional(),
    /** 题上图 — the photo sits above the heads: its place starts on the block's line 1, and the heads start under them. */
    above: z.boolean().default(false),
  })
  .superRefine((p, ctx) => {
    if (!p.file === !p.group) ctx.addIssue({ code: 'custom', path: ['file'], message: 'give either file (one picture) or group (a 组图 of several), not both or neither' });
    if (p.group && p.focus) ctx.addIssue({ code: 'custom', path: ['focus'], message: 'a group gives each picture its own focus (group[i].focus)' });
    if (p.grid && !p.group) ctx.addIssue({ code: 'custom', path: ['grid'], message: 'grid lays out a group: give group, or drop grid' });
    if (p.grid && p.group && p.grid[0] * p.grid[1] < p.group.length) ctx.addIssue({ code: 'custom', path: ['grid'], message: `${p.grid[0]}×${p.grid[1]} cells hold fewer than the group's ${p.group.length} pictures` });
    if (p.captionSide !== 'below' && p.captionCols >= p.place.cols) ctx.addIssue({ code: 'custom', path: ['captionCols'], message: `a caption beside the picture takes ${p.captionCols} of the place's ${p.place.cols} columns: nothing is left for the picture` });
  });
export type Photo = z.infer<typeof PhotoSchema>;

/**
 * 加框、底纹、反白 — a frame, a tint or reversed (white on dark) panel round the block. The
 * text inside keeps the page's baseline grid: the inner margin is `inset` 字 left and
 * right, and whole grid lines at top and bottom.
 */
export const BoxSchema = z.strictObject({
  /** The frame: none, a single rule, two thin rules, or a thick rule outside a thin one (文武线). */
  frame: z.enum(['none', 'single', 'double', 'thick-thin']).default('single'),
  /** Width of the frame's (outer) rule, pt. */
  weight: z.number().positive().max(6).default(0.75),
  /** 底纹 — the panel's tint, 0…1 of black (0.1 is a light grey). */
  tint: z.number().min(0).max(1).optional(),
  /** 反白 — white text on the tint (default tint 0.85). */
  reverse: z.boolean().default(false),
  /** Inner margin, 字 of the body size. */
  inset: z.number().min(0).max(4).default(1),
});
export type Box = z.infer<typeof BoxSchema>;

/** One hop of a story chain (转版): the page and the block the body goes on in. */
export const HopSchema = z.strictObject({
  /** 版次 of the continuation (the same page for a second block there). */
  page: PageIdSchema,
  /** The continuation's block on that page. */
  place: PlaceSchema,
});
export type Hop = z.infer<typeof HopSchema>;

export const ArticleMetaSchema = z.strictObject({
  /** Unique id of the article across the edition (letters, digits, “-”). */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'must be letters, digits and “-” only, e.g. bridge-opens'),
  /** 版次 of the page the article starts on. */
  page: PageIdSchema,
  rank: RankSchema.default('secondary'),
  /** 引题 — kicker above the headline. */
  kicker: z.string().min(1).optional(),
  /** 主题 — the headline. */
  title: z.string().min(1),
  /** 副题 — deck under the headline. */
  deck: z.string().min(1).optional(),
  /** 署名, e.g. 本报记者 林晓岚. */
  byline: z.string().min(1).optional(),
  /** The article's block on its page. */
  place: PlaceSchema,
  /**
   * 转版 — where the rest of the body goes when it overflows the block: one hop, or a list
   * (a story chain through several blocks, on this page or others, in reading order).
   */
  continue: z.union([HopSchema, z.array(HopSchema).min(1).max(8)]).optional(),
  /** 变栏 — the body set in this many columns inside the block (default: the block's grid columns). */
  columns: z.number().int().min(1).max(12).optional(),
  /** Gutter between the 变栏 columns, 字 (default the grid's). */
  gutter: z.number().min(0.5).max(4).optional(),
  /** 题在文旁 — the heads take this many of the body's columns at the block's left, the text runs beside them. */
  headBeside: z.number().int().min(1).max(7).optional(),
  /**
   * The 主题's form: across the block (default), or 竖排 — set top to bottom in the block's
   * first column (or its `headBeside` columns), the body beside it. A vertical head stands
   * alone: no 引题 or 副题 with it.
   */
  headForm: z.enum(['horizontal', 'vertical']).default('horizontal'),
  /** 长体/扁体 — the heads' horizontal scale, percent (80 … 120), fixed instead of the template's copyfit. */
  headScale: z.number().int().min(80).max(120).optional(),
  /** A frame, 底纹 or 反白 round the block. */
  box: BoxSchema.optional(),
  /** Photos, placed inside the article's first block. */
  photos: z.array(PhotoSchema).default([]),
});

/** An article's front matter, as parsed (defaults filled in). */
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;

/** A run of body text with one style. */
export interface Span {
  text: string;
  /** Set in bold (the template's `fonts.bold`). */
  bold?: true;
}

/** One block of an article body, in order. */
export type BodyBlock =
  /** 正文 paragraph. */
  | { kind: 'para'; spans: Span[] }
  /** 小标题 from a `##` (or deeper) heading. */
  | { kind: 'subhead'; text: string }
  /** Block quote (`>`), one block per quoted paragraph. */
  | { kind: 'quote'; spans: Span[] };
