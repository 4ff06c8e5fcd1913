/**
 * Preflight from the page tree: what the press would refuse or print badly, found on the
 * Document itself (every object has its page, block and source) and on the files it names
 * (the photos' pixels, the fonts). Writes `out/preflight.json`; `formatPreflightSummary`
 * gives a line a page.
 *
 * Checks (code → severity):
 * - `preflight.tac.image`  a photo's ink over the limit: error when more than 0.1 % of its
 *   pixels are over limit + 2 %, warning when only isolated pixels are
 * - `preflight.tac.fill`   a vector paint (text, rule, box fill or stroke) over the limit: error
 * - `preflight.tac.overprint` black text overprinting a fill whose C+M+Y plus 100 % K is over the limit: error
 * - `preflight.rich-black` K ≥ 85 % with C, M or Y, where the condition does not allow it: warning
 * - `preflight.text.colour-small` text under 10 pt in more than one ink: warning (registration)
 * - `preflight.ppi`        effective ppi under `ppi.min`: error; under `ppi.warn`: warning
 * - `preflight.rgb`        an RGB image in the file: error for PDF/X-1a, warning for X-4;
 *   `preflight.rgb.converted` an RGB asset converted to CMYK for the press: info
 * - `preflight.font`       a run's font not in the document, its file missing, or its
 *   licence forbidding embedding (OS/2 fsType): error
 * - `preflight.hairline`   a rule or box stroke under `hairline` pt: error
 * - `preflight.bleed`      an object reaching past the bleed box: error
 * - `preflight.white.invisible` white text on paper or on a white fill: error;
 *   `preflight.white.small` reversed (white) text under 10 pt: warning
 * - `preflight.spot`       a spot colour the document's `spots` table does not define: error
 *
 * Inside a placed PDF page (an ad, masthead art; formPreflight.ts), named with its file
 * and page: RGB colours or images (`preflight.rgb`, error for PDF/X-1a), fonts not embedded
 * (`preflight.font`, error), images under the ppi limits at the placed size (`preflight.ppi`).
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import type { Block, Document, Graphic, Page, Paint, Rect, Run, Source } from '../frame/types.js';
import type { Diagnostic, Severity } from './diagnostic.js';
import type { PrintPhoto } from './cmykPhotos.js';
import { coverage, isPureBlack, isRichBlack, isWhite, paintCmyk, paintTac, type Cmyk, type Coverage } from './ink.js';
import type { PrintCondition } from './printCondition.js';
import { inspectPlacedPdf, type FormFinding } from './formPreflight.js';

export type PreflightCheck =
  | 'tac.image' | 'tac.fill' | 'tac.overprint' | 'rich-black' | 'text.colour-small' | 'ppi' | 'rgb' | 'rgb.converted'
  | 'font' | 'hairline' | 'bleed' | 'white.invisible' | 'white.small' | 'spot';

/** One finding: a Diagnostic with where on the page it is and what it was set from. */
export interface Finding extends Diagnostic {
  check: PreflightCheck;
  /** Page label (版次) and number. */
  page: string;
  pageNumber: number;
  /** Block id in the page tree. */
  block: string;
  /** The article, notice, ad or furniture it was set from. */
  source: Source & { file?: string };
  /** The object's box on the page, pt. */
  rect?: Rect;
  /** The measured value and the threshold it was held against. */
  value?: number;
  limit?: number;
  asset?: string;
}

export interface ImageReport {
  block: string;
  source: string;
  asset: string;
  /** The printed file's colour space. */
  colorSpace: 'cmyk' | 'gray' | 'rgb';
  ppi: number;
  /** Coverage of its pixels, % (undefined for RGB: not printable as it is). */
  tac?: Pick<Coverage, 'max' | 'p99' | 'p999' | 'mean' | 'overLimit'>;
}

export interface PageReport {
  label: string;
  number: number;
  errors: number;
  warnings: number;
  info: number;
  /** Highest TAC on the page, %: the maximum over its photos and vector paints. */
  tacMax: number;
  /** Share (0…1) of the trim area over the TAC limit. */
  overLimit: number;
  /** Lowest effective ppi of its images (undefined without images). */
  minPpi?: number;
  images: ImageReport[];
}

export interface PreflightReport {
  version: 1;
  title: string;
  condition: { name: string; source: string; profile: string; profileDescription: string; tacLimit: number; pdfx: string; ppi: { min: number; warn: number }; hairline: number; bleedMm: number; overprintBelow: number };
  ok: boolean;
  summary: { pages: number; errors: number; warnings: number; info: number; tacMax: number };
  pages: PageReport[];
  findings: Finding[];
}

export interface PreflightOptions {
  /** The photos as converted for the press (cmykPhotos); without them the assets are read as they are. */
  photos?: Record<string, PrintPhoto>;
  /** The output folder the assets' paths are relative to (default 'out'). */
  outDir?: string;
  /** The project root the fonts' paths are relative to (default cwd). */
  root?: string;
}

/** A measure of TAC over which single pixels are tolerated (JPEG error, anti-aliasing). */
export const TAC_TOLERANCE = 2;

/** Preflights a print Document. */
export async function preflight(doc: Document, cond: PrintCondition, opts: PreflightOptions = {}): Promise<PreflightReport> {
  const outDir = opts.outDir ?? 'out';
  const root = opts.root ?? process.cwd();
  const limit = cond.tac.limit;
  const spots = (doc.spots ?? {}) as Record<string, Cmyk>;
  const findings: Finding[] = [];
  const x1a = cond.pdfx.version === 'X-1a:2001';

  // the printed pixels of every asset: the converted photo's coverage, or the asset measured
  const assetCoverage = new Map<string, { colorSpace: 'cmyk' | 'gray' | 'rgb'; cov?: Coverage; converted: boolean }>();
  for (const [key, a] of Object.entries(doc.assets)) {
    const p = opts.photos?.[key];
    if (p) assetCoverage.set(key, { colorSpace: p.colorSpace, cov: p.coverage, converted: a.colorSpace === 'rgb' });
    else if (a.colorSpace === 'rgb') assetCoverage.set(key, { colorSpace: 'rgb', converted: false });
    else assetCoverage.set(key, { colorSpace: a.colorSpace, cov: await measureAsset(path.join(outDir, a.file), a.colorSpace, limit), converted: false });
  }

  const fontProblems = checkFonts(doc, root);
  const pages: PageReport[] = [];
  for (const page of doc.pages) {
    const pf: Finding[] = [];
    const add = (f: Omit<Finding, 'page' | 'pageNumber' | 'source' | 'block' | 'code'> & { block: Block }) => {
      const { block, ...rest } = f;
      pf.push({ code: `preflight.${f.check}`, page: page.label, pageNumber: page.number, block: block.id, source: block.source, ...rest });
    };
    const bleed = bleedBox(page, cond.bleedPt);
    const trimArea = page.trim.w * page.trim.h;
    let tacMax = 0;
    let overArea = 0;
    const images: ImageReport[] = [];
    const where = (b: Block) => `${page.label} ${b.source.id}（${b.id}）`;
    const whereEn = (b: Block) => `${page.label} ${b.source.id} (${b.id})`;

    const paintCheck = (block: Block, paint: Paint | undefined, what: string, whatEn: string, rect: Rect, area: number) => {
      if (paint && 'spot' in paint && !spots[paint.spot]) {
        add({ check: 'spot', severity: 'error', block, rect, message: `${where(block)}：${what}的专色 ${paint.spot} 未在文档的 spots 表中定义`, messageEn: `${whereEn(block)}: ${whatEn} uses spot colour ${paint.spot}, not defined in the document's spots table` });
        return;
      }
      const tac = paintTac(paint, spots) ?? 0;
      tacMax = Math.max(tacMax, tac);
      if (tac > limit + 1e-6) {
        overArea += area;
        add({ check: 'tac.fill', severity: 'error', block, rect, value: round1(tac), limit, message: `${where(block)}：${what}油墨总量 ${round1(tac)}%，超过上限 ${limit}%`, messageEn: `${whereEn(block)}: ${whatEn} total ink ${round1(tac)} % over the ${limit} % limit` });
      }
      if (isRichBlack(paint, spots) && !cond.richBlack.includes(block.source.id)) {
        add({ check: 'rich-black', severity: 'warning', block, rect, value: round1(tac), message: `${where(block)}：${what}使用四色黑（${fmtCmyk(paintCmyk(paint, spots)!)}），印刷条件未允许此来源使用`, messageEn: `${whereEn(block)}: ${whatEn} in rich black (${fmtCmyk(paintCmyk(paint, spots)!)}), not allowed for this source by the print condition` });
      }
    };

    const outside = (block: Block, rect: Rect, what: string, whatEn: string) => {
      if (rect.x < bleed.x - 0.01 || rect.y < bleed.y - 0.01 || rect.x + rect.w > bleed.x + bleed.w + 0.01 || rect.y + rect.h > bleed.y + bleed.h + 0.01) {
        const past = Math.max(bleed.x - rect.x, bleed.y - rect.y, rect.x + rect.w - bleed.x - bleed.w, rect.y + rect.h - bleed.y - bleed.h);
        add({ check: 'bleed', severity: 'error', block, rect, value: round1(past), message: `${where(block)}：${what}超出出血框 ${round1(past)} pt`, messageEn: `${whereEn(block)}: ${whatEn} reaches ${round1(past)} pt past the bleed box` });
      }
    };

    for (const block of page.blocks) {
      // what is printed, not the block's rect (a logical box: a line's measure may run past its ink)
      for (const g of block.graphics) {
        const gr = graphicRect(g);
        outside(block, gr, graphicName(g), g.kind);
        if (g.kind === 'rule') {
          if (g.width < cond.hairline) add({ check: 'hairline', severity: 'error', block, rect: gr, value: g.width, limit: cond.hairline, message: `${where(block)}：线宽 ${g.width} pt，细于 ${cond.hairline} pt`, messageEn: `${whereEn(block)}: rule ${g.width} pt, thinner than ${cond.hairline} pt` });
          paintCheck(block, g.stroke, '线', 'rule', gr, 0);
        } else if (g.kind === 'box') {
          if (g.stroke > 0 && g.stroke < cond.hairline) add({ check: 'hairline', severity: 'error', block, rect: gr, value: g.stroke, limit: cond.hairline, message: `${where(block)}：框线 ${g.stroke} pt，细于 ${cond.hairline} pt`, messageEn: `${whereEn(block)}: box stroke ${g.stroke} pt, thinner than ${cond.hairline} pt` });
          if (g.stroke > 0) paintCheck(block, g.strokePaint, '框线', 'box stroke', gr, 0);
          if (g.fill) paintCheck(block, g.fill, '底色', 'box fill', gr, clippedArea(gr, page.trim));
        } else if (g.kind === 'form') {
          formChecks(doc, g, outDir, cond, (f) => add({ ...f, block, rect: gr, asset: g.asset }), where(block), whereEn(block));
        } else if (g.kind === 'image') {
          const a = doc.assets[g.asset];
          const printed = assetCoverage.get(g.asset);
          const ppi = g.ppi ?? a?.ppi ?? 0;
          const rep: ImageReport = { block: block.id, source: block.source.id, asset: g.asset, colorSpace: printed?.colorSpace ?? 'rgb', ppi: round1(ppi) };
          images.push(rep);
          if (!a) {
            add({ check: 'rgb', severity: 'error', block, rect: gr, asset: g.asset, message: `${where(block)}：图片 ${g.asset} 不在文档的 assets 中`, messageEn: `${whereEn(block)}: image ${g.asset} is not among the document's assets` });
            continue;
          }
          if (ppi < cond.ppi.min) add({ check: 'ppi', severity: 'error', block, rect: gr, asset: g.asset, value: round1(ppi), limit: cond.ppi.min, message: `${where(block)}：图片 ${a.source} 有效分辨率 ${round1(ppi)} ppi，低于下限 ${cond.ppi.min} ppi`, messageEn: `${whereEn(block)}: image ${a.source} at ${round1(ppi)} ppi effective, under the minimum ${cond.ppi.min} ppi` });
          else if (ppi < cond.ppi.warn) add({ check: 'ppi', severity: 'warning', block, rect: gr, asset: g.asset, value: round1(ppi), limit: cond.ppi.warn, message: `${where(block)}：图片 ${a.source} 有效分辨率 ${round1(ppi)} ppi，低于 ${cond.ppi.warn} ppi`, messageEn: `${whereEn(block)}: image ${a.source} at ${round1(ppi)} ppi effective, under ${cond.ppi.warn} ppi` });
          if (printed?.colorSpace === 'rgb') {
            add({ check: 'rgb', severity: x1a ? 'error' : 'warning', block, rect: gr, asset: g.asset, message: `${where(block)}：图片 ${a.source} 是 RGB，PDF/${cond.pdfx.version} 只允许 CMYK、灰度和专色`, messageEn: `${whereEn(block)}: image ${a.source} is RGB; PDF/${cond.pdfx.version} ${x1a ? 'allows only CMYK, grey and spot colour' : 'prints it through the output intent: convert it'}` });
          } else if (printed?.converted) {
            add({ check: 'rgb.converted', severity: 'info', block, rect: gr, asset: g.asset, message: `${where(block)}：图片 ${a.source} 由 RGB 经特性文件转换为 CMYK`, messageEn: `${whereEn(block)}: image ${a.source} converted from RGB to CMYK through the profile` });
          }
          const cov = printed?.cov;
          if (cov) {
            rep.tac = { max: cov.max, p99: cov.p99, p999: cov.p999, mean: cov.mean, overLimit: round6(cov.overLimit) };
            tacMax = Math.max(tacMax, cov.max);
            overArea += cov.overLimit * clippedArea(gr, page.trim);
            if (cov.max > limit + TAC_TOLERANCE) {
              const bad = cov.p999 > limit + TAC_TOLERANCE;
              add({ check: 'tac.image', severity: bad ? 'error' : 'warning', block, rect: gr, asset: g.asset, value: cov.max, limit, message: `${where(block)}：图片 ${a.source} 油墨总量最高 ${cov.max}%（99.9% 分位 ${cov.p999}%），上限 ${limit}%`, messageEn: `${whereEn(block)}: image ${a.source} total ink up to ${cov.max} % (99.9th percentile ${cov.p999} %), limit ${limit} %` });
            }
          }
        }
      }
      for (const font of new Set(block.lines.flatMap((l) => l.runs.map((r) => r.font)))) {
        const bad = doc.fonts[font] ? fontProblems.get(font) : { reason: '不在文档的 fonts 中', reasonEn: 'is not among the document fonts' };
        if (bad) add({ check: 'font', severity: 'error', block, message: `${where(block)}：字体 ${font} ${bad.reason}`, messageEn: `${whereEn(block)}: font ${font} ${bad.reasonEn}` });
      }
      for (const line of block.lines) {
        for (const run of line.runs) {
          const rr = runRect(line, run);
          outside(block, rr, '文字', 'text');
          paintCheck(block, run.fill, '文字', 'text', rr, 0);
          const inks = paintCmyk(run.fill, spots);
          if (inks && run.size < 10 && inks.filter((v) => v > 0.001).length > 1) {
            add({ check: 'text.colour-small', severity: 'warning', block, rect: rr, value: run.size, limit: 10, message: `${where(block)}：${run.size} pt 文字用了多色（${fmtCmyk(inks)}），小于 10 pt 的文字应为单色`, messageEn: `${whereEn(block)}: ${run.size} pt text in several inks (${fmtCmyk(inks)}); text under 10 pt should be one ink` });
          }
          if (isWhite(run.fill)) {
            const under = backgroundOf(page, rr, doc);
            if (!under || (under.kind === 'fill' && isWhite(under.paint))) {
              add({ check: 'white.invisible', severity: 'error', block, rect: rr, message: `${where(block)}：白色文字“${clip(run.text)}”落在${under ? '白色底' : '白纸'}上，印出来看不见`, messageEn: `${whereEn(block)}: white text "${clip(run.text)}" on ${under ? 'a white fill' : 'bare paper'}: it would not print` });
            } else if (run.size < 10) {
              add({ check: 'white.small', severity: 'warning', block, rect: rr, value: run.size, limit: 10, message: `${where(block)}：反白文字 ${run.size} pt，小于 10 pt`, messageEn: `${whereEn(block)}: reversed (white) text at ${run.size} pt, under 10 pt` });
            }
          } else if (isPureBlack(run.fill) && run.size < cond.overprint.blackTextBelow) {
            const under = backgroundOf(page, rr, doc);
            const bg = under && under.kind === 'fill' ? paintCmyk(under.paint, spots) : undefined;
            if (bg && (bg[0] + bg[1] + bg[2] + 1) * 100 > limit + 1e-6) {
              const tac = round1((bg[0] + bg[1] + bg[2] + 1) * 100);
              tacMax = Math.max(tacMax, tac);
              add({ check: 'tac.overprint', severity: 'error', block, rect: rr, value: tac, limit, message: `${where(block)}：黑字叠印在 ${fmtCmyk(bg)} 底色上，油墨总量 ${tac}%，超过 ${limit}%`, messageEn: `${whereEn(block)}: black text overprints a ${fmtCmyk(bg)} fill: ${tac} % total ink, over ${limit} %` });
            }
          }
        }
      }
    }
    const count = (s: Severity) => pf.filter((f) => f.severity === s).length;
    const ppis = images.map((i) => i.ppi);
    pages.push({
      label: page.label, number: page.number, errors: count('error'), warnings: count('warning'), info: count('info'),
      tacMax: round1(tacMax), overLimit: round6(trimArea > 0 ? Math.min(1, overArea / trimArea) : 0),
      ...(ppis.length ? { minPpi: Math.min(...ppis) } : {}), images,
    });
    findings.push(...pf);
  }
  const total = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return {
    version: 1,
    title: doc.title,
    condition: {
      name: cond.name, source: cond.source, profile: cond.profile.file, profileDescription: cond.icc.description, tacLimit: limit, pdfx: cond.pdfx.version,
      ppi: cond.ppi, hairline: cond.hairline, bleedMm: cond.bleed, overprintBelow: cond.overprint.blackTextBelow,
    },
    ok: total('error') === 0,
    summary: { pages: pages.length, errors: total('error'), warnings: total('warning'), info: total('info'), tacMax: Math.max(0, ...pages.map((p) => p.tacMax)) },
    pages,
    findings,
  };
}

type FormCheck = Pick<Finding, 'check' | 'severity' | 'message' | 'messageEn' | 'value' | 'limit'>;

/** The checks inside a placed PDF page, each finding naming the file and page. */
function formChecks(doc: Document, g: Extract<Graphic, { kind: 'form' }>, outDir: string, cond: PrintCondition, add: (f: FormCheck) => void, where: string, whereEn: string): void {
  const form = doc.forms?.[g.asset];
  if (!form) return;
  const file = path.join(outDir, form.file);
  if (!existsSync(file)) return;
  const x1a = cond.pdfx.version === 'X-1a:2001';
  const at = `${form.source} 第 ${form.page} 页`, atEn = `${form.source} page ${form.page}`;
  let found: FormFinding[];
  try {
    found = inspectPlacedPdf(readFileSync(file), form.page, g.w / (form.box[2] - form.box[0]));
  } catch (err) {
    add({ check: 'font', severity: 'error', message: `${where}：无法检查置入的 PDF ${at}（${(err as Error).message}）`, messageEn: `${whereEn}: the placed PDF ${atEn} cannot be checked (${(err as Error).message})` });
    return;
  }
  for (const f of found) {
    if (f.kind === 'rgb') add({ check: 'rgb', severity: x1a ? 'error' : 'warning', message: `${where}：置入的 PDF ${at} 含 RGB（${f.what}），PDF/${cond.pdfx.version} 只允许 CMYK、灰度和专色`, messageEn: `${whereEn}: placed PDF ${atEn} has RGB (${f.what}); PDF/${cond.pdfx.version} ${x1a ? 'allows only CMYK, grey and spot colour' : 'prints it through the output intent: convert it'}` });
    else if (f.kind === 'font') add({ check: 'font', severity: 'error', message: `${where}：置入的 PDF ${at} 的字体 ${f.font} 未嵌入`, messageEn: `${whereEn}: placed PDF ${atEn} uses font ${f.font} without embedding it` });
    else if (f.ppi < cond.ppi.min) add({ check: 'ppi', severity: 'error', value: f.ppi, limit: cond.ppi.min, message: `${where}：置入的 PDF ${at} 中的图片 ${f.image} 有效分辨率 ${f.ppi} ppi，低于下限 ${cond.ppi.min} ppi`, messageEn: `${whereEn}: placed PDF ${atEn}: image ${f.image} at ${f.ppi} ppi effective, under the minimum ${cond.ppi.min} ppi` });
    else if (f.ppi < cond.ppi.warn) add({ check: 'ppi', severity: 'warning', value: f.ppi, limit: cond.ppi.warn, message: `${where}：置入的 PDF ${at} 中的图片 ${f.image} 有效分辨率 ${f.ppi} ppi，低于 ${cond.ppi.warn} ppi`, messageEn: `${whereEn}: placed PDF ${atEn}: image ${f.image} at ${f.ppi} ppi effective, under ${cond.ppi.warn} ppi` });
  }
}

/** One line a page and a total, as the CLI prints them. */
export function formatPreflightSummary(r: PreflightReport): string {
  const lines = r.pages.map((p) => {
    const ppi = p.minPpi !== undefined ? `  ppi ≥ ${p.minPpi}` : '';
    return `${p.label.padEnd(5)} TAC max ${String(p.tacMax).padStart(5)} %  ${(p.overLimit * 100).toFixed(2)} % over ${r.condition.tacLimit} %${ppi}  ${p.errors} error(s), ${p.warnings} warning(s)`;
  });
  lines.push(`preflight (${r.condition.pdfx}, ${r.condition.name}): ${r.summary.errors} error(s), ${r.summary.warnings} warning(s), ${r.summary.info} info; TAC max ${r.summary.tacMax} %`);
  return lines.join('\n');
}

/** `out/preflight.json`: the report, written through a temporary file. */
export async function writePreflight(r: PreflightReport, outDir: string): Promise<string> {
  const { writeFile, rename, mkdir } = await import('node:fs/promises');
  await mkdir(outDir, { recursive: true });
  const dest = path.join(outDir, 'preflight.json');
  await writeFile(`${dest}.tmp`, JSON.stringify(r, null, 2) + '\n');
  await rename(`${dest}.tmp`, dest);
  return dest;
}

/** The bleed box: the trim box grown by `bleed` pt on every side (media box coordinates, y down). */
export function bleedBox(page: Page, bleed: number): Rect {
  return { x: page.trim.x - bleed, y: page.trim.y - bleed, w: page.trim.w + 2 * bleed, h: page.trim.h + 2 * bleed };
}

async function measureAsset(file: string, cs: 'gray' | 'cmyk', limit: number): Promise<Coverage | undefined> {
  if (!existsSync(file)) return undefined;
  const { decodePressJpeg } = await import('./cmykPhotos.js');
  const sharp = (await import('sharp')).default;
  const meta = await sharp(file).metadata();
  if (cs === 'cmyk' && meta.space === 'cmyk') return coverage(await decodePressJpeg(readFileSync(file)), 4, limit);
  if (cs === 'gray') return coverage(await sharp(file).toColourspace('b-w').raw().toBuffer(), 1, limit);
  return undefined;
}

/** Fonts whose file is missing or may not be embedded (OS/2 fsType bits 0–3 = 2: restricted licence). */
function checkFonts(doc: Document, root: string): Map<string, { reason: string; reasonEn: string }> {
  const bad = new Map<string, { reason: string; reasonEn: string }>();
  for (const [key, f] of Object.entries(doc.fonts)) {
    const file = path.resolve(root, f.file);
    if (!existsSync(file)) {
      bad.set(key, { reason: `的文件 ${f.file} 不存在，无法嵌入`, reasonEn: `file ${f.file} is missing: it cannot be embedded` });
      continue;
    }
    const fsType = readFsType(file);
    if (fsType !== undefined && (fsType & 0x000f) === 0x0002) bad.set(key, { reason: `（${f.postscriptName}）的授权禁止嵌入（OS/2 fsType = ${fsType}）`, reasonEn: `(${f.postscriptName}) may not be embedded (OS/2 fsType ${fsType}, restricted licence)` });
  }
  return bad;
}

/** OS/2 fsType of an sfnt (TrueType/OpenType) file, or undefined; reads the table directory only. */
export function readFsType(file: string): number | undefined {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(12);
    if (readSync(fd, head, 0, 12, 0) < 12) return undefined;
    const n = head.readUInt16BE(4);
    const dir = Buffer.alloc(16 * n);
    if (readSync(fd, dir, 0, dir.length, 12) < dir.length) return undefined;
    for (let i = 0; i < n; i++) {
      if (dir.toString('latin1', 16 * i, 16 * i + 4) !== 'OS/2') continue;
      const os2 = Buffer.alloc(10);
      return readSync(fd, os2, 0, 10, dir.readUInt32BE(16 * i + 8)) === 10 ? os2.readUInt16BE(8) : undefined;
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** What lies under a rect's centre, drawn before text: the topmost filled box or image of the page. */
function backgroundOf(page: Page, r: Rect, doc: Document): { kind: 'fill'; paint: Paint } | { kind: 'image' } | undefined {
  const cx = r.x + r.w / 2, cy = r.y + r.h / 2;
  let found: { kind: 'fill'; paint: Paint } | { kind: 'image' } | undefined;
  for (const b of page.blocks) {
    for (const g of b.graphics) {
      const gr = graphicRect(g);
      if (cx < gr.x || cx > gr.x + gr.w || cy < gr.y || cy > gr.y + gr.h) continue;
      if (g.kind === 'box' && g.fill) found = { kind: 'fill', paint: g.fill };
      else if (g.kind === 'image' && doc.assets[g.asset]) found = { kind: 'image' };
    }
  }
  return found;
}

function graphicRect(g: Graphic): Rect {
  if (g.kind === 'rule') {
    const h = g.width / 2;
    const x = Math.min(g.x1, g.x2), y = Math.min(g.y1, g.y2);
    const horizontal = Math.abs(g.y2 - g.y1) <= Math.abs(g.x2 - g.x1);
    return horizontal ? { x, y: y - h, w: Math.abs(g.x2 - g.x1), h: Math.abs(g.y2 - g.y1) + g.width } : { x: x - h, y, w: Math.abs(g.x2 - g.x1) + g.width, h: Math.abs(g.y2 - g.y1) };
  }
  if (g.kind === 'box') {
    const h = g.stroke / 2;
    return { x: g.x - h, y: g.y - h, w: g.w + g.stroke, h: g.h + g.stroke };
  }
  return { x: g.x, y: g.y, w: g.w, h: g.h };
}

function graphicName(g: Graphic): string {
  return g.kind === 'rule' ? '线' : g.kind === 'box' ? '框' : '图片';
}

/** A run's box: from its first glyph's origin to its last glyph's advance, ascent to descent. */
function runRect(line: { baseline: number; x: number; ascent: number; descent: number }, run: Run): Rect {
  const n = run.xs.length;
  const x0 = line.x + (n ? run.xs[0] : 0);
  const x1 = line.x + (n ? run.xs[n - 1] + run.advs[n - 1] : 0);
  return { x: x0, y: line.baseline - line.ascent, w: Math.max(0, x1 - x0), h: line.ascent + line.descent };
}

function clippedArea(r: Rect, clipTo: Rect): number {
  const w = Math.min(r.x + r.w, clipTo.x + clipTo.w) - Math.max(r.x, clipTo.x);
  const h = Math.min(r.y + r.h, clipTo.y + clipTo.h) - Math.max(r.y, clipTo.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const fmtCmyk = (c: Cmyk) => `C${Math.round(c[0] * 100)} M${Math.round(c[1] * 100)} Y${Math.round(c[2] * 100)} K${Math.round(c[3] * 100)}`;
const clip = (s: string) => (s.length > 12 ? `${s.slice(0, 12)}…` : s);
