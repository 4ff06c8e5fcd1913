/**
 * Assembling a Document from set pages: the fonts table (each font's file, hash and
 * metrics, read once from the font), the chain of an article's body blocks across
 * columns and pages, and the edition's metadata. Pure bookkeeping: nothing is measured.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FontFace } from '../fonts/fontBook.js';
import { writeAtomically } from '../io/writeAtomically.js';
import { FRAME_VERSION, type Asset, type Channel, type Document, type EditionMeta, type FontRef, type Page } from './types.js';

const hashes = new Map<string, { key: string; sha: string }>();

/** SHA-256 of a file, hex; kept per process by path, size and mtime. */
export function sha256File(file: string): string {
  const st = fs.statSync(file);
  const key = `${st.size}:${st.mtimeMs}`;
  const hit = hashes.get(file);
  if (hit && hit.key === key) return hit.sha;
  const sha = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  hashes.set(file, { key, sha });
  return sha;
}

/**
 * SHA-256s of files kept across runs in a JSON file, each by the file's path, size, mtime,
 * ctime and inode — the stat fields git's index trusts: a file replaced in any way (npm ci,
 * a copy, an edit, even with its mtime put back) changes its ctime or inode and is hashed
 * again. Where the JSON cannot be written (a read-only install) files are hashed each run.
 */
export class KeptHashes {
  private entries: Record<string, { stat: string; sha256: string }> = {};
  private changed = false;

  constructor(private readonly cacheFile: string) {
    try {
      const read = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
      if (read && typeof read === 'object') this.entries = read;
    } catch {
      // none yet, or unreadable: hashed again and written anew
    }
  }

  sha256(file: string): string {
    const st = fs.statSync(file);
    const stat = `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
    const hit = this.entries[file];
    if (hit && hit.stat === stat && /^[0-9a-f]{64}$/.test(hit.sha256)) return hit.sha256;
    const sha256 = sha256File(file);
    this.entries[file] = { stat, sha256 };
    this.changed = true;
    return sha256;
  }

  /** Writes the entries when any changed, atomically; failures are ignored (the next run hashes again). */
  save(): void {
    if (!this.changed) return;
    try {
      writeAtomically(this.cacheFile, JSON.stringify(this.entries, null, 1));
      this.changed = false;
    } catch {
      // a read-only folder: no cache
    }
  }
}

/**
 * SHA-256 of a font file, kept in `<root>/fonts/cache/sha256.json` (KeptHashes). The fonts
 * are 15 MB each: hashing five of them was a tenth of a 16-page build.
 */
export function fontSha256(file: string, root: string): string {
  const kept = new KeptHashes(path.join(root, 'fonts', 'cache', 'sha256.json'));
  const sha = kept.sha256(file);
  kept.save();
  return sha;
}

/** The document's entry for a face. */
export function fontRef(face: FontFace, root: string): FontRef {
  return {
    role: face.key,
    file: path.relative(root, face.file).split(path.sep).join('/'),
    sha256: fontSha256(face.file, root),
    postscriptName: face.name,
    unitsPerEm: face.upm,
    ascent: face.ascent,
    descent: -face.descent,
    emTop: face.emTop,
    emBottom: face.emBottom,
  };
}

/** The font ids the pages' runs name. */
export function fontsUsed(pages: readonly Page[]): Set<string> {
  const ids = new Set<string>();
  for (const p of pages) for (const b of p.blocks) for (const l of b.lines) for (const r of l.runs) ids.add(r.font);
  return ids;
}

export interface DocumentParts {
  title: string;
  channel: Channel;
  meta: EditionMeta;
  pages: Page[];
  /** The face of a font id (a role key of fonts.json). */
  faceOf: (id: string) => FontFace;
  /** Project root: font paths are relative to it. */
  root: string;
  assets?: Record<string, Asset>;
  spots?: Document['spots'];
}

export function makeDocument(parts: DocumentParts): Document {
  const fonts: Record<string, FontRef> = {};
  for (const id of [...fontsUsed(parts.pages)].sort()) fonts[id] = fontRef(parts.faceOf(id), parts.root);
  chainBodies(parts.pages);
  const doc: Document = {
    kind: 'document', version: FRAME_VERSION, title: parts.title, channel: parts.channel, meta: parts.meta,
    fonts, assets: parts.assets ?? {}, pages: parts.pages,
  };
  if (parts.spots) doc.spots = parts.spots;
  return doc;
}

/**
 * Links each article's body blocks in reading order — column to column, page to page — through
 * `next`. Reading order is the text's: a jump may go to an earlier page (A02 → A01 → A03), so
 * blocks go by their first text line's paragraph and offset; a block with no text goes last,
 * in page order.
 */
export function chainBodies(pages: readonly Page[]): void {
  type B = Page['blocks'][number];
  const bodies = new Map<string, B[]>();
  for (const p of pages)
    for (const b of p.blocks) {
      if (b.source.component !== 'body') continue;
      let list = bodies.get(b.source.id);
      if (!list) bodies.set(b.source.id, (list = []));
      list.push(b);
    }
  const key = (b: B): [number, number] => {
    const l = b.lines.find((x) => x.para !== undefined && x.runs.length > 0);
    return l ? [l.para!, l.runs[0].ranges[0] ?? 0] : [Infinity, 0];
  };
  for (const list of bodies.values()) {
    const keys = new Map(list.map((b) => [b, key(b)]));
    // Array.prototype.sort is stable: blocks with equal keys keep their page order
    const order = [...list].sort((a, b) => keys.get(a)![0] - keys.get(b)![0] || keys.get(a)![1] - keys.get(b)![1]);
    order.forEach((b, i) => {
      if (i + 1 < order.length) b.next = order[i + 1].id;
    });
  }
}
