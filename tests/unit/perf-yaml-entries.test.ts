import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveLimits } from '../../src/load/limits.js';
import { loadYaml } from '../../src/load/read-yaml.js';
import { PlainYamlDocument } from '../../src/load/yaml-plain.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { Entry } from '../../src/model/measurement.js';
import type { Plan } from '../../src/model/plan.js';
import { checkDocument } from '../../src/validate/check-document.js';
import { checkFiles, loadPlan } from '../../src/validate/check-files.js';
import { diagnosticAt, sortDiagnostics } from '../../src/validate/report.js';
import { DuplicateEntries } from '../../src/validate/rules/duplicate-entries.js';
import { outsidePlan } from '../../src/validate/rules/entry-period.js';
import { ENTRY_RULES, type EntryRuleContext, type Report } from '../../src/validate/rules/index.js';
import { entryKeyInto, newEntryKey, toEntry, toEntrySlots, type EntryDefaults } from '../../src/validate/to-entries.js';
import { testdir } from '../helpers/testdir.js';

const PLAN = readFileSync(new URL('../fixtures/plans/mini.yaml', import.meta.url), 'utf8');

/**
 * The general path, as every YAML entry took it before the quick one: a slot for each entry,
 * every entry rule run on it, then the duplicate check.
 */
async function generalPath(files: string[], cwd: string, plan: Plan): Promise<{ diagnostics: Diagnostic[]; entries: Entry[] }> {
  const diagnostics: Diagnostic[] = [];
  const duplicates = new DuplicateEntries();
  const kept: { entry: Entry; token: number }[] = [];
  for (const file of files) {
    const check = checkDocument(await loadYaml(join(cwd, file), file, resolveLimits()));
    diagnostics.push(...check.diagnostics);
    const slots = toEntrySlots(check);
    for (const slot of slots) {
      slot.plan = plan.id;
      const report: Report = (code, place, message, severity = 'error') => slot.diagnostics.push(diagnosticAt(slot.doc, code, place, message, severity));
      const indicator = plan.indicators.find((i) => i.id === slot.entry.indicator);
      const ctx: EntryRuleContext = indicator === undefined ? { plan, slot, report } : { plan, slot, indicator, report };
      for (const rule of ENTRY_RULES) rule(ctx);
      diagnostics.push(...slot.diagnostics);
      if (slot.diagnostics.some((d) => d.severity === 'error')) continue;
      const token = duplicates.add(slot, diagnostics);
      if (token !== -1) kept.push({ entry: slot.entry, token });
    }
    const message = slots.some((s) => s.periodPointer === '/period') ? outsidePlan(String(check.data?.period), plan) : undefined;
    if (message !== undefined) diagnostics.push(diagnosticAt(check.doc, 'period-outside-plan', { pointer: '/period' }, message, 'warning'));
  }
  return { diagnostics: sortDiagnostics(diagnostics), entries: kept.filter((k) => !duplicates.isDropped(k.token)).map((k) => k.entry) };
}

const field = <T,>(values: T[]) => fc.option(fc.constantFrom(...values), { nil: undefined });

const entryArb = fc.record({
  indicator: fc.constantFrom('dossiers-e-transfer', 'dossiers-online', 'services-count', 'one-stop-renewal', 'dossiers-onlin'),
  period: field(['2025', '"2025"', '2025-H1', '2019', '2035', '"2024-Q3"']),
  value: field(['50', '150', '-1', '90.5', '0', '45.45']),
  counts: field([[5, 10], [12, 10], [3, 0], [0, 7], [5, 11]]),
  status: field(['done', 'in-progress']),
  org: field(['A', '"Xã B"']),
});

const fileArb = fc.record({
  period: field(['2025', '2040', '"2024-Q1"', '"20x5"']),
  org: field(['A', '"Xã C"']),
  flow: fc.boolean(),
  entries: fc.array(entryArb, { maxLength: 6 }),
});

type GeneratedFile = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

/** A measurements file: block style the quick reader reads, or with flow items over several lines, which the full parser reads. */
function yamlOf(file: GeneratedFile): string {
  const head = ['apiVersion: ccp/v1', 'kind: Measurements', 'plan: mini-plan'];
  if (file.period !== undefined) head.push(`period: ${file.period}`);
  if (file.org !== undefined) head.push(`org: ${file.org}`);
  head.push('measurements:');
  const items = file.entries.map((e) => {
    const pairs: string[] = [`indicator: ${e.indicator}`];
    if (e.period !== undefined) pairs.push(`period: ${e.period}`);
    if (e.value !== undefined) pairs.push(`value: ${e.value}`);
    if (e.counts !== undefined) pairs.push(`numerator: ${e.counts[0]}`, `denominator: ${e.counts[1]}`);
    if (e.status !== undefined) pairs.push(`status: ${e.status}`);
    if (e.org !== undefined) pairs.push(`org: ${e.org}`);
    return file.flow ? `  - { ${pairs.join(',\n      ')} }` : `  - ${pairs.join('\n    ')}`;
  });
  return `${[...head, ...(items.length === 0 ? ['  []'] : items)].join('\n')}\n`;
}

describe('YAML entries no rule reports on, checked without a slot', () => {
  it('give the diagnostics and entries of every entry run through the rules, on generated files', async () => {
    const cwd = testdir({ 'plan.yaml': PLAN });
    const { plan } = await loadPlan('plan.yaml', { cwd });
    expect(plan).toBeDefined();
    await fc.assert(
      fc.asyncProperty(fc.array(fileArb, { minLength: 1, maxLength: 4 }), async (generated) => {
        const names = generated.map((_, i) => `m-${i}.yaml`);
        generated.forEach((file, i) => writeFileSync(join(cwd, names[i]!), yamlOf(file)));
        try {
          const quick = await checkFiles(['.'], { cwd });
          const general = await generalPath(names, cwd, plan!);
          expect(quick.diagnostics).toEqual(general.diagnostics);
          expect(quick.entries).toEqual(general.entries);
          // Asked for the diagnostics only, the same diagnostics, with no entry made or kept.
          const only = await checkFiles(['.'], { cwd, diagnosticsOnly: true });
          expect(only.diagnostics).toEqual(quick.diagnostics);
          expect([only.files, only.summary, only.entries, only.measurementFiles]).toEqual([quick.files, quick.summary, [], []]);
        } finally {
          for (const name of names) rmSync(join(cwd, name));
        }
      }),
      { numRuns: 150, seed: 20261128 },
    );
  });

  it('writes the key toEntry gives the duplicate check, for generated entries and defaults', () => {
    const any = fc.constantFrom<unknown>(undefined, 'x', '', 2025, '2025-H1', 0, 7, 12.5, -1, null, true, 'done', 'Xã B');
    const raw = fc.record({ indicator: any, period: any, value: any, numerator: any, denominator: any, status: any, org: any, note: any });
    const defaults = fc.record({ period: any, periodRejected: fc.constantFrom(undefined, true), org: fc.constantFrom(undefined, 'A') });
    const scratch = newEntryKey();
    fc.assert(
      fc.property(raw, defaults, fc.nat(500), (written, given, line) => {
        const clean = Object.fromEntries(Object.entries(written).filter(([, v]) => v !== undefined));
        const fileDefaults: EntryDefaults = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
        const entry = toEntry('f.yaml', clean, line, fileDefaults);
        expect(entryKeyInto(scratch, 'f.yaml', clean, line, fileDefaults)).toBe(entry !== undefined);
        if (entry === undefined) return;
        const { indicator, period, org, value, numerator, denominator, status, file } = entry;
        expect({ ...scratch }).toEqual({ indicator, period, org, value, numerator, denominator, status, file, line: entry.line });
      }),
      { numRuns: 3000, seed: 5 },
    );
  });

  it('gives a CSV file the same diagnostics with the diagnostics only, and lists no entry', async () => {
    const csv = 'indicator,period,value,numerator,denominator,org\ndossiers-online,2025,50,,,A\ndossiers-online,2025,60,,,A\none-stop-renewal,2025,5,,,\ndossiers-online,2025,,12,10,B\n';
    const cwd = testdir({ 'plan.yaml': PLAN, 'm.csv': csv });
    const all = await checkFiles(['m.csv'], { cwd, plan: 'plan.yaml' });
    const only = await checkFiles(['m.csv'], { cwd, plan: 'plan.yaml', diagnosticsOnly: true });
    expect(all.diagnostics.map((d) => d.code).sort()).toEqual(['duplicate-entry', 'measure-mismatch', 'numerator-exceeds-denominator']);
    expect(only.diagnostics).toEqual(all.diagnostics);
    expect([only.entries, only.measurementFiles, only.files]).toEqual([[], [], ['m.csv']]);
  });

  it('reads block files with the quick reader and flow items over several lines without it, so both documents are met', async () => {
    const cwd = testdir({});
    const file: GeneratedFile = { period: '2025', org: undefined, flow: false, entries: [{ indicator: 'dossiers-online', period: undefined, value: '50', counts: undefined, status: undefined, org: undefined }] };
    writeFileSync(join(cwd, 'block.yaml'), yamlOf(file));
    writeFileSync(join(cwd, 'flow.yaml'), yamlOf({ ...file, flow: true }));
    expect(await loadYaml(join(cwd, 'block.yaml'), 'block.yaml', resolveLimits())).toBeInstanceOf(PlainYamlDocument);
    expect(await loadYaml(join(cwd, 'flow.yaml'), 'flow.yaml', resolveLimits())).not.toBeInstanceOf(PlainYamlDocument);
  });
});
