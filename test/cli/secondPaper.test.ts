/**
 * A second paper's edition (issue 12): a 4-page 四开 evening paper (test/fixtures/evening)
 * copied outside the repository and built through the command line (the bundle in dist/,
 * `npm run build`): no message and no page names the sample paper, no stack trace, its own
 * notices header; with --proof the marks are in the proof PDF and never in the print PDF;
 * a rare character (𠮷, CJK Extension B) is set from the fallback font and reported; every
 * character no font has is reported at once; underset per block in report.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repo, 'dist/bundle/zuban.js');
const fixture = path.join(repo, 'test/fixtures/evening');

/** The sample paper's name, desk phone, WeChat, address and Latin name: none may appear. */
const SAMPLE = [/泓州/, /0745-?286/, /hzrbgg/, /文昌路/, /HONGZHOU/i];

function copy(edit?: (dir: string) => void): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-evening-'));
  fs.cpSync(fixture, path.join(root, 'evening'), { recursive: true });
  edit?.(path.join(root, 'evening'));
  return root;
}

const zuban = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd });
const text = (f: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
const noStack = (s: string) => expect(s).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe('a second paper’s edition, outside the repository, through the CLI', () => {
  const root = copy();
  const r = zuban(root, 'build', 'evening/edition.yaml', '--out', 'out', '--proof', '--no-preview');
  const out = path.join(root, 'out');

  it('--- builds --- exit 0, results on stdout, no stack trace', () => {
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^built 4 pages in [\d.]+ s → out\/ \(overset: renovation;/m);
    noStack(r.stdout + r.stderr);
    // results on stdout (a line per page, the summary), diagnostics on stderr
    expect(r.stdout.split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0])).toEqual(['A01', 'A02', 'A03', 'A04', 'built']);
    expect(r.stderr).not.toMatch(/^(A0\d |built )/m);
    expect(r.stderr.split('\n').filter(Boolean).every((l) => /^(warning|notices|proof): /.test(l))).toBe(true);
  });

  it('--- overset-named --- overset text is a warning naming the file, the field, the lines and the 字 to cut', () => {
    const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'));
    const { overLines, overChars } = report.copyfit.find((a: { id: string }) => a.id === 'renovation').body;
    expect(overChars).toBeGreaterThan(100);
    expect(r.stderr).toContain(`warning: evening/articles/a02-renovation.md: body: overset: ${overLines} lines (${overChars} 字) do not fit`);
  });

  it('--- never-the-sample-paper --- no message, page or report names the sample paper, its phone, WeChat or address', () => {
    const all = [r.stdout, r.stderr, text(path.join(out, 'edition.pdf')), text(path.join(out, 'edition-proof.pdf')), fs.readFileSync(path.join(out, 'report.json'), 'utf8')].join('\n');
    for (const s of SAMPLE) expect(all).not.toMatch(s);
    expect(all).toContain('澄湖晚报');
  });

  it('--- own-notices-header --- the notices page prints the desk of edition.yaml notices:', () => {
    const a04 = text(path.join(out, 'pages/A04.pdf'));
    for (const s of ['分类·声明', '0512-66880909', 'chwbsm', '澄湖市湖滨路7号晚报大厦一楼', '每日14:00前受理，当日见报']) expect(a04).toContain(s);
    expect(a04).toContain('丁婷遗失'); // its notices are set
    expect(r.stderr).toMatch(/^notices: 3 set on A04, 0 refused/m);
  });

  it('--- proof-pdf --- the overset mark is in the proof PDF’s text, never in the print PDFs', () => {
    const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'));
    const fit = (id: string) => report.copyfit.find((a: { id: string }) => a.id === id);
    expect(text(path.join(out, 'proof/A02.pdf'))).toContain(`溢出${fit('renovation').body.overChars}字`);
    expect(text(path.join(out, 'proof/A03.pdf'))).toContain(`欠${fit('essay').blocks[0].emptyLines}行`);
    for (const f of ['pages/A02.pdf', 'pages/A03.pdf', 'edition.pdf']) expect(text(path.join(out, f))).not.toMatch(/溢出|欠\d+行/);
    const frame = JSON.parse(fs.readFileSync(path.join(out, 'frame.json'), 'utf8'));
    expect(JSON.stringify(frame)).not.toContain('"proof"');
  });

  it('--- fallback-glyph --- 𠮷 (U+20BB7) is set in the fallback font: a run in the frame, embedded in the PDF, extracted back, reported', () => {
    const frame = JSON.parse(fs.readFileSync(path.join(out, 'frame.json'), 'utf8'));
    const runs = frame.pages.flatMap((p: { blocks: { lines: { runs: { font: string; text: string }[] }[] }[] }) => p.blocks.flatMap((b) => b.lines.flatMap((l) => l.runs)));
    expect(runs.filter((x: { font: string }) => x.font === 'rareJp').map((x: { text: string }) => x.text)).toEqual(['𠮷']);
    expect(frame.fonts.rareJp.postscriptName).toBe('NotoSerifJP-Regular');
    expect(execFileSync('pdffonts', [path.join(out, 'pages/A01.pdf')], { encoding: 'utf8' })).toMatch(/\+NotoSerifJP-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(text(path.join(out, 'pages/A01.pdf'))).toContain('𠮷老伯');
    expect(r.stderr).toContain('warning: evening/articles/a01-lights.md: body ¶4: 缺字 “𠮷” (U+20BB7) at offset 7 set in 缺字（明朝） NotoSerifJP-Regular: 宋 NotoSerifSC-Regular lacks it');
  });

  it('--- underset-per-block --- report.json gives each block’s lines to fill with the template’s threshold', () => {
    const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'));
    const essay = report.copyfit.find((a: { id: string }) => a.id === 'essay');
    expect(essay.body.undersetLimit).toBe(12);
    expect(essay.blocks).toEqual([{ page: 'A03', field: 'place', capacityLines: 324, usedLines: 8, undersetLimit: 12, emptyLines: 316, underset: true }]);
    const renovation = report.copyfit.find((a: { id: string }) => a.id === 'renovation');
    expect(renovation.blocks[0]).toMatchObject({ page: 'A02', emptyLines: 0, underset: false });
    expect(r.stderr).toContain('warning: evening/articles/a03-essay.md: body: underset: 316 of 324 lines empty (about 3495 字 to fill; the template allows 11)');
  });

  it('--- strict-fails-on-fallback --- --strict refuses the edition, naming the file, paragraph and character', () => {
    const s = zuban(root, 'build', 'evening/edition.yaml', '--out', 'out-strict', '--strict', '--no-preview');
    expect(s.status).toBe(1);
    expect(s.stderr).toContain('evening/articles/a01-lights.md: body ¶4: 缺字 “𠮷” (U+20BB7) at offset 7 set in 缺字（明朝） NotoSerifJP-Regular: 宋 NotoSerifSC-Regular lacks it (--strict)');
    noStack(s.stderr);
    expect(fs.existsSync(path.join(root, 'out-strict'))).toBe(false);
  });
});

describe('a second paper’s defects, each named', () => {
  it('--- every-missing-glyph --- each character no font has is reported at once, with file, field, paragraph and code point', () => {
    const root = copy((d) => {
      const f = path.join(d, 'articles/a01-market.md');
      const t = fs.readFileSync(f, 'utf8').replace('title: 湖西夜市', 'title: 𠀁湖西夜市').replace('摊位间距加宽', '摊位间距𠀀加宽').replace('所有摊位', '所有𠀂摊位');
      fs.writeFileSync(f, t);
    });
    const s = zuban(root, 'build', 'evening/edition.yaml', '--out', 'out', '--no-preview');
    expect(s.status).toBe(1);
    const lines = s.stderr.split('\n').filter((l) => l.includes('缺字'));
    expect(lines).toHaveLength(3);
    expect(s.stderr).toMatch(/evening\/articles\/a01-market\.md: body ¶1: 缺字 “𠀀” \(U\+20000\) at offset \d+: not in 宋 NotoSerifSC-Regular nor in any fallback font; add a font that has it to "fallback" in fonts\/fonts\.json, or change the text$/m);
    expect(s.stderr).toMatch(/evening\/articles\/a01-market\.md: body ¶2: 缺字 “𠀂” \(U\+20002\) at offset \d+: not in 宋/);
    expect(s.stderr).toMatch(/evening\/articles\/a01-market\.md: title: 缺字 “𠀁” \(U\+20001\) at offset 0: not in 黑 NotoSansSC-Bold nor in any fallback font/);
    noStack(s.stderr);
    expect(fs.existsSync(path.join(root, 'out'))).toBe(false);
  });

  it('--- no-notices-desk --- without notices: and no paper of that name, the build stops naming edition.yaml and notices', () => {
    const root = copy((d) => {
      const f = path.join(d, 'edition.yaml');
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/^notices:\n(?: {2}.*\n)+/m, ''));
    });
    const s = zuban(root, 'build', 'evening/edition.yaml', '--out', 'out', '--no-preview');
    expect(s.status).toBe(1);
    expect(s.stderr).toMatch(/^zuban: evening\/edition\.yaml: notices: missing — the notices page A04 needs the desk of “澄湖晚报” for its header: add notices: \{ desk: \{ phone, address, hours, wechat \} \} to edition\.yaml/m);
    for (const x of SAMPLE) expect(s.stderr).not.toMatch(x);
    noStack(s.stderr);
  });

  it('--- own-templates-folder --- a templatesDir holding only the paper’s own template: the rest (tabloid, notices.yaml, ratecard.yaml) are zuban’s own', () => {
    const root = copy((d) => {
      fs.mkdirSync(path.join(d, '../tpl'));
      const t = fs.readFileSync(path.join(repo, 'templates/tabloid.yaml'), 'utf8').replace(/^name: tabloid$/m, 'name: evening');
      fs.writeFileSync(path.join(d, '../tpl/evening.yaml'), t);
      const f = path.join(d, 'edition.yaml');
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/^pages:/m, 'templatesDir: ../tpl\npages:').replace('{ page: A03, name: 副刊, template: tabloid', '{ page: A03, name: 副刊, template: evening'));
    });
    const s = zuban(root, 'build', 'evening/edition.yaml', '--out', 'out', '--no-preview');
    expect(s.status, s.stderr).toBe(0);
    noStack(s.stderr);
    expect(s.stderr).toMatch(/^notices: 3 set on A04, 0 refused/m);
    expect(text(path.join(root, 'out/pages/A04.pdf'))).toContain('0512-66880909');
    // a template in neither folder names both
    const f = path.join(root, 'evening/edition.yaml');
    fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('template: evening', 'template: evening2'));
    const u = zuban(root, 'build', 'evening/edition.yaml', '--out', 'out2', '--no-preview');
    expect(u.status).toBe(1);
    expect(u.stderr).toContain('evening/edition.yaml: pages[2].template: unknown template “evening2”: tpl has evening; zuban\'s own: broadsheet, tabloid');
    noStack(u.stderr);
  });

  it('--- strict-names-everything --- --strict names a refused notice and a head past its lines in one run', () => {
    const root = copy((d) => {
      const n = path.join(d, 'notices/001-lost-person.yaml');
      fs.writeFileSync(n, fs.readFileSync(n, 'utf8').replace('number: "320106199003195069"', 'number: "320106199003195068"'));
      const a = path.join(d, 'articles/a01-market.md');
      fs.writeFileSync(a, fs.readFileSync(a, 'utf8').replace('title: 湖西夜市下周恢复营业', `title: ${'湖西夜市下周恢复营业摊位重新调整'.repeat(4)}`));
    });
    const s = zuban(root, 'build', 'evening/edition.yaml', '--out', 'out', '--strict', '--no-preview');
    expect(s.status).toBe(1);
    noStack(s.stderr);
    const failure = s.stderr.slice(s.stderr.indexOf('zuban: '));
    expect(failure).toMatch(/evening\/articles\/a01-market\.md: title: does not fit in \d line\(s\).* \(--strict\)/);
    expect(failure).toContain('1 notices due 2026-11-24 refused (--strict):\nnotice refused: evening/notices/001-lost-person.yaml number — 校验码应为9，实为8 (check character should be 9, not 8)');
    expect(fs.existsSync(path.join(root, 'out'))).toBe(false);
  });

  it('--- notices-keep-clear --- an article on the notices page: the notices are set around it, never over it', () => {
    const root = copy((d) => {
      fs.writeFileSync(path.join(d, 'articles/a04-note.md'), '---\nid: note\npage: A04\nrank: brief\ntitle: 本版启事\nplace: { col: 1, line: 10, cols: 3, lines: 10 }\n---\n本报分类广告即日起可通过微信小程序在线预约，审核通过后当日见报。\n');
    });
    const s = zuban(root, 'build', 'evening/edition.yaml', '--out', 'out', '--no-preview');
    expect(s.status, s.stderr).toBe(0);
    type R = { x: number; y: number; w: number; h: number };
    const frame = JSON.parse(fs.readFileSync(path.join(root, 'out/frame.json'), 'utf8'));
    const a04 = frame.pages.find((p: { label: string }) => p.label === 'A04');
    const blocks: { source: { id: string; component: string }; rect: R }[] = a04.blocks;
    const note = blocks.filter((b) => b.source.id === 'note');
    const notices = blocks.filter((b) => ['notice', 'notice-group'].includes(b.source.component) || b.source.id === 'notices-header');
    expect(note.length).toBeGreaterThan(0);
    expect(notices.filter((b) => b.source.component === 'notice')).toHaveLength(3);
    const meet = (a: R, b: R) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    for (const n of notices) for (const a of note) expect(meet(n.rect, a.rect), `${n.source.id} over the article`).toBe(false);
    // the header box stays on the page
    for (const n of notices) expect(n.rect.x + n.rect.w).toBeLessThanOrEqual(a04.width);
  });

  it('--- long-desk-field --- a desk address too long for the header names edition.yaml and the field; a long one that fits is set smaller inside the box', () => {
    const long = (addr: string) =>
      copy((d) => {
        const f = path.join(d, 'edition.yaml');
        fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('address: 澄湖市湖滨路7号晚报大厦一楼', `address: ${addr}`));
      });
    const fits = long('澄湖市经济技术开发区湖滨路与工业园大道交汇处晚报大厦一楼东侧广告服务大厅（地铁1号线湖滨站B出口向北200米）');
    const s = zuban(fits, 'build', 'evening/edition.yaml', '--out', 'out', '--no-preview');
    expect(s.status, s.stderr).toBe(0);
    const frame = JSON.parse(fs.readFileSync(path.join(fits, 'out/frame.json'), 'utf8'));
    const a04 = frame.pages.find((p: { label: string }) => p.label === 'A04');
    const header = a04.blocks.find((b: { source: { id: string } }) => b.source.id === 'notices-header');
    expect(header.rect.x + header.rect.w).toBeLessThanOrEqual(a04.printSpace ? a04.printSpace.x + a04.printSpace.w + 1 : a04.width);
    expect(text(path.join(fits, 'out/pages/A04.pdf'))).toContain('地铁1号线湖滨站B出口向北200米');
    const tooLong = long('澄湖市经济技术开发区'.repeat(12));
    const t = zuban(tooLong, 'build', 'evening/edition.yaml', '--out', 'out', '--no-preview');
    expect(t.status).toBe(1);
    noStack(t.stderr);
    expect(t.stderr).toMatch(/^zuban: evening\/edition\.yaml: notices\.desk\.address: “受理地址：澄湖市经济技术开发区.*” does not fit on its line of the notices header \(\d+ pt between the title and the 广告 label, even at 6 pt\): shorten the address$/m);
    expect(fs.existsSync(path.join(tooLong, 'out'))).toBe(false);
  });

  it('--- results-on-stdout --- with --archive and --pdfx the preflight table and the archive line are results: stdout', () => {
    const root = copy();
    const s = zuban(root, 'build', 'evening/edition.yaml', '--out', 'out', '--archive', '--pdfx', '--no-preview');
    expect(s.status, s.stderr).toBe(0);
    expect(s.stdout).toMatch(/^A01 +TAC max/m);
    expect(s.stdout).toMatch(/^preflight \(X-1a:2001, default\): 0 error\(s\)/m);
    expect(s.stdout).toMatch(/^archive: \d+ files \(PDF\/A-2u, ALTO 4\.4, METS\) → archive\//m);
    expect(s.stderr).not.toMatch(/TAC max|^preflight|^archive:/m);
  });

  it('--- field-names-as-written --- a jump given as one object is “continue.place”, a photo “photos[0].file”, as in the content checks', () => {
    const root = copy((d) => {
      const f = path.join(d, 'articles/a01-market.md');
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('place: { col: 1, line: 43, cols: 3, lines: 30 }', 'place: { col: 1, line: 43, cols: 3, lines: 30 }\ncontinue: { page: A02, place: { col: 5, line: 4, cols: 2, lines: 30 } }'));
    });
    const s = zuban(root, 'build', 'evening/edition.yaml', '--out', 'out', '--no-preview');
    expect(s.status, s.stderr).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(root, 'out/report.json'), 'utf8'));
    const market = report.copyfit.find((a: { id: string }) => a.id === 'market');
    expect(market.blocks.map((b: { field: string }) => b.field)).toEqual(['place', 'continue.place']);
    expect(s.stderr).toMatch(/^warning: evening\/articles\/a01-market\.md: body: underset: .*; A02 continue\.place: \d+ of \d+ empty$/m);
  });

  it('--- head-one-size --- a kicker with a single size in the template that does not fit says so, not “0 size(s) down”', () => {
    const root = copy((d) => {
      const f = path.join(d, 'articles/a01-lights.md');
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('kicker: 环湖步道夜景工程完工', `kicker: ${'环湖步道夜景工程完工'.repeat(9)}`));
    });
    const s = zuban(root, 'build', 'evening/edition.yaml', '--out', 'out', '--no-preview');
    expect(s.status, s.stderr).toBe(0);
    expect(s.stderr).toMatch(/^warning: evening\/articles\/a01-lights\.md: kicker: does not fit in 1 line\(s\): even at the smallest allowed size \(12 pt, the template allows no smaller\) it takes 2 lines, 1 too many — shorten it$/m);
  });

  it('--- bad-notices-desk --- a desk without its phone names edition.yaml, the field and the reason', () => {
    const root = copy((d) => {
      const f = path.join(d, 'edition.yaml');
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/^ {4}phone: .*\n/m, ''));
    });
    const s = zuban(root, 'build', 'evening/edition.yaml', '--out', 'out', '--no-preview');
    expect(s.status).toBe(1);
    expect(s.stderr).toMatch(/evening\/edition\.yaml: notices\.desk\.phone: /);
    noStack(s.stderr);
  });

  it('--- unknown-paper-own-desk --- a notice naming another paper is refused with what this edition’s desk is, not a pointer to zuban’s templates', () => {
    const root = copy((d) => {
      const f = path.join(d, 'notices/001-lost-person.yaml');
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/^run:\n/m, 'run:\n  paper: 泓州日报\n'));
    });
    const s = zuban(root, 'build', 'evening/edition.yaml', '--out', 'out', '--no-preview');
    expect(s.status).toBe(0);
    expect(s.stderr).toContain(`unknown paper “泓州日报”: this edition's own desk (edition.yaml notices:) has only 'edition'; leave run.paper out for this paper`);
    expect(s.stderr).not.toContain('templates/notices.yaml');
    noStack(s.stderr);
  });
});
