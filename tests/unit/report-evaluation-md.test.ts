import { describe, expect, it } from 'vitest';
import { pickText } from '../../src/model/text.js';
import { escapeMarkdown, renderEvaluation } from '../../src/report/evaluation/index.js';
import { escapeMarkdownBlock } from '../../src/report/evaluation/markdown-escape.js';
import { formatDate, statusLabel, statusSymbol } from '../../src/report/i18n.js';
import { hostileSample, sampleEvaluation, samplePlan, sampleResults } from '../fixtures/report/sample.js';

/** The cells of a Markdown table row, splitting on pipes that are not escaped. */
function cells(line: string): string[] {
  return line.slice(1, -1).split(/(?<!\\)\|/);
}

describe('escapeMarkdown', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['<script>', '&lt;script&gt;'],
    ['a & b', 'a &amp; b'],
    ['back\\slash', 'back\\\\slash'],
    ['*bold* _it_ `code` [l](x) ~s~', '\\*bold\\* \\_it\\_ \\`code\\` \\[l\\](x) \\~s\\~'],
    ['# heading #', '\\# heading \\#'],
    ['one\ntwo\r\nthree', 'one two three'],
  ])('%j → %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('escapes what would open a block at the start of a line', () => {
    expect(escapeMarkdownBlock('- item')).toBe('\\- item');
    expect(escapeMarkdownBlock('+ item')).toBe('\\+ item');
    expect(escapeMarkdownBlock('1. item')).toBe('1\\. item');
    expect(escapeMarkdownBlock('> quote')).toBe('&gt; quote');
    expect(escapeMarkdownBlock('plain')).toBe('plain');
  });
});

describe('markdown renderer', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`has a heading, the plan's number and the as-of date, one table per area (${lang})`, () => {
      const text = renderEvaluation('md', sampleEvaluation(), { lang, color: false, plan: samplePlan });
      const lines = text.split('\n');
      expect(lines[0]).toMatch(/^# \S/);
      expect(text).toContain(samplePlan.document.number);
      expect(text).toContain(formatDate('2025-12-20', lang));
      for (const area of samplePlan.areas) expect(text).toContain(`## ${area.ref}. ${escapeMarkdown(pickText(area.title, lang))}`);
      const separators = lines.filter((line) => line.startsWith('| ---'));
      expect(separators).toHaveLength(samplePlan.areas.length + 1);
      for (const result of sampleResults) {
        const row = lines.find((line) => line.includes(`\`${result.target}\``));
        expect(row, result.target).toBeDefined();
        expect(row).toContain(`${statusSymbol(result.status)} ${statusLabel(result.status, lang)}`);
      }
    });
  }

  it('keeps every table row to its columns and lets no data text become markup', () => {
    const { plan, evaluation } = hostileSample();
    const text = renderEvaluation('md', evaluation, { lang: 'en', color: false, plan });
    const lines = text.split('\n');
    let table: string[] = [];
    let tables = 0;
    for (const line of [...lines, '']) {
      if (line.startsWith('|')) {
        table.push(line);
        continue;
      }
      if (table.length > 0) {
        tables += 1;
        const width = cells(table[1] ?? '').length;
        expect(table[1]).toMatch(/^\| -+:? \|/);
        for (const row of table) expect(cells(row), row).toHaveLength(width);
      }
      table = [];
    }
    expect(tables).toBe(plan.areas.length + 1);
    expect(text).not.toContain('<script');
    expect(text).not.toContain('<b>');
    expect(text).not.toMatch(/(?<!\\)\[link\]/);
    expect(lines.filter((line) => line.startsWith('second line'))).toHaveLength(0);
    // Headings come only from the renderer: one H1, one H2 per area plus the summary.
    expect(lines.filter((line) => line.startsWith('# '))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('## '))).toHaveLength(plan.areas.length + 1);
    expect(lines.filter((line) => /^#{3,}/.test(line))).toHaveLength(0);
    // Notes are list items whose own text cannot start a new block.
    for (const line of lines.filter((line) => line.startsWith('- '))) expect(line).toMatch(/^- `[\w@.-]+`: /);
  });

  it('marks a provisional actual and explains the mark', () => {
    const text = renderEvaluation('md', sampleEvaluation(), { lang: 'vi', color: false, plan: samplePlan });
    expect(text).toContain('72,4%\\*');
    expect(text).toMatch(/^\\\* /m);
  });
});
