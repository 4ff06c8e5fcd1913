/**
 * File access for the notice desk: the configuration in templates/ and the notice files
 * in content/notices/. Everything else in src/notices/ is pure.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeCalendar, readYearSchedule } from './calendar.js';
import type { CheckContext } from './checkNotice.js';
import { readNoticesConfig } from './config.js';
import { decodeNoticeText } from './decodeNoticeText.js';
import { prepareNotice, type Prepared } from './prepareNotice.js';
import { readRateCard, type RateCard } from './rateCard.js';

/** Everything the checks and the quote need, read from `templatesDir`. */
export interface NoticeContext extends CheckContext {
  rateCard: RateCard;
}

/**
 * Read templates/notices.yaml, templates/ratecard.yaml and templates/calendar/*.yaml.
 * Throws (naming the file and field) on a bad file: the desk cannot run without them.
 * A file or the calendar folder that `templatesDir` lacks is taken from `fallbackDir`
 * (zuban's own templates, for an edition whose templates folder holds only its pages).
 */
export function loadNoticeContext(templatesDir = 'templates', fallbackDir?: string): NoticeContext {
  const dirOf = (name: string) => (fallbackDir !== undefined && !existsSync(join(templatesDir, name)) ? fallbackDir : templatesDir);
  const fileOf = (name: string) => join(dirOf(name), name);
  const calDir = fileOf('calendar');
  const schedules = existsSync(calDir)
    ? readdirSync(calDir)
        .filter((f) => /^\d{4}\.ya?ml$/.test(f))
        .sort()
        .map((f) => ({ ...readYearSchedule(readFileSync(join(calDir, f), 'utf8'), join(calDir, f)), file: join(calDir, f) }))
    : [];
  return {
    config: readNoticesConfig(readFileSync(fileOf('notices.yaml'), 'utf8'), fileOf('notices.yaml')),
    rateCard: readRateCard(readFileSync(fileOf('ratecard.yaml'), 'utf8'), fileOf('ratecard.yaml')),
    calendar: makeCalendar(schedules),
    readFile: (p) => readFileSync(p),
  };
}

/** Prepare every `*.yaml` notice in a folder, in file-name order (= order of acceptance). */
export function prepareNoticeDir(dir: string, ctx: CheckContext): Prepared[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => prepareNoticeFile(join(dir, f), ctx));
}

/**
 * Read and prepare one notice file. Whatever goes wrong — the file cannot be read, is not
 * UTF-8, or a check throws — is this notice's refusal, with the file and the reason; it
 * never ends the edition (issue 14 item 6).
 */
export function prepareNoticeFile(file: string, ctx: CheckContext): Prepared {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return { ok: false, file, refused: [{ file, field: '', code: 'file.unreadable', message: `无法读取声明文件（${code}）`, messageEn: `cannot read the notice file (${code})` }] };
  }
  const decoded = decodeNoticeText(bytes, file);
  if (!decoded.ok) return { ok: false, file, refused: [decoded.reason] };
  return prepareNotice(decoded.text, file, ctx);
}
