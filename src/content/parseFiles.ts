/**
 * Parsing of the three kinds of content file from their text: pure functions, no I/O, so
 * they are tested on strings. Each returns the parsed value or the problems found.
 */
import YAML from 'yaml';
import { EditionSchema, type Edition } from '../model/schema/edition.js';
import { TemplateSchema, type Template } from '../model/schema/template.js';
import { checkTemplate } from '../model/grid.js';
import { ArticleMetaSchema, type ArticleMeta, type BodyBlock } from '../model/schema/article.js';
import { parseBody } from './parseBody.js';
import { fieldPath, parseWith, type Diagnostic, type Problem } from './problems.js';

export type Parsed<T> = { ok: true; value: T; diagnostics: Diagnostic[] } | { ok: false; problems: Problem[] };

/**
 * YAML text to plain data with the `yaml` package (YAML 1.2 core schema): dates stay
 * strings, `0123` is not octal, duplicate keys are errors. `lineOffset` shifts reported
 * line numbers.
 */
export function parseYaml(text: string, file: string, lineOffset = 0): { ok: true; value: unknown } | { ok: false; problems: Problem[] } {
  const doc = YAML.parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) {
    return {
      ok: false,
      // the first error only: yaml's later ones mostly follow from it
      problems: doc.errors.slice(0, 1).map((e) => {
        // Line and column from the error's offset, so the place is right with or without yaml's pretty errors.
        const before = text.slice(0, e.pos[0]);
        const line = (before.match(/\n/g)?.length ?? 0) + 1;
        const col = e.pos[0] - before.lastIndexOf('\n');
        const what = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        return { file, field: '', reason: `YAML syntax error at line ${line + lineOffset}, column ${col}: ${what}` };
      }),
    };
  }
  try {
    // aliases are expanded here; the yaml package refuses an alias bomb (its maxAliasCount)
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (err) {
    return { ok: false, problems: [{ file, field: '', reason: `YAML cannot be read: ${(err as Error).message}` }] };
  }
}

/**
 * A content file's text. Files must be UTF-8: a file in another encoding (GBK, what
 * Notepad saves in China) is named as such instead of being read as replacement characters.
 */
export function readText(bytes: Uint8Array, file: string): { ok: true; text: string } | { ok: false; problems: Problem[] } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    let gbk = false;
    try {
      // GBK decodes almost any bytes: it is GBK when that gives Chinese text
      gbk = /\p{Script=Han}/u.test(new TextDecoder('gbk', { fatal: true }).decode(bytes));
    } catch {
      /* neither */
    }
    // Notepad's “Unicode” is UTF-16 with a byte-order mark
    const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    const how = utf16 ? 'UTF-16' : gbk ? 'looks like GBK' : '';
    return { ok: false, problems: [{ file, field: '', reason: `not UTF-8 (${how ? `${how}: ` : ''}save the file as UTF-8) — 文件不是UTF-8编码` }] };
  }
}

/** `content/edition.yaml` from its text. */
export function parseEdition(text: string, file: string): Parsed<Edition> {
  const yaml = parseYaml(text, file);
  if (!yaml.ok) return yaml;
  const r = parseWith(EditionSchema, yaml.value ?? {}, file);
  return r.ok ? { ok: true, value: r.value, diagnostics: [] } : r;
}

/** A template from its text; `name` is the file's stem, which the `name` field must match. */
export function parseTemplate(text: string, file: string, name: string): Parsed<Template> {
  const yaml = parseYaml(text, file);
  if (!yaml.ok) return yaml;
  const r = parseWith(TemplateSchema, yaml.value ?? {}, file);
  if (!r.ok) return r;
  // cross-field checks (the grid fits the 版心 …), after the fields themselves are right
  const problems = checkTemplate(r.value).map((p) => ({ file, field: fieldPath(p.path), reason: p.message }));
  if (problems.length) return { ok: false, problems };
  if (r.value.name !== name) {
    return { ok: false, problems: [{ file, field: 'name', reason: `“${r.value.name}” differs from the file name “${name}”` }] };
  }
  return { ok: true, value: r.value, diagnostics: [] };
}

/** An article as parsed from its file: front matter and body blocks. */
export interface ParsedArticle {
  /** The Markdown file, as shown in messages. */
  file: string;
  meta: ArticleMeta;
  body: BodyBlock[];
}

/**
 * An article's front matter and body: the YAML between a first line `---` and the next line
 * `---`, and the text after it. The YAML is handed over from the end of the opening `---`,
 * so its lines and columns are the file's own.
 */
function splitFrontMatter(text: string): { yaml: string; content: string; closed: boolean } | undefined {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const open = /^---[ \t]*\r?\n/.exec(t);
  if (!open) return undefined;
  const close = /^---[ \t]*(\r?\n|$)/m.exec(t.slice(open[0].length));
  if (!close) return { yaml: t.slice(3), content: '', closed: false };
  const end = open[0].length + close.index;
  return { yaml: t.slice(3, end), content: t.slice(end + close[0].length), closed: true };
}

/** An article from the text of its Markdown file. */
export function parseArticle(text: string, file: string): Parsed<ParsedArticle> {
  const split = splitFrontMatter(text);
  if (!split) {
    return { ok: false, problems: [{ file, field: '', reason: 'has no front matter: it must start with a line “---”' }] };
  }
  const y = parseYaml(split.yaml, file);
  if (!y.ok && !split.closed) return { ok: false, problems: [{ file, field: '', reason: 'the front matter has no closing line “---”: end the YAML with a line “---” before the text' }] };
  if (!y.ok) return y;
  const parsed = { data: (y.value ?? {}) as object, content: split.content };
  const meta = parseWith(ArticleMetaSchema, parsed.data, file);
  if (!meta.ok) return meta;
  const { blocks, warnings } = parseBody(parsed.content);
  const diagnostics: Diagnostic[] = warnings.map((w) => ({ severity: 'warning', code: w.code, file, message: w.message }));
  if (blocks.length === 0) {
    diagnostics.push({ severity: 'warning', code: 'body-empty', file, field: 'body', message: 'the article has no body text below its front matter' });
  }
  return { ok: true, value: { file, meta: meta.value, body: blocks }, diagnostics };
}
