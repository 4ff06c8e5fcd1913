import type { Template } from '../../model/schema/template.js';
import type { FontFace } from '../../fonts/fontBook.js';
import type { TypesetOptions } from '../../text/typesetParagraph.js';

/** What a component of an article is, for its typography. */
export type TextRole = 'body' | 'head' | 'byline' | 'caption';

/**
 * The template's typography (template.ts TypographySchema) as options of the text stage,
 * for one kind of text: body copy gets ASCII marks set full-width and the 孤字 minimum;
 * heads, decks, crossheads and bylines break only between phrases, with the head phrase
 * space; 楷 text takes its full-width marks from `punctFace` (the 宋 face), whose quotes are
 * not the narrow Latin ones of LXGW WenKai.
 */
export function textOptions(t: Template, role: TextRole, punctFace?: FontFace): Partial<TypesetOptions> {
  const ty = t.typography;
  const o: Partial<TypesetOptions> = {
    mixedGap: ty.mixedGap,
    lineEndHalf: ty.punctuation !== '全角',
    kaiming: ty.punctuation === '开明',
    punctFace,
  };
  if (role === 'body' || role === 'caption') return { ...o, fullWidthPunct: ty.fullWidthPunct, minLastChars: ty.minLastChars, breakLongRuns: ty.breakLongNumbers };
  return { ...o, phrases: true, phraseSpace: ty.headPhraseSpace };
}
