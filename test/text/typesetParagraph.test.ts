import { describe, expect, it } from 'vitest';
import { typesetParagraph } from '../../src/text/typesetParagraph.js';
import { MissingGlyphError } from '../../src/text/missingGlyph.js';
import { glyphs, lineText } from '../helpers/lines.js';
import { fonts, song } from '../helpers/fonts.js';
import { fixtureParagraphs } from '../helpers/workload.js';

const SIZE = 9;
const paragraphs = fixtureParagraphs;

const set = (text: string, zi: number, extra: Partial<Parameters<typeof typesetParagraph>[1]> = {}) =>
  typesetParagraph([{ text, face: song() }], { size: SIZE, measure: zi * SIZE, indent: 2 * SIZE, align: 'justify', ...extra });

const NO_START = [...'，。、；：？！）》」』”’,.;:?!)'];
const NO_END = [...'“‘（《「『【('];

describe('character grid (纵横对齐)', () => {
  it('--- han-lines-sit-on-the-grid --- on a whole-字 measure, lines of Han text without marks have every glyph origin on a cell', () => {
    const text = '江城今年新建的口袋公园已经有四十多个它们大多藏在老街巷的转角处面积不大却种满了花木附近的居民早晚都来散步下棋带着孩子晒太阳'.repeat(3);
    for (const zi of [11, 13, 20, 27]) {
      const lines = set(text, zi);
      expect(lines.length).toBeGreaterThan(3);
      for (const l of lines) {
        for (const g of glyphs(l)) {
          const cell = g.x / SIZE;
          expect(Math.abs(cell - Math.round(cell))).toBeLessThan(0.01 / SIZE);
        }
      }
    }
  });

  it('--- justified-lines-fill-the-measure --- every line but the last is exactly the measure (± 0.01 pt)', () => {
    for (const text of paragraphs) {
      for (const zi of [11, 13, 17.06, 20]) {
        const lines = set(text, zi);
        lines.forEach((l, i) => {
          if (i < lines.length - 1) expect(Math.abs(l.used - zi * SIZE)).toBeLessThan(0.01);
          else expect(l.used).toBeLessThanOrEqual(zi * SIZE + 0.01);
          expect(l.overfull).toBe(false);
        });
      }
    }
  });

  it('--- last-line-flush-left --- the last line is not stretched', () => {
    const lines = set('市民可以通过手机预约。', 13);
    expect(lines).toHaveLength(1);
    expect(lines[0].adjust).toBe(0);
    expect(glyphs(lines[0]).map((g) => g.x)).toEqual([18, 27, 36, 45, 54, 63, 72, 81, 90, 99, 108]);
  });

  it('--- first-line-indent --- the first line starts 2 字 in, the others at 0', () => {
    const lines = set(paragraphs[0], 13);
    expect(glyphs(lines[0])[0].x).toBeCloseTo(18, 6);
    for (const l of lines.slice(1)) expect(glyphs(l)[0].x).toBeLessThanOrEqual(0.0001);
  });
});

describe('禁则 (line-start and line-end prohibition)', () => {
  it.each(NO_START)('--- no-line-starts-with %s --- even where the grid would put it at a line start', (mark) => {
    // 13 Han characters fill the first line exactly (after a 0 indent), so the mark falls on line 2's start
    const text = '城市更新项目今年共改造老旧小区' + mark + '惠及居民两万多户并新增停车位一千余个' + mark + '同时建设了多处社区食堂';
    for (const zi of [11, 12, 13, 15]) {
      const lines = set(text, zi, { indent: 0 });
      for (const l of lines) expect(NO_START).not.toContain([...lineText(l)][0]);
    }
  });

  it.each(NO_END)('--- no-line-ends-with %s --- an opening mark goes down with what it opens', (mark) => {
    const close = { '“': '”', '‘': '’', '（': '）', '《': '》', '「': '」', '『': '』', '【': '】', '(': ')' }[mark]!;
    const text = '城市更新项目今年共改造老旧小' + mark + '惠及居民' + close + '两万多户并新增停车位一千余个同时' + mark + '建设' + close + '了多处社区食堂';
    for (const zi of [11, 12, 13, 14, 15]) {
      const lines = set(text, zi, { indent: 0 });
      for (const l of lines) expect(NO_END).not.toContain([...lineText(l)].at(-1));
    }
  });

  it('--- no-split-dash-or-ellipsis --- —— and …… stay on one line at every measure', () => {
    const text = '他想了想说——这件事还得再商量……大家都笑了起来——会场的气氛轻松了许多……';
    for (let zi = 6; zi <= 16; zi++) {
      const lines = set(text, zi, { indent: 0 });
      const joined = lines.map(lineText);
      expect(joined.join('')).toBe(text);
      for (const t of joined) {
        expect(t.startsWith('—') && !t.startsWith('——')).toBe(false);
        expect(t.endsWith('—') && !t.endsWith('——')).toBe(false);
        expect(t.startsWith('…') && !t.startsWith('……')).toBe(false);
        expect(t.endsWith('…') && !t.endsWith('……')).toBe(false);
      }
    }
  });

  it('--- loose-line-before-a-long-run --- a loose but possible line is chosen over an overfull one', () => {
    // At 六号 (7.5 pt) on 13 字 the code and its bracket fit a line of their own, some 2 字
    // short; the breaker once skipped that line as too loose and set an overfull one.
    const text = '南京启原信息技术有限公司（统一社会信用代码：91320106MA4FHA6D20）遗失公章一枚，编码：3201069253398，声明作废。';
    const lines = typesetParagraph([{ text, face: song() }], { size: 7.5, measure: 13 * 7.5, indent: 0, align: 'justify' });
    expect(lines.some((l) => lineText(l).includes('91320106MA4FHA6D20'))).toBe(true);
    for (const l of lines) {
      expect(l.overfull, lineText(l)).toBe(false);
      expect(l.used).toBeLessThanOrEqual(13 * 7.5 + 0.01);
    }
  });

  it('--- numbers-and-latin-unbroken --- 2026, 15.25, 1,961.7 and Latin words are never split', () => {
    const words = ['2026', '15.25', '1,961.7', 'Typesetting', 'APP', '186.5'];
    const text = `今年是${words[0]}年，增长${words[1]}%，客流${words[2]}万人次，软件名为${words[3]}的${words[4]}下载量大，线路全长${words[5]}公里。`.repeat(2);
    for (let zi = 8; zi <= 20; zi++) {
      const lines = set(text, zi, { indent: 0 }).map(lineText);
      for (const w of words) {
        const occurrences = lines.reduce((n, t) => n + t.split(w).length - 1, 0);
        expect(occurrences, `${w} at ${zi} 字`).toBe(2);
      }
    }
  });
});

describe('punctuation width (标点挤压)', () => {
  const gap = (text: string, a: string, b: string) => {
    const [l] = set(text, 30, { indent: 0 });
    const gs = glyphs(l);
    const i = gs.findIndex((g, k) => g.ch === a && gs[k + 1]?.ch === b);
    expect(i).toBeGreaterThanOrEqual(0);
    return (gs[i + 1].x - gs[i].x) / SIZE;
  };

  it('--- adjacent-marks-half-width --- 。” ，“ ）（ 、「 set the first mark half-width', () => {
    expect(gap('他说：“好。”大家点头', '。', '”')).toBeCloseTo(0.5, 6);
    expect(gap('他说，“好”', '，', '“')).toBeCloseTo(0.5, 6);
    expect(gap('甲（一）（二）乙', '）', '（')).toBeCloseTo(0.5, 6);
    expect(gap('《甲》、「乙」', '、', '「')).toBeCloseTo(0.5, 6);
  });

  it('--- ascii-mark-beside-a-full-width-one --- an ASCII , before “ keeps the quote’s empty half: no glyph steps back', () => {
    expect(gap('在受访人员看来,“办不成事”窗口', ',', '“')).toBeGreaterThanOrEqual(0.3);
    for (const text of ['事实上,“疑难杂症”,让群众(包括老人)“办成事”。', '他问:“为什么?”(笑)“因为,”他说,“就是这样。”']) {
      for (const zi of [8, 11, 13, 17]) {
        for (const l of set(text, zi)) {
          const gs = glyphs(l);
          for (let k = 1; k < gs.length; k++) expect(gs[k].x, `${lineText(l)} at ${k}`).toBeGreaterThanOrEqual(gs[k - 1].x - 0.001);
        }
      }
    }
  });

  it('--- single-marks-full-width --- a mark between ideographs keeps its full width mid-line', () => {
    expect(gap('甲，乙', '，', '乙')).toBeCloseTo(1, 6);
    expect(gap('甲“乙”丙', '“', '乙')).toBeCloseTo(1, 6);
  });

  it('--- line-start-opening-mark-trimmed --- a line does not start with the empty half of “', () => {
    const lines = set('一二三四五六七八九十一二三“四五六”七八', 13, { indent: 0 });
    const second = glyphs(lines[1]);
    expect(second[0].ch).toBe('“');
    // the mark's ink (right half) starts at the measure's left edge
    expect(second[0].x).toBeCloseTo(-0.5 * SIZE, 6);
  });

  it('--- line-end-compression-before-stretch --- (行末可压缩, lineEndHalf: false) a line that needs half a 字 compresses its final mark', () => {
    // 12 ideographs + ， + 。 is 13.5 字 … the 。 would start line 2, so it is pulled up and squeezed
    const lines = set('一二三四五六七八九十一二三，。四五六七八九', 14, { indent: 0, lineEndHalf: false });
    expect(lineText(lines[0]).endsWith('，。')).toBe(true);
    expect(lines[0].used).toBeCloseTo(14 * SIZE, 6);
    expect(lines[0].adjust).toBeLessThan(0);
  });
});

describe('mixed Han and Latin (中西文混排)', () => {
  it('--- quarter-em-between-han-and-latin --- a digit run gets about ¼ 字 on each side', () => {
    const [l] = set('全年共有2026名考生', 30, { indent: 0, align: 'left' });
    const gs = glyphs(l);
    const i2 = gs.findIndex((g) => g.ch === '2');
    const before = gs[i2 - 1];
    expect((gs[i2].x - (before.x + before.adv)) / SIZE).toBeCloseTo(0.25, 6);
    const i6 = gs.findIndex((g) => g.ch === '6');
    expect((gs[i6 + 1].x - (gs[i6].x + gs[i6].adv)) / SIZE).toBeCloseTo(0.25, 6);
  });

  it('--- proportional-digits --- digits use the font’s proportional glyphs, not full-width ones', () => {
    const [l] = set('2026', 30, { indent: 0 });
    for (const g of glyphs(l)) expect(g.adv).toBeLessThan(0.7 * SIZE);
  });
});

describe('missing glyphs', () => {
  it('--- missing-glyph-is-an-error --- naming the character, code point, font and place', () => {
    const run = () =>
      typesetParagraph([{ text: '姓名：张𠀾明', face: song() }], { size: SIZE, measure: 117, indent: 0, align: 'justify', where: 'articles/a.md body ¶1' });
    expect(run).toThrow(MissingGlyphError);
    try {
      run();
    } catch (err) {
      const msg = (err as Error).message;
      expect(msg).toContain('𠀾');
      expect(msg).toContain('U+2003E');
      expect(msg).toContain('NotoSerifSC-Regular');
      expect(msg).toContain('articles/a.md body ¶1');
    }
  });

  it('--- fallback-font-covers-it --- with a fallback configured, the glyph comes from it', () => {
    const kai = fonts.face('kai');
    expect(kai.gid(0x2a6b2) || kai.gid(0x20bb7)).toBeGreaterThan(0); // LXGW WenKai has some Ext-B
    const cp = kai.gid(0x20bb7) ? 0x20bb7 : 0x2a6b2;
    expect(song().gid(cp)).toBe(0);
    const [l] = typesetParagraph([{ text: `吉${String.fromCodePoint(cp)}祥`, face: song() }], {
      size: SIZE, measure: 117, indent: 0, align: 'justify', fallbacks: [kai],
    });
    expect(l.runs.map((r) => r.font)).toEqual(['song', 'kai', 'song']);
  });
});

describe('the 字 count of a line', () => {
  it('--- chars-are-the-set-characters --- each line counts the code points it sets, word spaces excluded', () => {
    const mixed = '2026年第3季度，GDP同比增长5.2%，Open Source Initiative 的报告说，上海与New York之间的航班增加了12班。';
    for (const text of [...paragraphs, mixed]) {
      for (const zi of [11, 17.06]) {
        const lines = set(text, zi);
        for (const l of lines) expect(l.chars).toBe([...l.runs.map((r) => r.text).join('')].filter((c) => c !== ' ').length);
        expect(lines.reduce((n, l) => n + l.chars, 0)).toBe([...text].filter((c) => c !== ' ').length);
      }
    }
  });
});

describe('Latin words in a justified column', () => {
  const english = "The port authority said on Thursday that the container terminal's capacity will double after the new cranes arrive. Officials expect international shipping companies to respond quickly, according to a statement released yesterday afternoon.";
  it('--- letter-words-stay-whole --- a word of 8 letters or more is neither opened nor broken like an ID number: the word spaces take the slack, every line but the last with a space in it is justified', () => {
    for (const zi of [9, 11, 13, 17]) {
      const lines = set(english, zi, { breakLongRuns: true, fullWidthPunct: true });
      let at = 0;
      for (const [n, l] of lines.entries()) {
        const t = lineText(l);
        at = english.indexOf(t, at);
        expect(at, `line ${n}: ${t}`).toBeGreaterThanOrEqual(0);
        // a line starts at the paragraph's start or after a space: never inside terminal's, capacity…
        expect(at === 0 || english[at - 1] === ' ', `${zi} 字, line ${n} starts inside a word: ${t}`).toBe(true);
        at += t.length;
        // justified: the word spaces take the slack (a line of Latin words has no gap between ideographs)
        if (n < lines.length - 1 && t.trim().includes(' ')) expect(l.used, `${zi} 字, line ${n} not justified: ${t}`).toBeCloseTo(zi * SIZE, 2);
        // inside a word each glyph follows the one before by its advance
        const g = glyphs(l);
        for (let i = 1; i < g.length; i++) {
          if (g[i].ch !== ' ' && g[i - 1].ch !== ' ' && /[A-Za-z']/.test(g[i].ch) && /[A-Za-z']/.test(g[i - 1].ch)) {
            expect(g[i].x - g[i - 1].x, `${zi} 字: "${t}" opened at ${g[i - 1].ch}${g[i].ch}`).toBeCloseTo(g[i - 1].adv, 3);
          }
        }
      }
    }
  });

  it('--- codes-may-open --- an ID number in the same column still opens and breaks as the long-number rule says', () => {
    const lines = set('申请人居民身份证号码320102198506120317，统一社会信用代码91350100M000100Y43，特此声明。', 9, { breakLongRuns: true, fullWidthPunct: true });
    expect(lines.map(lineText).join('')).toBe('申请人居民身份证号码320102198506120317，统一社会信用代码91350100M000100Y43，特此声明。');
    // the 18-digit number is wider than a 9-字 line: it is broken inside, as the rule allows
    expect(lines.some((l) => /^\d/.test(lineText(l)))).toBe(true);
  });
});
