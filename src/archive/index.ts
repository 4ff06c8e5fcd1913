/**
 * The archive export of an edition (issue 16), from the archive channel's frame document
 * only (its notices worded and masked by the archive policy, those without archive
 * consent absent):
 *
 *   <outDir>/pages/A01.pdf …   PDF/A-2u, one per page
 *   <outDir>/alto/A01.xml …    ALTO 4.4, one per page
 *   <outDir>/epaper.pdf        the whole edition, PDF/A-2u (the e-paper)
 *   <outDir>/mets.xml          METS 1.12.1 with MODS, SHA-256 of every file above
 *
 * The folder is written beside the old one and swapped in at the end: a failed run
 * leaves the previous archive as it was.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Document, Page } from '../frame/types.js';
import { altoBytes } from './alto.js';
import { ArchiveInputError, checkArchiveInput, checkArchiveOut } from './check.js';
import { altoCuts } from './words.js';
import { metsForEdition, type ArchiveFile, type EditionFiles } from './mets.js';
import { archivePdf, archiveRun, epaperPdf, type ArchivePdfOptions } from './pdf.js';

export { ArchiveInputError, checkArchiveInput, checkArchiveOut } from './check.js';
export { altoBytes, altoForPage, altoBlockId, altoIdsOf } from './alto.js';
export { metsForEdition, type ArchiveFile, type EditionFiles } from './mets.js';
export { archivePdf, archiveRun, epaperPdf, pdfaMeta, type ArchiveRun } from './pdf.js';
export { pdfA2u, xmpPacket, type PdfAMeta } from './pdfa.js';
export { units, type Unit } from './structure.js';

export interface WriteArchiveOptions {
  /** The archive folder, e.g. out/archive. */
  outDir: string;
  /** Font files (`fonts[id].file`) are relative to it. */
  projectRoot: string;
  /** Asset files (`assets[id].file`) are relative to it: the build's output folder (out/). */
  assetDir: string;
  /** A page's PDF, relative to outDir; default `pages/<label>.pdf`. */
  pdfSourceName?: (page: Page) => string;
  /** A page's ALTO, relative to outDir; default `alto/<label>.xml`. */
  altoName?: (page: Page) => string;
  /** Write the e-paper edition (default true). */
  epaper?: boolean;
  software?: { name: string; version: string };
  /** The lines' word cuts kept across runs (KeptCuts' JSON, e.g. `.zuban-cache/alto-words.json`): a run that finds them all loads no jieba. */
  wordCache?: string;
  /** Check each font file's SHA-256 against the frame's (a frame read from disk; a build's own fonts are the ones it set with). */
  checkFontHashes?: boolean;
  /** The build's face of a document font (its glyphs are read already); see ArchivePdfOptions. */
  openFont?: ArchivePdfOptions['openFont'];
}

export interface ArchiveResult {
  /** Every file written, METS last, paths relative to outDir. */
  files: ArchiveFile[];
  /** Milliseconds spent making the pages' PDFs, the e-paper, the ALTO and the METS, and hashing and writing the files. */
  timings: { pdf: number; epaper: number; alto: number; mets: number; write: number };
}

/** Refuses any document but the archive channel's: the print channel has unmasked numbers and notices without archive consent. */
export function assertArchiveChannel(doc: Document): void {
  if (doc.channel !== 'archive') throw new Error(`archive: the document is of channel '${doc.channel}', not 'archive' (read out/frame-archive.json)`);
  const other = doc.pages.find((p) => p.channel !== 'archive');
  if (other) throw new Error(`archive: page ${other.label} is of channel '${other.channel}', not 'archive'`);
}

export async function writeArchive(doc: Document, opts: WriteArchiveOptions): Promise<ArchiveResult> {
  assertArchiveChannel(doc);
  checkArchiveInput(doc, opts);
  checkArchiveOut(opts.outDir);
  const software = opts.software ?? { name: 'zuban', version: '0' };
  const pdfName = opts.pdfSourceName ?? ((p: Page) => `pages/${p.label}.pdf`);
  const altoName = opts.altoName ?? ((p: Page) => `alto/${p.label}.xml`);
  const outDir = path.resolve(opts.outDir);
  const tmp = `${outDir}.${process.pid}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  try {
    fs.mkdirSync(path.dirname(outDir), { recursive: true });
    // not recursive: Node's recursive mkdir spins for ever under /proc
    fs.mkdirSync(tmp);
  } catch (e) {
    throw new ArchiveInputError(`${opts.outDir}: cannot make the archive folder beside it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const timings = { pdf: 0, epaper: 0, alto: 0, mets: 0, write: 0 };
  if (opts.wordCache) altoCuts.load(opts.wordCache);
  const files: ArchiveFile[] = [];
  // files are written in the background while the next is made; hashed here, from the bytes in hand
  const writing: Promise<void>[] = [];
  const made = new Set<string>();
  const put = (rel: string, data: string | Buffer, mimetype: string): ArchiveFile => {
    const t = performance.now();
    const file = path.join(tmp, rel);
    const dir = path.dirname(file);
    if (!made.has(dir)) fs.mkdirSync(dir, { recursive: true }), made.add(dir);
    // a string is encoded once: the same bytes are written, hashed and counted
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    writing.push(fs.promises.writeFile(file, bytes));
    const f = { path: rel.split(path.sep).join('/'), sha256: crypto.createHash('sha256').update(bytes).digest('hex'), size: bytes.length, mimetype };
    files.push(f);
    timings.write += performance.now() - t;
    return f;
  };
  try {
    const pdfOpts: ArchivePdfOptions = {
      projectRoot: opts.projectRoot, assetDir: opts.assetDir, creator: `${software.name} ${software.version}`, openFont: opts.openFont, run: archiveRun(),
    };
    const editionFiles: EditionFiles = { pages: [] };
    for (const page of doc.pages) {
      let t = performance.now();
      const bytes = await archivePdf(doc, page, pdfOpts);
      timings.pdf += performance.now() - t;
      const pdf = put(pdfName(page), bytes, 'application/pdf');
      t = performance.now();
      const xml = altoBytes(doc, page, { pdfFile: pdf.path, software });
      timings.alto += performance.now() - t;
      const alto = put(altoName(page), xml, 'text/xml');
      editionFiles.pages.push({ label: page.label, pdf, alto });
      // a turn of the event loop between pages: the files' writes go on, and in a build the
      // preview workers' answers are taken (a worker waits for them before its next page)
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (opts.epaper !== false) {
      const t = performance.now();
      const bytes = await epaperPdf(doc, pdfOpts);
      timings.epaper += performance.now() - t;
      editionFiles.epaper = put('epaper.pdf', bytes, 'application/pdf');
    }
    const t = performance.now();
    const mets = metsForEdition(doc, editionFiles, { software });
    timings.mets += performance.now() - t;
    put('mets.xml', mets, 'text/xml');
    const w = performance.now();
    await Promise.all(writing);
    timings.write += performance.now() - w;
    // swap the new folder in
    const old = `${outDir}.${process.pid}.old`;
    if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
    fs.renameSync(tmp, outDir);
    fs.rmSync(old, { recursive: true, force: true });
    if (opts.wordCache) altoCuts.save();
  } catch (err) {
    await Promise.allSettled(writing);
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  return { files, timings };
}
