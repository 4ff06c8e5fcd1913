/**
 * Problems (errors the user must fix) and diagnostics (warnings) found in content/, and the
 * translation of zod issues into plain words. Every message names the file, the field as a
 * dotted path (`place.cols`, `photos[0].file`) and the reason.
 */
import type { z } from 'zod';
import { UserError, type Diagnostic } from '../diagnostic.js';

/** Something wrong in a content file that stops the build. */
export interface Problem {
  /** The file, as the user should see it (relative to the working directory). */
  file: string;
  /** Dotted path of the field, e.g. `place.cols`; empty for the file as a whole. */
  field: string;
  /** What is wrong, in plain words. */
  reason: string;
}

/** A warning about content: the build goes on (the one Diagnostic shape of every stage). */
export type { Diagnostic };

/** A problem as a Diagnostic (severity error). */
export function problemDiagnostic(p: Problem): Diagnostic {
  return { code: 'content', severity: 'error', file: p.file, ...(p.field ? { field: p.field } : {}), message: p.reason };
}

/** `file: field: reason`, or `file: reason` for the file as a whole. */
export function formatProblem(p: Problem): string {
  return p.field ? `${p.file}: ${p.field}: ${p.reason}` : `${p.file}: ${p.reason}`;
}

/** All problems found in content/, as one UserError listing them one per line. */
export class ContentError extends UserError {
  constructor(readonly problems: readonly Problem[]) {
    super(
      problems.length === 1
        ? formatProblem(problems[0])
        : `${problems.length} problems in content:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
      1,
      problems.map(problemDiagnostic),
    );
    this.name = 'ContentError';
  }
}

/** A zod path as a dotted field name: `['photos', 0, 'file']` → `photos[0].file`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Parse `raw` with `schema`; on failure return the problems in plain words. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  file: string,
): { ok: true; value: z.infer<S> } | { ok: false; problems: Problem[] } {
  const result = schema.safeParse(raw, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: result.error.issues.flatMap((issue) => issueProblems(file, issue, [])) };
}

type Issue = z.core.$ZodIssue;

function issueProblems(file: string, issue: Issue, prefix: readonly PropertyKey[]): Problem[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ file, field: fieldPath([...path, key]), reason: 'unknown field' }));
  }
  if (issue.code === 'invalid_union') {
    const branch = bestUnionBranch(issue.errors);
    if (branch) return branch.flatMap((inner) => issueProblems(file, inner, path));
    const expected = issue.errors.flatMap((b) => b.map((i) => (i.code === 'invalid_type' ? typeNoun(i.expected) : [])));
    return [{ file, field: fieldPath(path), reason: `expected ${[...new Set(expected)].join(' or ')}, got ${describeValue(issue.input)}` }];
  }
  return [{ file, field: fieldPath(path), reason: issueReason(issue) }];
}

/**
 * The union branch whose shape the value had: the first one whose issues are not a type
 * mismatch at the union's own level (so `place: { col: 'x' }` reports on `place.col`, not
 * “expected text or a mapping”).
 */
function bestUnionBranch(branches: Issue[][]): Issue[] | undefined {
  return branches.find((issues) => !issues.some((i) => i.code === 'invalid_type' && i.path.length === 0));
}

function issueReason(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is missing';
      const hint = issue.expected === 'string' && typeof issue.input !== 'object' ? ' (put it in quotes)' : '';
      return `expected ${typeNoun(issue.expected)}, got ${describeValue(issue.input)}${hint}`;
    }
    case 'too_small':
      return boundReason(issue.origin, 'at least', issue.minimum, issue.inclusive, issue.input);
    case 'too_big':
      return boundReason(issue.origin, 'at most', issue.maximum, issue.inclusive, issue.input);
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => String(v)).join(', ')}, not ${describeValue(issue.input)}`;
    default:
      // invalid_format and custom issues carry the messages written in the schemas.
      return issue.input !== undefined && issue.code === 'invalid_format'
        ? `${describeValue(issue.input)} ${issue.message}`
        : issue.message;
  }
}

function boundReason(origin: string, word: string, bound: number | bigint, inclusive: boolean | undefined, input: unknown): string {
  const n = Number(bound);
  if (origin === 'string') return n === 1 && word === 'at least' ? 'must not be empty' : `must have ${word} ${n} characters`;
  if (origin === 'array') return n === 1 && word === 'at least' ? 'must not be empty' : `must have ${word} ${n} items`;
  const strict = inclusive === false ? (word === 'at least' ? 'more than' : 'less than') : word;
  return `must be ${strict} ${n}, not ${describeValue(input)}`;
}

function typeNoun(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'a mapping (key: value)';
    case 'array':
    case 'tuple':
      return 'a list';
    default:
      return expected;
  }
}

/** A value as the user wrote it, in words: `the number 12`, `the text “A1”`. */
export function describeValue(v: unknown): string {
  if (v === null) return 'nothing (null)';
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return `“${v.length > 40 ? `${v.slice(0, 40)}…` : v}”`;
  if (typeof v === 'number') return Number.isInteger(v) ? `the whole number ${v}` : `the number ${v}`;
  if (typeof v === 'boolean') return `${v}`;
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return typeof v;
}
