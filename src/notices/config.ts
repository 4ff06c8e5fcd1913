/**
 * Notice-desk configuration per paper (templates/notices.yaml): the paper's level (the
 * Supreme People's Court requires a national or influential provincial paper for a
 * liquidation notice), the desk details the notices page header prints, and the privacy
 * policy, separately for print and for the e-paper/archive (spec §6 b–d).
 */
import { z } from 'zod';
import { MASK_PRESETS } from './schema/common.js';
import { PERSON_CERTIFICATES } from './schema/lost.js';
import { readSettings } from './readSettings.js';

/** A certificate's rule in one channel: a preset, or a preset with the disability options. */
export const CertificateRuleSchema = z.union([
  z.enum(MASK_PRESETS),
  z.strictObject({
    preset: z.enum(MASK_PRESETS),
    /** Mask positions 19–20 (category, grade) of a disability certificate number. */
    maskCategoryGrade: z.boolean().optional(),
    /** Print `证件` instead of the certificate's name (`残疾人证` itself reveals a disability). */
    dropCategoryWord: z.boolean().optional(),
  }),
]);

export const ChannelPolicySchema = z.strictObject({
  /** Preset for certificates not listed. */
  default: z.enum(MASK_PRESETS),
  /** Per-certificate rules, keyed by the certificate's name as in the notice. */
  certificates: z.partialRecord(z.enum(PERSON_CERTIFICATES), CertificateRuleSchema).default({}),
});
export type ChannelPolicy = z.infer<typeof ChannelPolicySchema>;

export const PaperSchema = z.strictObject({
  /** Printed name of the paper. */
  name: z.string().min(1),
  /** Circulation level, recorded for the liquidation rule (SPC interpretation II, art. 11). */
  level: z.enum(['national', 'provincial', 'city']),
  /** What the notices page header tells the reader about placing a notice. */
  desk: z.strictObject({
    title: z.string().min(1),
    phone: z.string().min(1),
    wechat: z.string().optional(),
    address: z.string().min(1),
    /** e.g. `工作日15:00前受理，次日见报`. */
    hours: z.string().min(1),
    /** The 广告 label the Advertising Law requires on paid notices. */
    adLabel: z.string().min(1),
  }),
  /**
   * How checked numbers are printed: `plain` (one run, the default) or `grouped` (ID-type
   * numbers in their fields, separated by spaces). Masking works on the normal form either way.
   */
  numberStyle: z.enum(['plain', 'grouped']).default('plain'),
  /** Daily cut-off (北京时间 HH:MM): a notice accepted later misses the next day's edition. */
  cutoff: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default('16:00'),
  privacy: z.strictObject({
    print: ChannelPolicySchema,
    archive: ChannelPolicySchema.extend({
      /** Remove personal numbers from the e-paper/archive this many days after the last run (spec §6 d). */
      removeNumbersAfterDays: z.number().int().positive().optional(),
    }),
  }),
});
export type Paper = z.infer<typeof PaperSchema>;

/**
 * How the notices page and the proofs set notices: the notice face and size, the line
 * pitch, titles, group headers and spacing. The measure is the rate card's
 * `line.charsPerLine` 字 at `size`, so a billed line is a printed line.
 */
export const NoticeStyleSchema = z.strictObject({
  /** Notice text size in pt (六号 = 7.5). */
  size: z.number().positive().default(7.5),
  /** Baseline-to-baseline distance of notice lines, pt. */
  pitch: z.number().positive().default(9.75),
  /** Smallest gutter between notice columns, pt; the spare width is shared among the gutters. */
  minGutter: z.number().nonnegative().default(7.5),
  /** Title of a titled notice (bold, centred), pt. */
  titleSize: z.number().positive().default(9),
  /** Group header (遗失声明, 减资公告 …), pt. */
  groupSize: z.number().positive().default(12),
  /** Space between two notices of a group, in lines. */
  itemGap: z.number().nonnegative().default(0.35),
  /** Space above a group header that does not start a column, in lines. */
  groupGap: z.number().nonnegative().default(0.6),
  /** Order within a group: of acceptance (file order, the default) or by the declarant's pinyin. */
  order: z.enum(['acceptance', 'pinyin']).default('acceptance'),
  /** Largest extra space per gap when squaring columns, in lines. */
  maxStretch: z.number().nonnegative().default(3),
  /** The paid logo extra: placed this many notice lines tall above the title, checked like a photo. */
  logo: z
    .strictObject({
      heightLines: z.number().positive().default(3),
      /** Below this resolution at the placed size the notice is refused. */
      minPpi: z.number().positive().default(150),
      /** Largest logo file, bytes. */
      maxBytes: z.number().int().positive().default(2_000_000),
    })
    .prefault({}),
  /** Font roles (fonts/fonts.json). */
  fonts: z
    .strictObject({
      body: z.string().default('song'),
      title: z.string().default('hei'),
      group: z.string().default('hei'),
      header: z.string().default('hei'),
    })
    .prefault({}),
});
export type NoticeStyle = z.infer<typeof NoticeStyleSchema>;

export const NoticesConfigSchema = z
  .strictObject({
    defaultPaper: z.string().min(1),
    papers: z.record(z.string(), PaperSchema),
    /** Typesetting of notices on the page and in proofs. */
    style: NoticeStyleSchema.prefault({}),
  })
  .refine((c) => c.defaultPaper in c.papers, { message: 'defaultPaper must name one of papers', path: ['defaultPaper'] });
export type NoticesConfig = z.infer<typeof NoticesConfigSchema>;

/** Parse templates/notices.yaml; throws naming the file and the field. */
export function readNoticesConfig(yamlText: string, file: string): NoticesConfig {
  return readSettings(NoticesConfigSchema, yamlText, file);
}

/** The paper whose printed name is `name` (the edition's paper), else the default paper. */
export function paperNamed(config: NoticesConfig, name: string): Paper {
  return Object.values(config.papers).find((p) => p.name === name) ?? config.papers[config.defaultPaper];
}

/** The paper a notice runs in: `run.paper`, or the config's default. Undefined for an unknown id. */
export function paperOf(config: NoticesConfig, paperId: string | undefined): Paper | undefined {
  return config.papers[paperId ?? config.defaultPaper];
}

/** The papers key of an edition's own notices desk (edition.yaml `notices:`). */
export const OWN_PAPER = 'edition';
