/**
 * Reading a page tree back: a zod schema of frame v1 (the reader every consumer of
 * frame.json uses) and its JSON Schema, exported for tools in other languages.
 */
import { z } from 'zod';
import { UserError } from '../diagnostic.js';
import { COMPONENTS, FRAME_VERSION, type Document } from './types.js';

const num = z.number().finite();
const Paint = z.union([
  z.strictObject({ gray: num }),
  z.strictObject({ cmyk: z.tuple([num, num, num, num]) }),
  z.strictObject({ spot: z.string(), tint: num }),
]);
const Component = z.enum(COMPONENTS as [string, ...string[]]);
const Rect = z.strictObject({ x: num, y: num, w: num, h: num });
const Run = z.strictObject({
  font: z.string(), size: num, text: z.string(), gids: z.array(z.number().int()), xs: z.array(num), advs: z.array(num),
  ranges: z.array(z.number().int()), fill: Paint.optional(), scale: num.min(50).max(200).optional(),
  vertical: z.literal(true).optional(), ys: z.array(num).optional(),
});
const Line = z.strictObject({
  baseline: num, x: num, measure: num, ascent: num, descent: num, para: z.number().int().optional(), component: Component.optional(),
  last: z.boolean().optional(), runs: z.array(Run),
});
const Graphic = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('rule'), x1: num, y1: num, x2: num, y2: num, width: num, stroke: Paint.optional() }),
  z.strictObject({ kind: z.literal('box'), x: num, y: num, w: num, h: num, stroke: num, strokePaint: Paint.optional(), fill: Paint.optional() }),
  z.strictObject({ kind: z.literal('image'), x: num, y: num, w: num, h: num, asset: z.string(), ppi: num }),
  z.strictObject({ kind: z.literal('form'), x: num, y: num, w: num, h: num, asset: z.string() }),
  z.strictObject({ kind: z.literal('path'), x: num, y: num, w: num, h: num, viewBox: z.tuple([num, num, num, num]), d: z.string(), fill: Paint.optional() }),
  z.strictObject({ kind: z.literal('mask'), x: num, y: num, w: num, h: num, width: z.number().int().positive(), height: z.number().int().positive(), data: z.string(), fill: Paint.optional() }),
]);
const Block = z.strictObject({
  id: z.string(), kind: z.enum(['text', 'image', 'graphic']),
  source: z.strictObject({ id: z.string(), component: Component, para: z.number().int().optional(), file: z.string().optional() }),
  rect: Rect, next: z.string().optional(), lines: z.array(Line), graphics: z.array(Graphic),
});
const Channel = z.enum(['print', 'archive', 'proof']);
const Page = z.strictObject({
  label: z.string(), number: z.number().int(), name: z.string().optional(), template: z.string().optional(), width: num, height: num,
  trim: Rect, printSpace: Rect.optional(), channel: Channel, blocks: z.array(Block),
});
const FontRef = z.strictObject({
  role: z.string(), file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), postscriptName: z.string(), unitsPerEm: num,
  ascent: num, descent: num, emTop: num, emBottom: num,
});
const Asset = z.strictObject({
  file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), width: z.number().int(), height: z.number().int(),
  colorSpace: z.enum(['rgb', 'gray', 'cmyk']), source: z.string(),
  crop: z.strictObject({ left: num, top: num, width: num, height: num }), ppi: num,
});
const FormAsset = z.strictObject({
  file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), page: z.number().int().positive(), box: z.tuple([num, num, num, num]), source: z.string(),
});
const EditionMeta = z.strictObject({
  paper: z.string(), paperLatin: z.string().optional(), date: z.string(), issue: z.number().optional(), cn: z.string().optional(),
  publisher: z.string().optional(), pages: z.array(z.strictObject({ label: z.string(), number: z.number().int(), name: z.string().optional() })),
});

export const DocumentSchema = z.strictObject({
  kind: z.literal('document'), version: z.literal(FRAME_VERSION), title: z.string(), channel: Channel, meta: EditionMeta,
  fonts: z.record(z.string(), FontRef), assets: z.record(z.string(), Asset),
  spots: z.record(z.string(), z.tuple([num, num, num, num])).optional(), forms: z.record(z.string(), FormAsset).optional(), pages: z.array(Page),
});

/** Parses and checks a frame.json text (or an already parsed value); throws a UserError naming the field. */
export function readFrame(json: string | unknown, file = 'frame.json'): Document {
  let raw: unknown = json;
  if (typeof json === 'string') {
    try {
      raw = JSON.parse(json);
    } catch (err) {
      throw new UserError(`${file}: not JSON (${(err as Error).message})`);
    }
  }
  const r = DocumentSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new UserError(`${file}: ${i.path.join('.') || '(document)'}: ${i.message}`);
  }
  return r.data as Document;
}

/** The JSON Schema (draft 2020-12) of frame v1. */
export function frameJsonSchema(): unknown {
  return { $id: 'https://zuban.invalid/frame-v1.schema.json', title: 'zuban page tree (frame v1)', ...z.toJSONSchema(DocumentSchema) };
}
