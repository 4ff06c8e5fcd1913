import type { FontBook } from '../../fonts/fontBook.js';
import type { BodyBlock } from '../../model/schema/article.js';
import type { Template } from '../../model/schema/template.js';
import { typesetParagraph } from '../../text/typesetParagraph.js';
import type { FlowLine } from '../fillColumns.js';
import type { PageGrid } from './pageGrid.js';

/**
 * An article's byline and body, broken once at the column measure: paragraphs in the body
 * font (bold spans in the bold font), 小标题 in 黑 with a blank row above, block quotes in
 * 楷. The lines are then only distributed into slots, never set again.
 */
export function bodyLines(id: string, byline: string | undefined, body: readonly BodyBlock[], grid: PageGrid, fonts: FontBook): FlowLine[] {
  const t: Template = grid.template;
  const measure = grid.columnWidth;
  const bodySize = grid.charPt;
  const fallbacks = fonts.fallbacks();
  const out: FlowLine[] = [];
  if (byline) {
    const size = grid.size(t.text.byline);
    for (const line of typesetParagraph([{ text: byline, face: fonts.face(t.fonts.byline) }], { size, measure, indent: 0, align: 'left', fallbacks, where: `${id} byline` })) {
      out.push({ line, source: { id, component: 'byline' }, size, chars: line.chars });
    }
  }
  body.forEach((block, para) => {
    if (block.kind === 'subhead') {
      const size = grid.size(t.text.subhead);
      const lines = typesetParagraph([{ text: block.text, face: fonts.face(t.fonts.subhead) }], { size, measure, indent: 0, align: 'left', fallbacks, where: `${id} subhead ¶${para + 1}` });
      lines.forEach((line, i) => out.push({ line, source: { id, component: 'subhead', para }, size, chars: line.chars, span: i === 0 ? 2 : 1 }));
      return;
    }
    const face = block.kind === 'quote' ? fonts.face(t.fonts.caption) : fonts.face(t.fonts.body);
    const bold = fonts.face(t.fonts.bold);
    const spans = block.spans.map((s) => ({ text: s.text, face: s.bold ? bold : face }));
    const lines = typesetParagraph(spans, { size: bodySize, measure, indent: 2 * bodySize, align: 'justify', fallbacks, where: `${id} body ¶${para + 1}` });
    for (const line of lines) out.push({ line, source: { id, component: 'body', para }, size: bodySize, chars: line.chars });
  });
  return out;
}
