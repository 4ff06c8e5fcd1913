import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { PrintConfigError } from '../../src/print/diagnostic.js';
import { builtinCmykProfile, readIcc } from '../../src/print/icc.js';
import { DEFAULT_CONDITION_FILE, loadPrintCondition } from '../../src/print/printCondition.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function withCondition(yaml: string, extra: Record<string, Buffer> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'zuban-cond-'));
  dirs.push(dir);
  for (const [name, bytes] of Object.entries(extra)) await writeFile(path.join(dir, name), bytes);
  const file = path.join(dir, 'condition.yaml');
  await writeFile(file, yaml);
  return file;
}

async function errorOf(p: Promise<unknown>): Promise<PrintConfigError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PrintConfigError);
    return e as PrintConfigError;
  }
  throw new Error('no error');
}

const BASE = `name: t\nprofile:\n  file: builtin:cmyk\n  condition: test\n`;

describe('print condition', () => {
  it('reads the template default: 240 %, 12 pt, 100/150 ppi, X-1a, the built-in generic profile', async () => {
    const c = await loadPrintCondition(DEFAULT_CONDITION_FILE);
    expect(c).toMatchObject({ tac: { limit: 240 }, overprint: { blackTextBelow: 12 }, ppi: { min: 100, warn: 150 }, hairline: 0.25, bleed: 3, pdfx: { version: 'X-1a:2001', cropMarks: false } });
    expect(c.icc).toMatchObject({ deviceClass: 'prtr', colorSpace: 'CMYK', components: 4, description: 'Chemical proof' });
    expect(c.icc.copyright).toMatch(/public domain/);
    expect(c.bleedPt).toBeCloseTo(8.504, 3);
  });

  it('names the file, the line and the field of a bad value', async () => {
    const file = await withCondition(`${BASE}tac:\n  limit: 300\n`);
    const e = await errorOf(loadPrintCondition(file, 'templates/print/x.yaml'));
    expect(e.diagnostics[0]).toMatchObject({ file: 'templates/print/x.yaml', field: 'tac.limit', line: 6, severity: 'error' });
    expect(e.message).toMatch(/^templates\/print\/x\.yaml:6: tac\.limit: /);
  });

  it('refuses unknown fields, a min ppi over the warning ppi, and an unknown PDF/X version', async () => {
    const e1 = await errorOf(loadPrintCondition(await withCondition(`${BASE}colour: red\n`)));
    expect(e1.diagnostics[0].message).toMatch(/colour/);
    const e2 = await errorOf(loadPrintCondition(await withCondition(`${BASE}ppi: { min: 200, warn: 150 }\n`)));
    expect(e2.diagnostics[0]).toMatchObject({ field: 'ppi.min', line: 5 });
    const e3 = await errorOf(loadPrintCondition(await withCondition(`${BASE}pdfx: { version: X-3 }\n`)));
    expect(e3.diagnostics[0].field).toBe('pdfx.version');
  });

  it('refuses a missing profile and an RGB one, naming profile.file', async () => {
    const e1 = await errorOf(loadPrintCondition(await withCondition(BASE.replace('builtin:cmyk', 'newsprint.icc'))));
    expect(e1.diagnostics[0]).toMatchObject({ field: 'profile.file', line: 3 });
    const jpeg = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } }).withIccProfile('srgb').jpeg().toBuffer();
    const srgb = (await sharp(jpeg).metadata()).icc!;
    expect(readIcc(srgb).colorSpace).toBe('RGB ');
    const e2 = await errorOf(loadPrintCondition(await withCondition(BASE.replace('builtin:cmyk', 'srgb.icc'), { 'srgb.icc': srgb })));
    expect(e2.message).toMatch(/RGB.*CMYK/);
  });

  it('takes a profile file relative to the condition file', async () => {
    const file = await withCondition(BASE.replace('builtin:cmyk', 'press.icc'), { 'press.icc': await builtinCmykProfile() });
    const c = await loadPrintCondition(file);
    expect(c.profilePath).toBe(path.join(path.dirname(file), 'press.icc'));
    expect(c.icc.components).toBe(4);
  });

  it('reports a YAML syntax error with its line', async () => {
    const e = await errorOf(loadPrintCondition(await withCondition(`${BASE}tac: [\n`)));
    expect(e.diagnostics[0].code).toBe('print.condition.yaml');
    expect(e.diagnostics[0].line).toBeGreaterThan(0);
  });
});
