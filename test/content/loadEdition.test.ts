import { describe, expect, it } from 'vitest';
import { join, relative } from 'node:path';
import { loadEdition, ContentError } from '../../src/content/loadEdition.js';
import { UserError } from '../../src/cli/errors.js';

const fixtures = join(import.meta.dirname, '../fixtures/content');
const shown = (p: string) => relative(process.cwd(), join(fixtures, p));

/** The error loadEdition throws for a fixture, checked to be a UserError. */
function failure(name: string): ContentError {
  try {
    loadEdition(join(fixtures, name, 'edition.yaml'));
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    expect(err).toBeInstanceOf(ContentError);
    return err as ContentError;
  }
  throw new Error(`${name} loaded without an error`);
}

describe('loadEdition on a small good edition', () => {
  const r = loadEdition(join(fixtures, 'good/edition.yaml'));

  it('has no diagnostics', () => {
    expect(r.diagnostics).toEqual([]);
  });

  it('reads every article and the template the pages name', () => {
    expect(r.articles.map((a) => a.meta.id)).toEqual(['lead', 'second', 'inside']);
    expect(Object.keys(r.templates)).toEqual(['mini']);
    expect(r.edition.date).toBe('2026-11-24');
  });

  it('resolves a slot name to its rectangle and keeps the continuation', () => {
    const lead = r.articles[0];
    expect(lead.block).toEqual({ page: 'A01', rect: { col: 1, line: 5, cols: 4, lines: 8 } });
    expect(lead.continuation).toEqual({ page: 'A02', rect: { col: 1, line: 3, cols: 4, lines: 9 } });
  });

  it('resolves photo files against the edition folder', () => {
    expect(r.articles[0].photos[0].path).toBe(join(fixtures, 'good/photos/tiny.jpg'));
    expect(r.articles[0].photos[0].focus).toEqual([0.5, 0.4]);
  });

  it('parses the body into paragraphs, subheads, quotes and bold spans', () => {
    expect(r.articles[0].body).toEqual([
      { kind: 'para', spans: [{ text: '本报讯 第一段有' }, { text: '“粗体”', bold: true }, { text: '字，换行的两个汉字之间不加空格。' }] },
      { kind: 'subhead', text: '小标题' },
      { kind: 'quote', spans: [{ text: '引用的话。' }] },
    ]);
  });
});

describe('loadEdition on bad content names file, field and reason', () => {
  it('unknown page', () => {
    expect(failure('unknown-page').message).toBe(
      `${shown('unknown-page/articles/lost.md')}: page: no page “A09” in ${shown('unknown-page/edition.yaml')} (it has A01, A02)`,
    );
  });

  it('unknown template', () => {
    const e = failure('unknown-template');
    expect(e.problems).toEqual([
      {
        file: shown('unknown-template/edition.yaml'),
        field: 'pages[1].template',
        reason: `unknown template “minix”: ${shown('templates')} has mini; zuban's own: broadsheet, tabloid`,
      },
    ]);
  });

  it('a block outside the grid', () => {
    expect(failure('outside-grid').message).toBe(
      `${shown('outside-grid/articles/wide.md')}: place.cols: 4 columns starting at column 2 run past the 4-column grid`,
    );
  });

  it('two blocks overlapping', () => {
    expect(failure('overlap').message).toBe(
      `${shown('overlap/articles/second.md')}: place: overlaps ${shown('overlap/articles/first.md')} (place) on A01 at column 3, lines 9–10`,
    );
  });

  it('a missing photo file', () => {
    expect(failure('missing-photo').message).toBe(
      `${shown('missing-photo/articles/pic.md')}: photos[0].file: no such file: ${shown('missing-photo/photos/nope.jpg')}`,
    );
  });

  it('front matter with a wrong type', () => {
    expect(failure('wrong-type').message).toBe(
      `${shown('wrong-type/articles/typed.md')}: title: expected text, got the whole number 2026 (put it in quotes)`,
    );
  });

  it('collects the problems of all files into one error', () => {
    const e = failure('several');
    expect(e.problems.map((p) => `${p.file.split('/').pop()} ${p.field}`).sort()).toEqual([
      'lost.md page',
      'typed.md title',
      'wide.md place.cols',
    ]);
    expect(e.message.split('\n')[0]).toBe('3 problems in content:');
  });

  it('a missing edition.yaml is a UserError naming the file', () => {
    expect(() => loadEdition(join(fixtures, 'nowhere/edition.yaml'))).toThrow(/nowhere\/edition\.yaml: no such file/);
  });
});
