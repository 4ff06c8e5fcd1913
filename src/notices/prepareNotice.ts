/**
 * The notice pipeline up to the text to set, top-down:
 *   readNotice (YAML → typed notice) → checkNotice (identifiers, consent, privacy,
 *   deadlines, wording) → wordNotice (title, paragraphs, sign-off, date).
 * The layout sets `text`; the quote is then `quoteNotice(checked.notice,
 * setLinesOf(pageItems, checked.id, …), rateCard)`.
 */
import path from 'node:path';
import { checkLogo, type PlacedLogo } from './logo.js';
import { checkNotice, type CheckContext, type CheckedNotice } from './checkNotice.js';
import { channelAllowed } from './privacy.js';
import { readNotice, type LoadedNotice } from './readNotice.js';
import type { Reason } from './reasons.js';
import { wordNotice, type NoticeText } from './wording.js';

/** A notice ready to set, or the reasons it may not run. */
export type Prepared =
  | {
      ok: true;
      checked: CheckedNotice;
      /** Text for the printed page. */
      text: NoticeText;
      /** Text for the e-paper and archive (its own masking); null when consent does not cover them. */
      archiveText: NoticeText | null;
    }
  | {
      ok: false;
      file: string;
      refused: Reason[];
      /** The run dates, when the file could be read that far (a refusal matters to the editions it was booked for). */
      runDates?: string[];
    };

/**
 * Read, check and word one notice file. Never throws: an unexpected failure in any step
 * refuses this notice, naming the file and the cause, and the others go on.
 */
export function prepareNotice(yamlText: string, file: string, ctx: CheckContext): Prepared {
  return refusedOnThrow(file, () => {
    const read = readNotice(yamlText, file);
    return read.ok ? prepareRead(read, file, ctx) : read;
  });
}

/** Run one notice's preparation; whatever it throws refuses that notice, naming the file. */
export function refusedOnThrow(file: string, prepare: () => Prepared): Prepared {
  try {
    return prepare();
  } catch (err) {
    const cause = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      file,
      refused: [{ file, field: '', code: 'notice.failed', message: `无法处理此声明：${cause}`, messageEn: `this notice could not be processed: ${cause}` }],
    };
  }
}

/** Check, size the logo and word a notice that has been read (from a file or as data). */
export function prepareRead(read: LoadedNotice, file: string, ctx: CheckContext): Prepared {
  const runDates = read.notice.run.dates;
  const check = checkNotice(read, ctx);
  if (!check.ok) return { ok: false, file, refused: check.refused, runDates };
  const { checked } = check;
  let logo: PlacedLogo | undefined;
  if (checked.notice.logo) {
    // the logo is billed only if it prints: check it like a photo, or refuse the notice
    const measure = (ctx.rateCard?.line.charsPerLine ?? 13) * ctx.config.style.size;
    const resolved = path.resolve(path.dirname(file), checked.notice.logo);
    const read = ctx.readFile ?? (() => {
      throw new Error('no file reader in this context');
    });
    const l = checkLogo(checked.notice.logo, resolved, read, measure, ctx.config.style, file);
    if (!l.ok) return { ok: false, file, refused: l.reasons, runDates };
    logo = l.logo;
  }
  const print = wordNotice(checked.notice, { paper: checked.paper, channel: 'print', file, logo });
  if (!print.ok) return { ok: false, file, refused: print.refused, runDates };
  const archive = channelAllowed(checked.notice, 'archive')
    ? wordNotice(checked.notice, { paper: checked.paper, channel: 'archive', file, logo })
    : null;
  return { ok: true, checked, text: print.text, archiveText: archive && archive.ok ? archive.text : null };
}
