/**
 * The notices of an edition build: reads and prepares `notices/*.yaml` beside
 * edition.yaml, and gives the page fillers for the edition's notices pages — one with the
 * print wording, one with the archive's (its own masking; notices whose consent lacks the
 * archive left out, spec §6) — and the notice report. A refused notice is a warning
 * naming file, field and reason (the page builds without it); with `strict` the build
 * fails. Notices that no page holds fail the build, named.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LoadedEdition } from '../../content/loadEdition.js';
import { UserError, type Diagnostic } from '../../diagnostic.js';
import type { FontBook } from '../../fonts/fontBook.js';
import { OWN_PAPER, PaperSchema, type NoticesConfig } from '../../notices/config.js';
import { loadNoticeContext, prepareNoticeDir } from '../../notices/loadNotices.js';
import { prepareNoticeData } from '../../notices/readNoticeData.js';
import { noticesForEdition, runDateReport } from '../../notices/noticesForEdition.js';
import type { Prepared } from '../../notices/prepareNotice.js';
import { printedRecord, type PrintedHistory, type PrintedRecord } from '../../notices/printedHistory.js';
import type { PageFiller } from '../page/composeEdition.js';
import type { PhotoJob } from '../page/composeArticle.js';
import { projectRoot } from '../../projectRoot.js';
import { editionNotices, type NoticesReport } from './editionNotices.js';
import { HeaderTooLong } from './noticesHeader.js';

export interface NoticesStage {
  fill: PageFiller;
  fillArchive: PageFiller;
  report: NoticesReport;
  diagnostics: Diagnostic[];
  /** The notices' logos, to prepare with the photos (the page's images name them). */
  photoJobs: PhotoJob[];
  /** The insertions the pages placed, keyed with `salt` (for the ledger of printed notices). */
  printed: (salt: string) => PrintedRecord[];
  /** With --strict: the refused and unplaced notices due, complete once the last notices page is set. */
  strictFailures: readonly string[];
  /** The file of each notice read from notices/, by id (the page tree's source.file). */
  files: ReadonlyMap<string, string>;
}

/** Notices given as data instead of the edition's notices/ folder (the desk's scheduled notices). */
export interface GivenNotice {
  data: unknown;
  /** Stands for the notice's file in messages, and is its id (the desk's order number). */
  name: string;
}

export function noticesStage(ed: LoadedEdition, editionDir: string, fonts: FontBook, opts: { strict?: boolean; log: (l: string) => void; notices?: readonly GivenNotice[]; history?: PrintedHistory }): NoticesStage | undefined {
  const pages = ed.edition.pages.filter((p) => p.notices).map((p) => p.page);
  const dir = path.join(editionDir, 'notices');
  if (!pages.length && !fs.existsSync(dir) && !opts.notices) return undefined;
  // notices.yaml, ratecard.yaml and calendar/ the edition's templates folder lacks are zuban's own
  const templateCtx = loadNoticeContext(path.resolve(editionDir, ed.edition.templatesDir), path.join(projectRoot, 'templates'));
  // The page's header (phone, WeChat, address) is the edition's own paper's: never another's —
  // edition.yaml `notices:`, else the paper of templates/notices.yaml named like the edition's.
  const ctx = ed.edition.notices ? { ...templateCtx, config: withOwnPaper(templateCtx.config, ed) } : templateCtx;
  const noticesFile = path.join(path.resolve(editionDir, ed.edition.templatesDir), 'notices.yaml');
  if (pages.length && !Object.values(ctx.config.papers).some((p) => p.name === ed.edition.paper)) {
    // no other paper is named here: its desk is not this edition's business
    const rel = path.relative(process.cwd(), noticesFile);
    throw new UserError(
      `${ed.editionFile ?? 'edition.yaml'}: notices: missing — the notices page ${pages.join(', ')} needs the desk of “${ed.edition.paper}” for its header: add notices: { desk: { phone, address, hours, wechat } } to edition.yaml, or a paper named ${ed.edition.paper} under papers: in ${rel && !rel.startsWith('..') ? rel : noticesFile}`,
    );
  }
  if (!opts.notices && fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) {
    throw new UserError(`${path.relative(process.cwd(), dir) || dir}: is a file, not a folder: the notices (*.yaml) are read from the folder notices/ beside edition.yaml`);
  }
  const prepared = opts.notices
    ? opts.notices.map((n) => prepareNoticeData(n.data, n.name, ctx))
    : fs.existsSync(dir) ? prepareNoticeDir(path.relative(process.cwd(), dir) || dir, ctx) : [];
  // only the notices whose run dates include the edition's date are set (one insertion each)
  const sel = noticesForEdition(prepared, ed.edition.date, { history: opts.history });
  const opt = { fonts, config: ctx.config, rateCard: ctx.rateCard, paperName: ed.edition.paper, pages };
  const n = editionNotices([...sel.toSet, ...sel.refusedDue, ...sel.refusedOther], opt);
  // the archive's pages: each notice in its archive wording, or left out without archive consent
  const archived: Prepared[] = sel.toSet.flatMap((p) => (p.archiveText ? [{ ...p, text: p.archiveText }] : []));
  const a = editionNotices(archived, opt);
  const diagnostics: Diagnostic[] = n.diagnostics.map((message) => ({ code: 'notice', severity: 'warning', message }));
  for (const d of diagnostics) opts.log(`warning: ${d.message}`);
  // --strict failures, given with the pages' own (the build stops once, naming them all)
  const strictFailures: string[] = [];
  if (opts.strict && sel.refusedDue.length) {
    strictFailures.push(`${sel.refusedDue.length} notices due ${ed.edition.date} refused (--strict):\n${n.diagnostics.join('\n')}`);
  }
  const last = pages[pages.length - 1];
  const fill: PageFiller = (page, grid, first, lastLine) => {
    const items = headerNamed(() => n.fill(page, grid, first, lastLine));
    const out = page === last ? n.leftOut() : [];
    if (out.length) throw new UserError(`notices left out (no room on the notices pages ${pages.join(', ')}):\n${out.map((o) => `  ${o.file}: ${o.reason} (${o.reasonEn})`).join('\n')}`);
    if (page === last) {
      const runDates = runDateReport(sel, n.report.set.map((s) => s.id), n.report.leftOut);
      Object.assign(n.report, { runDates });
      // a refused notice is not placed either: said once, above
      const notPlaced = runDates.dueNotPlaced.filter((d) => d.why !== 'refused');
      if (opts.strict && notPlaced.length) {
        strictFailures.push(`${notPlaced.length} notices due ${ed.edition.date} not placed (--strict):\n${notPlaced.map((d) => `  ${d.file}: ${d.reasons.map((r) => r.messageEn).join('; ')}`).join('\n')}`);
      }
      const over = n.report.set.filter((s) => s.overfullLines > 0);
      if (over.length) opts.log(`warning: notices with lines wider than the column: ${over.map((s) => `${s.file} (${s.overfullLines})`).join(', ')}`);
      opts.log(`notices: ${n.report.set.length} set on ${pages.join(', ')}, ${n.report.refused.length} refused, ${sel.notDue.length} not due ${ed.edition.date}, ¥${n.report.totalYuan} billed (one insertion each)`);
    }
    return items;
  };
  const printed = (salt: string) => {
    const placed = new Set(n.report.set.map((s) => s.id));
    return sel.toSet.flatMap((p) => (placed.has(p.checked.id) ? [printedRecord(p.checked.notice, p.checked.id, ed.edition.date, salt)] : [])).filter((r): r is PrintedRecord => r !== null);
  };
  // a desk field too long for the header names where the desk was given
  const headerNamed = <T>(f: () => T): T => {
    try {
      return f();
    } catch (err) {
      if (!(err instanceof HeaderTooLong)) throw err;
      const where = ed.edition.notices ? `${ed.editionFile ?? 'edition.yaml'}: notices.desk` : `${path.relative(process.cwd(), noticesFile) || noticesFile}: papers (${ed.edition.paper}).desk`;
      throw new UserError(`${where}${err.field ? `.${err.field}` : ''}: ${err.message}`);
    }
  };
  const files = new Map(opts.notices ? [] : prepared.flatMap((p) => (p.ok ? [[p.checked.id, p.checked.file] as const] : [])));
  return { fill, fillArchive: (page, grid, first, lastLine) => headerNamed(() => a.fill(page, grid, first, lastLine)), report: n.report, diagnostics, photoJobs: n.photoJobs, printed, strictFailures, files };
}

/**
 * The notices configuration with the edition's own paper (edition.yaml `notices:`) as the
 * only paper and the default: its desk heads the notices page, its policy checks the notices.
 */
function withOwnPaper(config: NoticesConfig, ed: LoadedEdition): NoticesConfig {
  const own = ed.edition.notices!;
  const privacy = own.privacy === undefined ? { print: { default: 'full' }, archive: { default: 'birthdate' } } : own.privacy;
  const r = PaperSchema.safeParse({ name: ed.edition.paper, level: own.level, desk: own.desk, numberStyle: own.numberStyle, cutoff: own.cutoff, privacy });
  if (!r.success) {
    const i = r.error.issues[0];
    throw new UserError(`${ed.editionFile ?? 'edition.yaml'}: notices.${i.path.join('.')}: ${i.message}`);
  }
  return { ...config, defaultPaper: OWN_PAPER, papers: { [OWN_PAPER]: r.data } };
}
