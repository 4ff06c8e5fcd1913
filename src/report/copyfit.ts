/**
 * out/report.json: the edition, its pages, the copyfit of every article (heads, body —
 * both halves of a jump together — captions), the diagnostics, and the notices with their
 * quotes. Body lines are counted from the page tree's body blocks.
 */
import path from 'node:path';
import type { LoadedEdition } from '../content/loadEdition.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Document } from '../frame/types.js';
import type { ComposedEdition } from '../layout/page/composeEdition.js';

/** The lines each article's body blocks hold in the document. */
export function bodyLinesInFrame(doc: Document): Map<string, number> {
  const n = new Map<string, number>();
  for (const p of doc.pages) for (const b of p.blocks) if (b.source.component === 'body') n.set(b.source.id, (n.get(b.source.id) ?? 0) + b.lines.length);
  return n;
}

export function copyfitReport(ed: LoadedEdition, editionDir: string, c: ComposedEdition, doc: Document, diagnostics: readonly Diagnostic[], notices: unknown) {
  const rel = (f: string) => path.relative(editionDir, path.resolve(f)).split(path.sep).join('/');
  const framed = bodyLinesInFrame(doc);
  return {
    edition: { paper: ed.edition.paper, date: ed.edition.date, issue: ed.edition.issue },
    pages: ed.edition.pages.map((p, i) => ({ page: p.page, number: i + 1, name: p.name, articles: c.articles.filter((a) => a.page === p.page).map((a) => a.id) })),
    copyfit: c.articles.map((a) => ({
      id: a.id, file: rel(a.file), page: a.page, continuedOn: a.continuedOn, ...(a.chain ? { chain: a.chain } : {}),
      heads: a.heads.map((h) => ({ component: h.component, size: h.size, step: h.step, lines: h.lines, maxLines: h.maxLines, over: h.over, scale: h.scale })),
      body: {
        ...a.body,
        underLines: Math.max(0, a.body.capacityLines - a.body.usedLines),
        underChars: Math.max(0, a.body.capacityChars - a.body.usedChars),
        /** Lines in the page tree's body blocks (the byline and jump lines included). */
        framedLines: framed.get(a.id) ?? 0,
        /** The template's threshold: this many empty lines or more is underset (copyfit.undersetLines). */
        undersetLimit: a.blocks[0]?.undersetLimit,
      },
      /** Underset per block: the article's own block, then each 转版 hop, with its template's threshold. */
      blocks: a.blocks.map((b) => {
        const emptyLines = Math.max(0, b.capacityLines - b.usedLines);
        return { ...b, emptyLines, underset: emptyLines >= b.undersetLimit };
      }),
      captions: a.captions,
    })),
    /** Every stage's warnings and info, one shape (src/diagnostic.ts), paths relative to the edition. */
    diagnostics: diagnostics.map((d) => (d.file ? { ...d, file: rel(d.file) } : d)),
    ...(notices ? { notices: relativeNoticeFiles(notices, editionDir) } : {}),
  };
}

/** The notices report with the files of the edition's notices/ folder named relative to the edition (they are read relative to the working directory). */
function relativeNoticeFiles(report: unknown, editionDir: string): unknown {
  const dir = path.join(path.resolve(editionDir), 'notices') + path.sep;
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') return key === 'file' && path.resolve(v).startsWith(dir) ? path.relative(editionDir, path.resolve(v)).split(path.sep).join('/') : v;
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(report);
}
