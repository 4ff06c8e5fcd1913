import type { FontBook } from '../../fonts/fontBook.js';
import type { LoadedAd } from '../../content/loadEdition.js';
import type { FrameItem } from '../items.js';
import { placeLine } from '../placeLine.js';
import { setOneLine, type LayoutDiagnostic, type PhotoInfo, type PhotoJob } from './composeArticle.js';
import type { PageGrid } from './pageGrid.js';

/** A PDF page the build copies to the output folder and the document lists in `forms`. */
export interface FormJob {
  asset: string;
  /** Absolute path of the file, and the path as edition.yaml gives it. */
  path: string;
  file: string;
  box: [number, number, number, number];
}

/** The size an ad is booked at, pt: the rect's width, and its lines but the last (the 广告 label's). */
export function bookedSize(ad: Pick<LoadedAd, 'place'>, grid: PageGrid): { w: number; h: number } {
  return { w: grid.span(ad.place.cols), h: (ad.place.lines - 1) * grid.linePitch };
}

const mm = (pt: number) => ((pt / 72) * 25.4).toFixed(1);

/**
 * An advertisement in its grid rect: a PDF as a form (vectors, fonts and all), an image
 * as a placed picture, and the 广告 label (广告法 art. 14) flush right on the rect's last
 * line. A file of another size than the booking is an error naming the ad.
 */
export function adBlock(ad: LoadedAd, index: number, grid: PageGrid, fonts: FontBook, info: PhotoInfo | undefined, editionFile: string) {
  const { w, h } = bookedSize(ad, grid);
  const x = grid.colX(ad.place.col);
  const y = grid.rowTop(ad.place.line);
  const items: FrameItem[] = [];
  const diagnostics: LayoutDiagnostic[] = [];
  const field = `ads[${index}].file`;
  const asset = `ad-${ad.id}`;
  const source = { id: ad.id, component: 'ad' as const };
  let form: FormJob | undefined;
  let photoJob: PhotoJob | undefined;
  if (ad.pdf) {
    const [x0, y0, x1, y1] = ad.pdf.box;
    if (Math.abs(x1 - x0 - w) > 1 || Math.abs(y1 - y0 - h) > 1) {
      diagnostics.push({ level: 'error', file: editionFile, field, message: `ad “${ad.id}”: ${ad.file} is ${mm(x1 - x0)} × ${mm(y1 - y0)} mm, the booking (${ad.place.cols} columns × ${ad.place.lines} lines) is ${mm(w)} × ${mm(h)} mm` });
    }
    items.push({ kind: 'form', x, y, w, h, asset, source });
    form = { asset, path: ad.path, file: ad.file, box: ad.pdf.box };
  } else if (info) {
    if (Math.abs(info.width / info.height - w / h) > 0.01 * (w / h)) {
      diagnostics.push({ level: 'error', file: editionFile, field, message: `ad “${ad.id}”: ${ad.file} is ${info.width} × ${info.height} px, not in the booking's proportion ${mm(w)} × ${mm(h)} mm` });
    }
    const ppi = info.width / (w / 72);
    const target = grid.template.photos.ppi;
    const scale = Math.min(1, target / ppi);
    items.push({ kind: 'image', x, y, w, h, asset, ppi: Math.round(Math.min(ppi, target)), source });
    photoJob = {
      asset, src: ad.path, file: ad.file, ppi: Math.round(Math.min(ppi, target)), article: editionFile, field,
      crop: { left: 0, top: 0, width: info.width, height: info.height }, width: Math.max(1, Math.round(info.width * scale)), height: Math.max(1, Math.round(info.height * scale)), grey: grid.template.photos.grey,
    };
  }
  const size = grid.size(grid.template.furniture.footer.size);
  const label = setOneLine('广告', grid.template.fonts.furniture, size, w, 'right', grid, fonts, ad.id);
  const l = placeLine(label, x, grid.baseline(ad.place.line + ad.place.lines - 1), size, source);
  l.block = `${ad.id}/ad-label`;
  items.push(l);
  return { items, diagnostics, form, photoJob };
}
