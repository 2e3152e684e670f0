import { describe, expect, it } from 'vitest';
import { createPool } from '../../src/evaluate/index.js';
import type { Entry } from '../../src/model/measurement.js';

function entries(lineOf: (i: number) => number, file: (i: number) => string = () => 'a.csv'): Entry[] {
  const out: Entry[] = [];
  for (let i = 0; i < 600; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    out.push({ indicator: 'dossiers-online', period: `2025-${month}`, org: `o${Math.floor(i / 12)}`, numerator: i % 5, denominator: 5 + (i % 3), file: file(i), line: lineOf(i) });
  }
  return out;
}

function shuffled<T>(list: T[], seed: number): T[] {
  const out = [...list];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function pooled(list: Entry[]) {
  const pool = createPool();
  for (const entry of list) pool.add(entry);
  return pool.actual('dossiers-online', 2025, 'percent');
}

describe("the order of an actual's cells", () => {
  it('is by line for one file, whatever order the entries came in', () => {
    const list = entries((i) => 2 + ((i * 7919) % 600));
    const a = pooled(list);
    expect(pooled(shuffled(list, 1))).toEqual(a);
    expect(pooled([...list].reverse())).toEqual(a);
    const lines = a.actual!.sources.flatMap((s) => ('lines' in s && Array.isArray(s.lines) ? s.lines : [s.line]));
    expect(lines).toEqual([...lines].sort((x, y) => x - y));
    expect(lines).toHaveLength(600);
  });

  it('is by file, line and content when entries share a line or come from several files', () => {
    const shared = entries((i) => 2 + (i % 50));
    expect(pooled(shuffled(shared, 2))).toEqual(pooled(shared));
    const files = entries((i) => 2 + i, (i) => (i % 3 === 0 ? 'b.csv' : 'a.csv'));
    const a = pooled(files);
    expect(pooled(shuffled(files, 3))).toEqual(a);
    expect(a.actual!.sources.map((s) => s.file)).toEqual(['a.csv', 'b.csv']);
  });
});
