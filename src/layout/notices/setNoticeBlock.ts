/**
 * One notice (or group header) set once at the notice measure with the text engine, as a
 * block of positioned lines relative to its own top-left corner. The page and the proof
 * place the same block, so the lines a proof quotes are the lines the page prints.
 */
import type { Source } from '../../frame/types.js';
import type { FrameItem } from '../items.js';
import type { FontBook } from '../../fonts/fontBook.js';
import type { NoticeStyle } from '../../notices/config.js';
import type { NoticeText } from '../../notices/wording.js';
import type { SetLine } from '../../text/setLines.js';
import { typesetParagraph } from '../../text/typesetParagraph.js';
import { placeLine } from '../placeLine.js';

/** The measure and style every notice block is set with. */
export interface NoticeMeasure {
  /** Width of a notice column, pt: the rate card's 字 per line at the notice size. */
  measure: number;
  style: NoticeStyle;
}

/** A set line inside a block: baseline and left offset from the block's top-left corner. */
export interface BlockLine {
  line: SetLine;
  /** Size in pt. */
  size: number;
  /** Left of the line box from the block's left, pt. */
  dx: number;
  /** Baseline below the block's top, pt. */
  y: number;
  /** Index of the part (title 0, paragraphs, sign-off, date) for `Source.para`. */
  para: number;
}

/** A notice set at the notice measure. */
export interface NoticeBlock {
  kind: 'notice';
  /** Notice id (`Source.id` of its glyph runs). */
  id: string;
  file: string;
  /** Company notice: must never be split (no block is, but the check is named for these). */
  company: boolean;
  /** Height in pt, the box's padding included. */
  height: number;
  lines: BlockLine[];
  /** Stroke width of the paid box round the notice, 0 for none. */
  box: number;
  /** Top of the box below the block's top, pt (the box's padding ends on a grid line). */
  boxY?: number;
  /** Lines wider than the measure (an unbreakable run, or the engine found no looser break). */
  overfull: number;
  /** The paid logo, centred above the title: offsets from the block's top-left, pt. */
  logo?: { file: string; dx: number; y: number; w: number; h: number; ppi: number };
}

/** A group header (遗失声明, 减资公告 …) at the head of its notices. */
export interface GroupHeader {
  kind: 'group';
  /** Group id (NOTICE_GROUPS). */
  id: string;
  title: string;
  height: number;
  lines: BlockLine[];
}

export type FlowBlock = NoticeBlock | GroupHeader;

/** Padding inside a notice's box, in em of the notice size. */
const BOX_PAD = 0.5;
/**
 * How notice copy is set: ASCII marks beside ideographs full-width (身份证,证号: reads as
 * 身份证，证号：), 行末半角, no 孤字, and an ID or passport number may break inside (at a
 * price) rather than leave a 13-字 line before it loose (issue 11 item 9).
 */
const NOTICE_TEXT = { fullWidthPunct: true, lineEndHalf: true, minLastChars: 2, breakLongRuns: true } as const;

/** Title lines take this many times their size. */
const TITLE_LEADING = 1.45;

/**
 * Set a notice: a bold centred title (titled notices), the paragraphs justified (titled
 * notices indent 2 字), the sign-off and the date flush right. A boxed notice is set
 * inside its box's padding, so it takes the lines it shows.
 */
export function setNoticeBlock(id: string, file: string, text: NoticeText, m: NoticeMeasure, fonts: FontBook): NoticeBlock {
  const { style } = m;
  const S = style.size;
  const P = style.pitch;
  const box = text.extras.box ? 0.6 : 0;
  const pad = box ? BOX_PAD * S : 0;
  const measure = m.measure - 2 * pad;
  const fallbacks = fonts.fallbacks();
  const body = fonts.face(style.fonts.body);
  const where = `${file} notice`;
  const lines: BlockLine[] = [];
  // Every body line's row starts a whole number of lines below the block's top, so that
  // with blocks placed on whole lines (flowNotices) each baseline is on the page's grid:
  // a box's top padding ends on a grid line, a title takes whole lines.
  const boxY = box ? P - pad : 0;
  let y = box ? P : 0;
  let para = 0;
  let logo: NoticeBlock['logo'];
  if (text.extras.logo) {
    const l = text.extras.logo;
    logo = { file: l.file, dx: pad + (measure - l.width) / 2, y, w: l.width, h: l.height, ppi: Math.round(l.ppi) };
    y += Math.ceil((l.height + 0.3 * P) / P - 1e-6) * P; // whole lines: the text below stays on the grid
  }
  if (!text.runIn) {
    const T = style.titleSize;
    // the title is bold (黑) for company notices and for the paid extra, else in the body face
    const titleFace = fonts.face(text.extras.boldTitle ? style.fonts.title : style.fonts.body);
    const set = typesetParagraph([{ text: text.title, face: titleFace }], { ...NOTICE_TEXT, phrases: true, size: T, measure, indent: 0, align: 'center', fallbacks, where: `${where} title` });
    const lead = T * TITLE_LEADING;
    const rows = Math.max(1, Math.round((set.length * lead + 0.15 * P) / P)) * P;
    const top = y + (rows - 0.15 * P - set.length * lead) / 2;
    set.forEach((line, i) => lines.push({ line, size: T, dx: pad, y: top + i * lead + (lead - T) / 2 + titleFace.emTop * T, para }));
    y += rows;
    para++;
  }
  const indent = text.runIn ? 0 : 2 * S;
  for (const p of text.paragraphs) {
    const set = typesetParagraph([{ text: p, face: body }], { ...NOTICE_TEXT, size: S, measure, indent, align: 'justify', fallbacks, where: `${where} ¶${para}` });
    for (const line of set) {
      lines.push({ line, size: S, dx: pad, y: y + (P - S) / 2 + body.emTop * S, para });
      y += P;
    }
    para++;
  }
  for (const s of [...text.signoff, ...(text.date ? [text.date] : [])]) {
    for (const line of setRight(s, body, S, measure, fallbacks, `${where} sign-off`)) {
      lines.push({ line, size: S, dx: pad, y: y + (P - S) / 2 + body.emTop * S, para });
      y += P;
    }
    para++;
  }
  return { kind: 'notice', id, file, company: text.company, height: y + pad, lines, box, boxY, overfull: lines.filter((l) => l.line.overfull).length, ...(logo ? { logo } : {}) };
}

/** Lines set flush left, then moved flush right (the engine has no right alignment). */
function setRight(s: string, face: ReturnType<FontBook['face']>, size: number, measure: number, fallbacks: ReturnType<FontBook['fallbacks']>, where: string): SetLine[] {
  return typesetParagraph([{ text: s, face }], { size, measure, indent: 0, align: 'left', fallbacks, where }).map((line) => {
    const shift = measure - line.used;
    return shift > 0 ? { ...line, runs: line.runs.map((r) => ({ ...r, xs: r.xs.map((x) => x + shift) })) } : line;
  });
}

/** A group header: its title in bold, centred between a rule above and a hairline below. */
export function setGroupHeader(id: string, title: string, m: NoticeMeasure, fonts: FontBook): GroupHeader {
  const G = m.style.groupSize;
  const spaced = [...title].join(title.length <= 4 ? '　' : '');
  const face = fonts.face(m.style.fonts.group);
  const set = typesetParagraph([{ text: spaced, face }], {
    size: G, measure: m.measure, indent: 0, align: 'center', fallbacks: fonts.fallbacks(), where: `notices group ${id}`,
  });
  const lead = G * 1.6;
  // whole lines of the notices pitch (the nearest count), the title centred between the rules
  const P = m.style.pitch;
  const height = Math.max(1, Math.round((4 + set.length * lead) / P)) * P;
  const top = (height - set.length * lead) / 2;
  const lines = set.map((line, i) => ({ line, size: G, dx: 0, y: top + i * lead + (lead - G) / 2 + face.emTop * G, para: 0 }));
  return { kind: 'group', id, title, height, lines };
}

/** The asset id of a notice's logo (its photo job's, see logoJob). */
export function logoAsset(noticeId: string): string {
  return `logo-${noticeId}`;
}

/** The frame items of a block placed with its top-left corner at (x, y). */
export function placeBlock(b: FlowBlock, x: number, y: number, width: number): FrameItem[] {
  const source: Source = b.kind === 'notice' ? { id: b.id, component: 'notice' } : { id: `notices-group-${b.id}`, component: 'notice-group' };
  const items: FrameItem[] = [];
  if (b.kind === 'group') {
    items.push({ kind: 'rule', x1: x, y1: y + 0.5, x2: x + width, y2: y + 0.5, width: 1, source });
    items.push({ kind: 'rule', x1: x, y1: y + b.height - 1, x2: x + width, y2: y + b.height - 1, width: 0.3, source });
  } else if (b.box) {
    items.push({ kind: 'box', x, y: y + (b.boxY ?? 0), w: width, h: b.height - (b.boxY ?? 0), stroke: b.box, source });
  }
  if (b.kind === 'notice' && b.logo) {
    const l = b.logo;
    items.push({ kind: 'image', x: x + l.dx, y: y + l.y, w: l.w, h: l.h, asset: logoAsset(b.id), ppi: l.ppi, source });
  }
  for (const l of b.lines) items.push(placeLine(l.line, x + l.dx, y + l.y, l.size, { ...source, para: l.para }));
  return items;
}
