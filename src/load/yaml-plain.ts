import type { Diagnostic } from '../model/diagnostic.js';
import type { Position, SourceDocument } from './document.js';
import { parsePointer } from './json-pointer.js';
import type { Limits } from './limits.js';
import { isForbiddenKey, toNfc } from './sanitize.js';

/**
 * A quick reader for the plainest YAML, the shape nearly every data file has: block mappings
 * and sequences indented with spaces, `key: value` lines, numbers, true/false and strings that
 * are plain or quoted without escapes, comments. It gives up (undefined) at anything
 * else, and then the full parser reads the file: it is an optimisation, never a second dialect.
 * Whatever it returns is what the full parser makes of the same text, data and positions alike
 * (tests compare the two on every fixture and on generated documents).
 */

type Limited = Pick<Limits, 'maxDepth' | 'maxStringLength'>;

const NUMBER = /^-?(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,15})?$/;
/** Everything the YAML 1.2 core schema reads as other than a string, besides the NUMBER and true/false read here. */
const CORE_SPECIAL =
  /^(?:~|null|Null|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
/**
 * Characters that make a line more than plain: tabs, CR (but a CRLF's), controls, anchors, tags,
 * block scalars, escapes (NOT_PLAIN), and every space but the ASCII one, which alone indents
 * (ODD_SPACE). Two classes, not one: a class of only ASCII or only a few other characters is
 * searched several times faster than the two mixed. A full-line comment may hold any of
 * NOT_PLAIN but the controls (see `plainText`). Flow brackets are the scalar's business: a value
 * may be a one-line flow collection of scalars, and a plain scalar holding one is left to the
 * full parser. The directive and reserved indicators `%`, `@` and `` ` `` mean something only
 * where a line or a scalar starts, and the reader takes no key and no plain scalar starting with
 * one (BAD_PLAIN_START): "85%" is a plain value.
 */
const NOT_PLAIN = /[\t\r\x00-\x08\x0b-\x1f\x7f&*!|>\\]/g;
const ODD_SPACE = /[\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
const BAD_PLAIN_START = /^[-?:,#'"%@`]/;
const INDEX = /^(0|[1-9]\d*)$/;

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const HASH = 0x23;
const DELETE = 0x7f;
const DASH = 0x2d;
const DOT = 0x2e;
const COLON = 0x3a;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
/** What ends a plain scalar inside a flow collection, or makes the line more than this reader takes. */
const FLOW_STOP = /[,[\]{}]/g;
const BRACKETS = /[[\]{}]/;

/** Whether `code` may continue a key: a letter, a digit, `_` or `-`. */
function isKeyChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === DASH;
}

/**
 * Keys already read and found fit (plain, not special, not forbidden), shared by every file:
 * data files use a few dozen keys again and again, and a key found here is neither cut out of
 * the text nor checked again, and is the same string every object already uses as a property.
 */
const knownKeys: string[] = [];
const KNOWN_KEYS_MAX = 64;

class GiveUp extends Error {}

function giveUp(): never {
  throw new GiveUp();
}

/**
 * Where the positions of one container's children start: for a mapping, the key's and the
 * value's offset of each pair in the order of its keys; for a sequence, each item's offset
 * (or, read without positions, each item's 1-based line).
 */
type Offsets = number[];

/** Numbers kept per significant line: its indent, content offset, end offset and 1-based line. */
const LINE_FIELDS = 4;

/**
 * The table of significant lines, one for every read: a reader is made, used and let go
 * within one synchronous call, so no two readers ever use it at once.
 */
let lineTable = new Int32Array(256 * LINE_FIELDS);

/** Lines of the largest table kept between reads; one made for a larger file is let go after it. */
const KEPT_LINES = 64 * 1024;

/**
 * Reads the significant lines (not blank, not a full-line comment) of a text already known to
 * hold no tab, no CR but before a LF, and no other space than ' '. A line is four numbers in
 * `lines`: its indent, the offset of its content, the offset just past it (a CRLF's CR and
 * trailing spaces cut) and its 1-based number, so that nothing is cut out of the text but keys
 * and scalars.
 */
class Reader {
  private index = 0;
  private count = 0;
  private lines = lineTable;
  /** The offset of the value the last call to `block` read. */
  private blockStart = 0;
  /** Children's offsets by container; only containers this reader made are in it. */
  readonly offsets = new Map<object, Offsets>();

  constructor(
    private readonly text: string,
    private readonly limits: Limited,
    /**
     * Whether every container's offsets are kept. Without, only sequences' children are, as
     * their lines: an entry's line is asked for every entry, any other place only for a diagnostic.
     */
    private readonly positions: boolean,
  ) {
    const length = text.length;
    let number = 0;
    for (let from = 0; from <= length; ) {
      let to = text.indexOf('\n', from);
      if (to === -1) to = length;
      number++;
      // A CRLF line ends at its CR (`plainText` lets no other CR through).
      const stop = to > from && text.charCodeAt(to - 1) === CR ? to - 1 : to;
      let start = from;
      while (start < stop && text.charCodeAt(start) === SPACE) start++;
      if (start !== stop && text.charCodeAt(start) !== HASH) {
        const first = text.charCodeAt(from);
        if ((first === DASH || first === DOT) && (text.startsWith('---', from) || text.startsWith('...', from))) giveUp();
        let end = stop;
        while (text.charCodeAt(end - 1) === SPACE) end--;
        const at = this.count++ * LINE_FIELDS;
        if (at + LINE_FIELDS > this.lines.length) this.grow();
        this.lines[at] = start - from;
        this.lines[at + 1] = start;
        this.lines[at + 2] = end;
        this.lines[at + 3] = number;
      }
      from = to + 1;
    }
  }

  private grow(): void {
    const bigger = new Int32Array(this.lines.length * 2);
    bigger.set(this.lines);
    this.lines = lineTable = bigger;
  }

  get empty(): boolean {
    return this.count === 0;
  }

  done(): boolean {
    return this.index >= this.count;
  }

  private indent(line: number): number {
    return this.lines[line * LINE_FIELDS]!;
  }

  private start(line: number): number {
    return this.lines[line * LINE_FIELDS + 1]!;
  }

  private end(line: number): number {
    return this.lines[line * LINE_FIELDS + 2]!;
  }

  /** Whether the content from `start` to `end` is a sequence item: `-` alone or `- ` and more. */
  private isItem(start: number, end: number): boolean {
    return this.text.charCodeAt(start) === DASH && (end - start === 1 || this.text.charCodeAt(start + 1) === SPACE);
  }

  /**
   * The offset of the colon when the content from `start` to `end` is a `key:` or `key: value`
   * pair with a plain key (letters, digits, `_`, `-`; not starting with a digit or `-`), else -1.
   */
  private keyColon(start: number, end: number): number {
    const text = this.text;
    const first = text.charCodeAt(start);
    if (!((first >= 0x61 && first <= 0x7a) || (first >= 0x41 && first <= 0x5a) || first === 0x5f)) return -1;
    let at = start + 1;
    while (at < end && isKeyChar(text.charCodeAt(at))) at++;
    if (at >= end || text.charCodeAt(at) !== COLON) return -1;
    return at + 1 === end || text.charCodeAt(at + 1) === SPACE ? at : -1;
  }

  /** The key from `start` to `end`, when it is fit to be read here; a give-up otherwise. */
  private keyName(start: number, end: number): string {
    const length = end - start;
    // Limits differ between calls (tests narrow them): the one check that depends on them is made every time.
    if (length > this.limits.maxStringLength) giveUp();
    // An index, not for…of: the reader runs cold for most of a run, and there every step of an
    // iterator is an object made and thrown away, for every key of every file.
    for (let i = 0; i < knownKeys.length; i++) {
      const known = knownKeys[i]!;
      if (known.length === length && this.text.startsWith(known, start)) return known;
    }
    const name = this.text.slice(start, end);
    // A key the core schema reads as null or a boolean is no string key.
    if (isForbiddenKey(name) || CORE_SPECIAL.test(name)) giveUp();
    if (knownKeys.length < KNOWN_KEYS_MAX) knownKeys.push(name);
    return name;
  }

  /** The block (mapping or sequence) whose first line is the current one; its offset in `blockStart`. */
  block(depth: number): unknown {
    // Short of the limit: the full parser says what is too deep, and where.
    if (depth >= this.limits.maxDepth) giveUp();
    const line = this.index;
    const start = this.start(line);
    const end = this.end(line);
    if (this.isItem(start, end)) return this.sequence(this.indent(line), depth);
    return this.mapping(this.indent(line), start, depth, end);
  }

  /** Pairs at `indent`; the first may sit after a sequence's dash (`start` and `end` are then that remainder's). */
  private mapping(indent: number, start: number, depth: number, firstEnd: number): Record<string, unknown> {
    const text = this.text;
    const value: Record<string, unknown> = {};
    const offsets: Offsets | undefined = this.positions ? [] : undefined;
    let from = start;
    let end = firstEnd;
    for (;;) {
      const colon = this.keyColon(from, end);
      if (colon === -1) giveUp();
      const name = this.keyName(from, colon);
      if (Object.hasOwn(value, name)) giveUp();
      this.index++;
      let valueStart: number;
      let child: unknown;
      if (colon + 1 < end && !this.isComment(colon + 1, end)) {
        valueStart = colon + 2;
        while (text.charCodeAt(valueStart) === SPACE) valueStart++;
        child = this.scalar(valueStart, end, depth + 1, this.index - 1);
      } else {
        // An empty value, or a nested block at the same indent: the full parser's business.
        if (this.done() || this.indent(this.index) <= indent) giveUp();
        child = this.block(depth + 1);
        valueStart = this.blockStart;
      }
      value[name] = child;
      if (offsets !== undefined) offsets.push(from, valueStart);
      if (this.done()) break;
      const next = this.indent(this.index);
      if (next < indent) break;
      if (next > indent) giveUp();
      from = this.start(this.index);
      end = this.end(this.index);
    }
    if (offsets !== undefined) this.offsets.set(value, offsets);
    this.blockStart = start;
    return value;
  }

  private sequence(indent: number, depth: number): unknown[] {
    const text = this.text;
    const value: unknown[] = [];
    const offsets: Offsets = [];
    const start = this.start(this.index);
    while (!this.done()) {
      const line = this.index;
      const lineIndent = this.indent(line);
      if (lineIndent < indent) break;
      const from = this.start(line);
      const end = this.end(line);
      if (lineIndent > indent || text.charCodeAt(from) !== DASH || end - from < 2 || text.charCodeAt(from + 1) !== SPACE) giveUp();
      const rest = from + 2;
      if (rest >= end || text.charCodeAt(rest) === SPACE) giveUp();
      let child: unknown;
      if (this.keyColon(rest, end) !== -1) {
        if (depth + 1 >= this.limits.maxDepth) giveUp();
        // The item's mapping continues on the lines indented to its first key.
        child = this.mapping(indent + 2, rest, depth + 1, end);
      } else {
        child = this.scalar(rest, end, depth + 1, line);
        this.index++;
      }
      value.push(child);
      offsets.push(this.positions ? rest : this.lines[line * LINE_FIELDS + 3]!);
    }
    this.offsets.set(value, offsets);
    this.blockStart = start;
    return value;
  }

  /**
   * The value of digits alone from `start` to `end` that NUMBER reads as an integer (no leading
   * zero, at most 15 digits, so exact), else -1. Counts are nearly every number of a data file:
   * read from the character codes, they are neither cut out of the text nor matched.
   */
  private plainInteger(start: number, end: number): number {
    const length = end - start;
    if (length === 0 || length > 15) return -1;
    const text = this.text;
    let value = 0;
    for (let at = start; at < end; at++) {
      const digit = text.charCodeAt(at) - 0x30;
      if (digit < 0 || digit > 9) return -1;
      value = value * 10 + digit;
    }
    return length > 1 && text.charCodeAt(start) === 0x30 ? -1 : value;
  }

  /**
   * The value written after `key: ` or `- ` (up to the line's end): a scalar, or a collection of
   * scalars in flow style on this one line; a give-up otherwise. `depth` is the value's, `line`
   * the index of its line.
   */
  private scalar(start: number, end: number, depth: number, line: number): unknown {
    const first = this.text.charCodeAt(start);
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      const close = this.quoted(start, end);
      // After it, nothing but a comment.
      if (close + 1 < end && !this.isComment(close + 1, end)) giveUp();
      return toNfc(this.text.slice(start + 1, close));
    }
    if (first === OPEN_BRACKET || first === OPEN_BRACE) return this.flow(start, end, depth, line);
    const integer = this.plainInteger(start, end);
    if (integer !== -1) return integer;
    let text = this.text.slice(start, end);
    // A comment after the value starts at a `#` with a space before it.
    const comment = text.indexOf(' #');
    if (comment !== -1) text = text.slice(0, comment).trimEnd();
    // Brackets inside a plain scalar: the full parser's business (a comma is plain text here).
    if (BRACKETS.test(text)) giveUp();
    return this.plain(text);
  }

  /** The offset of the quote closing the quoted scalar at `start`, on its line; a give-up when there is none. */
  private quoted(start: number, end: number): number {
    // The next quote of the same kind closes it (an escaped one, `''`, is then left over).
    const close = this.text.indexOf(this.text.charCodeAt(start) === DOUBLE_QUOTE ? '"' : "'", start + 1);
    if (close === -1 || close >= end || close - start - 1 > this.limits.maxStringLength) giveUp();
    return close;
  }

  /** The value of plain scalar `text` (a number, true, false or a string); a give-up for what the core schema reads otherwise. */
  private plain(text: string): unknown {
    if (NUMBER.test(text)) return Number(text);
    if (text === 'true') return true;
    if (text === 'false') return false;
    if (CORE_SPECIAL.test(text) || BAD_PLAIN_START.test(text) || text.includes(': ') || text.endsWith(':')) giveUp();
    if (text.length > this.limits.maxStringLength) giveUp();
    return toNfc(text);
  }

  /**
   * A flow collection of scalars on one line from `start` (its `[` or `{`): `[2021, 2030]`,
   * `{ vi: "…", en: "…" }`. Nothing nested, no empty entry, keys plain as block keys, and a plain
   * scalar holding no `:` (the full parser reads some of those as pairs); after the closing
   * bracket, nothing but a comment.
   */
  private flow(start: number, end: number, depth: number, line: number): unknown {
    if (depth >= this.limits.maxDepth) giveUp();
    const text = this.text;
    const isMap = text.charCodeAt(start) === OPEN_BRACE;
    const closing = isMap ? CLOSE_BRACE : CLOSE_BRACKET;
    const value: unknown[] | Record<string, unknown> = isMap ? {} : [];
    // A mapping's offsets only when positions are kept; a sequence's always (its items' lines without).
    const offsets: Offsets | undefined = isMap && !this.positions ? undefined : [];
    let at = this.afterSpaces(start + 1, end);
    if (text.charCodeAt(at) === closing) at++;
    else {
      for (;;) {
        const keyAt = at;
        let name = '';
        if (isMap) {
          const colon = this.keyColon(at, end);
          if (colon === -1 || colon + 1 >= end) giveUp();
          name = this.keyName(at, colon);
          if (Object.hasOwn(value, name)) giveUp();
          at = this.afterSpaces(colon + 2, end);
        }
        const itemAt = at;
        let item: unknown;
        const first = text.charCodeAt(at);
        if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
          const close = this.quoted(at, end);
          item = toNfc(text.slice(at + 1, close));
          at = close + 1;
        } else {
          FLOW_STOP.lastIndex = at;
          const stop = FLOW_STOP.exec(text);
          const to = stop === null ? end : Math.min(stop.index, end);
          const code = text.charCodeAt(to);
          if (to >= end || code === OPEN_BRACKET || code === OPEN_BRACE) giveUp();
          const plain = text.slice(at, to).trimEnd();
          if (plain === '' || plain.includes(':') || plain.includes(' #')) giveUp();
          item = this.plain(plain);
          at += plain.length;
        }
        if (isMap) (value as Record<string, unknown>)[name] = item;
        else (value as unknown[]).push(item);
        if (offsets !== undefined) {
          if (isMap) offsets.push(keyAt, itemAt);
          else offsets.push(this.positions ? itemAt : this.lines[line * LINE_FIELDS + 3]!);
        }
        at = this.afterSpaces(at, end);
        const next = text.charCodeAt(at);
        at++;
        if (next === closing) break;
        if (next !== COMMA) giveUp();
        at = this.afterSpaces(at, end);
        // A comma before the closing bracket (an empty entry): the full parser's business.
        if (at >= end || text.charCodeAt(at) === closing) giveUp();
      }
    }
    if (at < end && !this.isComment(at, end)) giveUp();
    if (offsets !== undefined) this.offsets.set(value, offsets);
    return value;
  }

  /** Whether the text from `from` to `end` is a comment after a value: spaces, then `#`. */
  private isComment(from: number, end: number): boolean {
    const at = this.afterSpaces(from, end);
    return at > from && at < end && this.text.charCodeAt(at) === HASH;
  }

  /** The offset of the first character from `at` (up to `end`) that is not a space. */
  private afterSpaces(at: number, end: number): number {
    while (at < end && this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  /** The first line's content offset (where the document's root starts). */
  firstLine(): { indent: number; start: number; end: number } {
    return { indent: this.indent(0), start: this.start(0), end: this.end(0) };
  }
}

/** A JSON pointer's tokens, as `parsePointer` gives them; without a `~` there is nothing to decode. */
function tokensOf(pointer: string): string[] {
  if (pointer.includes('~')) return parsePointer(pointer);
  if (pointer === '' || pointer === '/') return [];
  return (pointer.charCodeAt(0) === 0x2f ? pointer.slice(1) : pointer).split('/');
}

/** What `readPlainYaml` gives: the data, and the offsets the full parser's document gives. */
export interface PlainYaml {
  data: unknown;
  /** The offset of the value (or, with `key`, the key) at a JSON pointer, as `SourceDocument.locate` places it. */
  locate(pointer: string, options?: { key?: boolean }): number;
  /** The 1-based line of item `index` of a sequence in `data`, found without a pointer; undefined for anything else. */
  itemLine(sequence: readonly unknown[], index: number): number | undefined;
}

/** The tree read and every container's children's offsets, for a walk from the root. */
interface Tree {
  root: unknown;
  rootStart: number;
  offsets: Map<object, Offsets>;
}

/**
 * Where the line holding offset `at` ends, when that line is a full-line comment (only spaces
 * before its `#`) whose `#` stands at or before `at`; else -1.
 */
function commentLineEnd(text: string, at: number): number {
  let start = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
  while (start < at && text.charCodeAt(start) === SPACE) start++;
  if (text.charCodeAt(start) !== HASH) return -1;
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end;
}

/**
 * Whether `text` holds nothing the reader leaves to the full parser, save in full-line comments,
 * which YAML does not read: there (only there) NOT_PLAIN's indicators may stand, as in
 * `# at least 80% [II.1.a]`. Tabs and other controls may stand nowhere, nor a CR but the one of
 * a CRLF line break: a CR alone breaks a line in YAML, a comment's too. (A comment after a value
 * is the scalar's business: it may hold what a value may.)
 */
function plainText(text: string): boolean {
  if (ODD_SPACE.test(text)) return false;
  // Where the last line found to be a full-line comment ends: what stands before is in it. Every
  // character found is looked at, so that no control hides behind an indicator in a comment.
  let comment = -1;
  NOT_PLAIN.lastIndex = 0;
  for (let match = NOT_PLAIN.exec(text); match !== null; match = NOT_PLAIN.exec(text)) {
    const at = match.index;
    const code = text.charCodeAt(at);
    if (code === CR) {
      if (text.charCodeAt(at + 1) !== LF) return false;
      continue;
    }
    if (code < SPACE || code === DELETE) return false;
    if (at >= comment) {
      comment = commentLineEnd(text, at);
      if (comment === -1) return false;
    }
  }
  return true;
}

/** Reads `text` as plain YAML; undefined at anything more. */
function readTree(text: string, limits: Limited, positions: boolean): Tree | undefined {
  try {
    const reader = new Reader(text, limits, positions);
    if (reader.empty) return undefined;
    const first = reader.firstLine();
    if (first.indent !== 0 || text.charCodeAt(first.start) === DASH) return undefined;
    const root = reader.block(1);
    if (!reader.done()) return undefined;
    return { root, rootStart: first.start, offsets: reader.offsets };
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  } finally {
    if (lineTable.length > KEPT_LINES * LINE_FIELDS) lineTable = new Int32Array(256 * LINE_FIELDS);
  }
}

/**
 * Reads `text` when it is plain YAML (see above): its data as plain JavaScript, already as
 * `sanitize` makes it (strings in NFC; keys are ASCII and never forbidden here), and a `locate`
 * giving the offset the full parser's document would give for a JSON pointer. Undefined when
 * the text is anything more.
 *
 * Only sequences' items' lines are kept while reading: a file with nothing to report is never
 * located in, but its entries' lines are asked for. The first `locate` reads the text again,
 * keeping every container's offsets; the reader is deterministic, so that second tree has the
 * same shape, keys and order as the data given out, and is walked in its place.
 */
export function readPlainYaml(text: string, limits: Limited): PlainYaml | undefined {
  if (!plainText(text)) return undefined;
  const read = readTree(text, limits, false);
  if (read === undefined) return undefined;
  let tree: Tree | undefined;
  let root: unknown;
  let rootStart = read.rootStart;
  let offsets = read.offsets;
  // Where the walk stood before the last token of the last pointer walked: entries are located
  // one after another (`/measurements/0`, `/measurements/1`, ...), and each walk then takes one step.
  let parentPointer: string | undefined;
  let parentNode: unknown;
  let parentPosition = rootStart;
  let parentKey: number | undefined;
  let parentFound = true;
  let node: unknown;
  let position = rootStart;
  let keyPosition: number | undefined;
  /** One step of the walk from `node`; false when the token leads nowhere (the walk stops). */
  const step = (token: string): boolean => {
    const children = node !== null && typeof node === 'object' ? offsets.get(node) : undefined;
    if (children === undefined) return false;
    if (Array.isArray(node)) {
      if (!INDEX.test(token)) return false;
      const index = Number(token);
      if (index >= node.length) return false;
      node = node[index];
      keyPosition = undefined;
      position = children[index]!;
      return true;
    }
    const key = toNfc(token);
    const index = Object.keys(node as object).indexOf(key);
    if (index === -1) return false;
    node = (node as Record<string, unknown>)[key];
    keyPosition = children[index * 2]!;
    position = children[index * 2 + 1]!;
    return true;
  };
  const locate = (pointer: string, options: { key?: boolean } = {}): number => {
    if (tree === undefined) {
      // The same text read the same way a moment ago: it cannot give up now.
      tree = readTree(text, limits, true)!;
      root = tree.root;
      rootStart = tree.rootStart;
      offsets = tree.offsets;
    }
    const slash = pointer.lastIndexOf('/');
    const simple = pointer.charCodeAt(0) === 0x2f && pointer !== '/' && !pointer.includes('~');
    if (simple && parentPointer !== undefined && slash === parentPointer.length && pointer.startsWith(parentPointer)) {
      node = parentNode;
      position = parentPosition;
      keyPosition = parentKey;
      if (parentFound) step(pointer.slice(slash + 1));
    } else {
      const tokens = tokensOf(pointer);
      node = root;
      position = rootStart;
      keyPosition = undefined;
      let found = true;
      for (let i = 0; i < tokens.length && found; i++) {
        if (simple && i === tokens.length - 1) {
          parentPointer = pointer.slice(0, slash);
          parentNode = node;
          parentPosition = position;
          parentKey = keyPosition;
          parentFound = true;
        }
        found = step(tokens[i]!);
        if (!found && simple && i < tokens.length - 1) {
          parentPointer = pointer.slice(0, slash);
          parentNode = node;
          parentPosition = position;
          parentKey = keyPosition;
          parentFound = false;
        }
      }
    }
    return options.key === true && keyPosition !== undefined ? keyPosition : position;
  };
  const itemLine = (sequence: readonly unknown[], index: number): number | undefined => read.offsets.get(sequence)?.[index];
  return { data: read.root, locate, itemLine };
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

/** The SourceDocument of plain YAML text, as `plainYamlDocument` makes it. */
export class PlainYamlDocument implements SourceDocument {
  readonly format = 'yaml' as const;
  readonly diagnostics: Diagnostic[] = [];
  readonly data: unknown;

  constructor(
    readonly file: string,
    readonly path: string,
    private readonly text: string,
    private readonly plain: PlainYaml,
    /** Where the text's lines start, found when first needed: a file with nothing to report never needs them. */
    private lineStarts?: readonly number[],
  ) {
    this.data = plain.data;
  }

  locate(pointer: string, options?: { key?: boolean }): Position {
    this.lineStarts ??= lineStartsOf(this.text);
    return positionIn(this.text, this.lineStarts, this.plain.locate(pointer, options));
  }

  /**
   * The 1-based line of item `index` of a sequence in `data`, as `locate` gives it for the
   * item's pointer, without a pointer made or walked; undefined for anything else.
   */
  itemLine(sequence: readonly unknown[], index: number): number | undefined {
    return this.plain.itemLine(sequence, index);
  }
}

/**
 * The SourceDocument of plain YAML text (data sanitised as the full parser's is, while it is
 * read), without loading the YAML library at all; undefined when the text is more than plain.
 */
export function plainYamlDocument(text: string, source: { file: string; path: string }, limits: Limited, lineStarts?: readonly number[]): SourceDocument | undefined {
  const plain = readPlainYaml(text, limits);
  return plain === undefined ? undefined : new PlainYamlDocument(source.file, source.path, text, plain, lineStarts);
}
