// Runs once at `npm ci` (package.json "prepare"): converts the 楷 role's WOFF 1.0 font
// from @fontsource/lxgw-wenkai into a plain TrueType file. fontkit reads a WOFF table by
// table through zlib on every access, which makes subsetting a 10 MB CJK font take ~25 s;
// the same font as a TTF subsets in ~30 ms. The TTF goes to fonts/cache/ (git-ignored).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = JSON.parse(fs.readFileSync(path.join(root, 'fonts/fonts.json'), 'utf8'));

/** WOFF 1.0 → sfnt (OpenType/TrueType) bytes; see the WOFF 1.0 spec §3–5. */
export function woffToSfnt(woff) {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error('not a WOFF 1.0 file');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables = [];
  for (let i = 0; i < numTables; i++) {
    const o = 44 + i * 20;
    const tag = woff.readUInt32BE(o), offset = woff.readUInt32BE(o + 4), compLength = woff.readUInt32BE(o + 8);
    const origLength = woff.readUInt32BE(o + 12), checksum = woff.readUInt32BE(o + 16);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? zlib.inflateSync(raw) : raw;
    if (data.length !== origLength) throw new Error('WOFF table length mismatch');
    tables.push({ tag, checksum, data });
  }
  tables.sort((a, b) => a.tag - b.tag);
  let searchRange = 1, entrySelector = 0;
  while (searchRange * 2 <= numTables) { searchRange *= 2; entrySelector++; }
  const headerLen = 12 + 16 * numTables;
  const total = tables.reduce((n, t) => n + ((t.data.length + 3) & ~3), headerLen);
  const out = Buffer.alloc(total);
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange * 16, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange * 16, 10);
  let offset = headerLen;
  tables.forEach((t, i) => {
    const d = 12 + 16 * i;
    out.writeUInt32BE(t.tag, d);
    out.writeUInt32BE(t.checksum, d + 4);
    out.writeUInt32BE(offset, d + 8);
    out.writeUInt32BE(t.data.length, d + 12);
    t.data.copy(out, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return out;
}

for (const [role, spec] of Object.entries(config.roles)) {
  if (!spec.convertFrom) continue;
  const src = path.join(root, 'node_modules', spec.convertFrom);
  const dst = path.join(root, spec.file);
  if (fs.existsSync(dst) && fs.statSync(dst).mtimeMs >= fs.statSync(src).mtimeMs) continue;
  fs.mkdirSync(path.dirname(dst), { recursive: true });
  const tmp = `${dst}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, woffToSfnt(fs.readFileSync(src)));
  fs.renameSync(tmp, dst);
  console.log(`fonts: ${role} ${path.relative(root, src)} → ${path.relative(root, dst)}`);
}
