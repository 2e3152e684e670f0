import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { Prng } from './prng.js';

/** Text a hostile or careless data file may hold, in any field. */
export const HOSTILE_TEXT: readonly string[] = [
  '<script>alert(1)</script>',
  '=HYPERLINK("http://example.invalid","x")',
  '+1+1',
  '-2+3',
  '@SUM(A1)',
  '\t=1',
  '\r=1',
  '| a | b |',
  '`code`',
  '[x](javascript:alert(1))',
  '__proto__',
  'constructor',
  'Phòng Quản lý vận tải'.normalize('NFD'),
  '',
  ' ',
  '\u0000',
  '\u202eevil',
  '😀',
  'a'.repeat(10_000),
  'b'.repeat(10_001),
  '1.200',
  '80,5',
  'NaN',
  'Infinity',
  '-Infinity',
  '.inf',
  '1e400',
  '-0',
  '0x10',
  '2025-13',
  '2025-Q5',
  '2025-H1',
  '2025-Q4',
  '2025-12',
  '2031',
  '1999',
  'done',
  'in-progress',
  'not-started',
  'dossiers-e-transer',
  'dossiers-online',
  'mini-plan',
  'ccp/v2',
  'Plan',
  'Measurements',
  '*a',
  '&a',
  '!!js/function',
  '{{ x }}',
  '${process.env.HOME}',
  '../../../etc/passwd',
];

/** Numbers at the edges: zero, negatives, over 100, the largest and smallest doubles, non-finite. */
export const EDGE_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1,
  50,
  99.999999,
  100,
  100.0000001,
  101,
  1e21,
  1e308,
  -1e308,
  5e-324,
  2 ** 53 + 2,
  0.1 + 0.2,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  2025,
  2030,
  20251,
];

const SPECIAL_BYTES: readonly (readonly number[])[] = [
  [0x00],
  [0x22], // "
  [0x27], // '
  [0x3a], // :
  [0x3a, 0x20],
  [0x0a], // \n
  [0x0d], // \r
  [0x0d, 0x0a],
  [0xef, 0xbb, 0xbf], // BOM
  [0x2c], // ,
  [0x3b], // ;
  [0x09], // tab
  [0x23], // #
  [0x2d, 0x20], // "- "
  [0x7b], // {
  [0x5b], // [
  [0x26, 0x61, 0x20], // "&a "
  [0x2a, 0x61], // "*a"
  [0x21, 0x21], // "!!"
  [0x3c, 0x3c, 0x3a, 0x20], // "<<: "
  [0x2d, 0x2d, 0x2d, 0x0a], // "---\n"
  [0xff],
  [0xc3], // a lone lead byte
  [0xcc, 0x80], // a combining grave accent
  [0xf0], // the start of a four-byte sequence
  [0xed, 0xa0, 0x80], // an encoded surrogate
];

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** One mutation at byte level: flip, insert, delete, duplicate a range, insert a special token, truncate. */
export function mutateBytes(bytes: Uint8Array, rng: Prng): { bytes: Uint8Array; name: string } {
  const n = bytes.length;
  const at = rng.int(n + 1);
  const span = () => Math.min(n - at, rng.chance(0.8) ? rng.between(1, 8) : rng.between(1, 400));
  switch (rng.int(7)) {
    case 0: {
      if (n === 0) return { bytes, name: 'flip (empty)' };
      const i = rng.int(n);
      const copy = Uint8Array.from(bytes); // a copy even when given a Buffer, whose slice() is a view
      copy[i] = copy[i]! ^ (1 << rng.int(8));
      return { bytes: copy, name: `flip@${i}` };
    }
    case 1: {
      const byte = rng.int(256);
      return { bytes: concat(bytes.subarray(0, at), Uint8Array.of(byte), bytes.subarray(at)), name: `insert ${byte}@${at}` };
    }
    case 2: {
      const length = span();
      return { bytes: concat(bytes.subarray(0, at), bytes.subarray(at + length)), name: `delete ${length}@${at}` };
    }
    case 3: {
      const length = span();
      const range = bytes.subarray(at, at + length);
      const times = rng.chance(0.9) ? 1 : rng.between(2, 50);
      const copies = Array.from({ length: times }, () => range);
      return { bytes: concat(bytes.subarray(0, at + length), ...copies, bytes.subarray(at + length)), name: `duplicate ${length}x${times}@${at}` };
    }
    case 4:
    case 5: {
      const token = Uint8Array.from(rng.pick(SPECIAL_BYTES));
      return { bytes: concat(bytes.subarray(0, at), token, bytes.subarray(at)), name: `token ${[...token].join(',')}@${at}` };
    }
    default:
      return { bytes: bytes.subarray(0, at), name: `truncate@${at}` };
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Container = Json[] | { [key: string]: Json };
interface Place {
  parent: Container;
  key: string | number;
}

function places(root: Json): Place[] {
  const out: Place[] = [];
  const walk = (node: Json, depth: number) => {
    if (node === null || typeof node !== 'object' || depth > 12) return;
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        out.push({ parent: node, key: i });
        walk(child, depth + 1);
      });
    } else {
      for (const key of Object.keys(node)) {
        out.push({ parent: node, key });
        walk(node[key]!, depth + 1);
      }
    }
  };
  walk(root, 0);
  return out;
}

function get(place: Place): Json {
  return Array.isArray(place.parent) ? place.parent[place.key as number]! : place.parent[place.key as string]!;
}

function set(place: Place, value: Json): void {
  if (Array.isArray(place.parent)) place.parent[place.key as number] = value;
  else Object.defineProperty(place.parent, place.key, { value, enumerable: true, writable: true, configurable: true });
}

function nest(value: Json, depth: number, rng: Prng): Json {
  let out = value;
  const asMap = rng.chance(0.5);
  for (let i = 0; i < depth; i++) out = asMap ? { k: out } : [out];
  return out;
}

function anyValue(rng: Prng): Json {
  switch (rng.int(7)) {
    case 0:
      return rng.pick(HOSTILE_TEXT);
    case 1:
    case 2:
      return rng.pick(EDGE_NUMBERS);
    case 3:
      return rng.pick([true, false, null]);
    case 4:
      return [rng.pick(HOSTILE_TEXT), rng.pick(EDGE_NUMBERS)];
    case 5:
      return { [rng.pick(['value', 'vi', 'en', 'indicator', 'x', '__proto__'])]: rng.pick(EDGE_NUMBERS) };
    default:
      return rng.pick(['', 'x', '2025', 2025, '2025-H2']);
  }
}

/** One mutation of YAML data: drop a key, swap a type, nest deeply, a long string, an edge number, a duplicated item or key. */
export function mutateYamlData(data: Json, rng: Prng): { data: Json; name: string } {
  const root = structuredClone(data);
  const all = places(root);
  if (all.length === 0) return { data: anyValue(rng), name: 'replace root' };
  const place = rng.pick(all);
  const where = String(place.key);
  switch (rng.int(8)) {
    case 0:
      if (Array.isArray(place.parent)) place.parent.splice(place.key as number, 1);
      else delete place.parent[place.key as string];
      return { data: root, name: `drop ${where}` };
    case 1:
    case 2:
      set(place, anyValue(rng));
      return { data: root, name: `swap type ${where}` };
    case 3: {
      const depth = rng.pick([8, 63, 64, 65, 100]);
      set(place, nest(get(place), depth, rng));
      return { data: root, name: `nest ${depth} ${where}` };
    }
    case 4: {
      const length = rng.pick([9_999, 10_000, 10_001, 50_000]);
      set(place, rng.pick(['x', 'ệ', 'e\u0302\u0323']).repeat(length).slice(0, length));
      return { data: root, name: `long string ${length} ${where}` };
    }
    case 5:
      set(place, rng.pick([1e308, -1e308, 1.7976931348623157e308, 2 ** 63, 1e-300, -5e-324]));
      return { data: root, name: `huge number ${where}` };
    case 6:
      if (Array.isArray(place.parent)) {
        place.parent.splice(place.key as number, 0, structuredClone(get(place)));
        return { data: root, name: `duplicate item ${where}` };
      }
      set({ parent: place.parent, key: rng.pick(['__proto__', 'constructor', 'prototype', 'extra', `${where}\u0301`]) }, get(place));
      return { data: root, name: `add key ${where}` };
    default: {
      // A key renamed to its NFD twin or to a typo.
      if (Array.isArray(place.parent)) return { data: root, name: 'noop' };
      const value = get(place);
      delete place.parent[place.key as string];
      const renamed = rng.chance(0.5) ? `${where.slice(0, -1)}` : where.normalize('NFD') + '\u0300';
      set({ parent: place.parent, key: renamed }, value);
      return { data: root, name: `rename key ${where}` };
    }
  }
}

/** Line-level mutations YAML data cannot express: a key written twice, a deep flow nest, anchors and aliases. */
export function mutateYamlText(text: string, rng: Prng): { text: string; name: string } {
  const lines = text.split('\n');
  const keyLines = lines.map((line, i) => ({ line, i })).filter(({ line }) => /^\s*(- )?[\w-]+:/.test(line));
  const target = keyLines.length > 0 ? rng.pick(keyLines) : { line: lines[0] ?? '', i: 0 };
  switch (rng.int(5)) {
    case 4:
      return commentNoise(lines, target.i, rng);
    case 0: {
      const copy = target.line.replace(/^(\s*)- /, '$1  ');
      lines.splice(target.i + 1, 0, copy);
      return { text: lines.join('\n'), name: `duplicate key line ${target.i + 1}` };
    }
    case 1: {
      const depth = rng.pick([63, 64, 65, 1_000, 20_000]);
      lines[target.i] = target.line.replace(/:.*$/, `: ${'['.repeat(depth)}${']'.repeat(depth)}`);
      return { text: lines.join('\n'), name: `flow nest ${depth} line ${target.i + 1}` };
    }
    case 2: {
      const anchors = rng.between(1, 12);
      const fan = rng.between(2, 10);
      const bomb = [`x0: &a0 [lol, lol]`];
      for (let i = 1; i < anchors; i++) bomb.push(`x${i}: &a${i} [${Array.from({ length: fan }, () => `*a${i - 1}`).join(', ')}]`);
      lines.splice(rng.int(lines.length + 1), 0, ...bomb);
      return { text: lines.join('\n'), name: `aliases ${anchors}x${fan}` };
    }
    default: {
      const value = target.line.replace(/^(\s*(- )?[\w-]+:\s*)(.*)$/, '$3');
      lines[target.i] = target.line.replace(/:\s*.*$/, `: &z ${value}`);
      lines.splice(target.i + 1, 0, target.line.replace(/^(\s*)- /, '$1  ').replace(/^(\s*)([\w-]+):.*$/, '$1$2x: *z'));
      return { text: lines.join('\n'), name: `anchor and alias line ${target.i + 1}` };
    }
  }
}

const COMMENT_TEXT: readonly string[] = ['#', '# 80% [II.1.a] {x} & *y !z | > \\ @ `', '#a # b', "# it's", '#\t', '# a\rb: 1', '#: x', '# - y'];

/**
 * Comments, line breaks and indicators where the quick YAML reader has to tell them apart from
 * values: a comment line (any indent), a comment after a line, CRLF line breaks, a lone CR, or
 * `%`, `@`, `` ` ``, `#` or `'` put into a line.
 */
function commentNoise(lines: string[], at: number, rng: Prng): { text: string; name: string } {
  const line = lines[at] ?? '';
  switch (rng.int(5)) {
    case 0:
      lines.splice(at, 0, `${' '.repeat(rng.int(9))}${rng.pick(COMMENT_TEXT)}`);
      return { text: lines.join('\n'), name: `comment line before line ${at + 1}` };
    case 1:
      lines[at] = `${line}${rng.pick([' ', '  ', ''])}${rng.pick(COMMENT_TEXT)}`;
      return { text: lines.join('\n'), name: `comment after line ${at + 1}` };
    case 2:
      return { text: lines.join('\r\n'), name: 'CRLF line breaks' };
    case 3: {
      const column = rng.int(line.length + 1);
      lines[at] = `${line.slice(0, column)}\r${line.slice(column)}`;
      return { text: lines.join(rng.chance(0.5) ? '\r\n' : '\n'), name: `lone CR in line ${at + 1}` };
    }
    default: {
      const column = rng.int(line.length + 1);
      lines[at] = `${line.slice(0, column)}${rng.pick(['%', '@', '`', '#', ' #', "'", '"'])}${line.slice(column)}`;
      return { text: lines.join('\n'), name: `indicator in line ${at + 1}` };
    }
  }
}

/** Reads a YAML seed as plain data (seeds are valid). */
export function yamlData(text: string): Json {
  return parseYaml(text) as Json;
}

/** Writes data back as YAML, edge numbers included (.nan, .inf). */
export function yamlText(data: Json): string {
  return stringifyYaml(data, { lineWidth: 0 });
}

const CSV_CELLS: readonly string[] = [
  ...HOSTILE_TEXT.filter((text) => !text.includes('\u0000')),
  '1e400',
  '-5',
  '120',
  '0',
  '1,5',
  '1.234.567',
  '"',
  '""',
  'a"b',
  '" "',
];

/** One mutation of CSV records: drop or duplicate a column, swap cells, a hostile cell, ragged or duplicate rows. */
export function mutateCsvRecords(records: string[][], rng: Prng): { records: string[][]; name: string } {
  const rows = records.map((row) => [...row]);
  const width = rows[0]?.length ?? 0;
  if (rows.length === 0 || width === 0) return { records: [['indicator', 'period']], name: 'header only' };
  const column = rng.int(width);
  const row = rng.int(rows.length);
  switch (rng.int(8)) {
    case 0:
      for (const r of rows) r.splice(column, 1);
      return { records: rows, name: `drop column ${column}` };
    case 1:
      for (const r of rows) r.splice(column, 0, r[column] ?? '');
      return { records: rows, name: `duplicate column ${column}` };
    case 2: {
      const other = rng.int(width);
      const r = rows[row]!;
      [r[column], r[other]] = [r[other] ?? '', r[column] ?? ''];
      return { records: rows, name: `swap cells ${row}:${column}/${other}` };
    }
    case 3:
    case 4:
      rows[row]![column] = rng.pick(CSV_CELLS);
      return { records: rows, name: `cell ${row}:${column}` };
    case 5:
      if (rng.chance(0.5)) rows[row]!.pop();
      else rows[row]!.push(rng.pick(CSV_CELLS));
      return { records: rows, name: `ragged row ${row}` };
    case 6: {
      const times = rng.chance(0.8) ? 1 : rng.between(2, 200);
      rows.splice(row + 1, 0, ...Array.from({ length: times }, () => [...rows[row]!]));
      return { records: rows, name: `duplicate row ${row} x${times}` };
    }
    default:
      rows[0]![column] = rng.pick(['', 'value', 'numerater', 'plan', '__proto__', 'Indicator', ' period ', 'title']);
      return { records: rows, name: `header ${column}` };
  }
}

/** Reads a CSV seed (valid) as records, with its separator. */
export function csvRecords(text: string): { records: string[][]; separator: ',' | ';' } {
  const clean = text.replace(/^\uFEFF/, '');
  const first = clean.split(/\r?\n/, 1)[0] ?? '';
  const separator = (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
  return { records: parseCsv(clean, { delimiter: separator, relax_column_count: true }) as string[][], separator };
}

/** Writes records as CSV, sometimes with a BOM and CRLF as Excel does. */
export function csvText(records: string[][], separator: ',' | ';', rng: Prng): string {
  const crlf = rng.chance(0.3);
  const body = stringifyCsv(records, { delimiter: separator, record_delimiter: crlf ? '\r\n' : '\n' });
  return (rng.chance(0.3) ? '\uFEFF' : '') + body;
}

const TEXT_FIELDS = new Set(['note', 'source', 'evidence', 'org', 'title', 'vi', 'en', 'quote', 'issuer']);

/**
 * A mutation that keeps the file valid most of the time, so that evaluation and every renderer
 * see hostile text: a text field's content replaced, a number nudged within 0–100.
 */
export function mutateYamlGently(data: Json, rng: Prng): { data: Json; name: string } {
  const root = structuredClone(data);
  const all = places(root).filter((place) => {
    const value = get(place);
    return (typeof value === 'string' && TEXT_FIELDS.has(String(place.key))) || (typeof value === 'number' && String(place.key) === 'value');
  });
  if (all.length === 0) return { data: root, name: 'gentle noop' };
  const place = rng.pick(all);
  if (typeof get(place) === 'number') {
    set(place, rng.pick([0, 0.5, 33.333333, 99.99, 100]));
    return { data: root, name: `gentle number ${String(place.key)}` };
  }
  const text = rng.pick(HOSTILE_TEXT.filter((t) => t.length <= 10_000 && t.trim() !== ''));
  set(place, rng.chance(0.5) ? text : `${text} ${rng.pick(HOSTILE_TEXT.slice(0, 13))}`);
  return { data: root, name: `gentle text ${String(place.key)}` };
}

/** The CSV counterpart of `mutateYamlGently`: a text cell (note, org, source, evidence) made hostile. */
export function mutateCsvGently(records: string[][], rng: Prng): { records: string[][]; name: string } {
  const rows = records.map((row) => [...row]);
  const header = rows[0] ?? [];
  const columns = header.map((name, i) => ({ name: name.trim(), i })).filter(({ name }) => ['note', 'source', 'evidence', 'org', 'title'].includes(name));
  if (columns.length === 0 || rows.length < 2) return { records: rows, name: 'gentle noop' };
  const { name, i } = rng.pick(columns);
  const row = rng.between(1, rows.length - 1);
  rows[row]![i] = rng.pick(HOSTILE_TEXT.filter((t) => t.length <= 10_000 && t.trim() !== '' && !t.includes('\u0000')));
  return { records: rows, name: `gentle ${name} row ${row}` };
}
