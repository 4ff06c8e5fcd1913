/**
 * Cross-file checks of an edition: every page's template exists, every article's page and
 * slot exist, blocks lie on the grid, clear of the furniture and of each other, photos sit
 * inside their article and their files exist. Pure: file existence comes in as a function.
 * Returns the articles with their places resolved to grid rectangles.
 */
import type { Edition, PageSpec } from '../model/schema/edition.js';
import type { GridRect, Template } from '../model/schema/template.js';
import type { BodyBlock, Photo, Place } from '../model/schema/article.js';
import type { ArticleMeta } from '../model/schema/article.js';
import { describeRect, furnitureRects, intersectRects, rectOutsideGrid, type PageKind } from '../model/grid.js';
import type { ParsedArticle } from './parseFiles.js';
import type { Diagnostic, Problem } from './problems.js';

/** A block of an article on a page: its first block or its continuation (转版). */
export interface PlacedBlock {
  /** 版次 of the page. */
  page: string;
  rect: GridRect;
}

/**
 * A picture with its file resolved. A 组图 entry of the front matter becomes one per
 * picture, in order, each with `group` saying where it stands; the caption, credit and
 * place are the group's (read from its first).
 */
export interface LoadedPhoto extends Omit<Photo, 'file' | 'group'> {
  file: string;
  /** Absolute path of the image file. */
  path: string;
  /** The front-matter field the picture comes from, for messages: photos[2].file, photos[3].group[1].file. */
  field: string;
  /** 组图: this picture's index in its group and the group's size. */
  group?: { index: number; size: number };
}

/** An article ready for layout: front matter, body, places resolved to grid rectangles. */
export interface LoadedArticle {
  /** The Markdown file, as shown in messages. */
  file: string;
  meta: ArticleMeta;
  body: BodyBlock[];
  /** The first block, on `meta.page`. */
  block: PlacedBlock;
  /** Where the body continues first (the chain's first hop). */
  continuation?: PlacedBlock;
  /** 转版 — every block the body continues in, in reading order (empty when it does not jump). */
  chain?: PlacedBlock[];
  /** Photos, in front-matter order, placed relative to `block`. */
  photos: LoadedPhoto[];
}

/** How the checks see the file system. */
export interface PhotoFiles {
  /** Absolute path of a photo named in front matter (relative to the edition folder). */
  resolve(file: string): string;
  /** The same path as shown in messages. */
  display(file: string): string;
  exists(path: string): boolean;
  /** True when the file (symbolic links followed) lies inside the edition folder. */
  inside(path: string): boolean;
}

export interface EditionCheckInput {
  /** edition.yaml, as shown in messages. */
  editionFile: string;
  edition: Edition;
  /** Templates by name; null for a template file that exists but failed to parse. */
  templates: ReadonlyMap<string, Template | null>;
  /** Names of all template files in the templates folder, for the “unknown template” message. */
  availableTemplates: readonly string[];
  /** zuban's own page templates, also used when the edition's folder is another. */
  ownTemplates?: readonly string[];
  /** The templates folder, as shown in messages. */
  templateDir: string;
  articles: readonly ParsedArticle[];
  photos: PhotoFiles;
}

const FURNITURE_NAMES = { masthead: '报头', runningHead: '报眉', footer: 'credits line (编辑署名)' } as const;

interface PageInfo {
  spec: PageSpec;
  index: number;
  kind: PageKind;
  template: Template | undefined;
}

interface Occupant {
  file: string;
  field: string;
  rect: GridRect;
}

/** Problems and warnings of an edition, and its articles with places resolved. */
export function checkEdition(input: EditionCheckInput): { problems: Problem[]; diagnostics: Diagnostic[]; articles: LoadedArticle[] } {
  const problems: Problem[] = [];
  const diagnostics: Diagnostic[] = [];
  const pages = checkPages(input, problems);
  const occupants = new Map<string, Occupant[]>([...pages.keys()].map((id) => [id, []]));
  const ids = new Map<string, string>();
  const articles: LoadedArticle[] = [];
  for (const a of input.articles) {
    const other = ids.get(a.meta.id);
    if (other) problems.push({ file: a.file, field: 'id', reason: `“${a.meta.id}” is also the id of ${other}` });
    else ids.set(a.meta.id, a.file);
    const loaded = placeArticle(a, pages, input, problems);
    if (!loaded) continue;
    articles.push(loaded);
    occupants.get(loaded.block.page)?.push({ file: a.file, field: 'place', rect: loaded.block.rect });
    (loaded.chain ?? []).forEach((hop, i) => {
      occupants.get(hop.page)?.push({ file: a.file, field: Array.isArray(a.meta.continue) ? `continue[${i}].place` : 'continue.place', rect: hop.rect });
    });
  }
  const kinds: [string, readonly { page: string; place: GridRect }[]][] = [['ads', input.edition.ads ?? []], ['guides', input.edition.guides ?? []]];
  for (const [key, list] of kinds) {
    list.forEach((x, i) => {
      const page = pages.get(x.page);
      const field = `${key}[${i}]`;
      if (!page) problems.push({ file: input.editionFile, field: `${field}.page`, reason: unknownPage(x.page, pages, input.editionFile) });
      else if (page.template && resolvePlace(input.editionFile, `${field}.place`, x.place, page, problems)) occupants.get(x.page)?.push({ file: input.editionFile, field: `${field}.place`, rect: x.place });
    });
  }
  (input.edition.ads ?? []).forEach((ad, i) => {
    const field = `ads[${i}].file`;
    const path = input.photos.resolve(ad.file);
    if (!/\.(pdf|jpe?g|png)$/i.test(ad.file)) problems.push({ file: input.editionFile, field, reason: `${ad.file} is not a PDF, JPEG or PNG file` });
    else if (!input.photos.exists(path)) problems.push({ file: input.editionFile, field, reason: `no such file: ${input.photos.display(ad.file)}` });
    else if (!input.photos.inside(path)) problems.push({ file: input.editionFile, field, reason: `${ad.file} lies outside the edition folder` });
  });
  const art = input.edition.masthead?.art;
  if (art) {
    const path = input.photos.resolve(art);
    if (!/\.(svg|pdf|png)$/i.test(art)) problems.push({ file: input.editionFile, field: 'masthead.art', reason: `${art} is not an SVG, PDF or PNG file` });
    else if (!input.photos.exists(path)) problems.push({ file: input.editionFile, field: 'masthead.art', reason: `no such file: ${input.photos.display(art)}` });
    else if (!input.photos.inside(path)) problems.push({ file: input.editionFile, field: 'masthead.art', reason: `${art} lies outside the edition folder` });
  }
  for (const [id, list] of occupants) {
    const page = pages.get(id);
    if (!page?.template) continue;
    problems.push(...overlaps(id, list));
    diagnostics.push(...gaps(page, page.template, list, input.editionFile));
  }
  return { problems, diagnostics, articles };
}

/** Pages by 版次, with their templates; problems for unknown templates. */
function checkPages(input: EditionCheckInput, problems: Problem[]): Map<string, PageInfo> {
  const pages = new Map<string, PageInfo>();
  const known = input.availableTemplates;
  input.edition.pages.forEach((spec, index) => {
    const template = input.templates.get(spec.template);
    if (template === undefined) {
      const own = input.ownTemplates?.length ? `; zuban's own: ${input.ownTemplates.join(', ')}` : '';
      const have = (known.length ? `${input.templateDir} has ${known.join(', ')}` : `${input.templateDir} has no templates`) + own;
      problems.push({ file: input.editionFile, field: `pages[${index}].template`, reason: `unknown template “${spec.template}”: ${have}` });
    }
    if (!pages.has(spec.page)) {
      pages.set(spec.page, { spec, index, kind: index === 0 ? 'front' : 'inside', template: template ?? undefined });
    }
  });
  return pages;
}

/** The article with its blocks resolved, or undefined when its page or place is unusable. */
function placeArticle(
  a: ParsedArticle,
  pages: ReadonlyMap<string, PageInfo>,
  input: EditionCheckInput,
  problems: Problem[],
): LoadedArticle | undefined {
  const page = pages.get(a.meta.page);
  if (!page) {
    problems.push({ file: a.file, field: 'page', reason: unknownPage(a.meta.page, pages, input.editionFile) });
    return undefined;
  }
  const rect = page.template && resolvePlace(a.file, 'place', a.meta.place, page, problems);
  const hops = a.meta.continue === undefined ? [] : Array.isArray(a.meta.continue) ? a.meta.continue : [a.meta.continue];
  const listed = Array.isArray(a.meta.continue);
  const chain: PlacedBlock[] = [];
  let continuationOk = true;
  hops.forEach((c, i) => {
    const field = listed ? `continue[${i}]` : 'continue';
    const target = pages.get(c.page);
    if (!target) {
      problems.push({ file: a.file, field: `${field}.page`, reason: unknownPage(c.page, pages, input.editionFile) });
      continuationOk = false;
    } else if (target.template) {
      const crect = resolvePlace(a.file, `${field}.place`, c.place, target, problems);
      if (crect) chain.push({ page: c.page, rect: crect });
      else continuationOk = false;
    } else continuationOk = false;
  });
  if (a.meta.columns !== undefined && rect && a.meta.photos.length && a.meta.columns !== rect.cols) {
    problems.push({ file: a.file, field: 'columns', reason: `a block set in ${a.meta.columns} columns (变栏) cannot hold photos placed on the page's ${rect.cols} grid columns` });
    continuationOk = false;
  }
  const photos = checkPhotos(a, rect, input.photos, problems);
  if (!rect || !continuationOk || !photos) return undefined;
  return { file: a.file, meta: a.meta, body: a.body, block: { page: a.meta.page, rect }, continuation: chain[0], chain, photos };
}

function unknownPage(id: string, pages: ReadonlyMap<string, PageInfo>, editionFile: string): string {
  return `no page “${id}” in ${editionFile} (it has ${[...pages.keys()].join(', ')})`;
}

/** A place as a grid rectangle on the page, checked against the grid and the furniture. */
function resolvePlace(file: string, field: string, place: Place, page: PageInfo, problems: Problem[]): GridRect | undefined {
  const t = page.template!;
  let rect: GridRect;
  if (typeof place === 'string') {
    const slot = t.slots[place];
    if (!slot) {
      const names = Object.keys(t.slots);
      problems.push({
        file,
        field,
        reason: `no slot “${place}” in template ${t.name} (${names.length ? `its slots: ${names.join(', ')}` : 'it has no slots'})`,
      });
      return undefined;
    }
    rect = slot;
  } else rect = place;
  const outside = rectOutsideGrid(rect, t.grid.columns, t.grid.linesPerColumn);
  if (outside) {
    problems.push({ file, field: typeof place === 'string' ? field : `${field}.${outside.field}`, reason: outside.message });
    return undefined;
  }
  for (const f of furnitureRects(t, page.kind)) {
    const common = intersectRects(rect, f.rect);
    if (common) {
      problems.push({
        file,
        field,
        reason: `overlaps the ${FURNITURE_NAMES[f.id]} of ${page.spec.page} (${describeRect(f.rect)}) at ${describeRect(common)}`,
      });
      return undefined;
    }
  }
  return rect;
}

/** Photos with paths, or undefined when one is misplaced or missing. */
function checkPhotos(a: ParsedArticle, block: GridRect | undefined, files: PhotoFiles, problems: Problem[]): LoadedPhoto[] | undefined {
  let ok = true;
  const photos = a.meta.photos.flatMap((p, i): LoadedPhoto[] => {
    const members = p.group ?? [{ file: p.file!, focus: p.focus }];
    const loaded = members.map((m, j): LoadedPhoto => {
      const field = p.group ? `photos[${i}].group[${j}].file` : `photos[${i}].file`;
      const path = files.resolve(m.file);
      if (!/\.(jpe?g|png)$/i.test(m.file)) {
        problems.push({ file: a.file, field, reason: `${m.file} is not a JPEG or PNG file (.jpg, .jpeg, .png)` });
        ok = false;
      } else if (!files.exists(path)) {
        problems.push({ file: a.file, field, reason: `no such file: ${files.display(m.file)}` });
        ok = false;
      } else if (!files.inside(path)) {
        problems.push({ file: a.file, field, reason: `${m.file} lies outside the edition folder (photos must be kept with the edition)` });
        ok = false;
      }
      const { group: _g, file: _f, focus: _fo, ...rest } = p;
      const out: LoadedPhoto = { ...rest, file: m.file, path, field };
      if (m.focus) out.focus = m.focus;
      if (p.group) out.group = { index: j, size: members.length };
      return out;
    });
    if (block) {
      const outside = rectOutsideGrid(p.place, block.cols, block.lines, 'article block');
      if (outside) {
        problems.push({ file: a.file, field: `photos[${i}].place.${outside.field}`, reason: outside.message });
        ok = false;
      }
    }
    return loaded;
  });
  return ok ? photos : undefined;
}

/** Problems for every pair of blocks that share a cell of the page's grid. */
function overlaps(page: string, list: readonly Occupant[]): Problem[] {
  const out: Problem[] = [];
  for (let j = 1; j < list.length; j++) {
    for (let i = 0; i < j; i++) {
      const common = intersectRects(list[i].rect, list[j].rect);
      if (!common) continue;
      const b = list[j];
      const a = list[i];
      const whose = a.file === b.file ? `its own ${a.field}` : `${a.file} (${a.field})`;
      out.push({ file: b.file, field: b.field, reason: `overlaps ${whose} on ${page} at ${describeRect(common)}` });
    }
  }
  return out;
}

/** A warning for a page whose body area is not wholly covered by articles. */
function gaps(page: PageInfo, t: Template, list: readonly Occupant[], editionFile: string): Diagnostic[] {
  if (page.spec.notices) return [];
  const { columns, linesPerColumn } = t.grid;
  const covered = Array.from({ length: columns }, () => new Uint8Array(linesPerColumn + 1));
  const cover = (r: GridRect) => {
    for (let c = r.col; c < r.col + r.cols; c++) for (let l = r.line; l < r.line + r.lines; l++) covered[c - 1][l] = 1;
  };
  furnitureRects(t, page.kind).forEach((f) => cover(f.rect));
  list.forEach((o) => cover(o.rect));
  let count = 0;
  let box: { c0: number; c1: number; l0: number; l1: number } | undefined;
  for (let c = 1; c <= columns; c++) {
    for (let l = 1; l <= linesPerColumn; l++) {
      if (covered[c - 1][l]) continue;
      count++;
      box = box
        ? { c0: Math.min(box.c0, c), c1: Math.max(box.c1, c), l0: Math.min(box.l0, l), l1: Math.max(box.l1, l) }
        : { c0: c, c1: c, l0: l, l1: l };
    }
  }
  if (!box) return [];
  const field = `pages[${page.index}]`;
  const where = describeRect({ col: box.c0, line: box.l0, cols: box.c1 - box.c0 + 1, lines: box.l1 - box.l0 + 1 });
  const message =
    list.length === 0
      ? `${page.spec.page} has no articles`
      : `${page.spec.page}: ${count} column-lines are not covered by any article (within ${where})`;
  return [{ severity: 'warning', code: list.length === 0 ? 'page-empty' : 'page-gap', file: editionFile, field, message }];
}
