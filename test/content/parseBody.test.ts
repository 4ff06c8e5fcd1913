import { describe, expect, it } from 'vitest';
import { parseBody } from '../../src/content/parseBody.js';

describe('parseBody', () => {
  it('makes **“…”** bold although the asterisks touch full-width quotes (cjk-friendly)', () => {
    const { blocks } = parseBody('刊登**“遗失声明”**一则。');
    expect(blocks).toEqual([{ kind: 'para', spans: [{ text: '刊登' }, { text: '“遗失声明”', bold: true }, { text: '一则。' }] }]);
  });

  it('drops a line break between two hanzi and keeps it as a space between Latin words (cjk-breaks)', () => {
    const { blocks } = parseBody('第一行\n第二行接着 Latin\nword');
    expect(blocks).toEqual([{ kind: 'para', spans: [{ text: '第一行第二行接着 Latin word' }] }]);
  });

  it('turns ## headings into subheads and > quotes into quote blocks', () => {
    const { blocks, warnings } = parseBody('导语。\n\n## 小标题\n\n> 引文，**重点**。\n\n结尾。');
    expect(blocks).toEqual([
      { kind: 'para', spans: [{ text: '导语。' }] },
      { kind: 'subhead', text: '小标题' },
      { kind: 'quote', spans: [{ text: '引文，' }, { text: '重点', bold: true }, { text: '。' }] },
      { kind: 'para', spans: [{ text: '结尾。' }] },
    ]);
    expect(warnings).toEqual([]);
  });

  it('flattens a list into paragraphs with a warning', () => {
    const { blocks, warnings } = parseBody('- 甲\n- 乙');
    expect(blocks).toEqual([
      { kind: 'para', spans: [{ text: '甲' }] },
      { kind: 'para', spans: [{ text: '乙' }] },
    ]);
    expect(warnings.map((w) => w.message)).toEqual(['the body has a list (its items become paragraphs)']);
  });

  it('keeps link text, drops images, and says so', () => {
    const { blocks, warnings } = parseBody('见[官网](https://example.org)。![图](a.jpg)');
    expect(blocks).toEqual([{ kind: 'para', spans: [{ text: '见官网。' }] }]);
    expect(warnings).toHaveLength(2);
  });
});
