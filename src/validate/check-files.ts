import { resolve } from 'node:path';
import { discover, loadFile } from '../load/index.js';
import { shippedPlanPath } from '../load/package-files.js';
import type { SourceDocument } from '../load/document.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Entry, MeasurementFile } from '../model/measurement.js';
import type { Plan } from '../model/plan.js';
import { checkDocument, isRejected, type DocumentCheck } from './check-document.js';
import { checkPlan } from './check-plan.js';
import { diagnosticAt, sortDiagnostics, summarize, type Place } from './report.js';
import { duplicateEntries } from './rules/duplicate-entries.js';
import { ENTRY_RULES } from './rules/index.js';
import type { EntryRuleContext, EntrySlot } from './rules/types.js';
import { toEntrySlots } from './to-entries.js';

/** Everything `validate` found: the typed files, every valid entry, and the diagnostics. */
export interface CheckResult {
  /** The plan measurements were checked against. */
  plan?: Plan;
  /** Display names of every file checked. */
  files: string[];
  /** Plan files found among the paths. */
  plans: Plan[];
  measurementFiles: MeasurementFile[];
  /** Every valid entry of every measurements file (file defaults applied, value derived from counts). */
  entries: Entry[];
  /** Sorted by file, line, column. */
  diagnostics: Diagnostic[];
  summary: { errors: number; warnings: number };
}

/** Options of `checkFiles`. */
export interface CheckOptions {
  cwd: string;
  /** The --plan file; the shipped plan when undefined. */
  plan?: string;
  /** The plan a CSV without a plan column is meant for. */
  planId?: string;
}

interface LoadedPlan {
  plan?: Plan;
  diagnostics: Diagnostic[];
  file: string;
}

/** Reads, schema-checks and rule-checks one plan document. */
function planFromDocument(doc: SourceDocument): LoadedPlan {
  const check = checkDocument(doc);
  const diagnostics = [...check.diagnostics];
  if (check.kind === 'Measurements') {
    diagnostics.push(diagnosticAt(doc, 'unknown-kind', { pointer: '/kind' }, 'expected a Plan file, found Measurements'));
    return { diagnostics, file: doc.file };
  }
  const checked = checkPlan(check);
  diagnostics.push(...checked.diagnostics);
  return checked.plan === undefined ? { diagnostics, file: doc.file } : { plan: checked.plan, diagnostics, file: doc.file };
}

/**
 * Loads and validates a plan file (the shipped plan when `file` is undefined). The plan is
 * returned only when it has no errors. Throws InputError when the file cannot be read.
 */
export async function loadPlan(file: string | undefined, options: { cwd: string }): Promise<{ plan?: Plan; diagnostics: Diagnostic[] }> {
  const path = file === undefined ? shippedPlanPath() : resolve(options.cwd, file);
  const loaded = planFromDocument(await loadFile(path, { cwd: options.cwd }));
  const diagnostics = sortDiagnostics(loaded.diagnostics);
  const failed = diagnostics.some((d) => d.severity === 'error');
  return failed || loaded.plan === undefined ? { diagnostics } : { plan: loaded.plan, diagnostics };
}

/** The plan id a measurements file names, and where it names it. */
function namedPlan(check: DocumentCheck): { id: string; place: Place } | undefined {
  const data = check.data;
  if (data === undefined || typeof data.plan !== 'string' || isRejected(check, '/plan')) return undefined;
  // A CSV names its plan in a column, lifted to the file by the reader: point at the first row's cell.
  if (check.doc.format === 'csv') return { id: data.plan, place: { pointer: '/measurements/0/plan' } };
  return { id: data.plan, place: { pointer: '/plan' } };
}

/**
 * Discovers, loads, schema-validates and rule-checks every file. Measurement files are
 * checked against the plan among the paths whose id they name, else against `plan`
 * (default: the shipped plan). Never throws for a mistake in the data; throws InputError
 * (exit 2) for a missing file or an unreadable --plan.
 */
export async function checkFiles(paths: string[], options: CheckOptions): Promise<CheckResult> {
  const { cwd } = options;
  const absolutes = await discover(paths.length === 0 ? ['.'] : paths, cwd);
  const checks: DocumentCheck[] = [];
  // One at a time: a folder of thousands of files must not open them all at once.
  for (const path of absolutes) checks.push(checkDocument(await loadFile(path, { cwd })));

  const diagnostics: Diagnostic[] = [];
  const plans: Plan[] = [];
  const plansById = new Map<string, Plan>();
  const measurementChecks: DocumentCheck[] = [];
  for (const check of checks) {
    if (check.kind === 'Plan') {
      diagnostics.push(...check.diagnostics);
      const checked = checkPlan(check);
      diagnostics.push(...checked.diagnostics);
      if (checked.plan !== undefined) {
        plans.push(checked.plan);
        if (!plansById.has(checked.plan.id)) plansById.set(checked.plan.id, checked.plan);
      }
    } else {
      diagnostics.push(...check.diagnostics);
      if (check.kind === 'Measurements') measurementChecks.push(check);
    }
  }

  // The --plan (or shipped) plan is read only when a measurements file needs it.
  let fallback: LoadedPlan | undefined;
  const fallbackPlan = async (): Promise<LoadedPlan> => {
    if (fallback !== undefined) return fallback;
    const path = options.plan === undefined ? shippedPlanPath() : resolve(cwd, options.plan);
    const index = absolutes.indexOf(path);
    const known = index < 0 ? undefined : checks[index];
    if (known?.kind === 'Plan') {
      const plan = plans.find((p) => p.file === known.doc.file);
      fallback = plan === undefined ? { diagnostics: [], file: known.doc.file } : { plan, diagnostics: [], file: known.doc.file };
    } else {
      fallback = planFromDocument(await loadFile(path, { cwd }));
      diagnostics.push(...fallback.diagnostics);
    }
    return fallback;
  };

  const slots: EntrySlot[] = [];
  const usedPlans = new Set<Plan | undefined>();
  const measurementFiles: MeasurementFile[] = [];
  const fileOf = new Map<string, MeasurementFile>();
  for (const check of measurementChecks) {
    const doc = check.doc;
    const named = namedPlan(check);
    const id = named?.id ?? options.planId;
    let plan = id === undefined ? undefined : plansById.get(id);
    if (plan === undefined) {
      plan = (await fallbackPlan()).plan;
      if (plan !== undefined && id !== undefined && id !== plan.id) {
        const known = [...new Set([plan.id, ...plansById.keys()])].map((p) => `'${p}'`).join(', ');
        diagnostics.push(diagnosticAt(doc, 'unknown-plan', named?.place ?? { pointer: '' }, `unknown plan '${id}'; this check knows ${known}`));
        // Checking entries against another plan would only repeat one mistake per line.
        plan = undefined;
      }
    }
    usedPlans.add(plan);
    const fileSlots = toEntrySlots(check);
    const planKey = id ?? plan?.id;
    for (const slot of fileSlots) {
      if (planKey !== undefined) slot.plan = planKey;
      const indicator = plan?.indicators.find((i) => i.id === slot.entry.indicator);
      const report = (code: Diagnostic['code'], place: Place, message: string, severity: Diagnostic['severity'] = 'error') =>
        slot.diagnostics.push(diagnosticAt(doc, code, place, message, severity));
      const ctx: EntryRuleContext = { slot, report };
      if (plan !== undefined) ctx.plan = plan;
      if (indicator !== undefined) ctx.indicator = indicator;
      for (const rule of ENTRY_RULES) rule(ctx);
    }
    const data = check.data ?? {};
    if (plan !== undefined && fileSlots.some((s) => s.periodPointer === '/period')) {
      const year = Number(String(data.period).slice(0, 4));
      const [start, end] = plan.period;
      if (year < start || year > end) {
        diagnostics.push(
          diagnosticAt(doc, 'period-outside-plan', { pointer: '/period' }, `period ${String(data.period)} is outside the plan's period ${start}–${end}`, 'warning'),
        );
      }
    }
    slots.push(...fileSlots);
    const file: MeasurementFile = { file: doc.file, entries: [] };
    if (typeof data.plan === 'string') file.plan = data.plan;
    if (typeof data.reported === 'string') file.reported = data.reported;
    if (typeof data.source === 'string') file.source = data.source;
    measurementFiles.push(file);
    fileOf.set(doc.file, file);
  }

  const discarded = new Set<EntrySlot>();
  duplicateEntries({
    slots,
    report: (slot, code, place, message, severity = 'error') => slot.diagnostics.push(diagnosticAt(slot.doc, code, place, message, severity)),
    discard: (slot) => discarded.add(slot),
  });
  const entries: Entry[] = [];
  for (const slot of slots) {
    diagnostics.push(...slot.diagnostics);
    if (discarded.has(slot) || slot.diagnostics.some((d) => d.severity === 'error')) continue;
    entries.push(slot.entry);
    fileOf.get(slot.entry.file)?.entries.push(slot.entry);
  }

  const sorted = sortDiagnostics(diagnostics);
  const result: CheckResult = {
    files: checks.map((c) => c.doc.file),
    plans,
    measurementFiles,
    entries,
    diagnostics: sorted,
    summary: summarize(sorted),
  };
  const plan = usedPlans.size === 1 ? [...usedPlans][0] : (fallback?.plan ?? (plans.length === 1 ? plans[0] : undefined));
  if (plan !== undefined) result.plan = plan;
  return result;
}
