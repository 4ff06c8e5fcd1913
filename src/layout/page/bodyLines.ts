import type { FontBook } from '../../fonts/fontBook.js';
import type { BodyBlock } from '../../model/schema/article.js';
import type { Template } from '../../model/schema/template.js';
import type { SetLine } from '../../text/setLines.js';
import { typesetParagraph } from '../../text/typesetParagraph.js';
import type { FlowLine } from '../fillColumns.js';
import type { PageGrid } from './pageGrid.js';
import { textOptions } from './textOptions.js';

/**
 * An article's byline and body, broken once at the column measure: paragraphs in the body
 * font (bold spans in the bold font), 小标题 in 黑 with a blank row above, block quotes in
 * 楷. The lines are then only distributed into slots, never set again.
 */
export function bodyLines(id: string, byline: string | undefined, body: readonly BodyBlock[], grid: PageGrid, fonts: FontBook, from?: { para: number; start: number }, columnWidth?: number): FlowLine[] {
  const t: Template = grid.template;
  // a boxed or 变栏 block sets its body at its own column measure
  const measure = columnWidth ?? grid.columnWidth;
  const bodySize = grid.charPt;
  const fallbacks = fonts.fallbacks();
  const out: FlowLine[] = [];
  const song = fonts.face(t.fonts.body);
  if (byline) {
    const size = grid.size(t.text.byline);
    for (const line of typesetParagraph([{ text: byline, face: fonts.face(t.fonts.byline) }], { ...textOptions(t, 'byline', song), size, measure, indent: 0, align: 'left', fallbacks, where: `${id} byline` })) {
      out.push({ line, source: { id, component: 'byline' }, size, chars: line.chars });
    }
  }
  body.forEach((block, para) => {
    if (from && para < from.para) return;
    const start = from && para === from.para ? from.start : 0;
    if (block.kind === 'subhead') {
      const size = grid.size(t.text.subhead);
      const lines = typesetParagraph([{ text: block.text, face: fonts.face(t.fonts.subhead) }], { ...textOptions(t, 'head', song), size, measure, indent: 0, align: 'left', fallbacks, where: `${id} subhead ¶${para + 1}` });
      lines.forEach((line, i) => out.push({ line, source: { id, component: 'subhead', para }, size, chars: line.chars, span: i === 0 ? 2 : 1 }));
      return;
    }
    const face = block.kind === 'quote' ? fonts.face(t.fonts.caption) : fonts.face(t.fonts.body);
    const bold = fonts.face(t.fonts.bold);
    const spans = sliceSpans(block.spans.map((s) => ({ text: s.text, face: s.bold ? bold : face })), start);
    const lines = typesetParagraph(spans, { ...textOptions(t, 'body', song), size: bodySize, measure, indent: start > 0 ? 0 : 2 * bodySize, align: 'justify', fallbacks, where: `${id} body ¶${para + 1}` });
    if (start > 0) for (const line of lines) shiftLine(line, start);
    for (const line of lines) out.push({ line, source: { id, component: 'body', para }, size: bodySize, chars: line.chars });
  });
  return out;
}

/** The spans of a paragraph from code unit `start` on. */
function sliceSpans<T extends { text: string }>(spans: readonly T[], start: number): T[] {
  if (start === 0) return [...spans];
  const out: T[] = [];
  let at = 0;
  for (const s of spans) {
    const end = at + s.text.length;
    if (end > start) out.push({ ...s, text: s.text.slice(Math.max(0, start - at)) });
    at = end;
  }
  return out;
}

/** Moves a line set from a paragraph's tail back to the paragraph's own offsets. */
function shiftLine(line: SetLine, by: number): void {
  line.start += by;
  line.end += by;
  for (const r of line.runs) for (let i = 0; i < r.ranges.length; i++) r.ranges[i] += by;
}
