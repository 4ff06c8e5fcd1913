/**
 * Proof marks (校样标记): what a page editor must act on, drawn over a page — overset text
 * (溢出 N 字) on the last body block of the article, underset (欠 N 行) on its last body
 * block too, and a head past its line limit. Read from the page tree and the report's
 * copyfit only, so the same marks go on the previews, the proof PDF and `zuban serve`;
 * never on the print PDF.
 */
import type { Document, Rect } from '../frame/types.js';

/** The copyfit of one article as report.json gives it (the fields the marks read). */
export interface CopyfitEntry {
  id: string;
  file: string;
  page: string;
  heads: { component: string; lines: number; maxLines: number; over: number }[];
  body: { overLines: number; overChars: number; underLines: number; underChars: number; capacityLines: number; usedLines: number };
}

export interface ProofMark {
  kind: 'overset' | 'underset' | 'head-over';
  page: string;
  /** The block the mark stands on, and its article. */
  block: string;
  article: string;
  file: string;
  rect: Rect;
  /** The mark's text, e.g. 溢出 120 字, 欠 6 行. */
  label: string;
}

/** Every proof mark of a document. Underset below `minUnderLines` lines is left unmarked. */
export function proofMarks(doc: Pick<Document, 'pages'>, copyfit: readonly CopyfitEntry[], minUnderLines = 1): ProofMark[] {
  const lastBody = new Map<string, { page: string; id: string; rect: Rect }>();
  const heads = new Map<string, { page: string; id: string; rect: Rect }>();
  for (const p of doc.pages) {
    for (const b of p.blocks) {
      if (b.source.component === 'body') lastBody.set(b.source.id, { page: p.label, id: b.id, rect: b.rect });
      if (b.source.component === 'head' && !heads.has(b.source.id)) heads.set(b.source.id, { page: p.label, id: b.id, rect: b.rect });
    }
  }
  const marks: ProofMark[] = [];
  for (const a of copyfit) {
    const body = lastBody.get(a.id);
    const at = (kind: ProofMark['kind'], where: { page: string; id: string; rect: Rect }, label: string) =>
      marks.push({ kind, page: where.page, block: where.id, article: a.id, file: a.file, rect: where.rect, label });
    if (body && a.body.overLines > 0) at('overset', body, `溢出 ${a.body.overChars} 字`);
    else if (body && a.body.underLines >= minUnderLines) at('underset', body, `欠 ${a.body.underLines} 行`);
    const head = heads.get(a.id);
    for (const h of a.heads) if (h.over > 0 && head) at('head-over', head, `标题超 ${h.over} 行`);
  }
  return marks;
}
