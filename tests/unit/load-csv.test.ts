import { describe, expect, it } from 'vitest';
import { loadFile, streamCsv } from '../../src/load/index.js';
import type { CsvRow, SourceDocument } from '../../src/load/index.js';
import { InputError } from '../../src/model/errors.js';
import { testdir } from '../helpers/testdir.js';

async function load(text: string | Uint8Array, limits = {}): Promise<SourceDocument> {
  const cwd = testdir({ 'data.csv': text });
  return loadFile('data.csv', { cwd, limits });
}

function codes(doc: { diagnostics: { code: string }[] }): string[] {
  return doc.diagnostics.map((d) => d.code);
}

function at(doc: SourceDocument, code: string) {
  return doc.diagnostics.filter((d) => d.code === code).map((d) => ({ line: d.line, column: d.column }));
}

function measurements(doc: SourceDocument): Record<string, unknown>[] {
  return (doc.data as { measurements: Record<string, unknown>[] }).measurements;
}

describe('loadFile on CSV: data and positions', () => {
  const text = [
    'indicator,period,value,numerator,denominator,note', // line 1
    'dossiers-online,2025,80.5,,,ok', //                    line 2: period col 17, value col 22, note col 29
    'dossiers-e-transfer,2025-H1,,8120,9000,', //          line 3: numerator col 30, denominator col 35
  ].join('\n');

  it('reads rows into a Measurements document, numbers parsed, empty cells left out, period a string', async () => {
    const doc = await load(`${text}\n`);
    expect(doc.format).toBe('csv');
    expect(doc.diagnostics).toEqual([]);
    expect(doc.data).toEqual({
      apiVersion: 'ccp/v1',
      kind: 'Measurements',
      measurements: [
        { indicator: 'dossiers-online', period: '2025', value: 80.5, note: 'ok' },
        { indicator: 'dossiers-e-transfer', period: '2025-H1', numerator: 8120, denominator: 9000 },
      ],
    });
  });

  it('locates a cell at its row line and the column of its first character', async () => {
    const doc = await load(`${text}\n`);
    expect(doc.locate('/measurements/0/value')).toEqual({ line: 2, column: 22 });
    expect(doc.locate('/measurements/0/note')).toEqual({ line: 2, column: 29 });
    expect(doc.locate('/measurements/1/numerator')).toEqual({ line: 3, column: 30 });
    expect(doc.locate('/measurements/1/denominator', { key: true })).toEqual({ line: 3, column: 35 });
    // An empty cell still has a place.
    expect(doc.locate('/measurements/1/value')).toEqual({ line: 3, column: 29 });
    expect(doc.locate('/measurements/1')).toEqual({ line: 3, column: 1 });
    expect(doc.locate('/measurements/1/status')).toEqual({ line: 3, column: 1 });
    expect(doc.locate('')).toEqual({ line: 1, column: 1 });
  });

  it('takes columns in any order, drops title, and makes one shared plan data.plan', async () => {
    const doc = await load(
      'title,period,plan,indicator,value\n"Tỷ lệ hồ sơ, trực tuyến",2025,daklak-plan,dossiers-online,55\nx,2025,daklak-plan,other,3\n',
    );
    expect(doc.diagnostics).toEqual([]);
    expect(doc.data).toEqual({
      apiVersion: 'ccp/v1',
      kind: 'Measurements',
      plan: 'daklak-plan',
      measurements: [
        { period: '2025', indicator: 'dossiers-online', value: 55 },
        { period: '2025', indicator: 'other', value: 3 },
      ],
    });
    // "Tỷ lệ hồ sơ, trực tuyến", is 26 characters: period starts at column 27.
    expect(doc.locate('/measurements/0/period')).toEqual({ line: 2, column: 27 });
    expect(doc.locate('/plan')).toEqual({ line: 2, column: 32 });
  });

  it('reports rows naming different plans at the first row that differs', async () => {
    const doc = await load('indicator,period,value,plan\na,2025,1,p-one\nb,2025,2,p-one\nc,2025,3,p-two\n');
    expect(codes(doc)).toEqual(['csv-mixed-plans']);
    expect(at(doc, 'csv-mixed-plans')).toEqual([{ line: 4, column: 10 }]);
  });

  it('reads an Excel export: BOM, CRLF, ";" and decimal commas', async () => {
    const doc = await load(
      '\ufeffindicator;period;value;numerator;denominator;note\r\n' +
        'a;2025;80,5;;;\r\n' +
        'b;2025;;1.200,5;12.345.678;"Báo cáo; số 5"\r\n',
    );
    expect(doc.diagnostics).toEqual([]);
    expect(measurements(doc)).toEqual([
      { indicator: 'a', period: '2025', value: 80.5 },
      { indicator: 'b', period: '2025', numerator: 1200.5, denominator: 12345678, note: 'Báo cáo; số 5' },
    ]);
    expect(doc.locate('/measurements/1/denominator')).toEqual({ line: 3, column: 17 });
  });

  it('reports a ;-file 1.200 as ambiguous at its cell and leaves the text for the validator', async () => {
    const doc = await load('indicator;period;value\na;2025;1.200\n');
    expect(codes(doc)).toEqual(['csv-ambiguous-decimal']);
    expect(at(doc, 'csv-ambiguous-decimal')).toEqual([{ line: 2, column: 8 }]);
    expect(doc.diagnostics[0]!.message).toContain('1200');
    expect(doc.diagnostics[0]!.message).toContain('1.2');
    expect(doc.diagnostics[0]!.path).toBe('/measurements/0/value');
    expect(measurements(doc)[0]!.value).toBe('1.200');
  });

  it('reports a quoted "80,5" in a ,-file as ambiguous', async () => {
    const doc = await load('indicator,period,value\na,2025,"80,5"\n');
    expect(codes(doc)).toEqual(['csv-ambiguous-decimal']);
    expect(at(doc, 'csv-ambiguous-decimal')).toEqual([{ line: 2, column: 8 }]);
  });

  it('leaves cells that are not numbers as strings', async () => {
    const doc = await load('indicator,period,value,numerator,denominator\na,2025,abc,NaN,Infinity\n');
    expect(doc.diagnostics).toEqual([]);
    expect(measurements(doc)[0]).toEqual({ indicator: 'a', period: '2025', value: 'abc', numerator: 'NaN', denominator: 'Infinity' });
  });

  it('skips blank lines and keeps the true line of every row', async () => {
    const doc = await load('\n\nindicator,period,value\n\na,2025,1\n   \n,,\nb,2025,2\n');
    expect(doc.diagnostics).toEqual([]);
    expect(measurements(doc).map((m) => m.indicator)).toEqual(['a', 'b']);
    expect(doc.locate('/measurements/0/value')).toEqual({ line: 5, column: 8 });
    expect(doc.locate('/measurements/1/value')).toEqual({ line: 8, column: 8 });
  });

  it('keeps a multi-line quoted note and the lines after it right', async () => {
    const doc = await load('indicator,period,value,note\na,2025,1,"first line\nsecond line"\nb,2025,2,ok\n');
    expect(doc.diagnostics).toEqual([]);
    expect(measurements(doc)[0]!.note).toBe('first line\nsecond line');
    expect(doc.locate('/measurements/1/value')).toEqual({ line: 4, column: 8 });
  });

  it('reads decomposed (NFD) text as NFC, in cells and header', async () => {
    const doc = await load(`indicator,period,value,org\na,2025,1,${'Phòng Quản lý vận tải'.normalize('NFD')}\n`);
    expect(measurements(doc)[0]!.org).toBe('Phòng Quản lý vận tải'.normalize('NFC'));
  });
});

describe('loadFile on CSV: header problems', () => {
  it('requires indicator and period', async () => {
    const doc = await load('indicator,value\na,1\n');
    expect(codes(doc)).toEqual(['csv-header']);
    expect(at(doc, 'csv-header')).toEqual([{ line: 1, column: 1 }]);
    expect(doc.data).toBeUndefined();
  });

  it('reports a blank header cell and a duplicate header at their column', async () => {
    const doc = await load('indicator,period,,value,period\na,2025,x,1,2026\n');
    expect(codes(doc)).toEqual(['csv-header', 'csv-duplicate-header']);
    expect(at(doc, 'csv-header')).toEqual([{ line: 1, column: 18 }]);
    expect(at(doc, 'csv-duplicate-header')).toEqual([{ line: 1, column: 25 }]);
    expect(measurements(doc)).toEqual([{ indicator: 'a', period: '2025', value: 1 }]);
  });

  it('reports an unknown column at its place with a did-you-mean', async () => {
    const doc = await load('indicator,period,numerater,denominator,colour\na,2025,1,2,red\n');
    expect(codes(doc)).toEqual(['csv-unknown-column', 'csv-unknown-column']);
    expect(at(doc, 'csv-unknown-column')).toEqual([
      { line: 1, column: 18 },
      { line: 1, column: 40 },
    ]);
    expect(doc.diagnostics[0]!.message).toContain("'numerator'");
    expect(doc.diagnostics.every((d) => d.severity === 'error')).toBe(true);
    expect(measurements(doc)).toEqual([{ indicator: 'a', period: '2025', denominator: 2 }]);
  });

  it('does not guess the separator of a one-column header, a tie, or tabs', async () => {
    for (const header of ['indicator', 'indicator,period;value;x,y', 'indicator\tperiod\tvalue']) {
      const doc = await load(`${header}\na\n`);
      expect(codes(doc)).toEqual(['csv-header']);
      expect(doc.data).toBeUndefined();
    }
  });

  it('takes the separator from an Excel "sep=" line before the header', async () => {
    const doc = await load('sep=;\r\nindicator;period;value\r\na;2025;80,5\r\n');
    expect(doc.diagnostics).toEqual([]);
    expect(measurements(doc)).toEqual([{ indicator: 'a', period: '2025', value: 80.5 }]);
    expect(doc.locate('/measurements/0/value')).toEqual({ line: 3, column: 8 });
    const tabs = await load('sep=\t\nindicator\tperiod\n');
    expect(codes(tabs)).toEqual(['csv-header']);
  });

  it('refuses a first line with no line break within the record limit', async () => {
    const doc = await load(`indicator,period,${'x'.repeat(100_000)}`, { maxStringLength: 1 });
    expect(codes(doc)).toEqual(['csv-header']);
    expect(doc.data).toBeUndefined();
  });

  it('finds the header line after blank lines', async () => {
    const doc = await load('\n\nindicator;value\n');
    expect(at(doc, 'csv-header')).toEqual([{ line: 3, column: 1 }]);
  });
});

describe('loadFile on CSV: row problems', () => {
  it('reports a ragged row at its line and does not read it', async () => {
    const doc = await load('indicator,period,value\na,2025,1\nb,2025\nc,2025,3,extra\nd,2025,4\n');
    expect(codes(doc)).toEqual(['csv-ragged-row', 'csv-ragged-row']);
    expect(at(doc, 'csv-ragged-row')).toEqual([
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
    expect(measurements(doc).map((m) => m.indicator)).toEqual(['a', 'd']);
    expect(doc.locate('/measurements/1/value')).toEqual({ line: 5, column: 8 });
  });

  it('reports a stray quote never closed at the line and column where it opened', async () => {
    const doc = await load('indicator,period,note\na,2025,ok\nb,2025,"Báo cáo số 5\nc,2025,x\nd,2025,y\n');
    expect(codes(doc)).toEqual(['csv-syntax']);
    expect(at(doc, 'csv-syntax')).toEqual([{ line: 3, column: 8 }]);
    expect(measurements(doc).map((m) => m.indicator)).toEqual(['a']);
  });

  it('does not silently merge rows swallowed by a stray quote that a later quote closes', async () => {
    const doc = await load('indicator,period,note\na,2025,"stray\nb,2025,x\nc,2025,y"\nd,2025,z\n');
    expect(codes(doc)).toEqual(['csv-syntax']);
    expect(at(doc, 'csv-syntax')).toEqual([{ line: 2, column: 8 }]);
    expect(measurements(doc).map((m) => m.indicator)).toEqual(['d']);
    expect(doc.locate('/measurements/0')).toEqual({ line: 5, column: 1 });
  });

  it('reports a stray quote in a large file at its line without holding the rest', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `r${i},2025,${i}`);
    rows.splice(10, 0, 'bad,2025,"oops');
    const doc = await load(`indicator,period,value\n${rows.join('\n')}\n`, { maxStringLength: 50 });
    expect(codes(doc)).toEqual(['csv-syntax']);
    expect(at(doc, 'csv-syntax')).toEqual([{ line: 12, column: 10 }]);
    expect(measurements(doc)).toHaveLength(10);
  });

  it('refuses a cell over the string limit at that cell', async () => {
    const doc = await load(`indicator,period,note\na,2025,${'x'.repeat(21)}\nb,2025,${'y'.repeat(20)}\n`, { maxStringLength: 20 });
    expect(codes(doc)).toEqual(['string-too-long']);
    expect(at(doc, 'string-too-long')).toEqual([{ line: 2, column: 8 }]);
    expect(measurements(doc)).toEqual([
      { indicator: 'a', period: '2025' },
      { indicator: 'b', period: '2025', note: 'y'.repeat(20) },
    ]);
  });

  it('keeps at most the limit of diagnostics of one kind, and says more follow', async () => {
    const body = Array.from({ length: 10 }, (_, i) => `i${i};2025;1.200`).join('\n');
    const ok = await load(`indicator;period;value\n${body}\n`, { maxDiagnosticsPerCode: 10 });
    expect(codes(ok)).toEqual(Array(10).fill('csv-ambiguous-decimal'));
    const over = await load(`indicator;period;value\n${body}\nlast;2025;2.500\nmore;2025;3.500\n`, { maxDiagnosticsPerCode: 10 });
    expect(codes(over)).toEqual(Array(11).fill('csv-ambiguous-decimal'));
    expect(over.diagnostics[10]).toMatchObject({ line: 12, column: 11 });
    expect(over.diagnostics[10]!.path).toBeUndefined();
    expect(measurements(over)).toHaveLength(12);
  });

  it('reads up to the row limit and stops one row over it', async () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `i${i},2025,1`).join('\n');
    const ok = await load(`indicator,period,value\n${body(3)}\n`, { maxCsvRows: 3 });
    expect(ok.diagnostics).toEqual([]);
    expect(measurements(ok)).toHaveLength(3);
    const over = await load(`indicator,period,value\n${body(4)}\n`, { maxCsvRows: 3 });
    expect(codes(over)).toEqual(['csv-too-many-rows']);
    expect(at(over, 'csv-too-many-rows')).toEqual([{ line: 5, column: 1 }]);
    expect(measurements(over)).toHaveLength(3);
  });
});

describe('loadFile on CSV: reading', () => {
  it('reports an empty file, blank lines alone and a BOM alone as file-empty', async () => {
    for (const text of ['', '\n\n  \r\n', '\ufeff']) {
      const doc = await load(text);
      expect(codes(doc)).toEqual(['file-empty']);
      expect(at(doc, 'file-empty')).toEqual([{ line: 1, column: 1 }]);
    }
  });

  it('reports UTF-16 LE with and without a byte-order mark', async () => {
    const text = 'indicator,period,value\na,2025,1\n';
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), Buffer.from(text, 'utf16le')]) {
      const doc = await load(bytes);
      expect(codes(doc)).toEqual(['wrong-encoding']);
      expect(doc.diagnostics[0]!.message).toContain('UTF-16 LE');
      expect(doc.data).toBeUndefined();
    }
  });

  it('reports Windows-1258 bytes at their line, keeping the rows before', async () => {
    // "Phòng" in Windows-1258: ò is F2, not valid UTF-8 where it stands.
    const doc = await load(
      Buffer.concat([Buffer.from('indicator,period,value,org\na,2025,1,ok\nb,2025,2,Ph'), Buffer.from([0xf2]), Buffer.from('ng\nc,2025,3,x\n')]),
    );
    expect(codes(doc)).toEqual(['wrong-encoding']);
    expect(at(doc, 'wrong-encoding')).toEqual([{ line: 3, column: 12 }]);
    expect(doc.diagnostics[0]!.message).toContain('Windows-1258');
    expect(measurements(doc).map((m) => m.indicator)).toEqual(['a']);
  });

  it('names the line of invalid UTF-8 far into a file read in chunks', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `indicator-${i},2025,${i}`);
    const head = Buffer.from(`indicator,period,value\n${rows.join('\n')}\nbad,2025,`);
    const doc = await load(Buffer.concat([head, Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
    expect(codes(doc)).toEqual(['wrong-encoding']);
    expect(at(doc, 'wrong-encoding')).toEqual([{ line: 20_002, column: 10 }]);
    expect(measurements(doc)).toHaveLength(20_000);
  });

  it('reports NUL bytes as a binary file', async () => {
    const doc = await load(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]));
    expect(codes(doc)).toEqual(['binary-file']);
  });

  it('throws InputError for a missing file', async () => {
    await expect(loadFile('missing.csv', { cwd: testdir({}) })).rejects.toBeInstanceOf(InputError);
  });
});

describe('streamCsv', () => {
  it('gives the header first, then rows with their lines and cell columns', async () => {
    const cwd = testdir({ 'm.csv': 'indicator;period;value\r\na;2025;80,5\r\n\r\nb;2025;1.200\r\n' });
    const stream = streamCsv('m.csv', { cwd });
    const header = await stream.header();
    expect(header).toMatchObject({ line: 1, separator: ';', usable: true });
    expect(header.cells.map((c) => [c.field, c.column])).toEqual([
      ['indicator', 1],
      ['period', 11],
      ['value', 18],
    ]);
    expect(stream.diagnostics).toEqual([]);
    const rows: CsvRow[] = [];
    for await (const row of stream) rows.push(row);
    expect(rows).toEqual([
      { line: 2, values: { indicator: 'a', period: '2025', value: 80.5 }, columns: { indicator: 1, period: 3, value: 8 } },
      { line: 4, values: { indicator: 'b', period: '2025', value: '1.200' }, columns: { indicator: 1, period: 3, value: 8 } },
    ]);
    expect(codes(stream)).toEqual(['csv-ambiguous-decimal']);
    expect(stream.file).toBe('m.csv');
  });

  it('yields no rows under an unusable header, with the reason in diagnostics', async () => {
    const cwd = testdir({ 'm.csv': 'indicator,value\na,1\n' });
    const stream = streamCsv('m.csv', { cwd });
    const rows: CsvRow[] = [];
    for await (const row of stream) rows.push(row);
    expect(rows).toEqual([]);
    expect((await stream.header()).usable).toBe(false);
    expect(codes(stream)).toEqual(['csv-header']);
  });

  it('can be closed after the header without reading rows', async () => {
    const cwd = testdir({ 'm.csv': 'indicator,period,value\na,2025,1\n' });
    const stream = streamCsv('m.csv', { cwd });
    expect((await stream.header()).usable).toBe(true);
    await stream.close();
    const rows: CsvRow[] = [];
    for await (const row of stream) rows.push(row);
    expect(rows).toEqual([]);
  });

  it('can stop early', async () => {
    const cwd = testdir({ 'm.csv': `indicator,period,value\n${Array.from({ length: 5000 }, (_, i) => `i${i},2025,${i}`).join('\n')}\n` });
    const stream = streamCsv('m.csv', { cwd });
    let seen = 0;
    for await (const row of stream) {
      seen++;
      if (row.values.indicator === 'i9') break;
    }
    expect(seen).toBe(10);
  });

  it('throws InputError when iterated over a missing file', async () => {
    const stream = streamCsv('missing.csv', { cwd: testdir({}) });
    await expect(stream.header()).rejects.toBeInstanceOf(InputError);
  });
});
