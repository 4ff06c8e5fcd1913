/**
 * The library API on a bad photo: a typed error (UserError) whose diagnostics name the
 * article, the field and the reason with a code, as a caller (the desk server) reads them;
 * nothing printed as the only record, out/ left as it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEdition, setEdition, UserError } from '../../src/index.js';
import { fonts } from '../helpers/fonts.js';

/** A copy of the sample edition (templates beside it) with the bridge photo replaced by `bytes`. */
function sampleWithBridge(bytes: Buffer): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-badphoto-'));
  fs.cpSync('content', path.join(root, 'content'), { recursive: true });
  fs.cpSync('templates', path.join(root, 'templates'), { recursive: true });
  fs.writeFileSync(path.join(root, 'content/photos/bridge.jpg'), bytes);
  return path.join(root, 'content/edition.yaml');
}

async function thrown(p: Promise<unknown>): Promise<UserError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(UserError);
  return e as UserError;
}

const quiet = { log: () => {}, result: () => {} };

describe('a bad photo through the library API', () => {
  it('--- truncated-jpeg --- buildEdition throws a UserError whose diagnostic names the article, photos[0].file and the damage; out/ is not touched', async () => {
    const jpeg = fs.readFileSync('content/photos/bridge.jpg');
    const edition = sampleWithBridge(jpeg.subarray(0, 5000));
    const out = path.join(path.dirname(edition), '..', 'out');
    const e = await thrown(buildEdition(edition, out, { preview: false, ...quiet }));
    expect(e.diagnostics).toEqual([
      expect.objectContaining({ code: 'photo.damaged', severity: 'error', field: 'photos[0].file', file: expect.stringMatching(/articles\/a01-bridge\.md$/), messageEn: expect.stringMatching(/photos\/bridge\.jpg .*damaged or truncated/) }),
    ]);
    expect(e.diagnostics[0].message).toMatch(/损坏/);
    expect(fs.existsSync(out)).toBe(false);
  }, 120_000);

  it('--- photo-too-small --- a layout error is a diagnostic with a code, the file and the field', async () => {
    // a 400×300 PNG named .jpg: readable, but far below the template's minimum ppi in its box
    const sharp = (await import('sharp')).default;
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#808080' } }).png().toBuffer();
    const e = await thrown(setEdition(sampleWithBridge(png), fonts, quiet));
    expect(e.diagnostics).toEqual([
      expect.objectContaining({ code: 'photo.ppi-too-low', severity: 'error', field: 'photos[0].file', file: expect.stringMatching(/a01-bridge\.md$/), message: expect.stringMatching(/gives \d+ ppi .* at least \d+ ppi is needed/) }),
    ]);
    expect(e.message).toMatch(/a01-bridge\.md: photos\[0\]\.file: photos\/bridge\.jpg gives/);
  }, 120_000);
});
