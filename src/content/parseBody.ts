/**
 * Article body: Markdown → a plain list of blocks (paragraphs, 小标题, quotes) with bold
 * spans. markdown-it in CommonMark mode, plus
 * - markdown-it-cjk-friendly, so `**“遗失声明”**` is bold although `**` touches
 *   full-width punctuation (CommonMark's flanking rules would leave the asterisks);
 * - markdown-it-cjk-breaks, so a line break between two hanzi is dropped instead of
 *   becoming a space.
 * Anything else Markdown can express (lists, links, images, code) is flattened to text
 * with a warning: a newspaper body has no use for it.
 */
import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';
import cjkBreaks from 'markdown-it-cjk-breaks';
import type { BodyBlock, Span } from '../model/schema/article.js';

/** A note about Markdown the body cannot show as written. */
export interface BodyWarning {
  code: 'markdown-unsupported';
  message: string;
}

// The plugin's CommonJS build exports { default: plugin } (the bundled CLI loads it that way)
const friendly = typeof cjkFriendly === 'function' ? cjkFriendly : (cjkFriendly as unknown as { default: typeof cjkFriendly }).default;
const md = new MarkdownIt('commonmark').use(friendly).use(cjkBreaks);

type Token = ReturnType<typeof md.parse>[number];

/** The blocks of a Markdown body, and warnings for constructs it flattened or dropped. */
export function parseBody(markdown: string): { blocks: BodyBlock[]; warnings: BodyWarning[] } {
  const tokens = md.parse(markdown, {});
  const blocks: BodyBlock[] = [];
  const warned = new Set<string>();
  const warn = (what: string) => warned.add(what);
  let quoteDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t.type) {
      case 'blockquote_open':
        quoteDepth++;
        break;
      case 'blockquote_close':
        quoteDepth--;
        break;
      case 'heading_open': {
        if (t.tag === 'h1') warn('a “#” heading (use “##” for a 小标题)');
        const text = spansText(inlineSpans(tokens[i + 1], warn)).trim();
        if (text) blocks.push({ kind: 'subhead', text });
        i += 2; // inline, heading_close
        break;
      }
      case 'inline': {
        // Paragraph text, also inside lists (flattened to paragraphs).
        const spans = trimSpans(inlineSpans(t, warn));
        if (spans.length) blocks.push(quoteDepth > 0 ? { kind: 'quote', spans } : { kind: 'para', spans });
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        warn('a list (its items become paragraphs)');
        break;
      case 'code_block':
      case 'fence': {
        warn('a code block (set as a plain paragraph)');
        const text = t.content.trim();
        if (text) blocks.push({ kind: 'para', spans: [{ text }] });
        break;
      }
      case 'hr':
        warn('a horizontal rule (dropped)');
        break;
      case 'html_block':
        warn('HTML (dropped)');
        break;
      default:
        break;
    }
  }
  const warnings = [...warned].map((what): BodyWarning => ({ code: 'markdown-unsupported', message: `the body has ${what}` }));
  return { blocks, warnings };
}

/** The styled text of an inline token: bold from `**`, everything else plain. */
function inlineSpans(inline: Token | undefined, warn: (what: string) => void): Span[] {
  const spans: Span[] = [];
  let bold = 0;
  const push = (text: string) => {
    if (!text) return;
    const last = spans[spans.length - 1];
    if (last && Boolean(last.bold) === bold > 0) last.text += text;
    else spans.push(bold > 0 ? { text, bold: true } : { text });
  };
  for (const c of inline?.children ?? []) {
    switch (c.type) {
      case 'text':
      case 'code_inline':
        push(c.content);
        break;
      case 'softbreak':
        push(' ');
        break;
      case 'hardbreak':
        warn('a hard line break (set as a space)');
        push(' ');
        break;
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold--;
        break;
      case 'em_open':
        warn('*emphasis* (set as plain text; use **bold**)');
        break;
      case 'link_open':
        warn('a link (only its text is kept)');
        break;
      case 'image':
        warn('an image in the text (dropped; list photos in the front matter)');
        break;
      case 'html_inline':
        warn('HTML (dropped)');
        break;
      default:
        break;
    }
  }
  return spans;
}

/** Spans without leading and trailing white space, and without empty spans. */
function trimSpans(spans: Span[]): Span[] {
  const out = spans.map((s) => ({ ...s }));
  if (out.length) out[0].text = out[0].text.trimStart();
  if (out.length) out[out.length - 1].text = out[out.length - 1].text.trimEnd();
  return out.filter((s) => s.text.length > 0);
}

function spansText(spans: Span[]): string {
  return spans.map((s) => s.text).join('');
}
