/**
 * The library's identifier check answers in the shape of `zuban validate --json`: the same
 * object, key for key and in order, for valid, invalid and warned values of several kinds.
 */
import { expect, it } from 'vitest';
import { runValidate } from '../../src/cli/validate.js';
import { validateIdentifier, validationJson, type IdentifierKind } from '../../src/index.js';

const today = new Date('2026-12-04T12:00:00+08:00');

it.each([
  ['uscc', '91320102MA1G2K3LXY'],
  ['uscc', '91320102MA1G2K3LXW'],
  ['id', '320102198506120317'],
  ['id', '11010319781103002x'],
  ['id', '㉜0106199003195069'],
] as [IdentifierKind, string][])('--- api-json-shape --- %s %s: validationJson equals the --json line', (kind, value) => {
  const cli = runValidate({ kind, value, json: true }, { today });
  const lib = validationJson(validateIdentifier(kind, value, { today }));
  expect(JSON.stringify(lib) + '\n').toBe(cli.stdout);
});
