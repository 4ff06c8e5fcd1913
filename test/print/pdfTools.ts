/** Reading PDFs in the print tests: qpdf --json, content streams, text shows. */
import { execFileSync } from 'node:child_process';

export const run = (cmd: string, args: string[], encoding: BufferEncoding = 'utf8') => execFileSync(cmd, args, { encoding, maxBuffer: 256 << 20 });

export type Json = Record<string, any>;
export function qpdfJson(file: string): { objs: Json; trailer: Json; pages: Json[]; version: string; get: (ref: unknown) => any } {
  const j = JSON.parse(run('qpdf', ['--json', file]));
  const objs = j.qpdf[1];
  const get = (ref: unknown): any => (typeof ref === 'string' && / R$/.test(ref) ? objs[`obj:${ref}`]?.value ?? objs[`obj:${ref}`]?.stream : ref);
  return { objs, trailer: objs.trailer.value, pages: j.pages, version: j.qpdf[0].pdfversion, get };
}

/** The decoded content stream of a page (1-based). */
export function contents(file: string, pageNo: number): string {
  const q = qpdfJson(file);
  const dict = q.get(q.pages[pageNo - 1].object);
  const refs: string[] = Array.isArray(dict['/Contents']) ? dict['/Contents'] : [dict['/Contents']];
  return refs.map((r) => run('qpdf', [`--show-object=${r.replace(/ 0 R$/, '')}`, '--filtered-stream-data', file], 'latin1')).join('\n');
}

export interface TextShow { size: number; gs: string; fill: string }
/** Every text show of a content stream with the size, graphics state and fill colour in force. */
export function textShows(stream: string): TextShow[] {
  const out: TextShow[] = [];
  let gs = 'none', fill = 'default', size = 0, space = '';
  const ops: string[] = [];
  const stack: { gs: string; fill: string }[] = [];
  for (const tok of stream.split(/\s+/)) {
    if (tok === 'gs') gs = ops.pop()!;
    else if (tok === 'k') fill = ops.splice(-4).join(' ');
    else if (tok === 'cs') space = ops.pop()!;
    else if (tok === 'scn') fill = `${ops.pop()} ${space}`;
    else if (tok === 'Tf') size = Number(ops.splice(-2)[1]);
    else if (tok === 'TJ' || tok === 'Tj') out.push({ size, gs, fill });
    else if (tok === 'q') stack.push({ gs, fill });
    else if (tok === 'Q') ({ gs, fill } = stack.pop()!);
    else ops.push(tok);
    if (ops.length > 64) ops.splice(0, 32);
  }
  return out;
}

