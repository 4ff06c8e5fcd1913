import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { displayWidth, loadSongGlyphCheck, runBatchStream, runValidate } from '../../src/cli/validate.js';
import { registerValidate } from '../../src/cli/validateCommand.js';

const today = new Date('2026-06-01T00:00:00+08:00');
const lines = (s: string) => s.split('\n').filter((l) => l !== '');

describe('zuban validate <kind> <value>', () => {
  it('prints a Chinese report and exits 0 for a valid number', () => {
    const out = runValidate({ kind: 'id', value: '320102198506120317' }, { today });
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain('✓ 有效  居民身份证号码  320102198506120317');
    expect(out.stdout).toContain('出生日期：1985-06-12');
    expect(out.stdout).toContain('性别：男');
    expect(out.stderr).toBe('');
  });

  it('lists errors, warnings and info in Chinese and exits 1 for an invalid number', () => {
    const out = runValidate({ kind: 'id', value: '11010319781103002y' }, { today });
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toMatch(/^✗ 无效/);
    expect(out.stdout).toContain('错误：');
    const warned = runValidate({ kind: 'id', value: '11010319781103002x' }, { today });
    expect(warned.exitCode).toBe(0);
    expect(warned.stdout).toContain('规范化为：11010319781103002X');
    expect(warned.stdout).toContain('警告：\n  ⚠ 小写字母 x 已改为大写 X，请核对 [normalize.lowercase-x]');
    expect(warned.stdout).toContain('提示：\n  ℹ 地址码110103为原崇文区，至2009年');
  });

  it('shows the fields of nested parts in Chinese: a disability number\'s ID, a permit\'s region once', () => {
    const disability = runValidate({ kind: 'disability', value: '11010319781103002X23' }, { today }).stdout;
    expect(disability).toContain('出生日期：1978-11-03');
    expect(disability).toContain('残疾类别：听力残疾');
    const permit = runValidate({ kind: 'hmt', value: '830000197001011139' }, { today }).stdout;
    expect(permit.match(/地区：/g)).toHaveLength(1);
    expect(permit).toContain('地区：台湾');
    expect(runValidate({ kind: 'property-cert', value: '苏（2020）南京市不动产权第0012345号' }, { today }).stdout).toContain('格式：不动产权证书');
  });

  it('--json prints one object with the documented keys in order', () => {
    const out = runValidate({ kind: 'uscc', value: '91320102MA1G2K3LXY', json: true }, { today });
    expect(out.exitCode).toBe(1);
    expect(lines(out.stdout)).toHaveLength(1);
    const obj = JSON.parse(out.stdout);
    expect(Object.keys(obj)).toEqual(['ok', 'kind', 'input', 'normalized', 'errors', 'warnings', 'info', 'parsed']);
    expect(obj.errors).toEqual([{ code: 'uscc.check', message: '校验码应为W，实为Y', messageEn: 'check character should be W, not Y' }]);
    expect(obj.parsed.department).toBe('工商/市场监管');
  });

  it.each([
    ['unknown kind', { kind: 'ssn', value: '123' }, '未知的证件种类“ssn”'],
    ['missing value', { kind: 'id' }, '缺少号码'],
    ['nothing at all', {}, '缺少证件种类和号码'],
    ['--batch with a kind', { kind: 'id', value: '1', batch: true }, '只能选一种'],
    ['--file with --batch', { file: 'x.yaml', batch: true }, '只能选一种'],
  ])('exits 2 on a usage error: %s', (_label, args, text) => {
    const out = runValidate(args, { today });
    expect(out.exitCode).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(text);
    expect(out.stderr).toContain('种类: id, disability, uscc, orgcode, gs15, hmt, pr, name, birth-cert');
  });
});

describe('zuban validate --batch', () => {
  it('prints one --json object per non-blank input line, in order, with exactly the --json keys', () => {
    const stdin = 'id\t320102198506120317\r\n\nuscc\t91320102MA1G2K3LXW\nname\t王𬉼\n';
    const out = runValidate({ batch: true }, { stdin, today });
    expect(out.exitCode).toBe(0);
    const objects = lines(out.stdout).map((l) => JSON.parse(l));
    expect(objects.map((o) => [o.kind, o.ok, o.input])).toEqual([
      ['id', true, '320102198506120317'],
      ['uscc', true, '91320102MA1G2K3LXW'],
      ['name', true, '王𬉼'],
    ]);
    for (const o of objects) expect(Object.keys(o)).toEqual(['ok', 'kind', 'input', 'normalized', 'errors', 'warnings', 'info', 'parsed']);
    expect(objects[2].warnings[0]).toEqual({
      code: 'name.outside-bmp',
      message: '“𬉼”（U+2C27C）在基本多文种平面之外，请确认字库和下游系统能显示',
      messageEn: '“𬉼” (U+2C27C) outside the BMP; check that the font and downstream systems support it',
    });
    // each line's object is the same as --json prints for that value alone
    const single = runValidate({ kind: 'uscc', value: '91320102MA1G2K3LXW', json: true }, { today });
    expect(lines(out.stdout)[1]).toBe(single.stdout.trimEnd());
  });

  it('exits 1 when any line is invalid, reporting bad lines in the same shape', () => {
    const out = runValidate({ batch: true }, { stdin: 'id\t320102198506120318\nssn\t1\nno tab here\ngs15\t320102000123459\n', today });
    expect(out.exitCode).toBe(1);
    const objects = lines(out.stdout).map((l) => JSON.parse(l));
    expect(objects.map((o) => [o.ok, o.errors[0]?.code ?? null])).toEqual([
      [false, 'id.check'],
      [false, 'batch.unknown-kind'],
      [false, 'batch.no-tab'],
      [true, null],
    ]);
  });

  it('ignores a byte-order mark at the start of the input', () => {
    const out = runValidate({ batch: true }, { stdin: '\uFEFFid\t320102198506120317\r\n', today });
    expect(out.exitCode).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ ok: true, kind: 'id' });
  });

  it('prints nothing and exits 0 on empty input', () => {
    expect(runValidate({ batch: true }, { stdin: '' })).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });
});

describe('zuban validate --batch streams (issue 14 item 10)', () => {
  const collect = () => {
    const out = new PassThrough();
    const got: string[] = [];
    out.on('data', (d: Buffer) => got.push(d.toString('utf8')));
    return { out, got };
  };

  it('answers exactly as the string version, line for line, BOM and CRLF included', async () => {
    const stdin = '\uFEFFid\t320102198506120317\r\n\nuscc\t91320102MA1G2K3LXY\nno tab here\nname\t张明';
    const { out, got } = collect();
    const code = await runBatchStream(Readable.from([stdin]), out, { today });
    expect(got.join('')).toBe(runValidate({ batch: true }, { stdin, today }).stdout);
    expect(code).toBe(1);
  });

  it('a line that is not UTF-8 (GBK bytes) is answered as such', async () => {
    const { out, got } = collect();
    const gbk = Buffer.concat([Buffer.from('name\t'), Buffer.from([0xd5, 0xc5, 0xc3, 0xf7]), Buffer.from('\nid\t320102198506120317\n')]);
    expect(await runBatchStream(Readable.from([gbk]), out, { today })).toBe(1);
    const [first, second] = got.join('').trim().split('\n').map((l) => JSON.parse(l));
    expect(first.errors[0]).toMatchObject({ code: 'batch.not-utf8', messageEn: expect.stringContaining('not UTF-8') });
    expect(second.ok).toBe(true);
  });

  it('writes answers while the input is still open (never holds it all)', async () => {
    const input = new PassThrough();
    const { out, got } = collect();
    const done = runBatchStream(input, out, { today });
    const line = 'id\t320102198506120317\n';
    input.write(line.repeat(1000)); // ~300 KB of answers: several chunks
    // the input stays open: answers must come before it ends (waited for, so a loaded machine is no failure)
    for (let t = 0; t < 200 && got.length === 0; t++) await new Promise((r) => setTimeout(r, 25));
    const early = got.join('').split('\n').length - 1;
    expect(early).toBeGreaterThan(0);
    input.end(line);
    expect(await done).toBe(0);
    expect(got.join('').split('\n').length - 1).toBe(1001);
  });
});

describe('input hygiene (issue 14 item 10)', () => {
  it('a character NFKC folds into digits is an error, never silent: ㉜0106199003195069 is not an ID', () => {
    const out = runValidate({ kind: 'id', value: '㉜0106199003195069', json: true }, { today });
    expect(out.exitCode).toBe(1);
    expect(JSON.parse(out.stdout).errors[0]).toMatchObject({ code: 'input.folded-character', messageEn: expect.stringContaining('“㉜” (U+325C) → “32”') });
    for (const v of ['32010219850612031⁷', '3201021985061203₁7', '①20102198506120317'.slice(0, 18)]) {
      expect(runValidate({ kind: 'id', value: v }, { today }).exitCode, v).toBe(1);
    }
    // full-width digits are folded on purpose (spec §0)
    expect(runValidate({ kind: 'id', value: '３２０１０２１９８５０６１２０３１７' }, { today }).exitCode).toBe(0);
  });

  it('--file names a GBK file as not UTF-8', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zuban-validate-'));
    const file = join(dir, 'gbk.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from('holder: '), Buffer.from([0xd5, 0xc5, 0xc3, 0xf7]), Buffer.from('\n')]));
    const out = runValidate({ file }, { today });
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toContain('not UTF-8 (looks like GBK)');
    expect(out.stderr).toContain(file);
  });
});

describe('zuban validate --file', () => {
  const yaml = [
    '- type: 遗失',
    '  holder: 张明',
    '  idNumber: "320102198506120318"',
    '- org:',
    '    name: 南京某某科技有限公司',
    '    uscc: 91320102MA1G2K3LXW',
  ].join('\n');

  it('prints a table of every identifier field and exits 1 when one is invalid', () => {
    const out = runValidate({ file: 'notices.yaml' }, { readFile: () => yaml, today });
    expect(out.exitCode).toBe(1);
    const rows = lines(out.stdout);
    expect(rows[0]).toMatch(/^位置\s+行\s+种类\s+号码\s+结果\s+说明$/);
    expect(rows[1]).toMatch(/^\[0\]\.holder\s+2\s+name\s+张明\s+✓ 有效$/);
    expect(rows[2]).toMatch(/^\[0\]\.idNumber\s+3\s+id\s+320102198506120318\s+✗ 无效\s+校验码应为7，实为8$/);
    expect(rows[3]).toMatch(/^\[1\]\.org\.uscc\s+6\s+uscc\s+91320102MA1G2K3LXW\s+✓ 有效$/);
    expect(rows[4]).toBe('notices.yaml：共3个号码，无效1个，需核对0个');
    // columns line up in terminal cells, a Chinese character counting two
    const statusColumn = rows.slice(0, 4).map((r) => displayWidth(r.slice(0, r.search(/结果|✓|✗/))));
    expect(new Set(statusColumn).size).toBe(1);
  });

  it('--json prints one object per field with path and line', () => {
    const out = runValidate({ file: 'notices.yaml', json: true }, { readFile: () => yaml, today });
    const objects = lines(out.stdout).map((l) => JSON.parse(l));
    expect(objects.map((o) => [o.path, o.line, o.ok])).toEqual([
      ['[0].holder', 2, true],
      ['[0].idNumber', 3, false],
      ['[1].org.uscc', 6, true],
    ]);
  });

  it('names file and line of malformed YAML and exits 1', () => {
    const out = runValidate({ file: 'bad.yaml' }, { readFile: () => 'notice:\n  holder: 张明\n  id: [1,\n uscc: : x\n' });
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^zuban validate: bad\.yaml:\d+:\d+: YAML格式错误/);
  });

  it('names an unreadable file and exits 1', () => {
    const out = runValidate(
      { file: 'missing.yaml' },
      {
        readFile: () => {
          throw new Error('ENOENT: no such file or directory');
        },
      },
    );
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toContain('无法读取文件 missing.yaml');
  });

  it('says so when a file has no identifier fields', () => {
    const out = runValidate({ file: 'empty.yaml' }, { readFile: () => 'title: 声明\n' });
    expect(out).toEqual({ stdout: 'empty.yaml：未找到证件号码字段\n', stderr: '', exitCode: 0 });
  });
});

describe('glyph check for names', () => {
  it('opens the font lazily: only when a name is validated, and once per run', () => {
    const loader = vi.fn(() => (cp: number) => cp !== 0x5f20); // no glyph for 张
    runValidate({ kind: 'id', value: '320102198506120317' }, { loadHasGlyph: loader });
    expect(loader).not.toHaveBeenCalled();
    const out = runValidate({ batch: true }, { stdin: 'name\t张明\nname\t张三\n', loadHasGlyph: loader });
    expect(loader).toHaveBeenCalledTimes(1);
    const objects = lines(out.stdout).map((l) => JSON.parse(l));
    expect(objects.map((o) => o.warnings.map((w: { code: string }) => w.code))).toEqual([['name.no-glyph'], ['name.no-glyph']]);
  });

  it('still validates a name when the font cannot be opened, and says so', () => {
    const out = runValidate(
      { kind: 'name', value: '张明' },
      {
        loadHasGlyph: () => {
          throw new Error('font missing');
        },
      },
    );
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toContain('无法加载宋体字库');
  });

  it('reads the 宋 font of fonts/fonts.json with fontkit', () => {
    const hasGlyph = loadSongGlyphCheck();
    expect(hasGlyph(0x5f20)).toBe(true); // 张
    expect(hasGlyph(0x00b7)).toBe(true); // ·
    expect(hasGlyph(0xe000)).toBe(false); // Private Use
  });
});

describe('zuban validate through commander', () => {
  // As src/cli/main.ts sets it up: commander errors are thrown (main maps them to exit 2).
  const program = () => {
    const p = new Command('zuban').exitOverride();
    p.configureOutput({ writeErr: () => {}, writeOut: () => {} });
    registerValidate(p);
    p.commands.forEach((c) => c.exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} }));
    return p;
  };
  const run = async (...args: string[]) => {
    const written: string[] = [];
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const before = process.exitCode;
    try {
      await program().parseAsync(['node', 'zuban', 'validate', ...args]);
      return { stdout: written.join(''), exitCode: process.exitCode };
    } finally {
      process.exitCode = before;
      out.mockRestore();
      err.mockRestore();
    }
  };

  it('prints the --json object and sets the exit code from the value', async () => {
    const ok = await run('id', '320102198506120317', '--json');
    expect(ok.exitCode).toBe(0);
    expect(Object.keys(JSON.parse(ok.stdout))).toEqual(['ok', 'kind', 'input', 'normalized', 'errors', 'warnings', 'info', 'parsed']);
    expect((await run('gs15', '320102000123458', '--json')).exitCode).toBe(1);
    expect((await run('id')).exitCode).toBe(2);
  });

  it('throws a commander error (exit 2 in main) on an unknown option or an extra argument', async () => {
    await expect(run('id', '320102198506120317', '--frob')).rejects.toMatchObject({ code: 'commander.unknownOption' });
    await expect(run('id', '320102198506120317', 'extra')).rejects.toMatchObject({ code: 'commander.excessArguments' });
  });
});

describe('registerValidate', () => {
  it('adds the validate command with --json, --batch and --file', () => {
    const program = new Command('zuban');
    registerValidate(program);
    const command = program.commands.find((c) => c.name() === 'validate');
    expect(command?.options.map((o) => o.long)).toEqual(['--json', '--batch', '--file']);
    expect(command?.registeredArguments.map((a) => a.name())).toEqual(['kind', 'value']);
  });
});
