import fs from 'node:fs';
import path from 'node:path';
import type * as Fontkit from 'fontkit';
import { UserError } from '../diagnostic.js';
import { createRequire } from 'node:module';
import { SfntMetrics, sfntDamage } from './sfntMetrics.js';

// fontkit, from its CommonJS build, is loaded on first use: the text engine reads the
// fonts' tables itself (SfntMetrics), so only previews, CFF fonts and the glyph check of
// names open it.
let fontkitModule: typeof Fontkit | undefined;
const fontkit = {
  create(bytes: Uint8Array): Fontkit.Font {
    fontkitModule ??= createRequire(import.meta.url)('fontkit') as typeof Fontkit;
    return fontkitModule.create(bytes);
  },
};

/** fonts/fonts.json: which file plays which role (宋/黑/楷/…), and the fallbacks. */
export interface FontConfig {
  roles: Record<string, { name: string; file: string; convertFrom?: string; licence?: string }>;
  /** Role keys tried, in order, for a character the requested role lacks. */
  fallback: string[];
}

/**
 * Metrics of one glyph as the text engine needs them, in em (1 = the font size).
 * `trimL`/`trimR` are the empty halves a full-width punctuation mark may give up
 * (clreq §3.1.6 punctuation width adjustment), read from the glyph's ink box.
 */
export interface GlyphInfo {
  gid: number;
  /** Natural advance in em. */
  adv: number;
  /** Compressible empty space on the left, em. */
  trimL: number;
  /** Compressible empty space on the right, em. */
  trimR: number;
}

const OPENING = new Set([...'“‘（《「『【〔〈〖｛［']);
const CLOSING = new Set([...'”’）》」』】〕〉〗｝］，。、；：？！．']);

/**
 * One font file opened once per process, with advances cached per code point.
 * The BMP goes into typed arrays (a lookup is an array read); the rest into a Map.
 */
export class FontFace {
  readonly upm: number;
  /** Ascender and descender in em (descender negative), from the font's hhea. */
  readonly ascent: number;
  readonly descent: number;
  /** The ideographic em box above and below the baseline, em (OS/2 typo metrics: 0.88 / 0.12 for Noto CJK). */
  readonly emTop: number;
  readonly emBottom: number;
  /** Glyph id + 1 by BMP code point; 0 = not looked up yet (so the array is never filled: untouched pages cost nothing). */
  private readonly bmpGid = new Int32Array(65536);
  private readonly bmpAdv = new Float32Array(65536);
  private readonly bmpTrimL = new Float32Array(65536);
  private readonly bmpTrimR = new Float32Array(65536);
  private readonly astral = new Map<number, GlyphInfo>();
  private fontkitFont?: Fontkit.Font;

  constructor(
    /** Role key from fonts.json, e.g. 'song'. */
    readonly key: string,
    /** Human name of the role, e.g. '宋'. */
    readonly roleName: string,
    readonly file: string,
    /** fontkit's font, or how to open it: with `sfnt`, only the previews and CFF fonts need it. */
    font: Fontkit.Font | (() => Fontkit.Font),
    /** The font's own tables, read directly: the text engine's metrics and the PDF subset. */
    readonly sfnt?: SfntMetrics,
  ) {
    if (typeof font === 'function') this.open = font;
    else this.fontkitFont = font;
    const info = sfnt?.info();
    this.upm = info ? info.unitsPerEm : this.font.unitsPerEm;
    this.ascent = (info ? info.ascent : this.font.ascent) / this.upm;
    this.descent = (info ? info.descent : this.font.descent) / this.upm;
    const os2 = info ? undefined : (this.font as unknown as { 'OS/2'?: { typoAscender: number; typoDescender: number } })['OS/2'];
    this.emTop = (info ? info.typoAscent : os2?.typoAscender ?? this.font.ascent) / this.upm;
    this.emBottom = -(info ? info.typoDescent : os2?.typoDescender ?? this.font.descent) / this.upm;
  }

  private open?: () => Fontkit.Font;

  /** fontkit's view of the font, opened on first use. */
  get font(): Fontkit.Font {
    this.fontkitFont ??= this.open!();
    return this.fontkitFont;
  }

  get name(): string {
    return this.sfnt ? this.sfnt.info().postscriptName : this.font.postscriptName;
  }

  /** Glyph id for a code point, 0 when the font has none (.notdef). */
  gid(cp: number): number {
    if (cp < 65536) {
      const g = this.bmpGid[cp];
      return g > 0 ? g - 1 : this.fill(cp);
    }
    return this.astralInfo(cp).gid;
  }

  /** Natural advance in em of the glyph for `cp` (0 when missing). */
  adv(cp: number): number {
    if (cp < 65536) {
      if (this.bmpGid[cp] === 0) this.fill(cp);
      return this.bmpAdv[cp];
    }
    return this.astralInfo(cp).adv;
  }

  /** Compressible empty space on the left of the glyph for `cp`, em. */
  trimL(cp: number): number {
    if (cp >= 65536) return 0;
    if (this.bmpGid[cp] === 0) this.fill(cp);
    return this.bmpTrimL[cp];
  }

  /** Compressible empty space on the right of the glyph for `cp`, em. */
  trimR(cp: number): number {
    if (cp >= 65536) return 0;
    if (this.bmpGid[cp] === 0) this.fill(cp);
    return this.bmpTrimR[cp];
  }

  /** The ink's left and right edges of the glyph for `cp`, em from its origin (0, 0 when blank). */
  inkX(cp: number): [number, number] {
    const gid = this.gid(cp);
    if (!gid) return [0, 0];
    const bbox = this.sfnt?.box(gid) ?? this.font.getGlyph(gid).bbox;
    return [bbox.minX / this.upm, bbox.maxX / this.upm];
  }

  /** Full metrics, including the compressible halves of punctuation. */
  info(cp: number): GlyphInfo {
    return { gid: this.gid(cp), adv: this.adv(cp), trimL: this.trimL(cp), trimR: this.trimR(cp) };
  }

  /**
   * 竖排: the glyph that sets `cp` in vertical text — the font's GSUB `vert`/`vrt2` form (，。
   * moved to the cell's upper right, 「」《》（） and —— turned), else the upright glyph — with
   * its horizontal advance (to centre it in the column) and its vertical advance, em: the
   * em, as every ideograph and vertical mark in a CJK font takes.
   */
  verticalGlyph(cp: number): { gid: number; width: number; adv: number; inkY: [number, number] } {
    let v = this.vertical.get(cp);
    if (!v) {
      const gid = this.gid(cp);
      let vgid = gid;
      if (gid) {
        // —— is the full-width bar U+2015 here (see lookup); its vertical form is the bar's
        const bar = cp === 0x2014 && gid === this.cmapLookup(0x2015);
        if (this.sfnt) vgid = this.sfnt.verticalForms().get(bar ? this.cmapLookup(0x2015) : gid) ?? gid;
        else {
          const run = this.font.layout(String.fromCodePoint(bar ? 0x2015 : cp), ['vert', 'vrt2']);
          if (run.glyphs.length === 1) vgid = run.glyphs[0].id;
        }
      }
      const box = vgid ? (this.sfnt?.box(vgid) ?? this.font.getGlyph(vgid).bbox) : undefined;
      v = { gid: vgid, width: vgid ? this.glyphAdvance(vgid) : 0, adv: 1, inkY: box ? [box.minY / this.upm, box.maxY / this.upm] : [0, 0] };
      this.vertical.set(cp, v);
    }
    return v;
  }

  private readonly vertical = new Map<number, { gid: number; width: number; adv: number; inkY: [number, number] }>();

  private fill(cp: number): number {
    const g = this.lookup(cp);
    this.bmpGid[cp] = g + 1;
    this.bmpAdv[cp] = g ? this.glyphAdvance(g) : 0;
    const ch = String.fromCharCode(cp);
    if (g && (OPENING.has(ch) || CLOSING.has(ch))) {
      const p = this.punctInfo(g, this.bmpAdv[cp], OPENING.has(ch));
      this.bmpTrimL[cp] = p.trimL;
      this.bmpTrimR[cp] = p.trimR;
    }
    return g;
  }

  /**
   * A full-width mark gives up the half its ink does not touch. Checking the ink box
   * (rather than trusting a class table) keeps centred marks, e.g. a ？ drawn in the
   * middle of its box in some fonts, from being squeezed into their neighbours.
   */
  private punctInfo(gid: number, adv: number, opening: boolean): { trimL: number; trimR: number } {
    let trimL = 0;
    let trimR = 0;
    if (gid && adv >= 0.95) {
      const bbox = this.sfnt?.box(gid) ?? this.font.getGlyph(gid).bbox;
      const half = this.upm / 2;
      if (opening && bbox.minX >= half * 0.9) trimL = adv / 2;
      if (!opening && bbox.maxX <= half * 1.1) trimR = adv / 2;
    }
    return { trimL, trimR };
  }

  private astralInfo(cp: number): GlyphInfo {
    let info = this.astral.get(cp);
    if (!info) {
      const gid = this.lookup(cp);
      info = { gid, adv: gid ? this.glyphAdvance(gid) : 0, trimL: 0, trimR: 0 };
      this.astral.set(cp, info);
    }
    return info;
  }

  private lookup(cp: number): number {
    // U+2014 EM DASH is proportional (0.89 em) in Noto CJK; its full-width form — what
    // fwid gives and what a Chinese ——  needs — is the glyph of U+2015.
    if (cp === 0x2014) {
      const bar = this.cmapLookup(0x2015);
      if (bar && this.glyphAdvance(bar) >= 0.99) return bar;
    }
    return this.cmapLookup(cp);
  }

  private cmapLookup(cp: number): number {
    return this.sfnt ? this.sfnt.gid(cp) : this.font._cmapProcessor.lookup(cp);
  }

  /** Advance of a glyph in em. */
  glyphAdvance(gid: number): number {
    if (this.sfnt) return this.sfnt.advance(gid) / this.upm;
    const m = this.font.hmtx.metrics;
    const entry = m.get(Math.min(gid, m.length - 1));
    return (entry ? entry.advance : this.font.getGlyph(gid).advanceWidth) / this.upm;
  }
}

/** Opens each font of fonts/fonts.json once, on first use. */
export class FontBook {
  private readonly faces = new Map<string, FontFace>();

  constructor(
    readonly config: FontConfig,
    /** Directory that the config's file paths are relative to. */
    readonly root: string,
    /** Where the config came from, for error messages. */
    readonly configFile = 'fonts/fonts.json',
  ) {}

  /** Reads fonts/fonts.json under `root`. */
  static load(root: string, configFile = path.join(root, 'fonts/fonts.json')): FontBook {
    let config: FontConfig;
    try {
      config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as FontConfig;
    } catch (err) {
      throw new UserError(`${configFile}: cannot read the font configuration (${(err as Error).message})`);
    }
    if (!config.roles || typeof config.roles !== 'object') {
      throw new UserError(`${configFile}: roles: missing (expected an object of role → { name, file })`);
    }
    return new FontBook({ roles: config.roles, fallback: config.fallback ?? [] }, root, configFile);
  }

  has(key: string): boolean {
    return key in this.config.roles;
  }

  face(key: string): FontFace {
    let face = this.faces.get(key);
    if (face) return face;
    const role = this.config.roles[key];
    if (!role) {
      throw new UserError(`${this.configFile}: roles.${key}: no such font role (have ${Object.keys(this.config.roles).join(', ')})`);
    }
    const file = path.resolve(this.root, role.file);
    if (!fs.existsSync(file)) {
      throw new UserError(
        `${this.configFile}: roles.${key}.file: ${role.file} does not exist (run \`npm ci\`, which installs and prepares the fonts)`,
      );
    }
    const damage = sfntDamage(file);
    if (damage) throw new UserError(`${this.configFile}: roles.${key}.file: ${role.file} is damaged: ${damage}`);
    const open = () => {
      try {
        return fontkit.create(fs.readFileSync(file));
      } catch (err) {
        throw new UserError(`${this.configFile}: roles.${key}.file: ${role.file} is not a font zuban can read (${(err as Error).message})`);
      }
    };
    let sfnt: SfntMetrics | undefined;
    try {
      sfnt = SfntMetrics.open(file);
    } catch {
      sfnt = undefined;
    }
    // Without tables read here (a CFF or unusual font), fontkit opens it now and says what is wrong.
    face = new FontFace(key, role.name, file, sfnt ? open : open(), sfnt);
    this.faces.set(key, face);
    return face;
  }

  /**
   * The face a page tree's font entry names: its role's face when that role still plays
   * the same file (relative to the project root), else the file itself, opened once.
   */
  faceForFile(role: string, file: string): FontFace {
    if (this.has(role)) {
      const f = this.face(role);
      if (path.relative(this.root, f.file) === file || f.file === file) return f;
    }
    const key = `file:${file}`;
    let face = this.faces.get(key);
    if (!face) {
      const abs = path.resolve(this.root, file);
      if (!fs.existsSync(abs)) throw new UserError(`page tree: font file ${file} does not exist`);
      const damage = sfntDamage(abs);
      if (damage) throw new UserError(`page tree: font file ${file} is damaged: ${damage}`);
      const sfnt = SfntMetrics.open(abs);
      face = new FontFace(role, role, abs, () => fontkit.create(fs.readFileSync(abs)), sfnt);
      this.faces.set(key, face);
    }
    return face;
  }

  /** The fallback faces, in order (empty when none is configured). */
  fallbacks(): FontFace[] {
    return this.config.fallback.map((k) => this.face(k));
  }

  /** Every face opened so far (the renderer embeds these). */
  opened(): FontFace[] {
    return [...this.faces.values()];
  }
}
