import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/load/discover.js';
import { LIMITS } from '../../src/load/document.js';
import { decodeUtf8, sniffBytes, Utf8Reader } from '../../src/load/encoding.js';
import { resolveLimits } from '../../src/load/limits.js';
import { loadYaml, readYamlBytesSync } from '../../src/load/read-yaml.js';
import { sanitize, toNfc } from '../../src/load/sanitize.js';
import { parseYamlText } from '../../src/load/yaml-document.js';
import { lineStartsOf, readPlainYaml } from '../../src/load/yaml-plain.js';
import { InputError } from '../../src/model/errors.js';
import { findNonFinite } from '../../src/validate/non-finite.js';
import { testdir } from '../helpers/testdir.js';

const SOURCE = { file: 'x.yaml', path: '/x.yaml' };

/** What displayPath gave before its quick path: `relative`, with '/' separators, or the absolute path outside. */
function slowDisplayPath(absolute: string, cwd: string): string {
  const rel = relative(resolve(cwd), resolve(absolute));
  if (rel === '') return '.';
  if (rel.startsWith('..') || rel.startsWith(sep)) return resolve(absolute);
  return rel.split(sep).join('/');
}

describe('reading many small files quickly, with the same results', () => {
  it('shows paths as relative() does, for normal paths and for paths with ., .., doubled or trailing separators', () => {
    const segment = fc.constantFrom('a', 'b', 'data', '.', '..', '', '.hidden', 'x.yaml', 'a b');
    const path = fc.array(segment, { minLength: 0, maxLength: 5 }).map((parts) => `/${parts.join('/')}`);
    fc.assert(
      fc.property(path, path, (absolute, cwd) => {
        expect(displayPath(absolute, cwd)).toBe(slowDisplayPath(absolute, cwd));
      }),
      { numRuns: 2000, seed: 20261128 },
    );
    expect(displayPath('/work/repo/data/2025.yaml', '/work/repo')).toBe('data/2025.yaml');
    expect(displayPath('/work/repo/../repo/x.yaml', '/work/repo')).toBe('x.yaml');
    expect(displayPath('/x.yaml', '/')).toBe('x.yaml');
  });

  it('reads a file whole, names a folder as no file, and refuses a FIFO without waiting for a writer', () => {
    const cwd = testdir({ 'a.yaml': 'a: 1\n', 'folder/b.yaml': 'b: 2\n' });
    const limits = resolveLimits();
    const bytes = readYamlBytesSync(join(cwd, 'a.yaml'), 'a.yaml', limits);
    expect(bytes instanceof Uint8Array ? Buffer.from(bytes).toString('utf8') : bytes).toBe('a: 1\n');
    expect(() => readYamlBytesSync(join(cwd, 'folder'), 'folder', limits)).toThrow(InputError);
    expect(() => readYamlBytesSync(join(cwd, 'missing.yaml'), 'missing.yaml', limits)).toThrow(InputError);
    if (process.platform !== 'win32') {
      execFileSync('mkfifo', [join(cwd, 'pipe.yaml')]);
      expect(() => readYamlBytesSync(join(cwd, 'pipe.yaml'), 'pipe.yaml', limits)).toThrow(/not a regular file/);
    }
  });

  it('reads files larger than the first buffer and files of every size near a narrowed limit', async () => {
    const big = `a: ${'x'.repeat(200_000)}\n`;
    const cwd = testdir({ 'big.yaml': big, 'empty.yaml': '' });
    const read = readYamlBytesSync(join(cwd, 'big.yaml'), 'big.yaml', resolveLimits());
    expect(read instanceof Uint8Array ? read.length : read).toBe(big.length);
    for (let size = 1; size < 12; size++) {
      writeFileSync(join(cwd, 'edge.yaml'), `a: ${'x'.repeat(size)}\n`);
      const doc = await loadYaml(join(cwd, 'edge.yaml'), 'edge.yaml', resolveLimits({ maxYamlBytes: 10 }));
      expect(doc.diagnostics.map((d) => d.code), `size ${size}`).toEqual(size + 4 > 10 ? ['file-too-large'] : []);
    }
    expect((await loadYaml(join(cwd, 'empty.yaml'), 'empty.yaml', resolveLimits())).diagnostics.map((d) => d.code)).toEqual(['file-empty']);
  });

  it('decodes whole files as the chunked reader does, also after an invalid one', () => {
    const cases = [
      Buffer.from('a: 1\n'),
      Buffer.from('\ufeffa: Xã\n'),
      Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]),
      Buffer.from('b: 2\nc: đ\n'),
      Buffer.from([0x0a, 0x0a, 0xe1, 0xba]),
      Buffer.from('d: 3\n'),
    ];
    for (const bytes of cases) expect(decodeUtf8(bytes)).toEqual(new Utf8Reader().push(bytes, true));
  });

  it('finds NUL bytes, UTF-16 and binary data as before, past a byte-order mark', () => {
    expect(sniffBytes(Buffer.from('a: 1\n'))).toBeUndefined();
    expect(sniffBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toBeUndefined();
    expect(sniffBytes(Buffer.from('a\0:\0 \x001\0', 'latin1'))?.code).toBe('wrong-encoding');
    expect(sniffBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x00, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69]))?.code).toBe('binary-file');
  });

  it('sniffs generated heads as looking at every byte-order mark and counting every NUL did', () => {
    const marks = [[0xff, 0xfe, 0, 0], [0, 0, 0xfe, 0xff], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf], []];
    const names = ['UTF-32 LE', 'UTF-32 BE', 'UTF-16 LE', 'UTF-16 BE'];
    /** sniffBytes as it was written before its quick path: every mark tried, then every byte counted. */
    const reference = (head: Uint8Array): string | undefined => {
      const found = marks.slice(0, 4).findIndex((mark) => mark.every((byte, i) => head[i] === byte));
      if (found !== -1) return `wrong-encoding ${names[found]} mark`;
      const start = [0xef, 0xbb, 0xbf].every((byte, i) => head[i] === byte) ? 3 : 0;
      const end = Math.min(head.length, start + 8 * 1024);
      let even = 0;
      let odd = 0;
      for (let i = start; i < end; i++) if (head[i] === 0) (i - start) % 2 === 0 ? even++ : odd++;
      if (even + odd === 0) return undefined;
      const pairs = Math.floor((end - start) / 2);
      if (pairs > 0 && (even === 0 || odd === 0) && Math.max(even, odd) >= pairs / 4) return `wrong-encoding ${odd > 0 ? 'UTF-16 LE' : 'UTF-16 BE'} pattern`;
      return 'binary-file';
    };
    const summary = (head: Uint8Array): string | undefined => {
      const problem = sniffBytes(head);
      if (problem === undefined) return undefined;
      if (problem.code === 'binary-file') return 'binary-file';
      const name = names.find((n) => problem.message.includes(n))!;
      return `wrong-encoding ${name} ${problem.message.includes('it starts with a') ? 'mark' : 'pattern'}`;
    };
    const head = fc
      .tuple(fc.constantFrom(...marks), fc.array(fc.constantFrom(0, 0x61, 0xfe, 0xff, 0xbb, 0xef, 0x20), { maxLength: 40 }))
      .map(([mark, rest]) => Uint8Array.from([...mark, ...rest]));
    fc.assert(
      fc.property(head, (bytes) => {
        expect(summary(bytes)).toBe(reference(bytes));
        expect(summary(Buffer.from(bytes)), 'as a Buffer').toBe(reference(bytes));
      }),
      { numRuns: 3000, seed: 17 },
    );
    // A NUL past the bytes looked at is no finding, however the head is given.
    const long = Buffer.alloc(9000, 0x61);
    long[8500] = 0;
    expect([sniffBytes(long), sniffBytes(new Uint8Array(long)), reference(long)]).toEqual([undefined, undefined, undefined]);
    long[8000] = 0;
    expect([sniffBytes(long)?.code, sniffBytes(new Uint8Array(long))?.code, reference(long)]).toEqual(['binary-file', 'binary-file', 'binary-file']);
  });

  it('normalises only text that NFC can change, as String.prototype.normalize does', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'e', ' ', '\u0301', '\u0323', 'ê', 'ệ', 'Å', '\u212a', '\u1100', '\u1161', '~') }), (text) => {
        expect(toNfc(text)).toBe(text.normalize('NFC'));
        expect(sanitize({ [text]: [text] })).toEqual({ [text.normalize('NFC')]: [text.normalize('NFC')] });
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('checks a remembered key against the limits of each read, and gives up at spaces other than ASCII ones', () => {
    const text = 'indicator: x\n';
    expect(readPlainYaml(text, LIMITS)).toBeDefined();
    // The key is known by now; with a narrower limit the full parser must say it is too long.
    const narrow = { ...LIMITS, maxStringLength: 5 };
    expect(readPlainYaml(text, narrow)).toBeUndefined();
    expect(parseYamlText(text, SOURCE, narrow).diagnostics.map((d) => d.code)).toEqual(['string-too-long']);
    for (const odd of ['\u00a0a: 1\n', 'a:\u00a01\n', 'a: 1\n\u3000b: 2\n', 'a: x\u2003\n']) {
      expect(readPlainYaml(odd, LIMITS), JSON.stringify(odd)).toBeUndefined();
    }
  });

  it('reads a file of more lines than the kept line table, and a small one after it, with every item on its line', () => {
    const count = 70_000;
    const big = `a:\n${'  - 1\n'.repeat(count)}b: x\n`;
    const read = readPlainYaml(big, LIMITS)!;
    const items = (read.data as { a: number[] }).a;
    expect(items).toHaveLength(count);
    expect([0, 255, 256, count - 1].map((i) => read.itemLine(items, i))).toEqual([2, 257, 258, count + 1]);
    expect(read.locate('/b')).toBe(big.length - 2);
    const small = 'list:\n  - x\n\n# note\n  - y\n';
    const again = readPlainYaml(small, LIMITS)!;
    const list = (again.data as { list: string[] }).list;
    expect(list).toEqual(['x', 'y']);
    expect([again.itemLine(list, 0), again.itemLine(list, 1)]).toEqual([2, 5]);
  });

  it('locates every pointer the same whatever was located before it', () => {
    const text = 'a: 1\nlist:\n  - x: 1\n    y: "Xã"\n  - 2\n  - z: 3\nb:\n  c:\n    d: e\n';
    const pointers = ['', '/', '/a', '/list', '/list/0', '/list/0/y', '/list/1', '/list/1/q', '/list/2/z', '/list/3', '/list/x', '/list/01',
      '/b/c/d', '/b/c/e', '/b/q/r', '/b/q/s', '/a/b', '/a/c', '//', '//x', '/l~0ist/0', '/list/0/x', 'list/0', '/nowhere/1', '/nowhere/2'];
    const fresh = (pointer: string, key: boolean) => readPlainYaml(text, LIMITS)!.locate(pointer, key ? { key } : undefined);
    const full = parseYamlText(text, SOURCE, LIMITS, { plain: false });
    const starts = lineStartsOf(text);
    const at = (offset: number) => {
      let line = 0;
      while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
      return { line: line + 1, column: offset - starts[line]! + 1 };
    };
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...pointers), fc.boolean()), { maxLength: 30 }), (order) => {
        const plain = readPlainYaml(text, LIMITS)!;
        for (const [pointer, key] of order) {
          const offset = plain.locate(pointer, key ? { key } : undefined);
          expect(offset, pointer).toBe(fresh(pointer, key));
          expect(at(offset), pointer).toEqual(full.locate(pointer, key ? { key } : undefined));
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('names non-finite numbers at the same pointers, escaped keys included', () => {
    const data = { a: Number.NaN, 'x/y~z': [1, Number.POSITIVE_INFINITY], measurements: [{ value: ' .NaN ', note: 'inf' }, { numerator: 'Infinity' }] };
    const doc = { file: 'x', path: 'x', format: 'yaml' as const, data, locate: () => ({ line: 1, column: 1 }), diagnostics: [] };
    const found = findNonFinite(doc, data);
    expect([...found.pointers]).toEqual(['/a', '/x~1y~0z/1', '/measurements/0/value', '/measurements/1/numerator']);
    expect(found.diagnostics.map((d) => d.path)).toEqual([...found.pointers]);
    expect([...findNonFinite(doc, { value: 'nan' }, '/measurements/4').pointers]).toEqual(['/measurements/4/value']);
  });

  it('validates a folder of generated files with the same diagnostics as one file at a time', async () => {
    // Many files make the quick paths (known keys, read order) matter; each file must still be read on its own.
    const cwd = testdir({});
    mkdirSync(join(cwd, 'many'));
    for (let i = 0; i < 30; i++) {
      const bad = i % 7 === 3 ? '    numerator: 12\n    denominator: 10\n' : '    numerator: 5\n    denominator: 10\n';
      writeFileSync(
        join(cwd, 'many', `f-${String(i).padStart(2, '0')}.yaml`),
        `apiVersion: ccp/v1\nkind: Measurements\nplan: daklak-sgtvt-cchc-2021-2030\nperiod: 2025\nmeasurements:\n  - indicator: dossiers-online\n    org: "Xã ${i}"\n${bad}`,
      );
    }
    const { checkFiles } = await import('../../src/validate/check-files.js');
    const all = await checkFiles(['many'], { cwd });
    const one = [];
    for (let i = 0; i < 30; i++) one.push(...(await checkFiles([`many/f-${String(i).padStart(2, '0')}.yaml`], { cwd })).diagnostics);
    expect(all.diagnostics).toEqual(one);
    expect(all.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual(
      [3, 10, 17, 24].map(() => ['numerator-exceeds-denominator', 8, 16]),
    );
    expect(all.entries).toHaveLength(26);
  });
});
