import { breakLines, type BreakOptions } from './breakLines.js';
import { itemize, type Items, type ItemizeOptions, type Span } from './itemize.js';
import { setLines, type SetLine } from './setLines.js';

/** Itemize arrays reused from paragraph to paragraph (the set lines copy what they keep). */
let scratch: Items | undefined;

/** Itemize → break → set: a paragraph of spans to positioned lines at one measure. */
export function typesetParagraph(spans: readonly Span[], opts: ItemizeOptions & BreakOptions): SetLine[] {
  const items = itemize(spans, opts, scratch);
  scratch = items;
  return setLines(items, breakLines(items, opts), opts);
}
