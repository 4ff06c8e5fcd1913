import { describe, expect, it } from 'vitest';
import { parseArticle, parseEdition, parseTemplate, readText } from '../../src/content/parseFiles.js';

const article = (front: string, body = '正文。') => `---\n${front}\n---\n${body}\n`;
const base = 'page: A01\ntitle: 标题\nplace: { col: 1, line: 1, cols: 2, lines: 3 }';

describe('parseArticle', () => {
  it('parses front matter and body', () => {
    const r = parseArticle(article(`id: x\n${base}\nrank: brief`), 'a.md');
    expect(r.ok && r.value.meta).toMatchObject({ id: 'x', page: 'A01', rank: 'brief', photos: [] });
    expect(r.ok && r.value.body).toEqual([{ kind: 'para', spans: [{ text: '正文。' }] }]);
  });

  it('reads front matter with YAML 1.2 (yaml@2): 0123 is 123, not octal 83, and must be quoted for text', () => {
    const r = parseArticle(article(`id: 0123\n${base}`), 'a.md');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([
      { file: 'a.md', field: 'id', reason: 'expected text, got the whole number 123 (put it in quotes)' },
    ]);
  });

  it('names unknown fields', () => {
    const r = parseArticle(article(`id: x\n${base}\ntitel: 错字`), 'a.md');
    expect(!r.ok && r.problems).toEqual([{ file: 'a.md', field: 'titel', reason: 'unknown field' }]);
  });

  it('front matter left open is one problem naming the missing “---”, not the YAML errors of the body read as YAML', () => {
    const r = parseArticle(`---\nid: x\n${base}\n--\n正文第一段：有冒号。\n\n第二段。\n`, 'a.md');
    expect(!r.ok && r.problems).toEqual([{ file: 'a.md', field: '', reason: 'the front matter has no closing line “---”: end the YAML with a line “---” before the text' }]);
  });

  it('a YAML syntax error is reported once, not with the errors that follow from it', () => {
    // yaml reports a plain line running into the next as two errors (a multi-line key, then no value)
    const r = parseArticle(article(`id: x\n${base}\n没有冒号的一行\n\n又一行`), 'a.md');
    expect(!r.ok && r.problems.length).toBe(1);
    expect(!r.ok && r.problems[0].reason).toMatch(/^YAML syntax error at line \d+/);
  });

  it('reports a wrong type inside a place with its dotted path', () => {
    const r = parseArticle(article('id: x\npage: A01\ntitle: 标题\nplace: { col: two, line: 1, cols: 2, lines: 3 }'), 'a.md');
    expect(!r.ok && r.problems).toEqual([{ file: 'a.md', field: 'place.col', reason: 'expected a number, got “two”' }]);
  });

  it('reports photo fields with their index', () => {
    const photo = 'photos:\n  - file: p.jpg\n    caption: 图说\n    place: { col: 1, line: 1, cols: 1, lines: 0 }\n    focus: [0.5, 2]';
    const r = parseArticle(article(`id: x\n${base}\n${photo}`), 'a.md');
    expect(!r.ok && r.problems.map((p) => `${p.field}: ${p.reason}`)).toEqual([
      'photos[0].place.lines: must be more than 0, not the whole number 0',
      'photos[0].focus[1]: must be at most 1, not the whole number 2',
    ]);
  });

  it('reports a missing field and a bad enum in plain words', () => {
    const r = parseArticle(article('id: x\npage: A01\nplace: top\nrank: top'), 'a.md');
    expect(!r.ok && r.problems.map((p) => `${p.field}: ${p.reason}`).sort()).toEqual([
      'rank: must be one of lead, secondary, brief, not “top”',
      'title: is missing',
    ]);
  });

  it('reports YAML syntax errors with the line in the file', () => {
    const r = parseArticle('---\nid: x\ntitle: [unclosed\n---\n正文', 'a.md');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0].reason).toBe('YAML syntax error at line 4, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]');
  });

  it('reads front matter after a byte-order mark and with CRLF lines; the body starts after the closing line', () => {
    const r = parseArticle(`\uFEFF---\r\nid: x\r\n${base.replaceAll('\n', '\r\n')}\r\n---\r\n第一段。\r\n\r\n--- 不是分隔线\r\n`, 'a.md');
    expect(r.ok && r.value.meta.id).toBe('x');
    expect(r.ok && r.value.body.map((b) => (b.kind === 'para' ? b.spans.map((x) => x.text).join('') : b.kind))).toEqual(['第一段。', '--- 不是分隔线']);
  });

  it('names the YAML line of an error below the first, as the file numbers it', () => {
    const r = parseArticle('---\nid: x\npage: A01\npage: A02\n---\n正文', 'a.md');
    expect(!r.ok && r.problems[0].reason).toMatch(/line 4\b/);
  });

  it('refuses a file without front matter', () => {
    const r = parseArticle('只有正文。', 'a.md');
    expect(!r.ok && r.problems).toEqual([{ file: 'a.md', field: '', reason: 'has no front matter: it must start with a line “---”' }]);
  });

  it('warns about an empty body', () => {
    const r = parseArticle(article(`id: x\n${base}`, ''), 'a.md');
    expect(r.ok && r.diagnostics.map((d) => d.code)).toEqual(['body-empty']);
  });
});

const edition = (over = '') => `paper: 测试日报
cn: CN11-0001
date: 2026-11-24
issue: 1
price: 1.5
publisher: { name: 社, address: 地址 }
printer: { name: 厂, address: 地址 }
pages:
  - { page: A01, name: 要闻, template: mini, credits: { editor: 甲 } }
${over}`;

describe('parseEdition', () => {
  it('keeps the date a string (yaml@2 core schema)', () => {
    const r = parseEdition(edition(), 'e.yaml');
    expect(r.ok && r.value.date).toBe('2026-11-24');
    expect(r.ok && r.value.templatesDir).toBe('../templates');
  });

  it('a date not written YYYY-MM-DD is one problem, not also “not in the calendar”; a date not in the calendar is named', () => {
    const r = parseEdition(edition().replace('2026-11-24', 'yesterday'), 'e.yaml');
    expect(!r.ok && r.problems).toEqual([{ file: 'e.yaml', field: 'date', reason: '“yesterday” must be a date written YYYY-MM-DD' }]);
    const c = parseEdition(edition().replace('2026-11-24', '2026-02-30'), 'e.yaml');
    expect(!c.ok && c.problems).toEqual([{ file: 'e.yaml', field: 'date', reason: '“2026-02-30” is not a date in the calendar' }]);
  });

  it('checks the CN number', () => {
    const r = parseEdition(edition().replace('CN11-0001', 'CN11-01'), 'e.yaml');
    expect(!r.ok && r.problems).toEqual([
      { file: 'e.yaml', field: 'cn', reason: '“CN11-01” must look like CN11-0001: “CN”, two digits, “-”, four digits' },
    ]);
  });

  it('a malformed CN number or date is one message, not two; a date not in the calendar is named', () => {
    const cn = parseEdition(edition().replace('CN11-0001', '11-0001'), 'e.yaml');
    expect(!cn.ok && cn.problems).toEqual([{ file: 'e.yaml', field: 'cn', reason: '“11-0001” must look like CN11-0001: “CN”, two digits, “-”, four digits' }]);
    const slash = parseEdition(edition().replace('2026-11-24', '2026/11/24'), 'e.yaml');
    expect(!slash.ok && slash.problems).toEqual([{ file: 'e.yaml', field: 'date', reason: '“2026/11/24” must be a date written YYYY-MM-DD' }]);
    const feb = parseEdition(edition().replace('2026-11-24', '2027-02-29'), 'e.yaml');
    expect(!feb.ok && feb.problems).toEqual([{ file: 'e.yaml', field: 'date', reason: '“2027-02-29” is not a date in the calendar' }]);
  });

  it('refuses a page listed twice', () => {
    const r = parseEdition(edition('  - { page: A01, name: 又一版, template: mini, credits: { editor: 乙 } }'), 'e.yaml');
    expect(!r.ok && r.problems).toEqual([{ file: 'e.yaml', field: 'pages[1].page', reason: 'A01 is already page 1 of the list' }]);
  });
});

describe('parseTemplate', () => {
  const mini = `name: mini
label: 测试
paper: { width: 80, height: 100 }
margins: { top: 3, bottom: 3, left: 3, right: 3 }
grid: { bodySize: 小五, linePitch: 13.5, columns: 4, columnChars: 5, linesPerColumn: 20 }
furniture:
  masthead: { lines: 4, titleSize: 二号, infoSize: 六号, ruleWidth: 1 }
  runningHead: { lines: 2, size: 六号, ruleWidth: 0.5 }
  footer: { lines: 1, size: 六号 }
heads:
  lead: { kicker: [五号], head: [二号], deck: [四号] }
  secondary: { kicker: [小五], head: [三号], deck: [五号] }
  brief: { kicker: [小五], head: [四号], deck: [小五] }
text: { subhead: 五号, caption: 小五, credit: 六号, byline: 小五 }
`;

  it('parses a template and fills defaults', () => {
    const r = parseTemplate(mini, 'mini.yaml', 'mini');
    expect(r.ok && r.value.hao).toBe('traditional');
    expect(r.ok && r.value.grid.gutterChars).toBe(1);
    expect(r.ok && r.value.fonts.head).toBe('hei');
  });

  it('wants the name to match the file', () => {
    const r = parseTemplate(mini, 'other.yaml', 'other');
    expect(!r.ok && r.problems).toEqual([{ file: 'other.yaml', field: 'name', reason: '“mini” differs from the file name “other”' }]);
  });

  it('checks linesPerColumn against the 版心', () => {
    const r = parseTemplate(mini.replace('linesPerColumn: 20', 'linesPerColumn: 21'), 'mini.yaml', 'mini');
    expect(!r.ok && r.problems.map((p) => p.field)).toEqual(['grid.linesPerColumn']);
    expect(!r.ok && r.problems[0].reason).toContain('= 20');
  });
});

describe('readText', () => {
  const utf8 = new TextEncoder().encode('---\ntitle: 岚山港\n---\n正文');
  it('names the encoding a file is in when it is not UTF-8: GBK, UTF-16 (Notepad’s “Unicode”), else none', () => {
    const gbk = Uint8Array.from([0xe1, 0xb0, 0xc9, 0xbd, 0xb8, 0xdb]); // 岚山港 in GBK
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...'岚山港'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(readText(gbk, 'a.md')).toEqual({ ok: false, problems: [{ file: 'a.md', field: '', reason: 'not UTF-8 (looks like GBK: save the file as UTF-8) — 文件不是UTF-8编码' }] });
    expect(readText(utf16, 'a.md')).toEqual({ ok: false, problems: [{ file: 'a.md', field: '', reason: 'not UTF-8 (UTF-16: save the file as UTF-8) — 文件不是UTF-8编码' }] });
    expect(readText(Uint8Array.from([0x41, 0xff, 0x41]), 'a.md')).toEqual({ ok: false, problems: [{ file: 'a.md', field: '', reason: 'not UTF-8 (save the file as UTF-8) — 文件不是UTF-8编码' }] });
    expect(readText(utf8, 'a.md')).toEqual({ ok: true, text: '---\ntitle: 岚山港\n---\n正文' });
  });
});
