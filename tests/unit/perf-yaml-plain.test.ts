import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/load/document.js';
import { readPlainYaml } from '../../src/load/yaml-plain.js';
import { quickReaderDifference } from '../helpers/yaml-same.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/i.test(name) ? [path] : [];
  });
}

/** The quick reader, when it reads `text` at all, must agree with the full parser on everything. */
function expectSame(text: string, label: string): boolean {
  // Not read quickly, the full parser reads it: nothing to compare.
  if (readPlainYaml(text, LIMITS) === undefined) return false;
  expect(quickReaderDifference(text), label).toBeUndefined();
  return true;
}

describe('the quick reader of plain YAML', () => {
  it('reads the shipped data, the examples and the fixtures exactly as the full parser', () => {
    const files = [
      ...yamlFiles(join(ROOT, 'tests/fixtures')),
      ...yamlFiles(join(ROOT, 'data')),
      ...yamlFiles(join(ROOT, 'bench/fixtures')),
      ...yamlFiles(join(ROOT, 'bench/data/many')).slice(0, 50),
    ];
    let read = 0;
    for (const file of files) if (expectSame(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), file)) read++;
    // Most data files are plain: the reader must actually be used, or it buys nothing.
    expect(read).toBeGreaterThan(files.length / 4);
  });

  it('reads generated plain-looking documents exactly as the full parser, or leaves them to it', () => {
    const key = fc.constantFrom('indicator', 'period', 'value', 'org', 'note', 'a', 'b_c', 'x-y', 'constructor', 'null', 'true', '_k');
    // Mostly what data files hold, so that many documents are read quickly; some of every trap.
    const plain = fc.constantFrom('80', '0', '10', '999999999999999', '80.5', '-3', '-0', '2025', '2025-12-14', '2025-H1', 'Xã 0001', 'Báo cáo số 1', 'done', 'a  b', 'x,y', 'a#b', '12:30', '"q"', "'q'", '"Xã 2"', '""', "''", 'true', 'false', 'e\u0301', '"e\u0301"', 'yes', 'no', '85%', '"Đạt 85% kế hoạch"', "'50%'", 'a@b.vn', 'x`y', 'Khoảng 30%',
      '[2021, 2030]', '[]', '{}', '[ ]', '["II.2.a", "II.6.a"]', '{ vi: "Xã 1", en: x }', '{a: \'q\', b: 80.5}', '[a b, c]', '[ 1 ,2 ]', '[1,2] # n', '{ closes: "12-14" }');
    const traps = fc.constantFrom(
      '007', '00', '0123', '1000000000000000', '1e3', '.5', '0x1F', '0o17', '+1', '1.', 'True', 'null', '~', 'NULL', '.inf', '-.inf', '.nan', 'a: b', 'a #b', '-x', '?x',
      ':x', 'x:', '"a\'b"', "'a\"b'", '"a # b"', '[1,]', '[[1]]', '{a:1}', '[a: b]', '[x #y]', '{a: 1, a: 2}', '[12:30]', '[1, 2] z', 'x[1]', '{a: true, b: null}', '9007199254740993', '123456789012345678', '@x', '`x`', '%x', '"\\n"', '&a x', '*a',
      '!t x', '[1]', '{a: 1}', '| x', '> x', '- x', "'a''b'",
    );
    const scalar = fc.oneof(
      { arbitrary: plain, weight: 12 },
      { arbitrary: traps, weight: 1 },
      { arbitrary: fc.stringMatching(/^[a-zA-Z0-9 .:#'"-]{1,12}$/), weight: 1 },
    );
    type Tree = { kind: 'map'; pairs: [string, Tree | string][] } | { kind: 'seq'; items: (Tree | string)[] };
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree; map: Tree; seq: Tree }>((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('map'), tie('seq')),
      map: fc.record({ kind: fc.constant('map' as const), pairs: fc.array(fc.tuple(key, fc.oneof(scalar, scalar, tie('node'))), { minLength: 1, maxLength: 4 }) }),
      seq: fc.record({ kind: fc.constant('seq' as const), items: fc.array(fc.oneof(scalar, tie('map')), { minLength: 1, maxLength: 3 }) }),
    })).map as fc.Arbitrary<Tree>;
    // What may follow a value or a `key:` on its line: mostly nothing, else a comment, or a `#` that is none.
    const after = fc.oneof(
      { arbitrary: fc.constant(''), weight: 16 },
      { arbitrary: fc.constantFrom(' # note', '  #', ' #"q"', " #'", '  # a: b'), weight: 3 },
      { arbitrary: fc.constantFrom(' # 80% [x]', '#x'), weight: 1 },
    );
    const write = (node: Tree, indent: number, lines: string[], after: () => string, first?: string): void => {
      const pad = ' '.repeat(indent);
      if (node.kind === 'map') {
        node.pairs.forEach(([k, v], i) => {
          const lead = i === 0 && first !== undefined ? first : pad;
          if (typeof v === 'string') lines.push(`${lead}${k}: ${v}${after()}`);
          else {
            lines.push(`${lead}${k}:${after()}`);
            write(v, indent + 2, lines, after);
          }
        });
      } else {
        for (const item of node.items) {
          if (typeof item === 'string') lines.push(`${pad}- ${item}${after()}`);
          else write(item, indent + 2, lines, after, `${pad}- `);
        }
      }
    };
    // Full-line comments, at any indent, holding what is more than plain anywhere else.
    const comment = fc.tuple(
      fc.nat({ max: 8 }),
      fc.constantFrom('#', '#x', '# at least 80% by 2025', '# [II.1.a] {b: 1} & *x !t | > \\ @ `', '# a # b', '#- x: y', "# it's \"q\"", '#: x'),
    ).map(([indent, text]) => `${' '.repeat(indent)}${text}`);
    let read = 0;
    let commented = 0;
    let windows = 0;
    let trailing = 0;
    let flows = 0;
    fc.assert(
      fc.property(
        tree,
        fc.constantFrom('', '# head\n', '\n', '# 100% [head]\n'),
        fc.constantFrom('', '\n', '\n# tail\n', '  \n', '\n  # tail {x}\n'),
        fc.array(fc.tuple(fc.nat(), comment), { maxLength: 3 }),
        fc.boolean(),
        fc.array(after, { minLength: 8, maxLength: 8 }),
        (root, head, tail, comments, crlf, afters) => {
          const lines: string[] = [];
          let next = 0;
          write(root, 0, lines, () => afters[next++ % afters.length]!);
          for (const [at, line] of comments) lines.splice(at % (lines.length + 1), 0, line);
          const text = `${head}${lines.join('\n')}${tail}`;
          // As written on Windows: every line break a CRLF.
          if (expectSame(crlf ? text.replace(/\n/g, '\r\n') : text, 'generated')) {
            read++;
            if (comments.length > 0) commented++;
            if (crlf) windows++;
            if (/[^\s] +#/.test(text)) trailing++;
            if (/(: |- )[[{]/.test(text)) flows++;
          }
        },
      ),
      { numRuns: 400, seed: 20261128 },
    );
    expect(read).toBeGreaterThan(80);
    // Comments, on lines of their own with whatever they hold or after values, and CRLF line
    // breaks do not keep a document from the quick reader.
    expect(commented).toBeGreaterThan(40);
    expect(windows).toBeGreaterThan(40);
    expect(trailing).toBeGreaterThan(20);
    // Nor do one-line flow collections of scalars.
    expect(flows).toBeGreaterThan(20);
  });

  it('leaves to the full parser what is more than plain: tags, anchors, flow, escapes, tabs, documents', () => {
    for (const text of [
      'a: !!str 1\n', 'a: &x 1\nb: *x\n', 'a: "x\\ty"\n', 'a:\tb\n', '---\na: 1\n', 'a: 1\n---\nb: 2\n',
      'a: |\n  x\n', 'a: >\n  x\n', 'a:\n', 'a: 1\na: 2\n', '__proto__: 1\n', 'a: x\n  y\n', '- a\n- b\n', '"a": 1\n', 'a:\n- 1\n', 'null: 1\n', 'True: 1\n',
      // More than plain outside a full-line comment, or a comment that breaks or bends a line.
      'a: b\n  x # c\n', 'a: 1\n# x\ry: 2\n', 'a: 1\n\t# x\n', 'a: 1\n# x\ty\n', 'a: 1\n#\u0000\n', 'a: {b # c\n',
      'a: 1\rb: 2\n', 'a: 1\r\n# x\ry: 2\r\n', 'a: 1\n# {\rb: 2\n', 'a: x\r\r\n', 'a: 1\r',
      // Flow collections but one-line ones of scalars.
      'a: [[1]]\n', 'a: [1, [2]]\n', 'a: {b: {c: 1}}\n', 'a: [b: c]\n', 'a: [1,]\n', 'a: [1, 2\n', 'a: [1,\n  2]\n', 'a: {b:1}\n',
      'a: ["x" y]\n', 'a: [x #y]\n', 'a: [12:30]\n', 'a: {"b": 1}\n', 'a: {b: 1, b: 2}\n', 'a: x[1]\n', 'a: ]\n', 'a: [1, 2] x\n',
      'a: [1, 2]#c\n', 'a: [, 1]\n', 'a: {b: }\n', 'a: {b}\n', 'a: [~]\n', 'a: {null: 1}\n', '[1, 2]\n', 'a:\n  [1, 2]\n',
      '%YAML 1.2\na: 1\n', 'a: %x\n', 'a: @x\n', 'a: `x`\n', '- %x\n', 'a:\n  - @x\n', 'x # y: 1\n',
    ]) {
      expect(readPlainYaml(text, LIMITS), JSON.stringify(text)).toBeUndefined();
    }
  });
});
