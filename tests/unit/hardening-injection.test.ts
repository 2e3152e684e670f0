/**
 * Injection: text from data files (a custom plan's titles and quotes; entries' notes, evidence,
 * orgs and sources; even file names) must come out inert in every format: spreadsheet formulas
 * neutralised in CSV, Markdown and HTML escaped, GitHub workflow commands and terminal escape
 * codes unable to break out.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const LINK = '[x](javascript:alert(1))';
const TICKS = '`rm -rf /`';
const PIPE = 'a | b | c';
const ESC = '\u001b[31mred\u001b]8;;http://example.invalid\u0007link\u001b]8;;\u0007';
const FORMULAS = ['=HYPERLINK("http://example.invalid","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];

const q = (text: string) => JSON.stringify(text);

/** A plan whose every text is hostile, with one indicator of each measure. */
const PLAN = `apiVersion: ccp/v1
kind: Plan
id: hostile-plan
version: 1
title: ${q(`${SCRIPT} ${PIPE}`)}
document: { number: ${q(`1/${TICKS}`)}, date: "2021-12-15", issuer: ${q(IMG)} }
period: [2021, 2030]
areas:
  - id: area-a
    title: ${q(FORMULAS[0]!)}
  - id: area-b
    title: ${q(`${LINK}\n# not a heading`)}
indicators:
  - id: pct
    area: area-a
    measure: percent
    title: ${q(`${SCRIPT} ${LINK} ${TICKS} ${PIPE}`)}
    targets:
      - by: 2025
        atLeast: 80
        ref: ${q(PIPE)}
        quote: ${q(`${IMG} ${LINK}`)}
  - id: cnt
    area: area-b
    measure: count
    title: ${q(FORMULAS[3]!)}
    targets:
      - by: 2025
        atLeast: 10
        ref: "II"
  - id: ms
    area: area-b
    measure: milestone
    title: ${q(`-2+3 ${ESC}`)}
    targets:
      - by: 2025
        expect: done
        ref: "III"
`;

const data = (year: number, value: number) => `apiVersion: ccp/v1
kind: Measurements
plan: hostile-plan
period: ${year}
source: ${q(FORMULAS[1]!)}
measurements:
  - indicator: pct
    org: ${q(FORMULAS[2]!)}
    numerator: ${value}
    denominator: 100
    note: ${q(`${SCRIPT} ${PIPE} ${TICKS} ${LINK} ${ESC}`)}
  - indicator: cnt
    value: ${value / 10}
    source: ${q(FORMULAS[4]!)}
    note: ${q(`${IMG}\n# heading\n- list`)}
  - indicator: ms
    status: in-progress
    evidence: ${q(`${LINK} ${FORMULAS[5]!}`)}
`;

function workspace(): string {
  // A file name is data too: it is shown among the sources of each result.
  return testdir({ 'plan.yaml': PLAN, '=1+1.yaml': data(2025, 50), 'data/2024.yaml': data(2024, 60) });
}

async function ccp(dir: string, args: string[]) {
  const run = await runCli([...args, '--plan', 'plan.yaml', '--as-of', '2026-11-27', '--lang', 'en'], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

const DATA = ['=1+1.yaml', 'data/2024.yaml'];

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function expectInertCsv(text: string): string[][] {
  const records = parseCsv(text.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
  for (const record of records) {
    for (const cell of record) {
      if (/^[=+\-@\t\r]/.test(cell)) expect(PLAIN_NUMBER.test(cell), JSON.stringify(cell)).toBe(true);
    }
  }
  return records;
}

/** Every unescaped `|` of a Markdown table row, so that rows can be compared with the header. */
function columns(row: string): number {
  return row.split(/(?<!\\)\|/).length;
}

function expectInertMarkdown(text: string): void {
  for (const raw of ['<script', '<img', TICKS, '\u001b']) expect(text, raw).not.toContain(raw);
  // `\[x\](javascript:…)` is text; only an unescaped `](` would make a link.
  expect(text).not.toMatch(/(?<!\\)\]\(javascript:/);
  expect(text).toContain('\\[x\\](javascript:');
  expect(text).not.toMatch(/^# (not a )?heading/m);
  expect(text).not.toMatch(/^- list/m);
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\|[\s:-]+\|/.test(lines[i + 1] ?? '') || !lines[i]!.startsWith('|')) continue;
    const width = columns(lines[i]!);
    for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++) expect(columns(lines[j]!), lines[j]).toBe(width);
  }
}

describe('CSV output: spreadsheet formulas neutralised', () => {
  it('evaluate --format csv prefixes every cell that would run, and leaves negative numbers alone', async () => {
    const records = expectInertCsv(await ccp(workspace(), ['evaluate', ...DATA, '--format', 'csv']));
    const cells = records.flat();
    expect(cells).toContain(`'${FORMULAS[0]}`);
    expect(cells).toContain(`'${FORMULAS[3]}`);
    expect(cells.some((cell) => cell.startsWith("'=1+1.yaml:"))).toBe(true);
    // The count target is missed by 5: a negative gap stays a number.
    expect(cells).toContain('-5');
    expect(cells).not.toContain("'-5");
  });

  it('trend --format csv does the same', async () => {
    const records = expectInertCsv(await ccp(workspace(), ['trend', ...DATA, '--format', 'csv']));
    expect(records.flat()).toContain(`'${FORMULAS[0]}`);
  });

  it('template --format csv: the titles of a custom plan cannot run in the spreadsheet it is filled in', async () => {
    const dir = workspace();
    const records = expectInertCsv(await ccp(dir, ['template', '--period', '2025', '--format', 'csv']));
    expect(records.length).toBeGreaterThan(1);
  });
});

describe('Markdown output: data text escaped', () => {
  it('evaluate --format md', async () => {
    const text = await ccp(workspace(), ['evaluate', ...DATA, '--format', 'md']);
    expectInertMarkdown(text);
    expect(text).toContain('&lt;script&gt;');
  });

  it('trend --format md', async () => {
    expectInertMarkdown(await ccp(workspace(), ['trend', ...DATA, '--format', 'md']));
  });

  it('targets --format md', async () => {
    expectInertMarkdown(await ccp(workspace(), ['targets', '--format', 'md']));
  });

  it('diff --format md of two measurement sets', async () => {
    expectInertMarkdown(await ccp(workspace(), ['diff', 'data/2024.yaml', '=1+1.yaml', '--format', 'md']));
  });
});

describe('HTML output: data text escaped', () => {
  it('evaluate --format html holds no markup, link or script from the data', async () => {
    const text = await ccp(workspace(), ['evaluate', ...DATA, '--format', 'html']);
    expect(text).not.toContain('<script>alert');
    expect(text).not.toContain('<img');
    expect(text).not.toMatch(/(href|src|action)\s*=\s*["']?\s*javascript:/i);
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The page runs no script at all.
    expect(text).not.toMatch(/<script/i);
    // No event handler among the attributes of any tag (quoted values are text, and left out).
    for (const tag of text.match(/<[a-z][^>]*>/gi) ?? []) expect(tag.replace(/"[^"]*"|'[^']*'/g, '""')).not.toMatch(/\son[a-z]+\s*=/i);
  });
});

describe('GitHub annotations and terminal text', () => {
  it('a value with line breaks and "::" cannot start a workflow command of its own', async () => {
    const dir = testdir({
      'plan.yaml': PLAN,
      'bad.yaml': `apiVersion: ccp/v1\nkind: Measurements\nplan: hostile-plan\nperiod: 2025\nmeasurements:\n  - indicator: ${q('x\n::error file=evil.yaml,line=1::pwned\r\n::add-mask::x')}\n    value: 5\n`,
    });
    const run = await runCli(['validate', 'bad.yaml', '--plan', 'plan.yaml', '--format', 'github'], { cwd: dir });
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n').filter((line) => line !== '');
    const json = await runCli(['validate', 'bad.yaml', '--plan', 'plan.yaml', '--format', 'json'], { cwd: dir });
    const count = (JSON.parse(json.stdout) as { diagnostics: unknown[] }).diagnostics.length;
    expect(lines.filter((line) => line.startsWith('::'))).toHaveLength(count);
    expect(lines.filter((line) => line.startsWith('::error file=evil') || line.startsWith('::add-mask'))).toEqual([]);
  });

  it.each([
    ['evaluate', ...DATA],
    ['trend', ...DATA],
    ['targets'],
    ['diff', 'data/2024.yaml', '=1+1.yaml'],
  ])('%s as a table writes no escape code from the data', async (...args) => {
    const text = await ccp(workspace(), args);
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u0007');
  });

  it('validate as text writes no escape code from the data', async () => {
    const dir = testdir({
      'plan.yaml': PLAN,
      'bad.yaml': `apiVersion: ccp/v1\nkind: Measurements\nplan: hostile-plan\nperiod: 2025\nmeasurements:\n  - indicator: ${q(`x${ESC}`)}\n    value: 5\n`,
    });
    const run = await runCli(['validate', 'bad.yaml', '--plan', 'plan.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toContain('\u001b');
  });
});
