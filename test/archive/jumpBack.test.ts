/**
 * An article that starts on A02 and jumps back to A01, then on to A03: its body chain
 * (`next`, ALTO's IDNEXT) and its METS division follow the text, not the page order.
 */
import { describe, expect, it } from 'vitest';
import { chainBodies } from '../../src/frame/document.js';
import type { Block, Component, Line, Page } from '../../src/frame/types.js';
import { units } from '../../src/archive/structure.js';
import type { Document } from '../../src/frame/types.js';

const line = (para: number | undefined, start: number, component?: Component): Line => ({
  baseline: 10, x: 0, measure: 100, ascent: 8, descent: 2, ...(para === undefined ? {} : { para }), ...(component ? { component } : {}),
  runs: [{ font: 'f', size: 10, text: '字', gids: [1], xs: [0], advs: [10], ranges: [start, start + 1] }],
});
const block = (page: string, id: string, component: Component, n: number, lines: Line[]): Block =>
  ({ id: `${page}/${id}/${component}/${n}`, kind: 'text', source: { id, component }, rect: { x: 0, y: 0, w: 100, h: 20 }, lines, graphics: [] }) as Block;
const page = (label: string, number: number, blocks: Block[]): Page =>
  ({ label, number, width: 200, height: 300, channel: 'archive', blocks }) as Page;

describe('an article jumped to an earlier page', () => {
  const pages = [
    // A01: the continuation (上接第2版, then paragraph 1), and a column left with only its 上接 line
    page('A01', 1, [block('A01', 'a', 'head', 1, [line(undefined, 0)]), block('A01', 'a', 'body', 0, [line(undefined, 0, 'jump'), line(1, 40)]), block('A01', 'a', 'body', 1, [line(2, 0)])]),
    // A02: the start
    page('A02', 2, [block('A02', 'a', 'head', 0, [line(undefined, 0)]), block('A02', 'a', 'body', 0, [line(0, 0)]), block('A02', 'a', 'body', 1, [line(1, 0)])]),
    page('A03', 3, [block('A03', 'a', 'body', 2, [line(undefined, 0, 'jump')]), block('A03', 'a', 'body', 3, [line(3, 5)])]),
  ];
  chainBodies(pages);
  const next = Object.fromEntries(pages.flatMap((p) => p.blocks).filter((b) => b.source.component === 'body').map((b) => [b.id, b.next]));

  it('--- chain --- body blocks chain in the text’s order: A02 → A01 → A03, a textless column last', () => {
    expect(next).toEqual({
      'A02/a/body/0': 'A02/a/body/1',
      'A02/a/body/1': 'A01/a/body/0',
      'A01/a/body/0': 'A01/a/body/1',
      'A01/a/body/1': 'A03/a/body/3',
      'A03/a/body/3': 'A03/a/body/2',
      'A03/a/body/2': undefined,
    });
  });

  it('--- mets-order --- the article’s unit lists A02’s blocks, then A01’s, then A03’s', () => {
    const doc = { pages } as unknown as Document;
    const [u] = units(doc).filter((x) => x.id === 'a');
    expect(u.pieces.map((p) => p.block.id)).toEqual(['A02/a/head/0', 'A02/a/body/0', 'A02/a/body/1', 'A01/a/head/1', 'A01/a/body/0', 'A01/a/body/1', 'A03/a/body/2', 'A03/a/body/3']);
  });
});
