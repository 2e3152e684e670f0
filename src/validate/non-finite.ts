import type { SourceDocument } from '../load/document.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { joinPointer } from './pointer.js';
import { diagnosticAt } from './report.js';

const NUMERIC_FIELDS = new Set(['value', 'numerator', 'denominator']);
// What a spreadsheet or a YAML writer puts where a number failed: NaN, Infinity, .nan, .inf.
const NON_FINITE_TEXT = /^[+-]?\.?(nan|inf|infinity)$/i;

/**
 * Finds numbers that are not numbers: NaN and ±Infinity anywhere in the data (YAML's `.nan`
 * and `.inf`), and the same words as text in a measurement's numeric fields (CSV cells).
 * Returns the diagnostics and the pointers they cover, so the schema's own complaint about
 * the same value can be left out. `base` is the pointer of `data` in its document.
 */
export function findNonFinite(doc: SourceDocument, data: unknown, base = ''): { diagnostics: Diagnostic[]; pointers: Set<string> } {
  const diagnostics: Diagnostic[] = [];
  const pointers = new Set<string>();
  const report = (pointer: string, value: unknown) => {
    pointers.add(pointer);
    diagnostics.push(diagnosticAt(doc, 'not-a-number', { pointer }, `${String(value)} is not a number; give a finite number`));
  };
  // The path is kept as tokens and spelt as a pointer only for a value reported: the walk
  // visits every node of every file, and nearly all are fine.
  const tokens: (string | number)[] = [];
  const walk = (node: unknown, depth: number, field: string | undefined) => {
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) report(joinPointer(base, ...tokens), node);
      return;
    }
    if (typeof node === 'string') {
      if (field === undefined || !NUMERIC_FIELDS.has(field)) return;
      const text = node.trim();
      if (!NON_FINITE_TEXT.test(text)) return;
      const pointer = joinPointer(base, ...tokens);
      if (/^\/measurements\/\d+\//.test(pointer)) report(pointer, text);
      return;
    }
    // The loader bounds depth; this guard keeps the walk safe on any input.
    if (node === null || typeof node !== 'object' || depth > 200) return;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        tokens.push(i);
        walk(node[i], depth + 1, undefined);
        tokens.pop();
      }
      return;
    }
    for (const key of Object.keys(node)) {
      tokens.push(key);
      walk((node as Record<string, unknown>)[key], depth + 1, key);
      tokens.pop();
    }
  };
  walk(data, 0, undefined);
  return { diagnostics, pointers };
}
