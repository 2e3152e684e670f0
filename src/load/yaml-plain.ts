import type { Position, SourceDocument } from './document.js';
import { parsePointer } from './json-pointer.js';
import type { Limits } from './limits.js';
import { isForbiddenKey, sanitize } from './sanitize.js';

/**
 * A quick reader for the plainest YAML, the shape nearly every data file has: block mappings
 * and sequences indented with spaces, `key: value` lines, numbers, true/false and strings that
 * are plain or quoted without escapes, full-line comments. It gives up (undefined) at anything
 * else, and then the full parser reads the file: it is an optimisation, never a second dialect.
 * Whatever it returns is what the full parser makes of the same text, data and positions alike
 * (tests compare the two on every fixture and on generated documents).
 */

type Limited = Pick<Limits, 'maxDepth' | 'maxStringLength'>;

/** A value and where it starts; for a pair, where its key starts too. */
interface PlainNode {
  value: unknown;
  start: number;
  key?: number;
  /** Children by key (mappings) or index (sequences). */
  children?: Map<string, PlainNode> | PlainNode[];
}

interface Line {
  indent: number;
  /** Offset of the first character after the indent. */
  start: number;
  /** The content after the indent, without trailing spaces. */
  text: string;
}

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
const NUMBER = /^-?(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,15})?$/;
/** Everything the YAML 1.2 core schema reads as other than a string, besides the NUMBER and true/false read here. */
const CORE_SPECIAL =
  /^(?:~|null|Null|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
/** Characters that make a file more than plain: tabs, CR, controls, flow, anchors, tags, block scalars, escapes, directives. */
const NOT_PLAIN = /[\t\r\x00-\x08\x0b-\x1f\x7f\u0085\u2028\u2029\ufeff{}[\]&*!|>%@`\\]/;
const BAD_PLAIN_START = /^[-?:,#'"]/;

class GiveUp extends Error {}

function giveUp(): never {
  throw new GiveUp();
}

/** The value of a scalar written after `key: ` or `- `, or a give-up. */
function scalar(text: string, limits: Limited): unknown {
  const first = text[0];
  if (first === '"' || first === "'") {
    if (text.length < 2 || text[text.length - 1] !== first) giveUp();
    const body = text.slice(1, -1);
    if (body.includes(first)) giveUp();
    if (body.length > limits.maxStringLength) giveUp();
    return body;
  }
  if (NUMBER.test(text)) return Number(text);
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (CORE_SPECIAL.test(text) || BAD_PLAIN_START.test(text) || text.includes(': ') || text.includes(' #') || text.endsWith(':')) giveUp();
  if (text.length > limits.maxStringLength) giveUp();
  return text;
}

class Reader {
  private index = 0;

  constructor(
    private readonly lines: Line[],
    private readonly limits: Limited,
  ) {}

  done(): boolean {
    return this.index >= this.lines.length;
  }

  /** The block (mapping or sequence) whose first line is the current one. */
  block(depth: number): PlainNode {
    // Short of the limit: the full parser says what is too deep, and where.
    if (depth >= this.limits.maxDepth) giveUp();
    const line = this.lines[this.index]!;
    return line.text === '-' || line.text.startsWith('- ') ? this.sequence(line.indent, depth) : this.mapping(line.indent, line.start, depth, line.text);
  }

  /** Pairs at `indent`; the first may sit after a sequence's dash (`text` and `start` are then that remainder's). */
  private mapping(indent: number, start: number, depth: number, firstText: string): PlainNode {
    const value: Record<string, unknown> = {};
    const children = new Map<string, PlainNode>();
    let text = firstText;
    let at = start;
    for (;;) {
      const match = KEY.exec(text);
      if (match === null) giveUp();
      const name = match[1]!;
      // A key the core schema reads as null or a boolean is no string key.
      if (children.has(name) || isForbiddenKey(name) || CORE_SPECIAL.test(name) || name.length > this.limits.maxStringLength) giveUp();
      const rest = match[2];
      this.index++;
      let child: PlainNode;
      if (rest !== undefined && rest !== '') {
        // `rest` ends the (trimmed) line: it starts that many characters before its end.
        child = { value: scalar(rest, this.limits), start: at + text.length - rest.length };
      } else {
        const next = this.lines[this.index];
        // An empty value, or a nested block at the same indent: the full parser's business.
        if (next === undefined || next.indent <= indent) giveUp();
        child = this.block(depth + 1);
      }
      child.key = at;
      value[name] = child.value;
      children.set(name, child);
      const next = this.lines[this.index];
      if (next === undefined || next.indent < indent) break;
      if (next.indent > indent) giveUp();
      text = next.text;
      at = next.start;
    }
    return { value, start, children };
  }

  private sequence(indent: number, depth: number): PlainNode {
    const value: unknown[] = [];
    const children: PlainNode[] = [];
    const start = this.lines[this.index]!.start;
    for (;;) {
      const line = this.lines[this.index];
      if (line === undefined || line.indent < indent) break;
      if (line.indent > indent || !line.text.startsWith('- ')) giveUp();
      const rest = line.text.slice(2);
      if (rest === '' || rest.startsWith(' ')) giveUp();
      const restStart = line.start + 2;
      let child: PlainNode;
      if (KEY.test(rest)) {
        if (depth + 1 >= this.limits.maxDepth) giveUp();
        // The item's mapping continues on the lines indented to its first key.
        child = this.mapping(indent + 2, restStart, depth + 1, rest);
      } else {
        child = { value: scalar(rest, this.limits), start: restStart };
        this.index++;
      }
      value.push(child.value);
      children.push(child);
    }
    return { value, start, children };
  }
}

/** The significant lines of `text` (not blank, not a full-line comment), or a give-up. */
function significantLines(text: string, lineStarts: readonly number[]): Line[] {
  const lines: Line[] = [];
  for (let i = 0; i < lineStarts.length; i++) {
    const from = lineStarts[i]!;
    const to = i + 1 < lineStarts.length ? lineStarts[i + 1]! - 1 : text.length;
    const raw = text.slice(from, to);
    const body = raw.trimStart();
    if (body === '' || body.startsWith('#')) continue;
    if (raw.startsWith('---') || raw.startsWith('...')) giveUp();
    lines.push({ indent: raw.length - body.length, start: from + raw.length - body.length, text: body.trimEnd() });
  }
  return lines;
}

/**
 * Reads `text` when it is plain YAML (see above): its data as plain JavaScript (not yet
 * sanitised) and a `locate` giving the offset the full parser's document would give for a
 * JSON pointer. Undefined when the text is anything more.
 */
export function readPlainYaml(
  text: string,
  lineStarts: readonly number[],
  limits: Limited,
): { data: unknown; locate: (pointer: string, options?: { key?: boolean }) => number } | undefined {
  if (NOT_PLAIN.test(text) || text.includes(' #')) return undefined;
  let root: PlainNode;
  try {
    const lines = significantLines(text, lineStarts);
    if (lines.length === 0 || lines[0]!.indent !== 0 || lines[0]!.text.startsWith('-')) return undefined;
    const reader = new Reader(lines, limits);
    root = reader.block(1);
    if (!reader.done()) return undefined;
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
  const locate = (pointer: string, options: { key?: boolean } = {}): number => {
    let node = root;
    let position = root.start;
    let keyPosition: number | undefined;
    for (const segment of parsePointer(pointer)) {
      const children = node.children;
      let next: PlainNode | undefined;
      if (children instanceof Map) next = children.get(segment.normalize('NFC'));
      else if (children !== undefined && /^(0|[1-9]\d*)$/.test(segment)) next = children[Number(segment)];
      if (next === undefined) break;
      node = next;
      keyPosition = next.key;
      position = next.start;
    }
    return options.key === true && keyPosition !== undefined ? keyPosition : position;
  };
  return { data: root.value, locate };
}

/** The offsets at which the lines of `text` start. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line and column of an offset, given where the lines start. */
export function positionIn(text: string, lineStarts: readonly number[], offset: number): Position {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= clamped) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: clamped - lineStarts[low]! + 1 };
}

/**
 * The SourceDocument of plain YAML text (data sanitised as the full parser's is), without
 * loading the YAML library at all; undefined when the text is more than plain.
 */
export function plainYamlDocument(text: string, source: { file: string; path: string }, limits: Limited, lineStarts = lineStartsOf(text)): SourceDocument | undefined {
  const plain = readPlainYaml(text, lineStarts, limits);
  if (plain === undefined) return undefined;
  return {
    file: source.file,
    path: source.path,
    format: 'yaml',
    data: sanitize(plain.data),
    locate: (pointer, options) => positionIn(text, lineStarts, plain.locate(pointer, options)),
    diagnostics: [],
  };
}
