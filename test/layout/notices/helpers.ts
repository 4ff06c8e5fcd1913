/** Shared setup for the notices-page tests: generated sample notices, the broadsheet grid, the desk context. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Page } from '../../../src/frame/types.js';
import { assemblePage } from '../../../src/layout/assemblePage.js';
import type { FrameItem } from '../../../src/layout/items.js';
import { createNoticesPages, type NoticesLayoutContext, type NoticeToSet } from '../../../src/layout/notices/setNoticesPages.js';
import { pageGrid } from '../../../src/layout/page/pageGrid.js';
import { TemplateSchema } from '../../../src/model/schema/template.js';
import { loadNoticeContext, prepareNoticeDir } from '../../../src/notices/loadNotices.js';
import type { Prepared } from '../../../src/notices/prepareNotice.js';
import { fonts } from '../../helpers/fonts.js';

export const noticeCtx = loadNoticeContext('templates');
export const layoutCtx: NoticesLayoutContext = {
  fonts,
  style: noticeCtx.config.style,
  rateCard: noticeCtx.rateCard,
  desk: noticeCtx.config.papers[noticeCtx.config.defaultPaper].desk,
};
export const grid = pageGrid(TemplateSchema.parse(parse(readFileSync('templates/broadsheet.yaml', 'utf8'))));

/** The sample generator's notices (seeded, every type), written to a temp folder and prepared. */
export function generatedNotices(): Prepared[] {
  const dir = mkdtempSync(join(tmpdir(), 'zuban-notices-'));
  execFileSync(process.execPath, ['scripts/make-sample-notices.mjs', '--out', dir], { stdio: 'pipe' });
  return prepareNoticeDir(dir, noticeCtx);
}

export function toSet(p: Prepared): NoticeToSet {
  if (!p.ok) throw new Error(`refused: ${p.file}: ${p.refused.map((r) => r.messageEn).join('; ')}`);
  return { id: p.checked.id, file: p.checked.file, notice: p.checked.notice, text: p.text };
}

/** Set notices on up to `maxPages` inside pages (lines 4–103 of the broadsheet). */
export function setOnPages(list: readonly NoticeToSet[], maxPages: number) {
  const pages = createNoticesPages(list, layoutCtx);
  const items: { page: string; items: FrameItem[]; frame: Page }[] = [];
  for (let i = 1; i <= maxPages && (i === 1 || pages.remaining().length > 0); i++) {
    const id = `A${String(4 + i).padStart(2, '0')}`;
    const placed = pages.fill(id, grid, 4, grid.linesPerColumn - 1);
    const frame = assemblePage({ kind: 'page', id, width: grid.pageWidth, height: grid.pageHeight, items: placed }, { number: 4 + i, channel: 'print' });
    items.push({ page: id, items: placed, frame });
  }
  return { ...pages, items };
}
