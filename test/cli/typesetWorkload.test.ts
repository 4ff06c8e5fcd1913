import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { typesetWorkload } from '../../src/cli/typesetWorkload.js';
import { UserError } from '../../src/cli/errors.js';
import { projectRoot } from '../../src/projectRoot.js';
import { workload } from '../helpers/workload.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-cli-'));
const out = path.join(dir, 'out.pdf');
const write = (name: string, body: string) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, body);
  return f;
};

describe('zuban typeset', () => {
  it('--- writes-a-pdf --- a good input gives a PDF', async () => {
    await typesetWorkload(write('good.json', JSON.stringify(workload(2))), out);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  const bad: [string, string, RegExp][] = [
    ['malformed.json', '{ "geometry": ', /malformed\.json: cannot read as JSON/],
    ['unknown-field.json', JSON.stringify({ ...workload(1), geometry: { ...workload(1).geometry, colums: 6 } }), /unknown-field\.json: geometry\.colums: unknown geometry field/],
    ['bad-type.json', JSON.stringify({ ...workload(1), geometry: { ...workload(1).geometry, pitch: '13.5pt' } }), /bad-type\.json: geometry\.pitch: expected a number/],
    ['no-pages.json', JSON.stringify({ geometry: workload(1).geometry, pagesData: [] }), /no-pages\.json: pagesData: expected a non-empty array/],
  ];
  it.each(bad)('--- bad-input-%s --- a clear error naming file and field; the earlier output survives', async (name, body, message) => {
    await typesetWorkload(write('ok.json', JSON.stringify(workload(1))), out);
    const before = fs.readFileSync(out);
    const err = await typesetWorkload(write(name, body), out).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toMatch(message);
    expect(Buffer.compare(fs.readFileSync(out), before)).toBe(0);
  });

  it('--- missing-font --- names the config file, the role and the missing file', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-root-'));
    fs.mkdirSync(path.join(root, 'fonts'));
    const config = JSON.parse(fs.readFileSync(path.join(projectRoot, 'fonts/fonts.json'), 'utf8'));
    config.roles.song.file = 'fonts/NoSuchSerif.ttf';
    fs.writeFileSync(path.join(root, 'fonts/fonts.json'), JSON.stringify(config));
    const before = fs.readFileSync(out);
    const err = await typesetWorkload(write('w.json', JSON.stringify(workload(1))), out, root).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toMatch(/fonts\.json: roles\.song\.file: fonts\/NoSuchSerif\.ttf does not exist/);
    expect(Buffer.compare(fs.readFileSync(out), before)).toBe(0);
  });
});
