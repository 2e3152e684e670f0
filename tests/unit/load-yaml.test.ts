import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../src/load/index.js';
import type { SourceDocument } from '../../src/load/index.js';
import { InputError } from '../../src/model/errors.js';
import { testdir } from '../helpers/testdir.js';

async function load(text: string | Uint8Array, name = 'doc.yaml', limits = {}): Promise<SourceDocument> {
  const cwd = testdir({ [name]: text });
  return loadFile(name, { cwd, limits });
}

function codes(doc: SourceDocument): string[] {
  return doc.diagnostics.map((d) => d.code);
}

function at(doc: SourceDocument, code: string) {
  return doc.diagnostics.filter((d) => d.code === code).map((d) => ({ line: d.line, column: d.column }));
}

const MEASUREMENTS = [
  'apiVersion: ccp/v1', //                       line 1
  'kind: Measurements', //                       line 2
  'measurements:', //                            line 3
  '  - indicator: dossiers-online', //           line 4: '-' col 3, key col 5, value col 16
  '    value: 80', //                            line 5: key col 5, value col 12
  '  - indicator: "a/b"', //                     line 6
  '    "x/y~z": 1', //                           line 7: key col 5, value col 14
  '    note:', //                                line 8: key col 5, no value
  '    list: [10, 20]', //                       line 9: '[' col 11, '20' col 16
].join('\n');

describe('loadFile on YAML: data and positions', () => {
  it('reads the document as plain data with its display path', async () => {
    const doc = await load(`${MEASUREMENTS}\n`);
    expect(doc.format).toBe('yaml');
    expect(doc.file).toBe('doc.yaml');
    expect(doc.diagnostics).toEqual([]);
    expect(doc.data).toEqual({
      apiVersion: 'ccp/v1',
      kind: 'Measurements',
      measurements: [
        { indicator: 'dossiers-online', value: 80 },
        { indicator: 'a/b', 'x/y~z': 1, note: null, list: [10, 20] },
      ],
    });
  });

  it('locates values and keys from JSON pointers, 1-based', async () => {
    const doc = await load(`${MEASUREMENTS}\n`);
    expect(doc.locate('/measurements/0/value')).toEqual({ line: 5, column: 12 });
    expect(doc.locate('/measurements/0/value', { key: true })).toEqual({ line: 5, column: 5 });
    expect(doc.locate('/measurements/0/indicator')).toEqual({ line: 4, column: 16 });
    expect(doc.locate('/measurements/0')).toEqual({ line: 4, column: 5 });
    expect(doc.locate('/measurements/1/list/1')).toEqual({ line: 9, column: 16 });
    expect(doc.locate('/kind', { key: true })).toEqual({ line: 2, column: 1 });
    expect(doc.locate('')).toEqual({ line: 1, column: 1 });
  });

  it('decodes ~1 before ~0 in pointers', async () => {
    const doc = await load(`${MEASUREMENTS}\n`);
    expect(doc.locate('/measurements/1/x~1y~0z')).toEqual({ line: 7, column: 14 });
    expect(doc.locate('/measurements/1/x~1y~0z', { key: true })).toEqual({ line: 7, column: 5 });
  });

  it('falls back to the nearest existing ancestor, and to the key of a property without a value', async () => {
    const doc = await load(`${MEASUREMENTS}\n`);
    expect(doc.locate('/measurements/0/missing')).toEqual({ line: 4, column: 5 });
    expect(doc.locate('/measurements/0/missing/deeper')).toEqual({ line: 4, column: 5 });
    expect(doc.locate('/measurements/9/value')).toEqual({ line: 4, column: 3 });
    expect(doc.locate('/measurements/1/note')).toEqual({ line: 8, column: 5 });
    expect(doc.locate('/apiVersion/0')).toEqual({ line: 1, column: 13 });
  });

  it('locates through an alias to its anchor', async () => {
    const doc = await load('base: &b\n  value: 1\ncopy: *b\n');
    expect(doc.locate('/copy/value')).toEqual({ line: 2, column: 10 });
  });

  it('uses the YAML 1.2 core schema: dates and yes/no stay strings', async () => {
    const doc = await load('date: 2021-12-15\nflag: yes\nn: 0x10\nv: 1.5\n');
    expect(doc.data).toEqual({ date: '2021-12-15', flag: 'yes', n: 16, v: 1.5 });
  });
});

describe('loadFile on YAML: problems become diagnostics', () => {
  it('reports a duplicate key at the second key', async () => {
    const doc = await load('a: 1\nb: 2\na: 3\n');
    expect(codes(doc)).toEqual(['duplicate-key']);
    expect(at(doc, 'duplicate-key')).toEqual([{ line: 3, column: 1 }]);
  });

  it('treats keys that differ only in Unicode normalisation as duplicates', async () => {
    const nfc = 'Đắk';
    const doc = await load(`${nfc}: 1\n${nfc.normalize('NFD')}: 2\n`);
    expect(codes(doc)).toEqual(['duplicate-key']);
    expect(at(doc, 'duplicate-key')).toEqual([{ line: 2, column: 1 }]);
  });

  it('reports a syntax error at its place and gives no data', async () => {
    const doc = await load('a: 1\nb: [1, 2\nc: 3\n');
    expect(codes(doc)).toContain('yaml-syntax');
    expect(doc.diagnostics.every((d) => d.line >= 2)).toBe(true);
    expect(doc.data).toBeUndefined();
  });

  it('reports a second document at its "---"', async () => {
    const doc = await load('a: 1\n---\nb: 2\n');
    expect(codes(doc)).toEqual(['multiple-documents']);
    expect(at(doc, 'multiple-documents')).toEqual([{ line: 2, column: 1 }]);
  });

  it.each([
    ['!!js/function', 'f: !!js/function "function () {}"\n', { line: 1, column: 4 }],
    ['!include', 'x: 1\nf: !include other.yaml\n', { line: 2, column: 4 }],
    ['!!binary', 'f: !!binary aGVsbG8=\n', { line: 1, column: 4 }],
    ['!foo on a map', 'f: !foo\n  a: 1\n', { line: 1, column: 4 }],
    ['!!str', 'f: !!str 12\n', { line: 1, column: 4 }],
    ['a tag after an anchor', 'f: &a !foo bar\n', { line: 1, column: 7 }],
  ])('refuses an explicit tag: %s', async (_name, text, position) => {
    const doc = await load(text);
    expect(codes(doc)).toEqual(['yaml-tag']);
    expect(at(doc, 'yaml-tag')).toEqual([position]);
  });

  it('reports an alias to no anchor', async () => {
    const doc = await load('a: 1\nb: *nothing\n');
    expect(codes(doc)).toEqual(['yaml-syntax']);
    expect(at(doc, 'yaml-syntax')).toEqual([{ line: 2, column: 4 }]);
    expect(doc.data).toBeUndefined();
  });

  it('refuses an alias bomb ("billion laughs") without expanding it', async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) {
      lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`);
    }
    const doc = await load(`${lines.join('\n')}\n`);
    expect(codes(doc)).toEqual(['alias-limit']);
    expect(at(doc, 'alias-limit')).toEqual([{ line: 2, column: 8 }]);
    expect(doc.data).toBeUndefined();
  });

  it('allows a few aliases within the limit', async () => {
    const doc = await load('base: &b {v: 1}\nx: *b\ny: *b\n');
    expect(doc.diagnostics).toEqual([]);
    expect(doc.data).toEqual({ base: { v: 1 }, x: { v: 1 }, y: { v: 1 } });
  });

  it('accepts nesting up to the depth limit and refuses one level more', async () => {
    // The root map is level 1; each '[' adds one.
    const nested = (levels: number) => `a: ${'['.repeat(levels - 1)}1${']'.repeat(levels - 1)}\n`;
    const ok = await load(nested(8), 'doc.yaml', { maxDepth: 8 });
    expect(ok.diagnostics).toEqual([]);
    const deep = await load(nested(9), 'doc.yaml', { maxDepth: 8 });
    expect(codes(deep)).toEqual(['too-deep']);
    // The ninth collection is the eighth '[' (column 4 is the first).
    expect(at(deep, 'too-deep')).toEqual([{ line: 1, column: 11 }]);
    expect(deep.data).toBeUndefined();
  });

  it('refuses nesting at the real limit of 64 and a hostile depth without crashing', async () => {
    const nested = (levels: number) => `a: ${'['.repeat(levels - 1)}1${']'.repeat(levels - 1)}\n`;
    expect((await load(nested(64))).diagnostics).toEqual([]);
    expect(codes(await load(nested(65)))).toEqual(['too-deep']);
    const hostile = await load(nested(20_000));
    expect(codes(hostile)).toContain('too-deep');
    expect(hostile.data).toBeUndefined();
  });

  it('accepts a string at the length limit and refuses one over it, at the string', async () => {
    const ok = await load(`a: ${'x'.repeat(20)}\n`, 'doc.yaml', { maxStringLength: 20 });
    expect(ok.diagnostics).toEqual([]);
    const long = await load(`a: 1\nb: ${'x'.repeat(21)}\n`, 'doc.yaml', { maxStringLength: 20 });
    expect(codes(long)).toEqual(['string-too-long']);
    expect(at(long, 'string-too-long')).toEqual([{ line: 2, column: 4 }]);
  });

  it('refuses prototype keys at the key and never lets them reach a prototype', async () => {
    const text = [
      'a: 1', //                                 line 1
      '__proto__:', //                           line 2
      '  polluted: yes', //                      line 3
      'nested:', //                              line 4
      '  constructor:', //                       line 5, col 3
      '    prototype:', //                       line 6, col 5
      '      polluted: yes', //                  line 7
      'list:', //                                line 8
      '  - { __proto__: { polluted: yes } }', // line 9, col 7
    ].join('\n');
    const doc = await load(`${text}\n`);
    expect(codes(doc)).toEqual(['forbidden-key', 'forbidden-key', 'forbidden-key', 'forbidden-key']);
    expect(at(doc, 'forbidden-key')).toEqual([
      { line: 2, column: 1 },
      { line: 5, column: 3 },
      { line: 6, column: 5 },
      { line: 9, column: 7 },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    const data = doc.data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data)).toEqual(['a', 'nested', 'list']);
    expect(data.nested).toEqual({});
    expect(Object.hasOwn(data.nested as object, 'constructor')).toBe(false);
    const item = (data.list as Record<string, unknown>[])[0]!;
    expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
    expect(item.polluted).toBeUndefined();
  });

  it('gives every diagnostic the display path of the file', async () => {
    const cwd = testdir({ 'data/x.yaml': 'a: 1\na: 2\n' });
    const doc = await loadFile(join(cwd, 'data', 'x.yaml'), { cwd });
    expect(doc.diagnostics.map((d) => d.file)).toEqual(['data/x.yaml']);
  });
});

describe('loadFile on YAML: reading', () => {
  it('reports an empty file, a blank one, a BOM alone and comments alone as file-empty', async () => {
    for (const text of ['', '   \n\n\t\n', '\ufeff', '\ufeff\n  \n', '# nothing but a comment\n']) {
      const doc = await load(text);
      expect(codes(doc)).toEqual(['file-empty']);
      expect(at(doc, 'file-empty')).toEqual([{ line: 1, column: 1 }]);
      expect(doc.data).toBeUndefined();
    }
  });

  it('strips a UTF-8 BOM silently without shifting columns', async () => {
    const doc = await load('\ufeffa: 1\nb: xyz\n');
    expect(doc.diagnostics).toEqual([]);
    expect(doc.data).toEqual({ a: 1, b: 'xyz' });
    expect(doc.locate('/a')).toEqual({ line: 1, column: 4 });
  });

  it('reads decomposed (NFD) Vietnamese back as NFC, keys and values, and locates NFC keys', async () => {
    const key = 'tỉnh';
    const value = 'Đắk Lắk';
    const doc = await load(`${key.normalize('NFD')}: ${value.normalize('NFD')}\nlist: [${value.normalize('NFD')}]\n`);
    expect(doc.diagnostics).toEqual([]);
    expect(doc.data).toEqual({ [key]: value, list: [value] });
    expect(Object.keys(doc.data as object)[0]).toBe(key.normalize('NFC'));
    expect(doc.locate(`/${key}`, { key: true })).toEqual({ line: 1, column: 1 });
  });

  it('reports UTF-16 with a byte-order mark, naming it', async () => {
    const le = await load(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a: 1\n', 'utf16le')]));
    expect(codes(le)).toEqual(['wrong-encoding']);
    expect(le.diagnostics[0]!.message).toContain('UTF-16 LE');
    const be = Buffer.from('a: 1\n', 'utf16le').swap16();
    const beDoc = await load(Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    expect(codes(beDoc)).toEqual(['wrong-encoding']);
    expect(beDoc.diagnostics[0]!.message).toContain('UTF-16 BE');
  });

  it('reports UTF-16 without a byte-order mark from its NUL pattern', async () => {
    const doc = await load(Buffer.from('apiVersion: ccp/v1\nkind: Plan\n', 'utf16le'));
    expect(codes(doc)).toEqual(['wrong-encoding']);
    expect(doc.diagnostics[0]!.message).toContain('UTF-16 LE');
  });

  it('reports bytes of a legacy encoding (Windows-1258) at their line and column, without converting', async () => {
    // "Đắk Lắk" in Windows-1258: Đ = D0, ă = E3, combining acute = EC.
    const legacy = Buffer.from([0xd0, 0xe3, 0xec, 0x6b]);
    const doc = await load(Buffer.concat([Buffer.from('a: 1\nb: 2\nname: '), legacy, Buffer.from('\n')]));
    expect(codes(doc)).toEqual(['wrong-encoding']);
    expect(at(doc, 'wrong-encoding')).toEqual([{ line: 3, column: 7 }]);
    expect(doc.diagnostics[0]!.message).toContain('Windows-1258');
    expect(doc.data).toBeUndefined();
  });

  it('reports NUL bytes as a binary file', async () => {
    const doc = await load(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    expect(codes(doc)).toEqual(['binary-file']);
  });

  it('reads .yml as YAML and reports other extensions as unsupported', async () => {
    expect((await load('a: 1\n', 'x.yml')).data).toEqual({ a: 1 });
    const other = await load('{"a": 1}', 'x.json');
    expect(codes(other)).toEqual(['unsupported-file-type']);
    expect(other.data).toBeUndefined();
  });

  it('throws InputError only when the file cannot be read at all', async () => {
    const cwd = testdir({});
    mkdirSync(join(cwd, 'folder.yaml'));
    await expect(loadFile('missing.yaml', { cwd })).rejects.toBeInstanceOf(InputError);
    await expect(loadFile('folder.yaml', { cwd })).rejects.toBeInstanceOf(InputError);
    await expect(loadFile('missing.json', { cwd })).rejects.toBeInstanceOf(InputError);
  });
});
