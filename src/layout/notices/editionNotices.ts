/**
 * The notices of an edition: prepared notices in, a page filler for the edition's
 * notices pages and the notice report (out/report.json `notices`) out. Refused notices
 * are reported with file, field and reason and left off the page; the rest still sets.
 */
import type { FontBook } from '../../fonts/fontBook.js';
import { paperNamed, type NoticesConfig } from '../../notices/config.js';
import { deadlineViews, type DeadlineView } from '../../notices/deadlines.js';
import type { Prepared } from '../../notices/prepareNotice.js';
import type { RateCard } from '../../notices/rateCard.js';
import { formatReason, type Reason } from '../../notices/reasons.js';
import type { PageFiller } from '../page/composeEdition.js';
import type { PhotoJob } from '../page/composeArticle.js';
import type { PlacedLogo } from '../../notices/logo.js';
import { logoAsset } from './setNoticeBlock.js';
import { createNoticesPages, type LeftOut, type NoticesSet, type NoticeToSet } from './setNoticesPages.js';

export interface EditionNoticesContext {
  fonts: FontBook;
  config: NoticesConfig;
  rateCard: RateCard;
  /** The edition's paper name (picks the desk details of templates/notices.yaml). */
  paperName: string;
  /** 版次 of the edition's notices pages, in order. */
  pages: readonly string[];
}

/** The `notices` part of out/report.json; filled in as the pages are set. */
export interface NoticesReport {
  paper: string;
  /** Notices read from the folder. */
  read: number;
  pages: NoticesSet['pages'];
  set: (Omit<NoticesSet['notices'][number], 'quote'> & {
    lines: number;
    chars: number;
    /** The whole run's price (perInsertion × insertions), as quoted to the customer. */
    total: number;
    /** What this edition bills: one insertion. */
    billed: number;
    /** Legal deadlines (company notices): rule, unmoved and moved day, the holidays that moved it. */
    deadlines: DeadlineView[];
    /** An editor's permission to run it although accepted after the cut-off, as recorded with the notice. */
    late?: { by: string; at: string; reason: string };
    quote: NoticesSet['notices'][number]['quote'];
  })[];
  refused: { file: string; reasons: Reason[] }[];
  leftOut: LeftOut[];
  /** What this edition bills: one insertion of each set notice, yuan (never the whole run again). */
  totalYuan: number;
}

export interface EditionNotices {
  fill: PageFiller;
  report: NoticesReport;
  /** One line per refused reason (file, field, reason), for the build's warnings. */
  diagnostics: string[];
  /**
   * The logos of the notices to set, as photo jobs (prepared like a photo into the
   * assets the page's images name). The pipeline adds them to the edition's photo jobs.
   */
  photoJobs: PhotoJob[];
  /** Notices no page could hold so far (complete after the last notices page is set). */
  leftOut: () => LeftOut[];
}

export function editionNotices(prepared: readonly Prepared[], ctx: EditionNoticesContext): EditionNotices {
  const paper = paperNamed(ctx.config, ctx.paperName);
  const ok: NoticeToSet[] = [];
  const refused: NoticesReport['refused'] = [];
  for (const p of prepared) {
    if (p.ok) ok.push({ id: p.checked.id, file: p.checked.file, notice: p.checked.notice, text: p.text, deadlines: p.checked.deadlines });
    else refused.push({ file: p.file, reasons: p.refused });
  }
  const byId = new Map(ok.map((n) => [n.id, n]));
  const pages = createNoticesPages(ok, { fonts: ctx.fonts, style: ctx.config.style, rateCard: ctx.rateCard, desk: paper.desk });
  // a notice the text engine could not set is refused like one that failed its checks
  for (const u of pages.result.unset) {
    refused.push({ file: u.file, reasons: [{ file: u.file, field: '', code: 'notice.unset', message: u.reason, messageEn: u.reasonEn }] });
  }
  const report: NoticesReport = { paper: paper.name, read: prepared.length, pages: pages.result.pages, set: [], refused, leftOut: [], totalYuan: 0 };
  const last = ctx.pages[ctx.pages.length - 1];
  const leftOut = (): LeftOut[] => [
    ...pages.result.leftOut,
    ...pages.remaining().map((n) => ({ id: n.id, file: n.file, reason: '版面已满，未能刊出', reasonEn: 'the notices pages are full' })),
  ];
  const fill: PageFiller = (page, grid, firstLine, lastLine) => {
    const before = pages.result.notices.length;
    const items = pages.fill(page, grid, firstLine, lastLine);
    for (const s of pages.result.notices.slice(before)) report.set.push({ ...s, lines: s.quote.lines, chars: s.quote.chars, total: s.quote.total, billed: s.quote.perInsertion, deadlines: deadlineViews(byId.get(s.id)?.deadlines ?? []), ...(byId.get(s.id)?.notice.late ? { late: byId.get(s.id)?.notice.late } : {}) });
    report.totalYuan = Math.round(report.set.reduce((t, s) => t + s.billed, 0) * 100) / 100;
    if (page === last) report.leftOut = leftOut();
    return items;
  };
  const diagnostics = refused.flatMap((r) => r.reasons.map((x) => `notice refused: ${formatReason(x)}`));
  if (ok.length > 0 && ctx.pages.length === 0) {
    diagnostics.push(`${ok.length} notices are ready but the edition has no notices page (notices: true in edition.yaml)`);
  }
  const photoJobs = ok.flatMap((n) => (n.text.extras.logo ? [logoJob(n.id, n.file, n.notice.logo ?? '', n.text.extras.logo)] : []));
  return { fill, report, diagnostics, leftOut, photoJobs };
}

/** A notice's logo as a photo job: the whole image, at its own pixel size, in colour. */
export function logoJob(id: string, file: string, given: string, l: PlacedLogo): PhotoJob {
  return {
    asset: logoAsset(id), src: l.file, file: given, ppi: Math.round(l.ppi), article: file, field: 'logo',
    crop: { left: 0, top: 0, width: l.pxWidth, height: l.pxHeight }, width: l.pxWidth, height: l.pxHeight, grey: false,
  };
}
