/**
 * The notice engine as the desk holds it for its whole life (context and fonts, read once),
 * and the few compositions of the library API the desk makes: check a notice given as
 * data (with its quote, and its proof when asked), the customer's proof, a proof as PNG.
 */
import path from 'node:path';
import {
  customerProof,
  defaultFonts,
  loadNoticeContext,
  prepareNoticeData,
  projectRoot,
  proofNotice,
  quoteNoticeSet,
  renderDocument,
  renderDocumentPng,
  type Document,
  type FontBook,
  type NoticeContext,
  type Prepared,
  type Quote,
  type Reason,
} from '../index.js';

export interface NoticeEngine {
  ctx: NoticeContext;
  fonts: FontBook;
}

export function loadNoticeEngine(templatesDir = path.join(projectRoot, 'templates')): NoticeEngine {
  return { ctx: loadNoticeContext(templatesDir), fonts: defaultFonts() };
}

/** A checked notice: its wording and quote (and the proof when asked for), or its reasons. */
export type Checked = { ok: true; prepared: Prepared & { ok: true }; quote: Quote; document?: Document } | { ok: false; refused: Reason[] };

/** Reads, checks, words and sets a notice given as data; `id` names it in every reason. */
export function checkNoticeData(engine: NoticeEngine, data: object, id: string, withProof: boolean): Checked {
  const prepared = prepareNoticeData(data, engine.ctx, id);
  if (!prepared.ok) return { ok: false, refused: prepared.refused };
  if (!withProof) return { ok: true, prepared, quote: quoteNoticeSet(prepared, engine.ctx, engine.fonts) };
  const p = proofNotice(prepared, engine.ctx, engine.fonts);
  return { ok: true, prepared, quote: p.quote, document: p.document };
}

/** The customer's proof PDF: the notice as set, `lines` (order number, dates, price …), a signature box. */
export async function customerProofPdf(engine: NoticeEngine, data: object, id: string, lines: string[]): Promise<Buffer | null> {
  const prepared = prepareNoticeData(data, engine.ctx, id);
  if (!prepared.ok) return null;
  const { document } = customerProof(prepared, engine.ctx, { lines, signatureBox: true }, engine.fonts);
  return renderDocument(document, engine.fonts);
}

export const proofPdf = (document: Document, engine: NoticeEngine): Promise<Buffer> => renderDocument(document, engine.fonts);
export const proofPng = (document: Document, engine: NoticeEngine): Promise<Buffer> => renderDocumentPng(document, engine.fonts);
