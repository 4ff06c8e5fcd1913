/**
 * `zuban notice proof <file.yaml> [--out dir]` — a PDF proof of one notice at its printed
 * size and column measure, with the quote beside it; prints the quote.
 * `zuban notice quote <file.yaml> [--json]` — the quote only.
 *
 * Both set the notice with the page's engine and read the quote from the set lines. A
 * refused notice (no consent, invalid number, missing field, malformed YAML) prints one
 * line per reason — file, field, reason — and exits 1.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FontBook, formatReason, loadNoticeContext, proofNotice, projectRoot, renderDocument, UserError, type NoticeContext, type Quote } from '../index.js';
import { quoteLines } from '../layout/notices/proofNotice.js';
import { prepareNoticeFile } from '../notices/loadNotices.js';
import { logoAsset } from '../layout/notices/setNoticeBlock.js';
import { deadlineLines, deadlineViews, type Deadline } from '../notices/deadlines.js';
import { writeAtomically } from '../io/writeAtomically.js';

/** Read, check, word and proof one notice file; throws a UserError with every reason. */
export function proofNoticeFile(file: string, ctx: NoticeContext, fonts: FontBook) {
  const prep = prepareNoticeFile(file, ctx);
  if (!prep.ok) throw new UserError(`${file}: notice refused:\n${prep.refused.map((r) => `  ${formatReason(r)}`).join('\n')}`);
  const proof = proofNotice(prep, ctx, fonts);
  const logo = prep.text.extras.logo;
  if (logo) {
    // the proof embeds the checked logo file as it is (the edition prepares it like a photo)
    proof.document.assets[logoAsset(prep.checked.id)] = {
      file: logo.file, sha256: createHash('sha256').update(fs.readFileSync(logo.file)).digest('hex'), width: logo.pxWidth, height: logo.pxHeight,
      colorSpace: 'rgb', source: prep.checked.notice.logo ?? logo.file, crop: { left: 0, top: 0, width: logo.pxWidth, height: logo.pxHeight }, ppi: Math.round(logo.ppi),
    };
  }
  return { ...proof, checked: prep.checked };
}

/**
 * The quote as one JSON object (the `--json` contract: lines, chars, unit, rate, extras,
 * total, currency …), then the run dates billed one insertion each and the legal deadlines.
 */
export function quoteJson(file: string, id: string, q: Quote, more: { dates?: readonly string[]; deadlines?: readonly Deadline[] } = {}): Record<string, unknown> {
  return {
    file, id, lines: q.lines, chars: q.chars, unit: q.unit, unitLabel: q.unitLabel, quantity: q.quantity, rate: q.rate,
    base: q.base, minimumApplied: q.minimumApplied, extras: q.extras, perInsertion: q.perInsertion, insertions: q.insertions,
    total: q.total, currency: q.currency, free: q.free,
    dates: more.dates ?? [], deadlines: deadlineViews(more.deadlines ?? []),
  };
}


/** `zuban notice proof`: writes the proof PDF (through a temporary file) and prints the quote. */
export async function runNoticeProof(file: string, opts: { templates: string; out: string }): Promise<void> {
  const fonts = FontBook.load(projectRoot);
  const ctx = loadNoticeContext(opts.templates);
  const p = proofNoticeFile(file, ctx, fonts);
  const pdf = await renderDocument(p.document, fonts);
  const dest = path.join(opts.out, `${p.notice.id}.pdf`);
  writeAtomically(dest, pdf);
  for (const w of p.checked.warnings) process.stderr.write(`confirmed warning: ${formatReason(w)}\n`);
  process.stdout.write(`${[...quoteLines(p.quote, ctx.rateCard.line.charsPerLine), ...deadlineLines(p.checked.deadlines)].join('\n')}\n→ ${dest}\n`);
}

/** `zuban notice quote`: prints the quote, as text or as one JSON object. */
export function runNoticeQuote(file: string, opts: { templates: string; json?: boolean }): void {
  const ctx = loadNoticeContext(opts.templates);
  const p = proofNoticeFile(file, ctx, FontBook.load(projectRoot));
  const json = quoteJson(file, p.notice.id, p.quote, { dates: p.notice.notice.run.dates, deadlines: p.checked.deadlines });
  const text = [...quoteLines(p.quote, ctx.rateCard.line.charsPerLine), ...deadlineLines(p.checked.deadlines)];
  process.stdout.write(opts.json ? `${JSON.stringify(json)}\n` : `${text.join('\n')}\n`);
}
