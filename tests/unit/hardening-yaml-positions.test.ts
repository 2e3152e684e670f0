import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/load/document.js';
import { parseYamlText } from '../../src/load/yaml-document.js';

const source = { file: 'data.yaml', path: '/data.yaml' };

/** The 1-based line and column of a character offset, counted here from the text itself. */
function placeOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

describe('YAML positions on broken input', () => {
  it('names the right line for an error after a stray control character (found by fuzzing)', () => {
    const text = '[]]\u0007\nd:';
    const doc = parseYamlText(text, source, LIMITS);
    const lines = text.split('\n');
    expect(doc.diagnostics.length).toBeGreaterThan(0);
    for (const d of doc.diagnostics) {
      expect(d.line, JSON.stringify(d)).toBeLessThanOrEqual(lines.length);
      expect(d.column, JSON.stringify(d)).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
    }
    // The parser's complaint about `d:` is on line 2, where `d:` is.
    expect(doc.diagnostics.some((d) => d.line === 2)).toBe(true);
  });

  it('keeps every position inside its line in a long file broken early', () => {
    const body = Array.from({ length: 40 }, (_, i) => `  - indicator: x${i}\n    value: ${i}`).join('\n');
    const text = `[]]\u0007\napiVersion: ccp/v1\nkind: Measurements\nmeasurements:\n${body}\nnote: {\n`;
    const doc = parseYamlText(text, source, LIMITS);
    const lines = text.split('\n');
    for (const d of doc.diagnostics) {
      expect(d.line, JSON.stringify(d)).toBeLessThanOrEqual(lines.length);
      expect(d.column, JSON.stringify(d)).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
    }
  });

  it('locates values the same way as it counts lines for diagnostics', () => {
    const text = 'apiVersion: ccp/v1\r\nkind: Measurements\r\nmeasurements:\r\n  - indicator: "ệ"\r\n    value: 5\r\n';
    const doc = parseYamlText(text, source, LIMITS);
    expect(doc.locate('/measurements/0/value')).toEqual(placeOf(text, text.indexOf('5')));
    expect(doc.locate('/measurements/0/indicator')).toEqual(placeOf(text, text.indexOf('"ệ"')));
  });
});

describe('YAML diagnostics on broken input', () => {
  it('says a problem once, however many open brackets the parser complains about there', () => {
    const text = `apiVersion: ccp/v1\nkind: Measurements\nplan: ${'['.repeat(60)}\nmeasurements: []\n`;
    const doc = parseYamlText(text, source, LIMITS);
    const places = doc.diagnostics.map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`);
    expect(places.length).toBeGreaterThan(0);
    expect(places).toEqual([...new Set(places)]);
  });
});
