/**
 * PDF/A-2u for a PDF that zuban writes (render/pdf's PdfFile on its object writer): the
 * extension `pdfA2u(meta)` gives the file
 *  - PDF 1.7, Info from `meta`, and XMP that agrees with it (PDF/A 6.6.2.3: every Info
 *    entry has its XMP equivalent): pdfaid 2/U, Dublin Core with dc:date, dc:language,
 *    dc:publisher, dc:identifier (CN), and the edition in PRISM Basic Metadata 2.0
 *    (xmp.ts), declared in an extension schema as PDF/A requires (6.6.2.3.2);
 *  - an sRGB output intent (GTS_PDFA1): the ICC's own `sRGB2014` profile, sRGB
 *    IEC61966-2.1 (data/icc/sRGB_IEC61966_2_1.icc; the profile's terms, ICC 2015, allow
 *    copying and embedding without restriction);
 *  - /PageLabels in the catalog (the 版次 as each page's label), /Lang, DisplayDocTitle;
 *  - no encryption (the writer has none).
 * What stays the drawer's job (archive/pdf.ts): every font embedded with ToUnicode; a
 * font's W widths equal to its program's hmtx advances (6.2.11.5) — no narrowed CIDs that
 * keep the full advance in the font; no glyph 0 (.notdef) drawn; colours in DeviceGray or
 * DeviceRGB only (the intent is RGB: CMYK and Separation paints and CMYK images converted;
 * a placed PDF's CMYK through a DefaultCMYK colour space); no transparency groups without
 * a blending space.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../projectRoot.js';
import { metadataStream, type PdfExtension } from '../render/pdf/pdfObjects.js';
import { pdfInfoOf, xmpPacket, type PdfAMeta } from './xmp.js';

export type { PdfAMeta } from './xmp.js';
export { xmpPacket } from './xmp.js';

let srgb: Buffer | undefined;
/** The sRGB IEC61966-2.1 profile of the output intent. */
export function srgbProfile(): Buffer {
  srgb ??= fs.readFileSync(path.join(projectRoot, 'data/icc/sRGB_IEC61966_2_1.icc'));
  return srgb;
}

/** The PDF/A-2u extension of a file of these pages (PdfInfo.extend). */
export function pdfA2u(meta: PdfAMeta): PdfExtension {
  const info = pdfInfoOf(meta);
  return {
    pdfVersion: '1.7',
    // the trim box, in PDF coordinates (y up)
    page: ({ width, height, trim: t }) => ({ width, height, entries: { TrimBox: [t.x, height - t.y - t.h, t.x + t.w, height - t.y] } }),
    info: () => {
      // Info as the XMP says it (an entry left out rather than written empty)
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(info)) if (v !== undefined) out[k] = v instanceof Date ? v : new String(v);
      return out;
    },
    catalog: (o) => {
      const profile = o.ref({ N: 3 });
      profile.end(srgbProfile());
      const intent = o.ref({
        Type: 'OutputIntent', S: 'GTS_PDFA1', Info: new String('sRGB IEC61966-2.1'), OutputConditionIdentifier: new String('sRGB IEC61966-2.1'), DestOutputProfile: profile,
      });
      intent.end();
      return {
        // page i is labelled with its 版次
        PageLabels: { Nums: meta.pages.flatMap((p, i) => [i, { P: new String(p.label) }]) },
        Lang: new String(meta.lang ?? 'zh-CN'),
        ViewerPreferences: { DisplayDocTitle: true },
        Metadata: metadataStream(o, xmpPacket(meta, info)),
        OutputIntents: [intent],
      };
    },
  };
}
