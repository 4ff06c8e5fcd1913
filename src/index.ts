/**
 * zuban's library API: what the command line, the desk server and the tests call.
 *
 *   Editions   buildEdition(editionPath, outDir, opts) → page trees + files written
 *              setEdition(editionPath, fonts, opts)     → page trees only (nothing written)
 *   Notices    loadNoticeContext(templatesDir)
 *              prepareNoticeData(data, ctx)             a notice given as data → checked, worded
 *              prepareNoticeText(yaml, file, ctx)       the same from a file's text
 *              proofNotice(prepared, ctx, fonts)        → { document, quote }  (the page's engine)
 *              renderDocument(document, fonts)          → PDF bytes
 *   Numbers    validateIdentifier(kind, value)          → the `zuban validate --json` object
 *   Frames     readFrame(json)                          → a checked Document; frameJsonSchema()
 *   Watching   new Rebuilder(editionPath, outDir, opts)  .build(): only the changed pages again
 *   Proofs     proofMarks(document, report.copyfit)     → 溢出/欠行 marks; proofDocument(document, marks, fonts, root) → the proof channel; renderPagePng(document, label, opts)
 */
import path from 'node:path';
import { UserError, type Diagnostic } from './diagnostic.js';
import { FontBook } from './fonts/fontBook.js';
import { makeDocument } from './frame/document.js';
import type { Document } from './frame/types.js';
import { assemblePage } from './layout/assemblePage.js';
import { proofNotice as setProof } from './layout/notices/proofNotice.js';
import type { NoticesLayoutContext, NoticeToSet } from './layout/notices/setNoticesPages.js';
import type { NoticeContext } from './notices/loadNotices.js';
import { prepareNotice, type Prepared } from './notices/prepareNotice.js';
import { prepareNoticeData as prepareData } from './notices/readNoticeData.js';
import type { Quote } from './notices/pricing.js';
import { cacheDir, previewForms } from './pipeline.js';
import { projectRoot } from './projectRoot.js';
import { renderPdf } from './render/pdf/renderPdf.js';
import { MissingGlyphError } from './text/missingGlyph.js';
import type { ProofMark } from './report/proofMarks.js';

export { buildEdition, setEdition, editionDocument, type BuildOptions, type EditionSet } from './pipeline.js';
export { loadEdition, type LoadedEdition } from './content/loadEdition.js';
export { FontBook } from './fonts/fontBook.js';
export { loadNoticeContext, type NoticeContext } from './notices/loadNotices.js';
export type { Prepared } from './notices/prepareNotice.js';
export type { Quote } from './notices/pricing.js';
export { formatReason, type Reason } from './notices/reasons.js';
export { validateIdentifier, validationJson, isIdentifierKind, IDENTIFIER_KINDS, type IdentifierKind, type ValidationResult } from './notices/identifiers/index.js';
export { readFrame, frameJsonSchema } from './frame/schema.js';
export type * from './frame/types.js';
export { UserError, formatDiagnostic, type Diagnostic } from './diagnostic.js';
export { projectRoot } from './projectRoot.js';
export { Rebuilder, type RebuildResult } from './rebuild.js';
export { proofDocument, proofMarks, type ProofMark, type CopyfitEntry } from './report/proofMarks.js';

/** Fonts of this installation (fonts/fonts.json), opened once per process. */
let bookCache: FontBook | undefined;
export function defaultFonts(): FontBook {
  return (bookCache ??= FontBook.load(projectRoot));
}

/** Checks and words a notice given as a file's text. */
export function prepareNoticeText(yamlText: string, file: string, ctx: NoticeContext): Prepared {
  return prepareNotice(yamlText, file, ctx);
}

/** Checks and words a notice given as data (the desk's form): `name` stands for its file in messages (and is its id). */
export function prepareNoticeData(data: unknown, ctx: NoticeContext, name = 'notice'): Prepared {
  return prepareData(data, name, ctx);
}

/** A notice set exactly as its page sets it, as a one-page Document, and its quote. */
export function proofNotice(prepared: Prepared & { ok: true }, ctx: NoticeContext, fonts: FontBook = defaultFonts()): { document: Document; quote: Quote; notice: NoticeToSet } {
  // the proof shows the legal deadlines beside the quote
  const { n, set } = setNoticeProof(prepared, ctx, fonts, true);
  const page = assemblePage(set.page, { number: 1, channel: 'proof' });
  const document = makeDocument({
    title: `校样 ${n.id}`, channel: 'proof', pages: [page], faceOf: (id) => fonts.face(id), root: projectRoot,
    meta: { paper: prepared.checked.paper.name, date: n.notice.run.dates[0] ?? '', pages: [{ label: page.label, number: 1 }] },
  });
  return { document, quote: set.quote, notice: n };
}

/** A Document as PDF bytes (fonts from the document's own table, assets relative to `assetDir`). */
export function renderDocument(document: Document, fonts: FontBook = defaultFonts(), assetDir?: string): Promise<Buffer> {
  return renderPdf(document, { openFont: (r) => fonts.faceForFile(r.role, r.file), assetDir: assetDir ?? path.resolve('.') });
}

/** Diagnostics of a refused notice, one per reason. */
export function refusalDiagnostics(p: Prepared & { ok: false }): Diagnostic[] {
  return p.refused.map((r) => ({ code: r.code, severity: 'error', file: p.file, field: r.field, message: r.message, messageEn: r.messageEn }));
}

// ───────────────────────────── notices (desk) ─────────────────────────────
// What the desk server (src/desk/) needs beyond the functions above: the lists its form
// offers, the identifiers of a half-typed notice, the quote without a proof page (the live
// price), the customer's proof with order lines and a signature box, and a proof as PNG.
// Added by the desk branch; the lead may fold these into the API's own names.
import { stringify } from 'yaml';
import { quoteNotice as quoteFromLines } from './notices/pricing.js';
import { setLinesOf } from './layout/notices/noticeLines.js';
import { placeBlock, setNoticeBlock } from './layout/notices/setNoticeBlock.js';
import { noticeMeasure } from './layout/notices/setNoticesPages.js';
import { identifiersOf, type IdentifierRef } from './notices/noticeIdentifiers.js';
import type { Notice } from './notices/schema/notice.js';
import { readNoticeData } from './notices/readNoticeData.js';
import { printedRecord, type PrintedRecord } from './notices/printedHistory.js';
import type { FrameItem } from './layout/items.js';
import { placeLine } from './layout/placeLine.js';
import { typesetParagraph } from './text/typesetParagraph.js';
import type { OutlineCache } from './render/preview/renderPreview.js';

export { IDENTIFIER_KIND_LABELS } from './notices/identifiers/index.js';
export type { ValidationMessage } from './notices/identifiers/index.js';
export { NOTICE_TYPES, NOTICE_TITLES, type NoticeType, type Notice } from './notices/schema/notice.js';
export { PERSON_CERTIFICATES, ORG_ITEMS, SEAL_TYPES } from './notices/schema/lost.js';
export { CUSTOMER_ID_KINDS } from './notices/schema/common.js';
export { quoteLines } from './layout/notices/proofNotice.js';
export type { NoticeText } from './notices/wording.js';
export type { IdentifierRef };

export type { PrintedRecord } from './notices/printedHistory.js';

/**
 * The printed-history record of one insertion of a notice given as data (the desk's
 * published insertions, for the duplicate check of `zuban build --desk`): null when the
 * data is no notice or its type is never a duplicate.
 */
export function printedRecordOf(data: unknown, id: string, date: string, salt: string): PrintedRecord | null {
  const read = readNoticeData(data, id);
  if (!read.ok) return null;
  const r = printedRecord(read.notice, id, date, salt);
  return r && { ...r, from: 'desk' };
}

/** A notice's data as the text of a notice file (what `zuban desk export` writes). */
export function noticeYaml(data: unknown): string {
  return stringify(data, { lineWidth: 0 });
}

/** The identifiers of a notice, possibly half-typed (the desk's form), each with its validator kind and field. */
export function fieldIdentifiers(data: object): IdentifierRef[] {
  try {
    return identifiersOf(data as Notice).filter((r) => typeof r.value === 'string' && r.value.trim() !== '');
  } catch {
    return [];
  }
}

/**
 * The quote alone (the live price while the clerk types): the notice set in its column as
 * on the page, the price read from the set lines, without the proof page around it.
 */
export function quoteNoticeSet(prepared: Prepared & { ok: true }, ctx: NoticeContext, fonts: FontBook = defaultFonts()): Quote {
  const style = ctx.config.style;
  const m = noticeMeasure(style, ctx.rateCard);
  const block = setNoticeBlock(prepared.checked.id, prepared.checked.file, prepared.text, m, fonts);
  const set = setLinesOf(placeBlock(block, 0, 0, m.measure), prepared.checked.id, { columnWidthPt: m.measure, gutterPt: style.minGutter, digitPair: ctx.rateCard.char.digitPair });
  return quoteFromLines(prepared.checked.notice, set, ctx.rateCard);
}

/**
 * The customer's proof: the proof of proofNotice with `lines` under it (order number, run
 * dates, price …) and, with `signatureBox`, a box for the customer's signature and date.
 */
export function customerProof(prepared: Prepared & { ok: true }, ctx: NoticeContext, opts: { lines: string[]; signatureBox?: boolean }, fonts: FontBook = defaultFonts()): { document: Document; quote: Quote } {
  const { n, set } = setNoticeProof(prepared, ctx, fonts, false);
  const items: FrameItem[] = [...set.page.items];
  const source = { id: 'proof', component: 'furniture' as const };
  const margin = 36;
  const size = 9;
  const width = set.page.width - 2 * margin;
  const face = fonts.face(ctx.config.style.fonts.body);
  const para = (text: string, measure: number) => typesetParagraph([{ text, face }], { size, measure, indent: 0, align: 'left', fallbacks: fonts.fallbacks(), where: 'proof' });
  let y = set.page.height - margin + size * 1.5;
  for (const text of opts.lines) {
    for (const l of para(text, width)) {
      items.push(placeLine(l, margin, y, size, source));
      y += size * 1.5;
    }
  }
  if (opts.signatureBox) {
    const h = 54;
    items.push({ kind: 'box', x: margin, y, w: width, h, stroke: 0.5, source });
    for (const l of para('客户确认签字：　　　　　　　　　　日期：　　　　年　　月　　日', width - 12)) items.push(placeLine(l, margin + 6, y + h - 12, size, source));
    y += h + size;
  }
  const page = assemblePage({ ...set.page, height: y + margin, items }, { number: 1, channel: 'proof' });
  const document = makeDocument({
    title: `校样 ${n.id}`, channel: 'proof', pages: [page], faceOf: (id) => fonts.face(id), root: projectRoot,
    meta: { paper: prepared.checked.paper.name, date: n.notice.run.dates[0] ?? '', pages: [{ label: page.label, number: 1 }] },
  });
  return { document, quote: set.quote };
}

/** The first page of a Document as a PNG (the desk's live proof image). */
export async function renderDocumentPng(document: Document, fonts: FontBook = defaultFonts(), dpi = 110): Promise<Buffer> {
  // loaded on use: the canvas and sharp are no part of a build's main thread
  const { renderPreview } = await import('./render/preview/renderPreview.js');
  return renderPreview(document.pages[0], { fonts: document.fonts, images: {} }, await outlinesFor(fonts), dpi);
}
/**
 * One page of a document as PNG at `dpi` (150 and up is readable), with proof marks drawn
 * over it when given; photos are read from `assetDir` (the build's folder), and placed ads
 * drawn from their PDF pages, cached beside it as the build caches them.
 */
export async function renderPagePng(document: Document, label: string, opts: { dpi?: number; assetDir: string; marks?: readonly ProofMark[]; fonts?: FontBook }): Promise<Buffer> {
  const page = document.pages.find((p) => p.label === label);
  if (!page) throw new UserError(`no page ${label} (pages: ${document.pages.map((p) => p.label).join(', ')})`);
  const { renderPreview } = await import('./render/preview/renderPreview.js');
  const fonts = opts.fonts ?? defaultFonts();
  const images = Object.fromEntries(Object.entries(document.assets).map(([id, a]) => [id, path.join(opts.assetDir, a.file)]));
  const imageKeys = Object.fromEntries(Object.entries(document.assets).map(([id, a]) => [id, a.sha256]));
  const placed = page.blocks.some((b) => b.graphics.some((g) => g.kind === 'form'));
  const forms = placed ? await previewForms(document, opts.assetDir, path.join(cacheDir(opts.assetDir), 'forms')) : undefined;
  return renderPreview(page, { fonts: document.fonts, images, imageKeys, forms, marks: opts.marks?.filter((m) => m.page === label), markFont: fonts.face('hei').file }, await outlinesFor(fonts), opts.dpi ?? 150);
}

/** The glyph outlines and masks of a font book, kept across the previews drawn in this process. */
const outlineCaches = new WeakMap<FontBook, OutlineCache>();
async function outlinesFor(fonts: FontBook): Promise<OutlineCache> {
  let outlines = outlineCaches.get(fonts);
  if (!outlines) {
    const { OutlineCache } = await import('./render/preview/renderPreview.js');
    outlineCaches.set(fonts, (outlines = new OutlineCache((ref) => fonts.faceForFile(ref.role, ref.file))));
  }
  return outlines;
}

/** A notice set on a proof page with the page's engine (with its legal deadlines beside the quote, or not). */
function setNoticeProof(prepared: Prepared & { ok: true }, ctx: NoticeContext, fonts: FontBook, withDeadlines: boolean) {
  const n: NoticeToSet = { id: prepared.checked.id, file: prepared.checked.file, notice: prepared.checked.notice, text: prepared.text };
  if (withDeadlines) n.deadlines = prepared.checked.deadlines;
  const layout: NoticesLayoutContext = { fonts, style: ctx.config.style, rateCard: ctx.rateCard, desk: prepared.checked.paper.desk };
  try {
    return { n, set: setProof(n, layout) };
  } catch (err) {
    if (err instanceof MissingGlyphError) throw new UserError(err.message);
    throw err;
  }
}
