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
import { projectRoot } from './projectRoot.js';
import { renderPdf } from './render/pdf/renderPdf.js';
import { MissingGlyphError } from './text/missingGlyph.js';

export { buildEdition, setEdition, editionDocument, type BuildOptions, type EditionSet } from './pipeline.js';
export { loadEdition, type LoadedEdition } from './content/loadEdition.js';
export { FontBook } from './fonts/fontBook.js';
export { loadNoticeContext, type NoticeContext } from './notices/loadNotices.js';
export type { Prepared } from './notices/prepareNotice.js';
export type { Quote } from './notices/pricing.js';
export { formatReason, type Reason } from './notices/reasons.js';
export { validateIdentifier, isIdentifierKind, IDENTIFIER_KINDS, type IdentifierKind, type ValidationResult } from './notices/identifiers/index.js';
export { readFrame, frameJsonSchema } from './frame/schema.js';
export type * from './frame/types.js';
export { UserError, formatDiagnostic, type Diagnostic } from './diagnostic.js';
export { projectRoot } from './projectRoot.js';

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
  // deadlines: issue 14 — the proof shows the legal deadlines beside the quote
  const n: NoticeToSet = { id: prepared.checked.id, file: prepared.checked.file, notice: prepared.checked.notice, text: prepared.text, deadlines: prepared.checked.deadlines };
  const layout: NoticesLayoutContext = { fonts, style: ctx.config.style, rateCard: ctx.rateCard, desk: prepared.checked.paper.desk };
  let set: ReturnType<typeof setProof>;
  try {
    set = setProof(n, layout);
  } catch (err) {
    if (err instanceof MissingGlyphError) throw new UserError(err.message);
    throw err;
  }
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
