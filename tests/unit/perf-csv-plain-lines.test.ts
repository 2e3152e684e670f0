import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamCsv } from '../../src/load/index.js';
import { testdir } from '../helpers/testdir.js';

// Cells chosen to sit on both sides of every test the in-place line reader makes: spaces,
// tabs and non-ASCII at either end, decomposed text, numbers that are not plain digits or too
// long for them, empty cells, and cells over a (lowered) string limit.
const CELLS = [
  '', ' ', 'x', 'Xã 0001', ' Xã 0002', 'Xã 0003 ', '\tXa', 'Xa\t', 'ã', 'Xa\u00a0', '\u00a0Xa', 'Xa\u0303', 'Xã\u0303b',
  'dossiers-online', 'satisfaction-procedures', '2025', '2025-07', '2025-H1', '2025-13', 'done', 'in-progress',
  '0', '7', '007', '120', '80.5', '80,5', '1.200', '1e3', '-5', '+5', 'NaN', '123456789012345', '1234567890123456',
  'abcdefghijklmnopqrstuvwxyz-too-long', 'p-one', 'p-two',
];
const HEADERS = [
  ['org', 'period', 'indicator', 'numerator', 'denominator'],
  ['indicator', 'period', 'value', 'note', 'title'],
  ['indicator', 'period', 'value', 'plan', 'org'],
  ['indicator', 'period', 'status', 'evidence', 'unknown-column'],
];

const file = fc.record({
  header: fc.constantFrom(...HEADERS),
  separator: fc.constantFrom(',', ';'),
  rows: fc.array(fc.array(fc.constantFrom(...CELLS), { minLength: 3, maxLength: 6 }), { minLength: 1, maxLength: 60 }),
});

async function read(text: string) {
  const stream = streamCsv('m.csv', { cwd: testdir({ 'm.csv': text }), limits: { maxStringLength: 20, maxDiagnosticsPerCode: 5 } });
  const rows: unknown[] = [];
  for await (const row of stream) rows.push(row);
  return { rows, diagnostics: stream.diagnostics, plan: stream.plan };
}

describe('lines read in place', () => {
  it('give the rows, positions and problems csv-parse gives', async () => {
    await fc.assert(
      fc.asyncProperty(file, async ({ header, separator, rows }) => {
        const width = header.length;
        // Rows of the header's width mostly, some ragged; a first row everybody reads alike.
        const lines = rows.map((cells, i) => (i % 7 === 3 ? cells : [...cells, ...Array(width).fill('7')].slice(0, width)).join(separator));
        const first = ['dossiers-online', '2025', ...Array(width - 2).fill('1')];
        const plain = [header.join(separator), first.join(separator), ...lines].join('\n');
        // A quoted first cell sends every line after it to csv-parse.
        const quoted = [header.join(separator), `"${first[0]}"${separator}${first.slice(1).join(separator)}`, ...lines].join('\n');
        const a = await read(`${plain}\n`);
        const b = await read(`${quoted}\n`);
        // The first row's own columns differ by its quotes; every other row must be read alike.
        expect(a.rows.slice(1)).toEqual(b.rows.slice(1));
        expect(a.diagnostics).toEqual(b.diagnostics);
        expect(a.plan).toEqual(b.plan);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('reads plain digits as numbers, text in NFC, and the same text as one string', async () => {
    const text = 'org,period,indicator,numerator,denominator\nXa\u0303 1,2025-01,dossiers-online,007,120\nXa\u0303 1,2025-02,dossiers-online,123456789012345,9\n';
    const stream = streamCsv('m.csv', { cwd: testdir({ 'm.csv': text }) });
    const rows = [];
    for await (const row of stream) rows.push(row);
    expect(rows.map((r) => r.values)).toEqual([
      { org: 'Xã 1', period: '2025-01', indicator: 'dossiers-online', numerator: 7, denominator: 120 },
      { org: 'Xã 1', period: '2025-02', indicator: 'dossiers-online', numerator: 123456789012345, denominator: 9 },
    ]);
    expect(rows.map((r) => r.columns)).toEqual([
      { org: 1, period: 7, indicator: 15, numerator: 31, denominator: 35 },
      { org: 1, period: 7, indicator: 15, numerator: 31, denominator: 47 },
    ]);
    expect(stream.diagnostics).toEqual([]);
  });
});
