/**
 * Prepared photos: each photo job (crop, resize, grey for mono pages) run by sharp into
 * the build's `photos/` folder, as the asset the page tree names. Results are cached under
 * `.zuban-cache/photos` beside the output by a hash of the source file's content and the
 * job, so a swapped photo is never served from a stale crop. Transparency is flattened on
 * white, as the preview shows it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../diagnostic.js';
import type { Asset } from '../frame/types.js';
import { KeptHashes, sha256File } from '../frame/document.js';
import { writeAtomically } from '../io/writeAtomically.js';
import type { PhotoJob } from '../layout/page/composeArticle.js';

export async function preparePhotos(jobs: readonly PhotoJob[], outDir: string, cacheDir: string, editionDir: string): Promise<Record<string, Asset>> {
  const { default: sharp } = await import('sharp');
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.mkdirSync(path.join(outDir, 'photos'), { recursive: true });
  const assets: Record<string, Asset> = {};
  // the source photos' hashes kept beside the cache by stat (ctime and inode included): a warm build reads no photo whole
  const hashes = new KeptHashes(path.join(cacheDir, '..', 'sha256.json'));
  const prepare = async (j: PhotoJob): Promise<void> => {
    const key = createHash('sha256').update(JSON.stringify([hashes.sha256(j.src), j.crop, j.width, j.height, j.grey])).digest('hex');
    const cached = path.join(cacheDir, `${key}.jpg`);
    if (!fs.existsSync(cached)) {
      let img = sharp(j.src).rotate().extract(j.crop).resize(j.width, j.height).flatten({ background: '#ffffff' });
      if (j.grey) img = img.toColourspace('b-w');
      // unique per job and process: two builds may prepare one crop at once (the second rename then replaces the first's equal file)
      const tmp = `${cached}.${process.pid}.${j.asset}.tmp`;
      try {
        const jpeg = await img.jpeg({ quality: 85 }).toBuffer();
        fs.writeFileSync(tmp, jpeg);
        fs.renameSync(tmp, cached);
        writeSidecar(cached, createHash('sha256').update(jpeg).digest('hex'));
      } catch (err) {
        const why = (err as Error).message.split('\n')[0];
        throw UserError.of([{ code: 'photo.damaged', severity: 'error', file: j.article, field: j.field, message: `${j.file} 已损坏或不完整，无法处理`, messageEn: `${j.file} cannot be prepared — the image is damaged or truncated (${why})` }]);
      } finally {
        fs.rmSync(tmp, { force: true });
      }
    }
    const rel = `photos/${j.asset}.jpg`;
    // a hard link where the cache and the output share a file system (both sit beside out/)
    try {
      fs.linkSync(cached, path.join(outDir, rel));
    } catch {
      fs.copyFileSync(cached, path.join(outDir, rel));
    }
    assets[j.asset] = {
      file: rel, sha256: cropSha256(cached), width: j.width, height: j.height, colorSpace: j.grey ? 'gray' : 'rgb',
      source: path.relative(editionDir, j.src).split(path.sep).join('/'), crop: j.crop, ppi: j.ppi,
    };
  };
  // one at a time: libvips works each on every core already, and 32 photos decoded at once
  // held ~250 MB more at a cold build's peak (one at a time ~110 MB) for no gain in time
  for (const j of jobs) await prepare(j);
  hashes.save();
  // in job order, so frame.json is the same for the same edition
  return Object.fromEntries(jobs.map((j) => [j.asset, assets[j.asset]]));
}

/**
 * A prepared crop's SHA-256, from the `.sha256` file written beside it when it was made (the
 * crop is hard-linked into every build, which moves its ctime: a stat-kept hash would never
 * hold); hashed and written again when that file is missing or not a hash.
 */
function cropSha256(cached: string): string {
  try {
    const sha = fs.readFileSync(`${cached}.sha256`, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(sha)) return sha;
  } catch {
    // made by an older zuban, or the file was removed: hashed below
  }
  const sha = sha256File(cached);
  writeSidecar(cached, sha);
  return sha;
}

function writeSidecar(cached: string, sha: string): void {
  try {
    writeAtomically(`${cached}.sha256`, sha);
  } catch {
    // the hash is computed again next time
  }
}

/** Removes temporary files an interrupted build left in the cache. */
export function cleanPhotoCache(cacheDir: string): void {
  if (!fs.existsSync(cacheDir)) return;
  for (const f of fs.readdirSync(cacheDir)) if (f.endsWith('.tmp')) fs.rmSync(path.join(cacheDir, f), { force: true });
}
