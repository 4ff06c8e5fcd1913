/**
 * `zuban validate` — checks identifiers at the classifieds desk's intake (issue 4).
 *   zuban validate <kind> <value> [--json]   one value; exit 0 ok, 1 invalid, 2 usage error
 *   zuban validate --batch                   `kind<TAB>value` lines on stdin → one --json object per non-blank line
 *   zuban validate --file <notices.yaml>     every identifier field of a notices file, as a table
 * All the work is in runValidate (pure, tested); validateCommand.ts wires it to the process.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { SfntMetrics } from '../fonts/sfntMetrics.js';
import { projectRoot } from '../projectRoot.js';
import { decodeNoticeText } from '../notices/decodeNoticeText.js';
import { findIdentifierFields, type IdentifierField } from '../notices/identifiers/findIdentifierFields.js';
import {
  IDENTIFIER_KINDS,
  IDENTIFIER_KIND_LABELS,
  isIdentifierKind,
  validateIdentifier,
  validationJson,
  type IdentifierKind,
  type ValidateOptions,
  type ValidationMessage,
  type ValidationResult,
} from '../notices/identifiers/index.js';

/** The command line as parsed by commander. */
export interface ValidateArgs {
  /** Identifier kind, one of IDENTIFIER_KINDS. */
  kind?: string;
  /** The value to check. */
  value?: string;
  /** Print JSON instead of the Chinese report. */
  json?: boolean;
  /** Read `kind<TAB>value` lines from stdin. */
  batch?: boolean;
  /** A notices YAML file to check. */
  file?: string;
}

/** What runValidate may touch outside itself; everything is injected so tests need no process. */
export interface ValidateIo {
  /** Standard input, for --batch. */
  stdin?: string;
  /** Reads a file as UTF-8, for --file; throws like fs.readFileSync. */
  readFile?: (file: string) => string;
  /** Builds the page font's glyph test; called at most once per run, and only when a name is checked. */
  loadHasGlyph?: () => (codePoint: number) => boolean;
  /** The day to judge dates against (tests); default today in China. */
  today?: Date;
}

/** What the command prints and how it exits. */
export interface ValidateOutput {
  /** Text for standard output. */
  stdout: string;
  /** Text for standard error. */
  stderr: string;
  /** 0 ok, 1 a value has errors (or the file is unreadable/malformed), 2 usage error. */
  exitCode: 0 | 1 | 2;
}

const KIND_LIST = IDENTIFIER_KINDS.join(', ');

/** Runs `zuban validate` on parsed arguments. Never throws for bad values or files. */
export function runValidate(args: ValidateArgs, io: ValidateIo = {}): ValidateOutput {
  const modes = [args.batch, args.file !== undefined, args.kind !== undefined].filter(Boolean).length;
  if (modes === 0) return usage('缺少证件种类和号码 (missing kind and value)');
  if (modes > 1) return usage('--batch、--file 与“种类 号码”只能选一种 (use one of --batch, --file, or <kind> <value>)');
  const options = optionsFor(io);
  if (args.batch) return runBatch(io.stdin ?? '', options);
  if (args.file !== undefined) return runFile(args.file, Boolean(args.json), io, options);
  if (args.kind === undefined || !isIdentifierKind(args.kind)) return usage(`未知的证件种类“${args.kind}” (unknown kind)`);
  if (args.value === undefined) return usage(`缺少号码 (missing value for ${args.kind})`);
  const result = validateIdentifier(args.kind, args.value, options.for(args.kind));
  const stdout = args.json ? JSON.stringify(validationJson(result)) + '\n' : formatReport(result);
  return { stdout, stderr: options.notes(), exitCode: result.ok ? 0 : 1 };
}

function usage(reason: string): ValidateOutput {
  return {
    stdout: '',
    stderr: `zuban validate: ${reason}\n用法: zuban validate <种类> <号码> [--json] | --batch | --file <notices.yaml>\n种类: ${KIND_LIST}\n`,
    exitCode: 2,
  };
}

/** Validate options per kind; the font is opened lazily, once, for the first name only. */
function optionsFor(io: ValidateIo) {
  let hasGlyph: ((cp: number) => boolean) | undefined;
  let tried = false;
  let note = '';
  return {
    for(kind: IdentifierKind): ValidateOptions {
      if (kind === 'name' && !tried && io.loadHasGlyph) {
        tried = true;
        try {
          hasGlyph = io.loadHasGlyph();
        } catch (err) {
          note = `zuban validate: 无法加载宋体字库，未检查字形 (could not load the song font: ${(err as Error).message})\n`;
        }
      }
      return { today: io.today, hasGlyph: kind === 'name' ? hasGlyph : undefined };
    },
    notes: () => note,
  };
}


/**
 * One `--json` object per non-blank input line, in input order and in exactly the `--json` shape
 * (no extra keys), so a consumer reads every line the same way; `input` echoes the value.
 */
function runBatch(stdin: string, options: ReturnType<typeof optionsFor>): ValidateOutput {
  let out = '';
  let anyInvalid = false;
  // A file saved by a Windows editor may start with a byte-order mark; it is not part of the kind.
  for (const rawLine of stdin.replace(/^\uFEFF/, '').split('\n')) {
    const r = batchLine(rawLine, options);
    if (!r) continue;
    anyInvalid ||= !r.ok;
    out += r.json;
  }
  return { stdout: out, stderr: options.notes(), exitCode: anyInvalid ? 1 : 0 };
}

/** One batch line's answer (its `--json` object and a newline), or null for a blank line. */
function batchLine(rawLine: string, options: ReturnType<typeof optionsFor>): { ok: boolean; json: string } | null {
  const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
  if (line.trim() === '') return null;
  const tab = line.indexOf('\t');
  const kind = tab < 0 ? '' : line.slice(0, tab).trim();
  const value = tab < 0 ? line : line.slice(tab + 1);
  let result = isIdentifierKind(kind) ? validateIdentifier(kind, value, options.for(kind)) : badBatchLine(kind, value, tab < 0);
  // bytes that are not UTF-8 arrive as U+FFFD: say so, not just "bad character"
  if (line.includes('\uFFFD')) {
    const e: ValidationMessage = { code: 'batch.not-utf8', message: '该行不是UTF-8编码（GBK？）：请以UTF-8输入', messageEn: 'the line is not UTF-8 (GBK?): give the input as UTF-8' };
    result = { ...result, ok: false, errors: [e, ...result.errors] };
  }
  return { ok: result.ok, json: JSON.stringify(validationJson(result)) + '\n' };
}

/**
 * `zuban validate --batch` on streams: reads `kind<TAB>value` lines one at a time
 * (readline) and writes each answer as it goes, in chunks, waiting for the output to
 * drain — so memory stays constant however many lines come (issue 14 item 10; the
 * string version held all input and all output: 2.1 GiB for a million lines).
 * Resolves to the exit code: 1 if any line was invalid.
 */
export async function runBatchStream(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, io: Pick<ValidateIo, 'loadHasGlyph' | 'today'> = {}, errors?: NodeJS.WritableStream): Promise<0 | 1> {
  const options = optionsFor(io);
  const rl = createInterface({ input, crlfDelay: Infinity });
  let anyInvalid = false;
  let chunk = '';
  let first = true;
  const flush = async () => {
    if (chunk === '') return;
    const ok = output.write(chunk);
    chunk = '';
    if (!ok) await once(output, 'drain');
  };
  for await (const raw of rl) {
    const r = batchLine(first ? raw.replace(/^\uFEFF/, '') : raw, options);
    first = false;
    if (!r) continue;
    anyInvalid ||= !r.ok;
    chunk += r.json;
    if (chunk.length >= 65536) await flush();
  }
  await flush();
  const notes = options.notes();
  if (notes && errors) errors.write(notes);
  return anyInvalid ? 1 : 0;
}

/** A batch line without a known kind: reported in the same shape, never thrown. */
function badBatchLine(kind: string, value: string, noTab: boolean): ValidationResult {
  const error: ValidationMessage = noTab
    ? { code: 'batch.no-tab', message: '该行缺少制表符，应为“种类<TAB>号码”', messageEn: 'the line has no tab; expected kind<TAB>value' }
    : { code: 'batch.unknown-kind', message: `未知的证件种类“${kind}”`, messageEn: `unknown kind “${kind}”; kinds: ${KIND_LIST}` };
  return { ok: false, kind: kind as IdentifierKind, input: value, normalized: value, errors: [error], warnings: [], info: [], parsed: null };
}

function runFile(file: string, json: boolean, io: ValidateIo, options: ReturnType<typeof optionsFor>): ValidateOutput {
  let text: string;
  try {
    text = (io.readFile ?? readUtf8)(file);
  } catch (err) {
    return { stdout: '', stderr: `zuban validate: 无法读取文件 ${file} (cannot read ${file}): ${(err as Error).message}\n`, exitCode: 1 };
  }
  const found = findIdentifierFields(text);
  if (!found.ok) {
    const { line, column, message } = found.error;
    return { stdout: '', stderr: `zuban validate: ${file}:${line}:${column}: YAML格式错误 (malformed YAML): ${message}\n`, exitCode: 1 };
  }
  const rows = found.fields.map((f) => ({ field: f, result: validateIdentifier(f.kind, f.value, options.for(f.kind)) }));
  const exitCode = rows.some((r) => !r.result.ok) ? 1 : 0;
  if (json) {
    const stdout = rows.map(({ field, result }) => JSON.stringify(validationJson(result, { path: field.path, line: field.line })) + '\n').join('');
    return { stdout, stderr: options.notes(), exitCode };
  }
  return { stdout: formatTable(file, rows), stderr: options.notes(), exitCode };
}

/** Reads a file that must be UTF-8; throws naming a GBK file as such (a lenient read would garble it silently). */
function readUtf8(file: string): string {
  const decoded = decodeNoticeText(readFileSync(file), file);
  if (!decoded.ok) throw new Error(`${decoded.reason.message} (${decoded.reason.messageEn})`);
  return decoded.text;
}

// ——— Human output (Chinese) ———

const FIELD_LABELS: Record<string, string> = {
  region: '地区',
  regionName: '地区',
  province: '省份',
  country: '国籍',
  birthDate: '出生日期',
  sex: '性别',
  sequence: '顺序码',
  id18: '18位号码',
  category: '残疾类别',
  grade: '残疾等级',
  department: '登记管理部门',
  type: '机构类别',
  orgCode: '组织机构代码',
  description: '种类',
  form: '格式',
  format: '版本',
  year: '年份',
  place: '市县',
  serial: '编号',
  hanCount: '汉字数',
  characters: '字级（通用规范汉字表）',
  accountType: '账户类型',
};
const VALUE_LABELS: Record<string, string> = {
  male: '男',
  female: '女',
  certificate: '不动产权证书',
  proof: '不动产证明',
  current: '现行（8位终身号码）',
  new: '新版（2023年12月起）',
  old: '旧版',
  uscc: '统一社会信用代码',
  gs15: '15位注册号',
};
/** Parsed sub-objects whose fields are shown as the value's own: a disability number's ID, a licence's USCC or GS15. */
const NESTED_FIELDS = new Set(['id', 'uscc', 'gs15']);

function statusOf(r: ValidationResult): string {
  if (!r.ok) return '✗ 无效';
  if (r.warnings.length > 0) return '⚠ 有效，但有警告需核对';
  return r.info.length > 0 ? '✓ 有效（有提示）' : '✓ 有效';
}

/** The Chinese report for one value: status, normalised form, parsed fields, findings. */
export function formatReport(r: ValidationResult): string {
  const lines = [`${statusOf(r)}  ${IDENTIFIER_KIND_LABELS[r.kind] ?? r.kind}  ${r.input}`];
  if (r.normalized !== r.input) lines.push(`  规范化为：${r.normalized}`);
  addParsedLines((r.parsed ?? {}) as Record<string, unknown>, lines);
  const section = (title: string, mark: string, list: ValidationMessage[]) => {
    if (list.length === 0) return;
    lines.push(`${title}：`);
    for (const m of list) lines.push(`  ${mark} ${m.message} [${m.code}]`);
  };
  section('错误', '✗', r.errors);
  section('警告', '⚠', r.warnings);
  section('提示', 'ℹ', r.info);
  return lines.join('\n') + '\n';
}

function addParsedLines(parsed: Record<string, unknown>, lines: string[]): void {
  for (const [key, value] of Object.entries(parsed)) {
    if (NESTED_FIELDS.has(key) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      addParsedLines(value as Record<string, unknown>, lines);
      continue;
    }
    // a residence permit's HK/MO/TW code says no more than its Chinese name beside it
    if (key === 'region' && typeof value === 'string' && typeof parsed.regionName === 'string') continue;
    const shown = showValue(value);
    if (FIELD_LABELS[key] && shown) lines.push(`  ${FIELD_LABELS[key]}：${shown}`);
  }
}

function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value)) {
    // a name's characters: 张(一级) 𬉼(二级) 𰻞(表外)
    const levels = ['表外', '一级', '二级', '三级'];
    return value
      .filter((c: { char: string }) => c.char !== '·')
      .map((c: { char: string; level: number | null }) => `${c.char}(${levels[c.level ?? 0]})`)
      .join(' ');
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.code === 'string' && typeof o.name === 'string') return `${o.code} ${o.name}${o.lastYear ? `（至${o.lastYear}年）` : ''}`;
    if (typeof o.name === 'string') return o.name;
    if (typeof o.display === 'string') return o.display;
    return '';
  }
  return VALUE_LABELS[String(value)] ?? String(value);
}

function formatTable(file: string, rows: { field: IdentifierField; result: ValidationResult }[]): string {
  if (rows.length === 0) return `${file}：未找到证件号码字段\n`;
  const header = ['位置', '行', '种类', '号码', '结果', '说明'];
  const body = rows.map(({ field, result }) => {
    const notes = [...result.errors, ...result.warnings, ...result.info].map((m) => m.message);
    if (field.unquotedNumber) notes.push('YAML中未加引号的数字，请加引号');
    const status = result.ok ? (result.warnings.length > 0 ? '⚠ 需核对' : '✓ 有效') : '✗ 无效';
    return [field.path, String(field.line), field.kind, field.value, status, notes.join('；')];
  });
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...body.map((row) => displayWidth(row[i]))));
  const render = (row: string[]) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i] - displayWidth(cell))))
      .join('  ')
      .trimEnd();
  const invalid = rows.filter((r) => !r.result.ok).length;
  const toConfirm = rows.filter((r) => r.result.ok && r.result.warnings.length > 0).length;
  const summary = `${file}：共${rows.length}个号码，无效${invalid}个，需核对${toConfirm}个`;
  return [render(header), ...body.map(render), summary].join('\n') + '\n';
}

/** Terminal columns of a string: East Asian wide and full-width characters take two. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1f300 && cp <= 0x1faff) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

// ——— Process glue ———

/** Opens the 宋 (song) role's font from fonts/fonts.json and returns its glyph test (its cmap, read by SfntMetrics). */
export function loadSongGlyphCheck(): (codePoint: number) => boolean {
  const root = projectRoot;
  const config = JSON.parse(readFileSync(path.join(root, 'fonts', 'fonts.json'), 'utf8')) as { roles?: { song?: { file?: string } } };
  const file = config.roles?.song?.file;
  if (!file) throw new Error('fonts/fonts.json has no "song" role');
  const font = SfntMetrics.open(path.resolve(root, file));
  if (!font) throw new Error(`${file} is not a font zuban can read`);
  return (codePoint) => font.gid(codePoint) !== 0;
}
