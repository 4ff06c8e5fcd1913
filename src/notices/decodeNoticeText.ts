/**
 * Bytes of a notice file to text (issue 14 item 10). A notice file must be UTF-8; a file
 * saved by Notepad in its Chinese default (GBK/GB 18030) decodes as nonsense, and the
 * checks would then blame a field ("certificate 取值不对"). Decoding is strict, and a file
 * that is not UTF-8 is refused as such, saying when it looks like GBK.
 */
import type { Reason } from './reasons.js';

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: Reason };

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decode a notice file's bytes as UTF-8 (a byte-order mark is dropped), or say why not. */
export function decodeNoticeText(bytes: Uint8Array, file: string): DecodeResult {
  try {
    return { ok: true, text: UTF8.decode(bytes) };
  } catch {
    const gbk = looksLikeGbk(bytes);
    return {
      ok: false,
      reason: {
        file,
        field: '',
        line: lineOfFirstBadByte(bytes),
        code: gbk ? 'encoding.gbk' : 'encoding.not-utf8',
        message: gbk
          ? '文件不是UTF-8编码（看来是GBK，记事本的默认编码）：请另存为UTF-8'
          : '文件不是UTF-8编码：请另存为UTF-8',
        messageEn: gbk ? 'not UTF-8 (looks like GBK): save the file as UTF-8' : 'not UTF-8: save the file as UTF-8',
      },
    };
  }
}

/** True when the bytes decode as GBK without error and hold at least one Han character. */
function looksLikeGbk(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('gbk', { fatal: true }).decode(bytes);
    return /\p{Script=Han}/u.test(text);
  } catch {
    return false;
  }
}

/** 1-based line of the first byte sequence that is not UTF-8. */
function lineOfFirstBadByte(bytes: Uint8Array): number {
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return line;
    for (let k = 1; k < len; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return line;
    i += len;
  }
  return line;
}
