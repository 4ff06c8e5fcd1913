/**
 * The edition (`content/edition.yaml`): the paper's identity for the 报头 (报纸出版管理规定
 * art. 31: CN number, date, issue number, price, printer and publisher addresses) and the
 * list of pages in print order, each with its 版次, 版名, template and editors' credits.
 *
 * Parse the YAML with the `yaml` package (YAML 1.2 core schema) so that `2026-11-24` stays
 * a string and `0123` is not read as octal.
 */
import { z } from 'zod';

/** Province-level codes that can open a CN number (GB/T 2260 first two digits). */
const CN_REGIONS = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
]);

/**
 * 国内统一连续出版物号: `CN` + two-digit province code + `-` + four-digit serial, with an
 * optional `/class` suffix as periodicals carry (`CN11-0001`, `CN43-1234/G4`).
 */
export const CnNumberSchema = z
  .string()
  .regex(/^CN\d{2}-\d{4}(\/[A-Z0-9]{1,4})?$/, 'must look like CN11-0001: “CN”, two digits, “-”, four digits')
  .refine((s) => CN_REGIONS.has(s.slice(2, 4)), {
    message: 'the two digits after “CN” must be a province code (11–65)',
  });

/** A calendar date written as YYYY-MM-DD, checked to exist. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return true; // the regex has said it
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a date in the calendar');

/** 版次 — page label: an optional section letter and two digits (`A01`, `B12`, `04`). */
export const PageIdSchema = z.string().regex(/^[A-Z]?\d{2}$/, 'must be a 版次 like A01: a capital letter and two digits');

/** Name of a template: the stem of a file in the templates folder. */
export const TemplateNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a template file name without “.yaml”');

/** A name and postal address (printer, publisher). */
const AddressedSchema = z.strictObject({
  name: z.string().min(1),
  address: z.string().min(1),
  /** 邮政编码 — six digits, quoted in YAML. */
  postcode: z.string().regex(/^\d{6}$/, 'must be six digits in quotes, e.g. "430000"').optional(),
  phone: z.string().optional(),
});

/** 编辑署名 — the credits printed on each page. */
const CreditsSchema = z.strictObject({
  /** 责任编辑 */
  editor: z.string().min(1),
  /** 美术编辑 */
  designer: z.string().min(1).optional(),
  /** 校对 */
  proofreader: z.string().min(1).optional(),
});

export const PageSpecSchema = z.strictObject({
  /** 版次, e.g. A01. */
  page: PageIdSchema,
  /** 版名, e.g. 要闻, 城事, 副刊. */
  name: z.string().min(1),
  /** Template name (file stem in the templates folder). */
  template: TemplateNameSchema,
  credits: CreditsSchema,
  /** This page carries 声明/公告 set by the notices engine, not articles. */
  notices: z.boolean().default(false),
});
export type PageSpec = z.infer<typeof PageSpecSchema>;

/**
 * 广告 — an advertisement booked on a page: a PDF (placed as vectors) or an image, in a grid
 * rect. The ad fills the rect's width and its lines but the last, which carries the 广告
 * label; a file of another size (±1 pt; an image: ±1 % in proportion) is an error.
 */
export const AdSchema = z.strictObject({
  /** Booking id, letters, digits and “-”. */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'must be letters, digits and “-” only'),
  /** 版次 of the page. */
  page: PageIdSchema,
  /** Grid rect { col, line, cols, lines } (1-based, lines from the top of the 版心). */
  place: z.strictObject({ col: z.number().int().min(1), line: z.number().int().min(1), cols: z.number().int().min(1), lines: z.number().int().min(2) }),
  /** The supplied file (.pdf, .jpg, .png), relative to this folder. */
  file: z.string().min(1),
  /** Advertiser, for the report. */
  client: z.string().optional(),
});
export type Ad = z.infer<typeof AdSchema>;

/**
 * 导读 — a box on a page listing the day's stories on other pages with their 版次, generated
 * from the articles: each page's lead first, then its other stories, `perPage` of each.
 */
export const GuideSchema = z.strictObject({
  page: PageIdSchema,
  place: z.strictObject({ col: z.number().int().min(1), line: z.number().int().min(1), cols: z.number().int().min(1), lines: z.number().int().min(3) }),
  /** The box's title. */
  title: z.string().min(1).default('导读'),
  /** 变栏: columns of the list inside the box. */
  columns: z.number().int().min(1).max(8).default(2),
  /** Gutter between the columns, 字. */
  gutter: z.number().min(0.5).max(4).default(1.5),
  /** Stories per page. */
  perPage: z.number().int().min(1).max(10).default(2),
  frame: z.enum(['single', 'double', 'thick-thin']).default('double'),
  /** 底纹 of the box, 0…1 of black. */
  tint: z.number().min(0).max(1).optional(),
});
export type Guide = z.infer<typeof GuideSchema>;

/**
 * The 报头 of the first page: calligraphy art (an SVG of filled paths, or a one-page PDF)
 * printed in the template's masthead spot colour, and the 报眼 fields beside it.
 */
export const MastheadSchema = z.strictObject({
  /** The art file, relative to this folder (.svg or .pdf). */
  art: z.string().min(1).optional(),
  /** 报眼 — lines of the ear box (邮发代号, weather …), label and value. */
  ear: z.array(z.strictObject({ label: z.string().min(1), value: z.string().min(1) })).max(8).default([]),
});

/**
 * 声明/公告 — the paper's own notices desk, for an edition that sets a notices page: what
 * the page's header prints (title, phone, WeChat, address, hours) and how its notices are
 * checked. Given here, it is the edition's paper for every notice (templates/notices.yaml's
 * papers are then not looked at); left out, the paper in templates/notices.yaml whose
 * `name` is `paper` is used, and without one the build stops — a notices page never prints
 * another paper's desk.
 */
export const EditionNoticesSchema = z.strictObject({
  desk: z.strictObject({
    /** The page's head, e.g. 声明·公告. */
    title: z.string().min(1).default('声明·公告'),
    /** 受理电话 */
    phone: z.string().min(1),
    /** WeChat account for placing notices. */
    wechat: z.string().min(1).optional(),
    /** 受理地址 */
    address: z.string().min(1),
    /** e.g. 工作日15:00前受理，次日见报. */
    hours: z.string().min(1),
    /** The 广告 label the Advertising Law requires on paid notices. */
    adLabel: z.string().min(1).default('广告'),
  }),
  /** Circulation level (a liquidation notice needs provincial or national). */
  level: z.enum(['national', 'provincial', 'city']).default('city'),
  /** Daily cut-off (北京时间 HH:MM). */
  cutoff: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM').default('16:00'),
  /** How checked numbers are printed (src/notices/config.ts). */
  numberStyle: z.enum(['plain', 'grouped']).default('plain'),
  /**
   * The privacy policy per channel, as in templates/notices.yaml (checked there:
   * src/notices/config.ts). Left out: print `full`, e-paper/archive `birthdate`.
   */
  privacy: z.unknown().optional(),
});
export type EditionNotices = z.infer<typeof EditionNoticesSchema>;

export const EditionSchema = z
  .strictObject({
    /** The paper's name as printed in the 报头, e.g. 泓州日报. */
    paper: z.string().min(1),
    /** Latin name printed under the 报头 title, e.g. HONGZHOU DAILY. */
    paperLatin: z.string().optional(),
    /** 主办单位 — the sponsoring body. */
    sponsor: z.string().optional(),
    /** 国内统一连续出版物号. */
    cn: CnNumberSchema,
    /** Date of issue, YYYY-MM-DD. */
    date: IsoDateSchema,
    /** 总第N期 — running issue number since the first issue. */
    issue: z.number().int().positive(),
    /** Cover price in 元. */
    price: z.number().positive(),
    publisher: AddressedSchema,
    printer: AddressedSchema,
    /**
     * Folder of templates, relative to this file. Left out: `../templates` when there is one
     * beside the edition's folder, else the zuban installation's own templates (loadEdition).
     */
    templatesDir: z.string().default('../templates'),
    /** The pages in print order; the first carries the 报头. */
    pages: z.array(PageSpecSchema).min(1),
    /** 报头 art and 报眼. */
    masthead: MastheadSchema.optional(),
    /** 广告 booked in this edition. */
    ads: z.array(AdSchema).default([]),
    /** 导读 boxes. */
    guides: z.array(GuideSchema).default([]),
    /** The paper's notices desk (EditionNoticesSchema): the notices page's header. */
    notices: EditionNoticesSchema.optional(),
  })
  .superRefine((e, ctx) => {
    const seen = new Map<string, number>();
    e.pages.forEach((p, i) => {
      const first = seen.get(p.page);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['pages', i, 'page'], message: `${p.page} is already page ${first + 1} of the list` });
      } else seen.set(p.page, i);
    });
  });

/** The edition, as parsed (defaults filled in). */
export type Edition = z.infer<typeof EditionSchema>;
