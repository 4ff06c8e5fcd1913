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
