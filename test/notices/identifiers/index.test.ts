import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IDENTIFIER_KINDS,
  isIdentifierKind,
  validateIdentifier,
  type IdentifierKind,
  type ValidationResult,
} from '../../../src/notices/identifiers/index.js';
import { FC, TODAY, VALID } from './arbitraries.js';

const opts = { today: TODAY };

/** The invariants every result keeps, whatever the input. */
function expectWellFormed(r: ValidationResult, kind: IdentifierKind, raw: string): void {
  expect(r.kind).toBe(kind);
  expect(r.input).toBe(raw);
  expect(typeof r.normalized).toBe('string');
  expect(r.ok).toBe(r.errors.length === 0);
  for (const m of [...r.errors, ...r.warnings, ...r.info]) {
    expect(m.code).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+$/);
    expect(m.message.length).toBeGreaterThan(0);
    expect(m.messageEn.length).toBeGreaterThan(0);
  }
  expect(() => JSON.stringify(r)).not.toThrow();
}

describe('validateIdentifier', () => {
  it('lists 21 kinds, the eight of the issue first', () => {
    expect(IDENTIFIER_KINDS.slice(0, 8)).toEqual(['id', 'disability', 'uscc', 'orgcode', 'gs15', 'hmt', 'pr', 'name']);
    expect(IDENTIFIER_KINDS).toHaveLength(21);
    expect(isIdentifierKind('uscc')).toBe(true);
    expect(isIdentifierKind('toString')).toBe(false);
  });

  it.each(IDENTIFIER_KINDS)('generated valid %s numbers pass', (kind) => {
    fc.assert(
      fc.property(VALID[kind], (value) => {
        const r = validateIdentifier(kind, value, opts);
        expect(r.errors).toEqual([]);
        expect(r.ok).toBe(true);
        expect(r.parsed).not.toBeNull();
      }),
      FC,
    );
  });

  it('an unknown kind or a non-string from an untyped caller is an error, not an exception', () => {
    const unknownKind = validateIdentifier('nope' as IdentifierKind, '123');
    expect(unknownKind.ok).toBe(false);
    expect(unknownKind.errors[0].code).toBe('kind.unknown');
    const notString = validateIdentifier('id', 320102198506120317 as unknown as string);
    expect(notString.ok).toBe(false);
    expect(notString.errors[0].code).toBe('input.not-string');
    expect(validateIdentifier('name', undefined as unknown as string).ok).toBe(false);
  });
});

// Any UTF-16 unit, lone surrogates included: what a browser form or a pasted PDF can deliver.
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: anyUnit, maxLength: 40 }));

// Characters no kind accepts: emoji, control characters, lone surrogates, other scripts.
const POISON = ['😀', '👨‍👩‍👧', '\u0000', '\u0007', '\t', '\n', '\u007f', '\u200b', '\ud800', '\udfff', 'Ж', 'Х', 'ا', 'あ', 'ß'];

/** A valid value with one poison character inserted: must be an error, never "cleaned up" into a pass. */
const poisoned = (kind: IdentifierKind) =>
  fc.tuple(VALID[kind], fc.constantFrom(...POISON), fc.nat()).map(([v, p, at]) => {
    const cps = [...v];
    const i = at % (cps.length + 1);
    return [...cps.slice(0, i), p, ...cps.slice(i)].join('');
  });

const BAD_INPUTS: [string, string][] = [
  ['empty', ''],
  ['spaces only', '   　 '],
  ['10 kB of text', '声明作废，遗失身份证号码 abc 123 '.repeat(400).slice(0, 10_240)],
  ['10 kB of digits', '1'.repeat(10_240)],
  ['10 kB of Han', '张'.repeat(10_240)],
  ['emoji', '😀😀😀'],
  ['control characters', '\u0000\u0001\u001b[31m'],
  ['null bytes', '\u0000'.repeat(18)],
  ['a valid ID with a null byte after it', '320102198506120317\u0000'],
  ['a valid name with a null byte inside', '张\u0000明'],
  ['mixed scripts', 'Аб3中xاあ'],
  ['lone high surrogate', '\ud83d'],
  ['lone low surrogate in digits', '32010219850612\ude000317'],
  ['zero-width space in an ID', '3201021985\u200b06120317'],
];

describe.each(IDENTIFIER_KINDS)('bad input as %s', (kind) => {
  it.each(BAD_INPUTS)('%s gets errors', (_label, raw) => {
    const r = validateIdentifier(kind, raw, opts);
    expectWellFormed(r, kind, raw);
    expect(r.errors.length).toBeGreaterThan(0);
  });

  it('a valid value with an emoji, control character, lone surrogate or foreign letter inserted gets errors', () => {
    fc.assert(
      fc.property(poisoned(kind), (raw) => {
        const r = validateIdentifier(kind, raw, opts);
        expectWellFormed(r, kind, raw);
        expect(r.errors.length).toBeGreaterThan(0);
      }),
      FC,
    );
  });

  it('never throws on arbitrary strings and keeps ok === (no errors)', () => {
    fc.assert(
      fc.property(anyString, (raw) => {
        expectWellFormed(validateIdentifier(kind, raw, opts), kind, raw);
      }),
      FC,
    );
  });
});
