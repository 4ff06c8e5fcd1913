/**
 * The notices desk's settings (templates/notices.yaml, ratecard.yaml, calendar/*.yaml):
 * broken YAML or a field of the wrong type is a UserError naming the file, the field and
 * the reason — `zuban build` printed "internal error" and exited 70.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNoticeContext, UserError } from '../../src/index.js';

/** A copy of templates/ with `name` changed by `edit`; what loading it throws. */
function loadWith(name: string, edit: (text: string) => string): UserError {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-settings-')), 'templates');
  fs.cpSync('templates', dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
  try {
    loadNoticeContext(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return err as UserError;
  }
  throw new Error(`${name}: loaded without an error`);
}

describe('the notices desk’s settings files', () => {
  it('broken YAML in notices.yaml names the file and the line', () => {
    const e = loadWith('notices.yaml', (t) => `${t}\npapers: [\n`);
    expect(e.diagnostics).toHaveLength(1);
    expect(e.message).toMatch(/templates\/notices\.yaml: YAML syntax error at line \d+, column \d+/);
  });

  it('a price that is not a number in ratecard.yaml names the file, the field and what it got', () => {
    const e = loadWith('ratecard.yaml', (t) => t.replace(/^(\s*charsPerLine:)\s*\d+/m, '$1 lots'));
    expect(e.diagnostics).toEqual([expect.objectContaining({ severity: 'error', field: 'line.charsPerLine', message: 'expected a number, got “lots”' })]);
    expect(e.message).toMatch(/templates\/ratecard\.yaml: line\.charsPerLine: expected a number, got “lots”/);
  });

  it('a wrong type in notices.yaml’s style is named with its field', () => {
    const e = loadWith('notices.yaml', (t) => t.replace(/^(\s*size:)\s*[\d.]+/m, '$1 big'));
    expect(e.message).toMatch(/templates\/notices\.yaml: style\.size: expected a number, got “big”/);
  });
});
