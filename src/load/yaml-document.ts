import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Node,
  parseAllDocuments,
  type YAMLError,
  type YAMLMap,
} from 'yaml';
import type { Diagnostic, DiagnosticCode } from '../model/diagnostic.js';
import { diagnostic, START } from './diagnostic.js';
import type { Position, SourceDocument } from './document.js';
import { parsePointer, toPointer } from './json-pointer.js';
import type { Limits } from './limits.js';
import { nestingBeyond } from './nesting-scan.js';
import { isForbiddenKey, sanitize } from './sanitize.js';
import { plainYamlDocument } from './yaml-plain.js';

/** Limits a YAML file is held to (see `LIMITS`). */
export type YamlLimits = Pick<Limits, 'maxAliasCount' | 'maxDepth' | 'maxStringLength'>;

/** Where a YAML text came from: the path shown to the user and the absolute path. */
export interface YamlSource {
  file: string;
  path: string;
}

/** Codes of yaml's own errors that have a diagnostic code of their own. */
const YAML_ERROR_CODES: Partial<Record<string, DiagnosticCode>> = {
  DUPLICATE_KEY: 'duplicate-key',
  RESOURCE_EXHAUSTION: 'too-deep',
};

/** Problems that leave the document as data; any other error makes `data` undefined. */
const USABLE_DESPITE: ReadonlySet<DiagnosticCode> = new Set([
  'duplicate-key',
  'yaml-tag',
  'forbidden-key',
  'string-too-long',
  'multiple-documents',
]);

type Segment = string | number;

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value).normalize('NFC');
  return undefined;
}

/**
 * What makes two scalar keys the same key: equal values of the same type, strings compared in
 * NFC (keys that differ only in Unicode normalisation are duplicates).
 */
function keyIdentity(value: unknown): string {
  return `${value === null ? 'null' : typeof value}:${String(value).normalize('NFC')}`;
}

/**
 * The offset of the explicit tag that belongs to a node starting at `start`: back over
 * whitespace and anchors to a token that begins with '!'. The node's start when none is found.
 */
function tagOffset(text: string, start: number): number {
  let i = start - 1;
  for (;;) {
    while (i >= 0 && /\s/.test(text[i]!)) i--;
    if (i < 0) return start;
    let j = i;
    while (j >= 0 && !/\s/.test(text[j]!)) j--;
    const token = text.slice(j + 1, i + 1);
    if (token.startsWith('!')) return j + 1;
    if (!token.startsWith('&')) return start;
    i = j;
  }
}

interface Frame {
  node: unknown;
  /** Collections enclosing this node. */
  depth: number;
  pointer: Segment[];
}

/** Looks at every node once, without recursion (a hostile file may nest deeply). */
function inspect(
  doc: Document.Parsed,
  text: string,
  limits: YamlLimits,
  at: (offset: number) => Position,
  report: (code: DiagnosticCode, message: string, position: Position, path?: string) => void,
): { firstAlias?: number } {
  let firstAlias: number | undefined;
  let tooDeep = false;
  const stack: Frame[] = [{ node: doc.contents, depth: 0, pointer: [] }];
  const checkTag = (node: Node, pointer: Segment[]) => {
    if (node.tag === undefined) return;
    const start = node.range?.[0] ?? 0;
    report(
      'yaml-tag',
      `explicit tag ${node.tag} is not allowed: data files hold plain data (no tags, no code, no includes)`,
      at(tagOffset(text, start)),
      toPointer(pointer),
    );
  };
  const checkString = (value: unknown, start: number, pointer: Segment[], what: string) => {
    if (typeof value === 'string' && value.length > limits.maxStringLength) {
      report(
        'string-too-long',
        `${what} is ${value.length} characters long; the limit is ${limits.maxStringLength}`,
        at(start),
        toPointer(pointer),
      );
    }
  };
  while (stack.length > 0) {
    const { node, depth, pointer } = stack.pop()!;
    if (node === null || node === undefined) continue;
    if (isAlias(node)) {
      const start = node.range?.[0] ?? 0;
      if (firstAlias === undefined || start < firstAlias) firstAlias = start;
      if (node.resolve(doc) === undefined) {
        report('yaml-syntax', `alias *${node.source} refers to no anchor defined before it`, at(start), toPointer(pointer));
      }
      continue;
    }
    if (isScalar(node)) {
      checkTag(node, pointer);
      checkString(node.value, node.range?.[0] ?? 0, pointer, 'this string');
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    const inner = depth + 1;
    if (inner > limits.maxDepth) {
      if (!tooDeep) {
        report('too-deep', `the document nests deeper than ${limits.maxDepth} levels`, at(node.range?.[0] ?? 0), toPointer(pointer));
        tooDeep = true;
      }
      continue;
    }
    checkTag(node, pointer);
    const children: Frame[] = [];
    if (isMap(node)) {
      // yaml's own uniqueKeys check compares every pair with every other; a Set keeps it linear.
      const keys = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key;
        const name = keyText(key);
        if (isScalar(key)) {
          checkTag(key, pointer);
          const start = key.range?.[0] ?? 0;
          const identity = keyIdentity(key.value);
          if (keys.has(identity)) {
            report('duplicate-key', `the key '${String(key.value)}' appears twice in this mapping`, at(start), toPointer([...pointer, name ?? '']));
          }
          keys.add(identity);
          checkString(key.value, start, pointer, 'this key');
          if (name !== undefined && isForbiddenKey(name)) {
            report(
              'forbidden-key',
              `the key '${name}' is not allowed (it could change how JavaScript objects behave); it is ignored`,
              at(start),
              toPointer([...pointer, name]),
            );
          }
        } else if (key !== null && key !== undefined) {
          children.push({ node: key, depth: inner, pointer });
        }
        children.push({ node: pair.value, depth: inner, pointer: [...pointer, name ?? ''] });
      }
    } else {
      node.items.forEach((item, index) => children.push({ node: item, depth: inner, pointer: [...pointer, index] }));
    }
    // Reversed so that problems come out in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return firstAlias === undefined ? {} : { firstAlias };
}

type MapPair = YAMLMap<unknown, unknown>['items'][number];

/**
 * A mapping's pairs by key text (the first of equal keys, as a search in order finds it), made
 * on the first look into that mapping: every entry of a file is located, and a search through
 * the keys, each normalised again, cost more than the parse.
 */
const pairsByKey = new WeakMap<YAMLMap<unknown, unknown>, Map<string, MapPair>>();

function pairOf(map: YAMLMap<unknown, unknown>, wanted: string): MapPair | undefined {
  let index = pairsByKey.get(map);
  if (index === undefined) {
    index = new Map();
    for (const item of map.items) {
      const text = keyText(item.key);
      if (text !== undefined && !index.has(text)) index.set(text, item);
    }
    pairsByKey.set(map, index);
  }
  return index.get(wanted);
}

/** The node a segment leads to from `node`, and the node holding its key. */
function step(doc: Document.Parsed, node: unknown, segment: string): { value: unknown; key?: Node; found: boolean } {
  const target = isAlias(node) ? node.resolve(doc) : node;
  if (isMap(target)) {
    const pair = pairOf(target, segment.normalize('NFC'));
    if (pair === undefined) return { value: undefined, found: false };
    return { value: pair.value, key: isScalar(pair.key) ? pair.key : undefined, found: true };
  }
  if (isSeq(target) && /^(0|[1-9]\d*)$/.test(segment)) {
    const item = target.items[Number(segment)];
    if (item === undefined) return { value: undefined, found: false };
    return { value: item, found: true };
  }
  return { value: undefined, found: false };
}

function startOf(node: unknown): number | undefined {
  if (node === null || typeof node !== 'object' || !('range' in node)) return undefined;
  const range = (node as Node).range;
  return range ? range[0] : undefined;
}

/**
 * Parses YAML text (already decoded, without a byte-order mark) into a SourceDocument:
 * YAML 1.2 core schema, unique keys, at most one document, no tags, limits on aliases,
 * depth and string length, forbidden prototype keys removed, text in NFC. `plain: false` skips
 * the quick reader of plain YAML (tests compare the two).
 */
export function parseYamlText(text: string, source: YamlSource, limits: YamlLimits, options: { plain?: boolean } = {}): SourceDocument {
  // Line starts counted from the text itself: the parser's own line counter misses the line
  // breaks it lexes after some broken tokens, and then names a line that is too early.
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const at = (offset: number): Position => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - lineStarts[low]! + 1 };
  };
  // A nesting bomb would cost the parser gigabytes: refused before it is parsed. The margin
  // leaves every real document, even one just over the limit, to the exact check below.
  const bomb = nestingBeyond(text, limits.maxDepth * 4);
  if (bomb !== undefined) {
    const position = at(bomb);
    return {
      file: source.file,
      path: source.path,
      format: 'yaml',
      data: undefined,
      locate: () => START,
      diagnostics: [diagnostic(source.file, 'too-deep', `the document nests far deeper than ${limits.maxDepth} levels; it is not read`, position)],
    };
  }
  // Nearly every data file is plain YAML: read quickly, exactly as the parser below would.
  const plain = options.plain === false ? undefined : plainYamlDocument(text, source, limits, lineStarts);
  if (plain !== undefined) return plain;
  const diagnostics: Diagnostic[] = [];
  // The parser repeats one complaint for every bracket left open: one diagnostic a place is enough.
  const said = new Set<string>();
  const report = (code: DiagnosticCode, message: string, position: Position, path?: string, severity: 'error' | 'warning' = 'error') => {
    const key = `${code} ${severity} ${position.line}:${position.column} ${path ?? ''} ${message}`;
    if (said.has(key)) return;
    said.add(key);
    diagnostics.push(diagnostic(source.file, code, message, position, path === undefined ? { severity } : { severity, path }));
  };

  const parsed = parseAllDocuments(text, {
    uniqueKeys: false,
    prettyErrors: false,
    version: '1.2',
    schema: 'core',
    merge: false,
    // Explicit YAML 1.1 tags (!!binary, !!set, !!omap, !!timestamp) would build objects that are not plain data.
    resolveKnownTags: false,
  });
  const docs: Document.Parsed[] = Array.isArray(parsed) ? parsed : [];
  const doc = docs[0];

  const fromYaml = (error: YAMLError, severity: 'error' | 'warning') => {
    if (error.code === 'TAG_RESOLVE_FAILED') return; // reported as yaml-tag by inspect()
    const code = YAML_ERROR_CODES[error.code] ?? 'yaml-syntax';
    const message =
      code === 'too-deep' ? `the document nests too deeply to be read (the limit is ${limits.maxDepth} levels)` : error.message.split('\n')[0]!;
    report(code, message, at(error.pos[0]), undefined, severity);
  };

  let data: unknown;
  if (doc === undefined) {
    report('file-empty', 'the file holds no YAML document (only comments or blank lines)', START);
  } else {
    for (const d of docs) {
      for (const error of d.errors) fromYaml(error, 'error');
      for (const warning of d.warnings) fromYaml(warning, 'warning');
    }
    for (const extra of docs.slice(1)) {
      report(
        'multiple-documents',
        'the file holds more than one YAML document (a second "---"); put each document in its own file',
        at(extra.range[0]),
      );
    }
    const deep = diagnostics.some((d) => d.code === 'too-deep');
    const { firstAlias } = deep ? {} : inspect(doc, text, limits, at, report);
    if (!diagnostics.some((d) => d.severity === 'error' && !USABLE_DESPITE.has(d.code))) {
      try {
        data = sanitize(doc.toJS({ maxAliasCount: limits.maxAliasCount }));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (/alias/i.test(message) && /excessive/i.test(message)) {
          report(
            'alias-limit',
            `aliases expand to too many nodes (more than ${limits.maxAliasCount}); a file that multiplies aliases is refused`,
            firstAlias === undefined ? START : at(firstAlias),
          );
        } else {
          report('yaml-syntax', message, START);
        }
        data = undefined;
      }
    }
  }

  const locate = (pointer: string, options: { key?: boolean } = {}): Position => {
    if (doc === undefined) return START;
    let node: unknown = doc.contents;
    let position = startOf(node) ?? 0;
    let keyPosition: number | undefined;
    for (const segment of parsePointer(pointer)) {
      const next = step(doc, node, segment);
      if (!next.found) break;
      node = next.value;
      keyPosition = next.key ? startOf(next.key) : undefined;
      const valueStart = startOf(node);
      const isEmpty = node === null || node === undefined || (isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1]);
      position = isEmpty || valueStart === undefined ? (keyPosition ?? position) : valueStart;
    }
    return at(options.key === true && keyPosition !== undefined ? keyPosition : position);
  };

  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { file: source.file, path: source.path, format: 'yaml', data, locate, diagnostics };
}
