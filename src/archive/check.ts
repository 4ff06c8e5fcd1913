/**
 * What the archive export needs of its input before it writes anything: the frame it reads
 * (a hand-edited or damaged frame-archive.json passes the schema yet names a font or file
 * that is not there, or gives two pages one label) and the folder it replaces.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Document } from '../frame/types.js';

/** Bad input to the archive export: the message names the field or folder and the reason. */
export class ArchiveInputError extends Error {}

/** A page label is a file name in pages/ and alto/ and an XML ID: letters, digits, - and _ only. */
const LABEL = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Throws ArchiveInputError for the first thing in the document the archive cannot be made from. */
export function checkArchiveInput(doc: Document, dirs: { projectRoot: string; assetDir: string; checkFontHashes?: boolean }): void {
  const fail = (field: string, reason: string) => {
    throw new ArchiveInputError(`${field}: ${reason}`);
  };
  const labels = new Map<string, number>();
  doc.pages.forEach((p, i) => {
    if (!LABEL.test(p.label)) fail(`pages.${i}.label`, `'${p.label}' cannot name the page's files (letters, digits, - and _ only, e.g. A01)`);
    if (labels.has(p.label)) fail(`pages.${i}.label`, `'${p.label}' is the label of pages.${labels.get(p.label)} too`);
    labels.set(p.label, i);
  });
  for (const [id, f] of Object.entries(doc.fonts))
    if (!fs.existsSync(path.resolve(dirs.projectRoot, f.file))) fail(`fonts.${id}.file`, `${f.file} not found under ${dirs.projectRoot}`);
    // the runs' glyph ids are the set font's: another file of that name draws other glyphs
    else if (dirs.checkFontHashes && crypto.createHash('sha256').update(fs.readFileSync(path.resolve(dirs.projectRoot, f.file))).digest('hex') !== f.sha256)
      fail(`fonts.${id}.sha256`, `${f.file} is not the font the frame was set with (its SHA-256 differs): build the edition again`);
  for (const [id, a] of Object.entries(doc.assets))
    if (!fs.existsSync(path.resolve(dirs.assetDir, a.file))) fail(`assets.${id}.file`, `${a.file} not found under ${dirs.assetDir}`);
  for (const [id, a] of Object.entries(doc.forms ?? {}))
    if (!fs.existsSync(path.resolve(dirs.assetDir, a.file))) fail(`forms.${id}.file`, `${a.file} not found under ${dirs.assetDir}`);
  const ids = new Set<string>();
  doc.pages.forEach((p, i) =>
    p.blocks.forEach((b, j) => {
      const at = `pages.${i}.blocks.${j}`;
      if (ids.has(b.id)) fail(`${at}.id`, `'${b.id}' is the id of another block too`);
      ids.add(b.id);
      b.lines.forEach((l, k) =>
        l.runs.forEach((r, m) => {
          if (!doc.fonts[r.font]) fail(`${at}.lines.${k}.runs.${m}.font`, `'${r.font}' is not in fonts`);
        }),
      );
      b.graphics.forEach((g, k) => {
        if (g.kind === 'image' && !doc.assets[g.asset]) fail(`${at}.graphics.${k}.asset`, `'${g.asset}' is not in assets`);
        if (g.kind === 'form' && !doc.forms?.[g.asset]) fail(`${at}.graphics.${k}.asset`, `'${g.asset}' is not in forms`);
      });
    }),
  );
}

/**
 * The archive folder is replaced whole: refuses a path that is a file, or a folder that
 * holds anything but an archive (its mets.xml, pages/, alto/, epaper.pdf), so that
 * `--out out` or `--out frame.json` cannot delete a build. The parent must be a writable folder.
 */
export function checkArchiveOut(outDir: string): void {
  const dir = path.resolve(outDir);
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(dir);
  } catch {
    st = undefined;
  }
  if (st && !st.isDirectory()) throw new ArchiveInputError(`${outDir}: is a file, not an archive folder; give --out a new folder or an old archive`);
  if (st) {
    const own = new Set(['mets.xml', 'pages', 'alto', 'epaper.pdf']);
    const other = fs.readdirSync(dir).filter((f) => !own.has(f));
    if (other.length) throw new ArchiveInputError(`${outDir}: holds ${other.slice(0, 3).join(', ')}${other.length > 3 ? ' …' : ''}, not an archive; it would be replaced whole — give --out a new folder or an old archive`);
  }
  // the nearest folder that is there (the rest is made)
  let parent = path.dirname(dir);
  while (!fs.existsSync(parent) && path.dirname(parent) !== parent) parent = path.dirname(parent);
  try {
    if (!fs.statSync(parent).isDirectory()) throw new Error('not a folder');
    fs.accessSync(parent, fs.constants.W_OK);
  } catch (e) {
    throw new ArchiveInputError(`${outDir}: cannot write its folder ${parent} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}
