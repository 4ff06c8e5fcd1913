import { SolarDay } from 'tyme4ts';
import type { FrameItem } from '../items.js';
import type { FontBook } from '../../fonts/fontBook.js';
import type { Edition, PageSpec } from '../../model/schema/edition.js';
import { placeLine } from '../placeLine.js';
import { setOneLine } from './composeArticle.js';
import type { PageGrid } from './pageGrid.js';
import type { PdfArt, PngArt, SvgArt } from '../../content/readArt.js';
import { earBox, mastheadArt } from './mastheadArt.js';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** 2026年11月24日 星期二 — the date as a Chinese paper prints it. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${y}年${m}月${d}日　星期${WEEKDAYS[weekday]}`;
}

/** 农历丙午年十月十六 (tyme4ts). */
export function lunarDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return SolarDay.fromYmd(y, m, d).getLunarDay().toString();
}

/** The first grid line below a page's top furniture (报头 or 报眉). */
export function firstArticleLine(grid: PageGrid, front: boolean): number {
  const f = grid.template.furniture;
  return (front ? f.masthead.lines : f.runningHead.lines) + 1;
}

/** The last grid line above the credits line. */
export function lastArticleLine(grid: PageGrid): number {
  return grid.linesPerColumn - grid.template.furniture.footer.lines;
}

/**
 * 报头 on the first page (paper name large, date with weekday and 农历, issue number, CN
 * number, price, sponsor), 报眉 on the others (paper name, date, 版次 and 版名 above a rule),
 * and the credits line (责任编辑 / 美术编辑 / 校对) at every page's foot.
 */
export function furniture(edition: Edition, spec: PageSpec, pageNo: number, grid: PageGrid, fonts: FontBook, art?: SvgArt | PdfArt | PngArt): FrameItem[] {
  const t = grid.template;
  const f = t.furniture;
  const font = t.fonts.furniture;
  const items: FrameItem[] = [];
  const src = (id: string) => ({ id, component: 'furniture' as const });
  const put = (text: string, fontKey: string, size: number, x: number, y: number, measure: number, align: 'left' | 'right' | 'center', id: string) => {
    const line = setOneLine(text, fontKey, size, measure, align, grid, fonts, id);
    items.push(placeLine(line, x, y, size, src(id)));
  };
  const left = grid.gridLeft;
  const width = grid.gridWidth;
  if (pageNo === 1) {
    const m = f.masthead;
    const cols = m.cols ?? grid.columns;
    const titleSize = grid.size(m.titleSize);
    const infoSize = grid.size(m.infoSize);
    const titleCols = Math.max(1, Math.round(cols * 0.6));
    const titleW = grid.span(titleCols);
    const bandH = (m.lines - 1) * grid.linePitch;
    if (art) items.push(...mastheadArt(art, grid.colX(1), grid.rowTop(1), titleW, bandH - (edition.paperLatin ? 1.2 * infoSize + grid.linePitch : 0), m.spot));
    else {
      const titleY = grid.rowTop(1) + bandH * 0.5 + 0.38 * titleSize - (edition.paperLatin ? 0.3 * titleSize : 0);
      put(edition.paper, font, titleSize, left, titleY, titleW, 'center', 'masthead');
    }
    if (edition.paperLatin) {
      const latinY = art ? grid.rowTop(1) + bandH - grid.linePitch / 2 : grid.rowTop(1) + bandH * 0.5 + 0.38 * titleSize - 0.3 * titleSize + 0.75 * titleSize;
      put(edition.paperLatin, font, infoSize * 1.2, left, latinY, titleW, 'center', 'masthead');
    }
    // 报眼: the ear box at the band's right end, when the edition gives its fields
    const ear = edition.masthead?.ear ?? [];
    const earCols = ear.length ? 1 : 0;
    const infoX = grid.colX(titleCols + 1);
    const infoW = grid.span(cols - titleCols - earCols);
    if (earCols) items.push(...earBox(ear, grid.colX(cols), grid.span(1), grid, fonts, font, infoSize));
    const info = [
      chineseDate(edition.date),
      lunarDate(edition.date),
      `总第${edition.issue}期　今日${edition.pages.length}版`,
      `国内统一连续出版物号 ${edition.cn}`,
      ...(edition.sponsor ? [`主办：${edition.sponsor}`] : []),
      `定价：${edition.price.toFixed(2)}元`,
    ];
    const rowsPer = Math.max(1, Math.floor((m.lines - 2) / info.length));
    const firstRow = 1 + Math.max(0, Math.floor((m.lines - 1 - rowsPer * info.length) / 2));
    info.forEach((text, i) => put(text, font === 'hei' && fonts.has('heiMedium') ? 'heiMedium' : font, infoSize, infoX + grid.charPt, grid.baseline(firstRow + i * rowsPer), infoW - grid.charPt, 'left', 'masthead'));
    items.push({ kind: 'rule', x1: infoX, y1: grid.rowTop(1), x2: infoX, y2: grid.rowTop(m.lines) - 0.3 * grid.linePitch, width: 0.5, source: src('masthead') });
    const ruleY = grid.rowTop(m.lines) + grid.linePitch / 2;
    items.push({ kind: 'rule', x1: left, y1: ruleY - 1.5, x2: left + grid.span(cols), y2: ruleY - 1.5, width: m.ruleWidth, source: src('masthead') });
    items.push({ kind: 'rule', x1: left, y1: ruleY + 1, x2: left + grid.span(cols), y2: ruleY + 1, width: 0.4, source: src('masthead') });
  } else {
    const r = f.runningHead;
    const size = grid.size(r.size);
    const y = grid.baseline(r.lines - 1);
    put(`${edition.paper}　${chineseDate(edition.date)}`, font, size, left, y, width, 'left', 'running-head');
    put(`${spec.page}　${spec.name}`, font, size * 1.3, left, y, width, 'right', 'running-head');
    const ruleY = grid.rowTop(r.lines) + grid.linePitch / 2;
    items.push({ kind: 'rule', x1: left, y1: ruleY, x2: left + width, y2: ruleY, width: r.ruleWidth, source: src('running-head') });
  }
  const c = spec.credits;
  const credits = [`责任编辑：${c.editor}`, c.designer && `美术编辑：${c.designer}`, c.proofreader && `校对：${c.proofreader}`].filter(Boolean).join('　');
  const footSize = grid.size(f.footer.size);
  put(credits, font === 'hei' && fonts.has('heiMedium') ? 'heiMedium' : font, footSize, left, grid.baseline(grid.linesPerColumn), width, 'right', 'credits');
  return items;
}
