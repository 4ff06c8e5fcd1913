/**
 * What layout places on a page before the page is assembled into blocks (assemblePage):
 * set lines and graphics, each with its source and, where the producer knows it, the key
 * of the block it belongs to (a body column, a notice). Positions are final here; assembly
 * only groups, it never moves or measures.
 */
import type { BoxItem, FormItem, Line, MaskItem, Paint, PathItem, RuleItem, Source, ImageItem } from '../frame/types.js';

/** A set line at its place, with the source it was set from. */
export interface PlacedLine extends Line {
  kind: 'line';
  source: Source;
  /** Block key; default `${source.id}/${source.component}`. */
  block?: string;
}

/** A placed photo: the page tree's image item (`asset` is its photo job's id). */
export type PlacedImage = ImageItem;

export type PlacedGraphic = (RuleItem | BoxItem | PlacedImage | FormItem | PathItem | MaskItem) & { source?: Source; block?: string };

export type FrameItem = PlacedLine | PlacedGraphic;

/** A page as layout leaves it: its items in drawing order. */
export interface PageFrame {
  kind: 'page';
  id: string;
  width: number;
  height: number;
  items: FrameItem[];
}

export type { Paint };
