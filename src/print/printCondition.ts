/**
 * The print condition (`templates/print/condition.yaml`): the printer's CMYK profile, the
 * total area coverage limit, black-text overprint, the ppi thresholds, hairline width,
 * bleed and the PDF/X flavour. Read with zod; every problem names the file, the line and
 * the field.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Diagnostic } from './diagnostic.js';
import { PrintConfigError } from './diagnostic.js';
import { BUILTIN_CMYK, loadProfileBytes, readIcc, type IccInfo } from './icc.js';

export const PDFX_VERSIONS = ['X-1a:2001', 'X-4'] as const;
export type PdfxVersion = (typeof PDFX_VERSIONS)[number];

export const PrintConditionSchema = z.strictObject({
  name: z.string().min(1),
  profile: z.strictObject({
    /** Path relative to the condition file, or `builtin:cmyk`. */
    file: z.string().min(1),
    /** OutputConditionIdentifier of the OutputIntent. */
    condition: z.string().min(1),
    /** Info of the OutputIntent (a human-readable description). */
    info: z.string().optional(),
    registry: z.string().default('http://www.color.org'),
    /** The profile keeps within tac.limit itself; no limit step after conversion. */
    holdsLimit: z.boolean().default(false),
  }),
  tac: z.strictObject({
    /** Total area coverage limit in % (200–260). */
    limit: z.number().min(200).max(260).default(240),
  }).default({ limit: 240 }),
  overprint: z.strictObject({
    /** 100 % K text below this size in pt overprints. */
    blackTextBelow: z.number().positive().max(72).default(12),
  }).default({ blackTextBelow: 12 }),
  ppi: z.strictObject({
    /** Below: error. */
    min: z.number().positive().default(100),
    /** Below: warning. */
    warn: z.number().positive().default(150),
  }).default({ min: 100, warn: 150 }),
  /** Strokes thinner than this in pt are hairlines. */
  hairline: z.number().positive().default(0.25),
  /** Bleed around the trim box in mm. */
  bleed: z.number().min(0).max(20).default(3),
  pdfx: z.strictObject({
    version: z.enum(PDFX_VERSIONS).default('X-1a:2001'),
    cropMarks: z.boolean().default(false),
  }).default({ version: 'X-1a:2001', cropMarks: false }),
  photos: z.strictObject({
    jpegQuality: z.number().int().min(50).max(100).default(90),
  }).default({ jpegQuality: 90 }),
  /** Source ids allowed rich black (K with C, M or Y). */
  richBlack: z.array(z.string()).default([]),
}).check((ctx) => {
  if (ctx.value.ppi.min > ctx.value.ppi.warn) {
    ctx.issues.push({ code: 'custom', input: ctx.value.ppi, path: ['ppi', 'min'], message: `min (${ctx.value.ppi.min}) is above warn (${ctx.value.ppi.warn})` });
  }
});

export type PrintConditionInput = z.input<typeof PrintConditionSchema>;

/** A print condition as read: the profile resolved to a path (or `builtin:cmyk`) and read. */
export interface PrintCondition extends z.output<typeof PrintConditionSchema> {
  /** The file it was read from ('' for the built-in default). */
  source: string;
  /** Absolute path of the profile, or `builtin:cmyk`. */
  profilePath: string;
  /** The profile's header and description. */
  icc: IccInfo;
  /** Bleed in pt. */
  bleedPt: number;
}

/** The default condition file, relative to the project root. */
export const DEFAULT_CONDITION_FILE = 'templates/print/condition.yaml';

/** Reads and checks a print condition file; throws PrintConfigError naming file, line and field. */
export async function loadPrintCondition(file: string, displayName = file): Promise<PrintCondition> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new PrintConfigError([diag(displayName, undefined, undefined, `无法读取印刷条件文件：${(e as Error).message}`, `cannot read the print condition: ${(e as Error).message}`)]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    throw new PrintConfigError(doc.errors.map((e) => ({ ...diag(displayName, undefined, lines.linePos(e.pos[0]).line, `YAML 语法错误：${e.message}`, `YAML syntax: ${e.message}`), code: 'print.condition.yaml' })));
  }
  const lineOf = (p: readonly PropertyKey[]): number | undefined => {
    for (let k = p.length; k >= 0; k--) {
      const node = doc.getIn(p.slice(0, k) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lines.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return resolvePrintCondition(doc.toJS(), path.dirname(file), displayName, lineOf);
}

/** The condition of `input` (already parsed YAML/JSON); relative profile paths from `baseDir`. */
export async function resolvePrintCondition(
  input: unknown,
  baseDir: string,
  displayName = '<print condition>',
  lineOf: (p: readonly PropertyKey[]) => number | undefined = () => undefined,
): Promise<PrintCondition> {
  const parsed = PrintConditionSchema.safeParse(input);
  if (!parsed.success) {
    throw new PrintConfigError(parsed.error.issues.map((i) => diag(displayName, fieldPath(i.path), lineOf(i.path), `取值无效：${i.message}`, `invalid value: ${i.message}`)));
  }
  const c = parsed.data;
  const profilePath = c.profile.file === BUILTIN_CMYK ? BUILTIN_CMYK : path.resolve(baseDir, c.profile.file);
  const at = lineOf(['profile', 'file']);
  let icc: IccInfo;
  try {
    if (profilePath !== BUILTIN_CMYK) await stat(profilePath);
    icc = readIcc(await loadProfileBytes(profilePath));
  } catch (e) {
    throw new PrintConfigError([diag(displayName, 'profile.file', at, `ICC 特性文件 ${c.profile.file} 无法使用：${(e as Error).message}`, `ICC profile ${c.profile.file} unusable: ${(e as Error).message}`)]);
  }
  if (icc.colorSpace !== 'CMYK' || icc.components !== 4) {
    throw new PrintConfigError([diag(displayName, 'profile.file', at, `ICC 特性文件 ${c.profile.file} 的色彩空间是 ${icc.colorSpace.trim()}，输出意图需要 CMYK（N = 4）`, `ICC profile ${c.profile.file} has data colour space ${icc.colorSpace.trim()}; an output intent needs CMYK (N = 4)`)]);
  }
  if (icc.deviceClass !== 'prtr') {
    throw new PrintConfigError([diag(displayName, 'profile.file', at, `ICC 特性文件 ${c.profile.file} 不是输出（prtr）特性文件，而是 ${icc.deviceClass}`, `ICC profile ${c.profile.file} is of class ${icc.deviceClass}, not an output (prtr) profile`)]);
  }
  return { ...c, source: displayName, profilePath, icc, bleedPt: (c.bleed * 72) / 25.4 };
}

/** The condition with every default and the built-in profile (no file). */
export function defaultPrintCondition(overrides: Partial<PrintConditionInput> = {}): Promise<PrintCondition> {
  return resolvePrintCondition(
    { name: 'default', profile: { file: BUILTIN_CMYK, condition: 'Generic CMYK (Chemical proof), not newsprint' }, ...overrides },
    process.cwd(),
    '<default print condition>',
  );
}

function diag(file: string, field: string | undefined, line: number | undefined, message: string, messageEn: string): Diagnostic {
  return { code: 'print.condition', severity: 'error', file, ...(line ? { line } : {}), ...(field ? { field } : {}), message, messageEn };
}

function fieldPath(p: readonly PropertyKey[]): string {
  let out = '';
  for (const key of p) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}
