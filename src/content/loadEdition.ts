/**
 * Reads an edition from disk: `edition.yaml`, every template it names, and every
 * `articles/*.md` beside it. This file is the I/O edge; parsing and checking are the pure
 * functions of parseFiles.ts and checkEdition.ts. All problems of all files are collected
 * and thrown as one ContentError (a UserError) listing each with file, field and reason.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ad, Edition } from '../model/schema/edition.js';
import { readArt, readPdfArt, type PdfArt, type PngArt, type SvgArt } from './readArt.js';
import type { Template } from '../model/schema/template.js';
import { UserError } from '../diagnostic.js';
import { checkEdition, type LoadedArticle } from './checkEdition.js';
import { parseArticle, parseEdition, parseTemplate, readText, type ParsedArticle } from './parseFiles.js';
import { ContentError, type Diagnostic, type Problem } from './problems.js';
import { writeAtomically } from '../io/writeAtomically.js';
import { projectRoot } from '../projectRoot.js';

export type { LoadedArticle, LoadedPhoto, PlacedBlock } from './checkEdition.js';
export type { Diagnostic, Problem } from './problems.js';
export { ContentError } from './problems.js';

/** An edition read from disk and checked. */
export interface LoadedEdition {
  /** The edition; its `templatesDir` resolved to the absolute path of the folder used. */
  edition: Edition;
  /** Templates by name, each one that a page names. */
  templates: Record<string, Template>;
  /** Articles in file-name order, places resolved. */
  articles: LoadedArticle[];
  /** Warnings: the build goes on. */
  diagnostics: Diagnostic[];
  /** The booked ads with their files read (a PDF's box; an image is sized by the build). */
  ads?: LoadedAd[];
  /** edition.yaml as shown in messages. */
  editionFile?: string;
  /** The 报头 art, read. */
  mastheadArt?: SvgArt | PdfArt | PngArt;
}

/** An ad with its file's absolute path and, for a PDF, its page box. */
export interface LoadedAd extends Ad {
  path: string;
  pdf?: PdfArt;
}

/**
 * Load and check the edition at `editionYamlPath`. Articles are read from `articles/*.md`
 * beside it, templates from its `templatesDir`. Throws a ContentError listing every
 * problem found, or a UserError when edition.yaml itself cannot be read.
 */
export function loadEdition(editionYamlPath: string): LoadedEdition {
  const editionPath = resolve(editionYamlPath);
  const editionFile = shown(editionPath);
  if (!existsSync(editionPath)) throw new UserError(`${editionFile}: no such file`);
  if (statSync(editionPath).isDirectory()) throw new UserError(`${editionFile}: is a folder; name its edition.yaml`);
  const root = dirname(editionPath);
  const text = (path: string, shownAs: string) => readText(readFileSync(path), shownAs);
  const editionText = text(editionPath, editionFile);
  if (!editionText.ok) throw new ContentError(editionText.problems);
  const parsed = parseEdition(editionText.text, editionFile);
  if (!parsed.ok) throw new ContentError(parsed.problems);
  const edition = parsed.value;
  const problems: Problem[] = [];
  const diagnostics: Diagnostic[] = [];

  // a top-level key of edition.yaml (the schema's default hides whether it was given)
  const given = /^templatesDir\s*:/m.test(editionText.text) ? edition.templatesDir : undefined;
  const templateDir = editionTemplatesDir(root, given);
  // from here on the edition names its templates folder by its absolute path (notices read it too)
  edition.templatesDir = templateDir;
  // a template the edition's folder lacks is zuban's own of that name (tabloid, broadsheet)
  const ownDir = join(projectRoot, 'templates');
  const dirs = resolve(templateDir) === resolve(ownDir) ? [templateDir] : [templateDir, ownDir];
  const templates = new Map<string, Template | null>();
  for (const name of new Set(edition.pages.map((p) => p.template))) {
    const path = dirs.map((d) => join(d, `${name}.yaml`)).find((f) => existsSync(f));
    if (path === undefined) continue;
    const raw = text(path, shown(path));
    const t = raw.ok ? parseTemplate(raw.text, shown(path), name) : raw;
    if (t.ok) templates.set(name, t.value);
    else {
      templates.set(name, null);
      problems.push(...t.problems);
    }
  }
  if (!existsSync(templateDir)) {
    const how = given === undefined ? '' : ' (templatesDir in edition.yaml, relative to its folder)';
    throw new ContentError([{ file: editionFile, field: 'templatesDir', reason: `templates folder ${shown(templateDir)} does not exist${how}; leave templatesDir out to use zuban's own templates` }]);
  }
  if (!statSync(templateDir).isDirectory()) {
    throw new ContentError([{ file: editionFile, field: 'templatesDir', reason: `${shown(templateDir)} is a file, not a folder` }]);
  }
  const availableTemplates = existsSync(templateDir)
    ? readdirSync(templateDir).filter((f) => f.endsWith('.yaml')).map((f) => basename(f, '.yaml')).sort()
    : [];
  // zuban's own page templates (not its notices.yaml, ratecard.yaml), when another folder is used
  const ownTemplates = dirs.length > 1 ? readdirSync(ownDir).filter((f) => f.endsWith('.yaml')).map((f) => basename(f, '.yaml')).filter((n) => n !== 'notices' && n !== 'ratecard').sort() : [];

  const articles: ParsedArticle[] = [];
  const articleDir = join(root, 'articles');
  if (existsSync(articleDir) && !statSync(articleDir).isDirectory()) {
    throw new ContentError([{ file: shown(articleDir), field: '', reason: 'is a file, not a folder: the articles (*.md) are read from the folder articles/ beside edition.yaml' }]);
  }
  const files = existsSync(articleDir) ? readdirSync(articleDir).filter((f) => f.endsWith('.md')).sort() : [];
  for (const f of files) {
    const path = join(articleDir, f);
    const raw = text(path, shown(path));
    const a = raw.ok ? parsedArticle(raw.text, shown(path)) : raw;
    if (a.ok) {
      articles.push(a.value);
      diagnostics.push(...a.diagnostics);
    } else problems.push(...a.problems);
  }

  const checked = checkEdition({
    editionFile,
    edition,
    templates,
    availableTemplates,
    ownTemplates,
    templateDir: shown(templateDir),
    articles,
    photos: {
      resolve: (file) => resolve(root, file),
      display: (file) => shown(resolve(root, file)),
      exists: (path) => existsSync(path),
      inside: (path) => {
        const rel = relative(realpathSync(root), realpathSync(path));
        return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
      },
    },
  });
  problems.push(...checked.problems);
  const ads: LoadedAd[] = [];
  let mastheadArt: SvgArt | PdfArt | PngArt | undefined;
  if (!problems.length) {
    edition.ads.forEach((ad, i) => {
      const path = resolve(root, ad.file);
      try {
        ads.push({ ...ad, path, ...(/\.pdf$/i.test(ad.file) ? { pdf: readPdfArt(path) } : {}) });
      } catch (err) {
        problems.push({ file: editionFile, field: `ads[${i}].file`, reason: `${ad.file}: ${(err as Error).message}` });
      }
    });
    if (edition.masthead?.art) {
      try {
        mastheadArt = readArt(resolve(root, edition.masthead.art));
      } catch (err) {
        problems.push({ file: editionFile, field: 'masthead.art', reason: `${edition.masthead.art}: ${(err as Error).message}` });
      }
    }
  }
  if (problems.length) throw new ContentError(problems);
  const used: Record<string, Template> = {};
  for (const p of edition.pages) used[p.template] = templates.get(p.template)!;
  return { edition, templates: used, articles: checked.articles, diagnostics: [...diagnostics, ...checked.diagnostics], ads, mastheadArt, editionFile };
}

/**
 * The templates folder of an edition in `root`: its `templatesDir` when given, else
 * `../templates` beside it when that exists, else the installation's own templates/.
 */
export function editionTemplatesDir(root: string, templatesDir: string | undefined): string {
  if (templatesDir !== undefined) return resolve(root, templatesDir);
  const beside = resolve(root, '../templates');
  return existsSync(beside) ? beside : join(projectRoot, 'templates');
}

/**
 * Parsed articles kept per file by their exact text: a watching build reads every article
 * again on each save, and parsing (front matter, Markdown) is most of that. The parsed
 * values are never changed downstream, so a kept one is as good as a fresh one.
 */
const parsed = new Map<string, { text: string; result: ReturnType<typeof parseArticle> }>();
function parsedArticle(text: string, file: string): ReturnType<typeof parseArticle> {
  const hit = parsed.get(file);
  if (hit && hit.text === text) return hit.result;
  const sha = kept && createHash('sha256').update(file).update('\0').update(text).digest('base64');
  const k = sha ? kept!.entries[sha] : undefined;
  const result = k ?? parseArticle(text, file);
  parsed.set(file, { text, result });
  if (kept && sha && !k && result.ok) {
    kept.entries[sha] = result;
    kept.changed = true;
  }
  if (kept && sha) kept.used.add(sha);
  return result;
}

/**
 * Articles parsed by an earlier build, kept beside its output (`.zuban-cache/articles.json`)
 * by a hash of each file's name and text: a build parses only the articles that changed.
 * YAML and Markdown run cold in a new process (~0.2 s for a 16-page edition's 116 articles).
 * The file is valid for the parser that wrote it only (this module's file, by size and
 * mtime, and the YAML, Markdown and schema libraries' versions); only articles that parsed
 * are kept, so a problem is always reported afresh.
 */
let kept: { file: string; entries: Record<string, ReturnType<typeof parseArticle>>; used: Set<string>; changed: boolean } | undefined;
/** This parser's identity: this module's file and the versions of the libraries it parses with. */
let parserId: string | undefined;
function parserIdentity(): string | undefined {
  try {
    const st = statSync(fileURLToPath(import.meta.url));
    const require = createRequire(import.meta.url);
    const version = (pkg: string) => {
      try {
        return (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;
      } catch {
        return '?';
      }
    };
    return `${st.size}:${st.mtimeMs}:${['yaml', 'markdown-it', 'markdown-it-cjk-breaks', 'markdown-it-cjk-friendly', 'zod'].map(version).join(',')}`;
  } catch {
    return undefined;
  }
}

export function keepParsedArticles(file: string): void {
  kept = { file, entries: {}, used: new Set(), changed: false };
  parserId ??= parserIdentity();
  parsed.clear(); // the file is the record now (one build's articles, not every build's of this process)
  if (!parserId) return;
  try {
    const read = JSON.parse(readFileSync(file, 'utf8'));
    if (read?.parser === parserId && read.entries && typeof read.entries === 'object') kept.entries = read.entries;
  } catch {
    // none yet, or unreadable: the articles are parsed
  }
}

/** Writes the kept articles of this build (those read since `keepParsedArticles`) when any was new. */
export function saveParsedArticles(): void {
  // a build that read no article (its edition.yaml refused) leaves the file as it is
  if (!kept || !parserId || !kept.used.size) {
    kept = undefined;
    return;
  }
  const entries = Object.fromEntries([...kept.used].filter((k) => kept!.entries[k]).map((k) => [k, kept!.entries[k]]));
  const stale = Object.keys(kept.entries).length !== Object.keys(entries).length;
  if (kept.changed || stale) {
    try {
      writeAtomically(kept.file, JSON.stringify({ parser: parserId, entries }));
    } catch {
      // the next build parses them again
    }
  }
  kept = undefined;
}

/** A path as messages show it: relative to the working directory when inside it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}
