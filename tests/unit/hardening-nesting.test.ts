/**
 * Nesting bombs inside the size limit: a few megabytes of `[`, `{` or `- ` made the YAML parser
 * take gigabytes and tens of seconds (five million `[` ran out of memory). They are refused as
 * too-deep before parsing; real documents, brackets in text, block scalars and quoted strings
 * are not mistaken for them.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/load/document.js';
import { nestingBeyond } from '../../src/load/nesting-scan.js';
import { parseYamlText } from '../../src/load/yaml-document.js';

const source = { file: 'bomb.yaml', path: '/bomb.yaml' };

describe('nesting bombs', () => {
  const BOMBS: [string, string][] = [
    ['a million [', `a: ${'['.repeat(1_000_000)}`],
    ['a million {', `a: ${'{'.repeat(1_000_000)}`],
    ['a million [ closed', `a: ${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`],
    ['a million [a, ', `a: ${'[a, '.repeat(1_000_000)}`],
    ['two million compact - ', `${'- '.repeat(2_000_000)}x`],
    ['nested flow maps', `a: ${'{b: '.repeat(500_000)}`],
  ];

  it.each(BOMBS)('%s is too-deep, quickly, without data', (_name, text) => {
    const started = performance.now();
    const doc = parseYamlText(text, source, LIMITS);
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['too-deep']);
    expect(doc.diagnostics[0]!.line).toBe(1);
    expect(doc.data).toBeUndefined();
    // The parser took 4 to 17 seconds on these; the scan takes milliseconds.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('the scan on real documents', () => {
  const limit = LIMITS.maxDepth * 4;
  const REAL: [string, string][] = [
    ['brackets in plain text', `note: ${'see [1] and [2 '.repeat(400)}\nother: x\n`],
    ['brackets and quotes in a block scalar', `note: |\n${'  he said "[[[{{ it\'s\n'.repeat(400)}other: 1\n`],
    ['a block scalar under a list item', `- note: >-\n${'    [[[[ {{{{\n'.repeat(300)}  other: 1\n`],
    ['brackets in quoted strings over several lines', `note: "${'[[[{{{ \\" '.repeat(300)}\n  ${'[[['.repeat(300)}"\nk: '${"[[[ '' ".repeat(300)}'\n`],
    ['brackets in comments', `# ${'['.repeat(2000)}\nk: v # ${'{'.repeat(2000)}\n`],
    ['a wide flat flow list', `k: [${Array.from({ length: 5000 }, (_, i) => `[${i}]`).join(', ')}]\n`],
  ];

  it.each(REAL)('%s is not mistaken for a bomb', (_name, text) => {
    expect(nestingBeyond(text, limit)).toBeUndefined();
  });

  it('finds flow nesting hidden after a block scalar that has ended', () => {
    const text = `- a: |\n      x\n  b: ${'['.repeat(limit + 10)}\n`;
    expect(nestingBeyond(text, limit)).toBeDefined();
  });

  it('leaves depth at the real limit to the exact check after parsing', () => {
    const text = `a: ${'['.repeat(LIMITS.maxDepth + 5)}x${']'.repeat(LIMITS.maxDepth + 5)}\n`;
    expect(nestingBeyond(text, limit)).toBeUndefined();
    expect(parseYamlText(text, source, LIMITS).diagnostics.map((d) => d.code)).toContain('too-deep');
  });
});
