import type { Evaluation } from '../../model/evaluation.js';
import type { EvaluationRenderer } from './types.js';

/**
 * The evaluation exactly as DESIGN.md's JSON shape, the one analysts and `ccp diff` read:
 * language and colour do not change it. Printed as `JSON.stringify(evaluation, null, 2)`
 * would print it, except that a source's `lines` stand on one line: a result pooled from
 * 48,000 rows would otherwise take 48,000 lines of the file, most of its bytes spaces.
 */
export const renderJson: EvaluationRenderer = (evaluation) =>
  // Without any `lines`, the two print alike, and node's own printer is the faster by far and
  // makes no garbage of small pieces: a short run's output is printed there.
  `${hasLines(evaluation) ? prettyJson(evaluation) : JSON.stringify(evaluation, null, 2)}\n`;

/** Whether a source anywhere in `evaluation` has its `lines`: the one place they are held. */
function hasLines(evaluation: Evaluation): boolean {
  for (const result of evaluation.results) {
    const sources = result.actual?.sources;
    if (sources !== undefined) for (const source of sources) if (source.lines !== undefined) return true;
  }
  return false;
}

const INDENT = '  ';

/**
 * `value` as `JSON.stringify(value, null, 2)` writes it, but with every array of numbers
 * held under a `lines` key written on one line, compactly (`[2,23,44]`). Plain data only:
 * no `toJSON`, no replacer.
 */
export function prettyJson(value: unknown): string {
  // Pieces are joined once at the end: joining at every level would copy megabytes of
  // line numbers once per level of nesting.
  const out: string[] = [];
  if (!write(value, '', false, out)) out.push('null');
  return out.join('');
}

/** Appends `value` to `out`; false (and nothing appended) for what JSON leaves out: undefined, functions, symbols. */
function write(value: unknown, indent: string, inline: boolean, out: string[]): boolean {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value) as string | undefined;
    if (text === undefined) return false;
    out.push(text);
    return true;
  }
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0 || inline) {
      out.push(JSON.stringify(value));
      return true;
    }
    out.push('[\n');
    for (let i = 0; i < value.length; i++) {
      out.push(i === 0 ? inner : `,\n${inner}`);
      if (!write(value[i], inner, false, out)) out.push('null');
    }
    out.push(`\n${indent}]`);
    return true;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[key];
    const mark = out.length;
    out.push(`${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `);
    if (write(member, inner, key === 'lines' && isNumberList(member), out)) first = false;
    else out.length = mark;
  }
  out.push(first ? '{}' : `\n${indent}}`);
  return true;
}

function isNumberList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'number') return false;
  return true;
}
