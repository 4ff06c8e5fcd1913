/**
 * Page templates (`templates/*.yaml`): paper, 版心 (type area), the character grid, the
 * 号 sizes of every headline rank, and the furniture (报头, 报眉, credits line).
 *
 * The grid is the unit of everything an article's `place` says:
 * - A **字** is one body character: a square of `grid.bodySize` pt.
 * - A **column** is `columnChars` 字 wide; columns are separated by `gutterChars` 字.
 *   n merged columns measure `columnChars·n + gutterChars·(n − 1)` 字 (对开: 13n + (n − 1)).
 * - A **line** is a row `linePitch` pt tall. Line k (1-based) starts `(k − 1)·linePitch`
 *   below the 版心 top; its body characters' em box starts at the top of the row, and its
 *   baseline lies `firstBaseline·bodySize` below the row's top (0.88 em: the ideographic
 *   em box of Noto CJK runs from 0.88 em above the baseline to 0.12 em below).
 * - `linesPerColumn` is stated in the file and checked against the 版心:
 *   `floor((版心 height − bodySize) / linePitch) + 1`, i.e. as many lines as fit when the
 *   last line's em box (not its leading) must stay inside the 版心.
 * - The grid is centred horizontally in the 版心; the 版心 must be at least as wide as it.
 */
import { z } from 'zod';
import { HAO_CONVENTION_NAMES } from './hao.js';

const PositiveInt = z.number().int().positive();

/** A length in millimetres. */
const Mm = z.number().positive();

/** A type size: a 号 name of the template's convention (`小五`) or a number in pt. */
export const SizeSchema = z.union([z.string().min(1), z.number().positive()]);

/**
 * A rectangle on the grid, in grid units: first column and first line (1-based) and the
 * number of columns and lines it spans.
 */
export const GridRectSchema = z.strictObject({
  /** First column, 1 = leftmost. */
  col: PositiveInt,
  /** First line, 1 = top line of the 版心. */
  line: PositiveInt,
  /** Columns spanned (merged columns include the gutters between them). */
  cols: PositiveInt,
  /** Lines spanned. */
  lines: PositiveInt,
});
export type GridRect = z.infer<typeof GridRectSchema>;

/** Allowed sizes of one headline component, largest (the default) first; layout steps down. */
const SizeSteps = z.array(SizeSchema).min(1);

/** 引题 / 主题 / 副题 sizes for one article rank. */
const HeadSizesSchema = z.strictObject({
  /** 引题 — kicker above the headline. */
  kicker: SizeSteps,
  /** 主题 — the headline. */
  head: SizeSteps,
  /** 副题 — deck under the headline. */
  deck: SizeSteps,
});
export type HeadSizes = z.infer<typeof HeadSizesSchema>;

/** Font role (a key of fonts/fonts.json `roles`) for each text component. */
const FontsSchema = z.strictObject({
  kicker: z.string().default('kai'),
  head: z.string().default('hei'),
  deck: z.string().default('hei'),
  body: z.string().default('song'),
  bold: z.string().default('hei'),
  subhead: z.string().default('hei'),
  caption: z.string().default('kai'),
  credit: z.string().default('kai'),
  byline: z.string().default('kai'),
  furniture: z.string().default('hei'),
});

const Unit01 = z.number().min(0).max(1);

/**
 * How Chinese text is set (issue 11; clreq sections in src/text). The punctuation policy
 * uses 飞腾's names:
 * - `行末半角` (default): marks full width mid-line, compressible in one quarter-em step
 *   (so a mark is 1, ¾ or ½ em wide); a mark at a line end always half width, so every
 *   line's optical right edge is the same.
 * - `全角`: marks full width; a line-end mark gives up its half only when the line needs it.
 * - `开明`: 。？！ full width; ，、；： always half width; line ends as 行末半角.
 */
const TypographySchema = z.strictObject({
  /** 标点 policy: 行末半角, 全角 or 开明 (above). */
  punctuation: z.enum(['行末半角', '全角', '开明']).default('行末半角'),
  /** 中西文间距 — space between an ideograph and a Latin letter or digit, em (clreq §3.2.1: ¼). */
  mixedGap: z.number().min(0).max(0.5).default(0.25),
  /** ASCII , ; : ? ! ( ) next to ideographs in body copy are set as full-width marks. */
  fullWidthPunct: z.boolean().default(true),
  /** A number or code of 8+ letters and digits (an ID) may break inside, at a price, rather than leave a loose line. */
  breakLongNumbers: z.boolean().default(true),
  /** Least characters (punctuation not counted) on a paragraph's last line: 孤字 avoidance. */
  minLastChars: z.number().int().min(0).max(8).default(2),
  /** Phrase space in heads, decks and bylines: a source space between ideographs, em (一字空). */
  headPhraseSpace: z.number().min(0).max(2).default(1),
  /** Baseline-to-baseline distance of a multi-line head, in em of its size. */
  headPitch: z.number().min(1).max(2.5).default(1.25),
});

const FurnitureSchema = z.strictObject({
  /** 报头 — on the edition's first page: a band at the top-left of the grid. */
  masthead: z.strictObject({
    /** Grid lines it takes, including the rule under it. */
    lines: PositiveInt,
    /** Columns it takes from the left; all columns when left out. */
    cols: PositiveInt.optional(),
    /** Size of the paper's name. */
    titleSize: SizeSchema,
    /** Size of the date, issue and CN lines. */
    infoSize: SizeSchema,
    /** Width in pt of the rule under the 报头. */
    ruleWidth: z.number().nonnegative(),
    /** Spot colour (a name in the template's `spots`) the masthead art is printed in. */
    spot: z.string().min(1).optional(),
  }),
  /** 报眉 — on every other page: paper name, date, 版次 and 版名 above a rule, full width. */
  runningHead: z.strictObject({
    lines: PositiveInt,
    size: SizeSchema,
    /** Width in pt of the rule under the 报眉. */
    ruleWidth: z.number().nonnegative(),
  }),
  /** Credits line (责任编辑 美术编辑 校对) at the foot of every page, full width. */
  footer: z.strictObject({
    lines: PositiveInt,
    size: SizeSchema,
  }),
});

export const TemplateSchema = z
  .strictObject({
    /** Template name; must equal the file's stem (`broadsheet` for broadsheet.yaml). */
    name: z.string().min(1),
    /** Format name as printers say it, e.g. 对开, 四开. */
    label: z.string().min(1),
    /** Trimmed paper size in mm. */
    paper: z.strictObject({ width: Mm, height: Mm }),
    /** 版心 margins in mm from the paper's edges. */
    margins: z.strictObject({ top: Mm, bottom: Mm, left: Mm, right: Mm }),
    /** Which 号 table the sizes below refer to (spec §6). */
    hao: z.enum(HAO_CONVENTION_NAMES).default('traditional'),
    grid: z.strictObject({
      /** Body size, i.e. the size of one 字 of the grid. */
      bodySize: SizeSchema,
      /** Baseline-to-baseline distance of body lines, in pt. */
      linePitch: z.number().positive(),
      /** Number of columns (栏). */
      columns: PositiveInt,
      /** Width of one column in 字. */
      columnChars: PositiveInt,
      /** Width of the gutter between columns in 字. */
      gutterChars: z.number().int().nonnegative().default(1),
      /** Lines per column; must equal floor((版心 height − bodySize) / linePitch) + 1. */
      linesPerColumn: PositiveInt,
      /** Baseline of a line below the top of its row, in em of the body size. */
      firstBaseline: z.number().min(0).max(1).default(0.88),
    }),
    furniture: FurnitureSchema,
    heads: z.strictObject({
      /** How heads sit in their block: centred or flush left. */
      align: z.enum(['center', 'left']).default('center'),
      /** The page's main story (头条). */
      lead: HeadSizesSchema,
      /** Other stories. */
      secondary: HeadSizesSchema,
      /** 简讯 — short items. */
      brief: HeadSizesSchema,
      /** 竖排 — sizes of a vertical 主题 (an article's `headForm: vertical`), largest first; default the rank's head sizes. */
      vertical: SizeSteps.optional(),
    }),
    /** Sizes of the other text components. */
    text: z.strictObject({
      /** 小标题 inside the body. */
      subhead: SizeSchema,
      /** 图说 — photo caption. */
      caption: SizeSchema,
      /** Photographer's credit. */
      credit: SizeSchema,
      /** 署名 — byline. */
      byline: SizeSchema,
    }),
    fonts: FontsSchema.prefault({}),
    typography: TypographySchema.prefault({}),
    photos: z
      .strictObject({
        /** Target resolution of prepared photos at their placed size. */
        ppi: PositiveInt.default(200),
        /** Below this effective resolution a photo gets a warning. */
        warnBelowPpi: PositiveInt.default(150),
        /** Below this effective resolution a photo is an error. */
        errorBelowPpi: PositiveInt.default(100),
        /** Convert photos to greyscale (mono pages). */
        grey: z.boolean().default(false),
      })
      .prefault({}),
    /** Width in pt of the rules between articles. */
    ruleWidth: z.number().nonnegative().default(0.5),
    /** Copyfit checks. */
    copyfit: z
      .strictObject({
        /**
         * A body that leaves at least this many lines of its block empty, all its columns
         * together, is reported as underset (and fails --strict). Balanced columns (均衡分栏)
         * end a line or two short each, so the default allows a few lines per block.
         */
        undersetLines: z.number().int().positive().default(12),
        /**
         * 长体/扁体 — the horizontal scales, percent [least, most], a head may be set at. A
         * head that does not fit at a 号 is condensed (长体) in 5 % steps down to the least
         * before it drops a 号; [100, 100] (the default) never scales. An article may fix
         * its head's scale within the range (`headScale`), e.g. 110 for a 扁体 head.
         */
        headScale: z
          .tuple([z.number().int().min(80).max(100), z.number().int().min(100).max(120)])
          .default([100, 100]),
      })
      .prefault({}),
    /**
     * 专色 — spot colours the pages may print in, by name (报头红), each with its CMYK
     * alternate in 0…1: PDF Separation colour spaces.
     */
    spots: z.record(z.string().min(1), z.tuple([Unit01, Unit01, Unit01, Unit01])).default({}),
    /** Named rectangles that articles may use as `place: <name>`. */
    slots: z.record(z.string(), GridRectSchema).default({}),
  })
  .superRefine((t, ctx) => {
    const spot = t.furniture.masthead.spot;
    if (spot && !(spot in t.spots)) ctx.addIssue({ code: 'custom', path: ['furniture', 'masthead', 'spot'], message: `no spot colour “${spot}” in spots (${Object.keys(t.spots).join(', ') || 'none'})` });
  });

/** A page template, as parsed (defaults filled in). */
export type Template = z.infer<typeof TemplateSchema>;
