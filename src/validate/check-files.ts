import { extname, resolve } from 'node:path';
import { discover, displayPath } from '../load/discover.js';
import { resolveLimits } from '../load/limits.js';
import { loadYaml, parseYamlFull, readYamlBytesSync, yamlFromBytes, yamlFromBytesSync } from '../load/read-yaml.js';
import { shippedPlanPath } from '../load/package-files.js';
import { cachedShippedPlan } from '../plan-cache/shipped-plan.js';
import type { SourceDocument } from '../load/document.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Entry, MeasurementFile } from '../model/measurement.js';
import type { Indicator, Plan } from '../model/plan.js';
import { checkDocument, isRejected, type DocumentCheck } from './check-document.js';
import type { PlainEntry } from './check-csv.js';
import { checkPlan } from './check-plan.js';
import { diagnosticAt, sortDiagnostics, summarize, type Place } from './report.js';
import { DuplicateEntries, type EntryKey, type EntryPlace } from './rules/duplicate-entries.js';
import { outsidePlan } from './rules/entry-period.js';
import { passesEntryRules, passesWrittenEntryRules } from './rules/entry-plain.js';
import { ENTRY_RULES } from './rules/index.js';
import type { EntryRuleContext, EntrySlot, Report } from './rules/types.js';
import { defaultsOf, entryKeyInto, entryLine, newEntryKey, slotOf, toEntry } from './to-entries.js';
import { bufferView } from '../util/buffer-view.js';

/** Everything `validate` found: the typed files, every valid entry, and the diagnostics. */
export interface CheckResult {
  /** The plan measurements were checked against. */
  plan?: Plan;
  /** Display names of every file checked. */
  files: string[];
  /** Plan files found among the paths. */
  plans: Plan[];
  /** Every measurements file checked, with its entries. Empty with `diagnosticsOnly`. */
  measurementFiles: MeasurementFile[];
  /**
   * Every valid entry of every measurements file (file defaults applied, value derived from
   * counts). Empty when `onEntry` took them instead, or with `diagnosticsOnly`.
   */
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
  /**
   * Takes each entry as soon as it has passed its own checks, instead of collecting them in
   * `entries`, so that memory stays bounded by the number of (indicator, period, org) groups
   * however many rows a CSV has. An entry handed over may still turn out to clash with a later
   * one (a 'duplicate-entry' error), and a repeat of identical figures is not handed over again:
   * use the entries only when the result has no errors.
   */
  onEntry?: (entry: Entry) => void;
  /**
   * True when the caller needs the diagnostics (and files, plans and summary) only, as
   * `validate` does: no entry is kept or handed to `onEntry`, and none is made where no rule
   * reports on it; `entries` and `measurementFiles` stay empty.
   */
  diagnosticsOnly?: boolean;
  /** Told, as a CSV file is read, how many of its bytes are read so far (for a progress line). */
  onProgress?: (file: string, read: number, total: number) => void;
}

function isYaml(path: string): boolean {
  const extension = extname(path).toLowerCase();
  return extension === '.yaml' || extension === '.yml';
}

/**
 * Reads one file as `loadFile` does. YAML is read here directly, so that the CSV reader and its
 * parser are loaded only by a run that meets a file that is not YAML.
 */
async function loadDocument(path: string, cwd: string): Promise<SourceDocument> {
  const absolute = resolve(cwd, path);
  if (isYaml(absolute)) return loadYaml(absolute, displayPath(absolute, cwd), resolveLimits());
  const { loadFile } = await import('../load/load-file.js');
  return loadFile(absolute, { cwd });
}

/** Bytes of files waiting for their turn kept in memory; past this they are read again in their turn. */
const KEEP_BYTES = 64 * 1024 * 1024;
const PLAN_BYTES = Buffer.from('Plan');
const BACKSLASH = 0x5c;

/**
 * False only for bytes that cannot hold a plan: no scalar can be 'Plan' without the letters
 * 'Plan' in the file, unless an escape (a backslash) spells them. Such a file need not be
 * parsed before its turn, so a folder of thousands of measurement files is never held whole.
 */
function mayBePlan(bytes: Uint8Array): boolean {
  const buffer = bufferView(bytes);
  return buffer.includes(PLAN_BYTES) || buffer.includes(BACKSLASH);
}

interface LoadedPlan {
  plan?: Plan;
  diagnostics: Diagnostic[];
  file: string;
}

/** Reads, schema-checks and rule-checks one plan document. */
function planFromDocument(doc: SourceDocument): LoadedPlan {
  if (doc.format === 'csv') {
    const diagnostics = [...doc.diagnostics, diagnosticAt(doc, 'unknown-kind', { pointer: '' }, 'expected a Plan file (YAML), found a CSV of measurements')];
    return { diagnostics, file: doc.file };
  }
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
 * Reads and checks the plan at `path`. The shipped plan, unchanged since the build, comes from
 * the copy the build embedded: the same Plan without parsing and validating 60 KB of YAML.
 */
async function planFromPath(path: string, cwd: string): Promise<LoadedPlan> {
  if (path === shippedPlanPath()) {
    const plan = await cachedShippedPlan(path);
    if (plan !== undefined) {
      plan.file = displayPath(path, cwd);
      return { plan, diagnostics: [], file: plan.file };
    }
  }
  return planFromDocument(await loadDocument(path, cwd));
}

/**
 * Loads and validates a plan file (the shipped plan when `file` is undefined). The plan is
 * returned only when it has no errors. Throws InputError when the file cannot be read.
 */
export async function loadPlan(file: string | undefined, options: { cwd: string }): Promise<{ plan?: Plan; diagnostics: Diagnostic[] }> {
  const path = file === undefined ? shippedPlanPath() : resolve(options.cwd, file);
  const loaded = await planFromPath(path, options.cwd);
  const diagnostics = sortDiagnostics(loaded.diagnostics);
  const failed = diagnostics.some((d) => d.severity === 'error');
  return failed || loaded.plan === undefined ? { diagnostics } : { plan: loaded.plan, diagnostics };
}

const indicatorIndex = new WeakMap<Plan, Map<string, Indicator>>();

/** A plan's indicators by id, built once per plan: a CSV looks one up for every row. */
function indicatorsOf(plan: Plan): Map<string, Indicator> {
  let index = indicatorIndex.get(plan);
  if (index === undefined) {
    // The first of two indicators with one id wins, as a list search would find it.
    index = new Map([...plan.indicators].reverse().map((i) => [i.id, i]));
    indicatorIndex.set(plan, index);
  }
  return index;
}

/**
 * Discovers, loads, schema-validates and rule-checks every file. Measurement files are
 * checked against the plan among the paths whose id they name, else against `plan`
 * (default: the shipped plan). CSV files are read as streams. Never throws for a mistake in
 * the data; throws InputError (exit 2) for a missing file or an unreadable --plan.
 */
export async function checkFiles(paths: string[], options: CheckOptions): Promise<CheckResult> {
  const { cwd } = options;
  const absolutes = await discover(paths.length === 0 ? ['.'] : paths, cwd);
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];

  // Every YAML file is read first, so that the plans among them are known before any
  // measurements are checked; CSV files wait to be streamed in their turn. A file that cannot be
  // a plan is only read here: it is parsed in its turn below, and let go once checked.
  const limits = resolveLimits();
  const yamlChecks = new Map<string, DocumentCheck>();
  const waiting = new Map<string, Uint8Array | undefined>();
  let kept = 0;
  const plans: Plan[] = [];
  const plansById = new Map<string, Plan>();
  // Each path's name as shown, found once.
  const shown: string[] = [];
  for (let i = 0; i < absolutes.length; i++) {
    const path = absolutes[i]!;
    const extension = extname(path).toLowerCase();
    if (extension === '.csv') continue;
    const file = displayPath(path, cwd);
    shown[i] = file;
    // Read synchronously, one file after another: for small files the promise-based read costs
    // more in thread-pool trips than the reading itself.
    const read = extension === '.yaml' || extension === '.yml' ? readYamlBytesSync(path, file, limits) : await loadDocument(path, cwd);
    if (read instanceof Uint8Array && !mayBePlan(read)) {
      const keep = kept + read.length <= KEEP_BYTES;
      if (keep) kept += read.length;
      waiting.set(path, keep ? read : undefined);
      continue;
    }
    const check = checkDocument(read instanceof Uint8Array ? await yamlFromBytes(read, path, file, limits) : read);
    yamlChecks.set(path, check);
    diagnostics.push(...check.diagnostics);
    if (check.kind !== 'Plan') continue;
    const checked = checkPlan(check);
    diagnostics.push(...checked.diagnostics);
    if (checked.plan !== undefined) {
      plans.push(checked.plan);
      if (!plansById.has(checked.plan.id)) plansById.set(checked.plan.id, checked.plan);
    }
  }

  /**
   * A file read above but not yet parsed, parsed now (and read again if its bytes were not
   * kept). Plain YAML is read and checked without waiting; a promise only for the full parser.
   */
  const checkWaiting = (path: string, file: string): DocumentCheck | Promise<DocumentCheck> => {
    const bytes = waiting.get(path);
    waiting.delete(path);
    if (bytes === undefined) return loadYaml(path, file, limits).then(checkWaitingDocument);
    const read = yamlFromBytesSync(bytes, path, file, limits);
    return typeof read === 'string' ? parseYamlFull(read, path, file, limits).then(checkWaitingDocument) : checkWaitingDocument(read);
  };
  const checkWaitingDocument = (doc: SourceDocument): DocumentCheck => {
    const check = checkDocument(doc);
    if (check.diagnostics.length > 0) diagnostics.push(...check.diagnostics);
    // Only a file changed between the two reads can be a plan by now: it is checked, not used.
    if (check.kind === 'Plan') diagnostics.push(...checkPlan(check).diagnostics);
    return check;
  };

  // The --plan (or shipped) plan is read only when a measurements file needs it.
  let fallback: LoadedPlan | undefined;
  const fallbackPlan = async (): Promise<LoadedPlan> => {
    if (fallback !== undefined) return fallback;
    const path = options.plan === undefined ? shippedPlanPath() : resolve(cwd, options.plan);
    const known = yamlChecks.get(path);
    if (known?.kind === 'Plan') {
      const plan = plans.find((p) => p.file === known.doc.file);
      fallback = plan === undefined ? { diagnostics: [], file: known.doc.file } : { plan, diagnostics: [], file: known.doc.file };
    } else {
      fallback = await planFromPath(path, cwd);
      diagnostics.push(...fallback.diagnostics);
    }
    return fallback;
  };

  /**
   * The plan a measurements file is checked against; reports a plan id nobody knows. Waits only
   * when the --plan (or shipped) plan is needed and not read yet.
   */
  const planFor = (doc: SourceDocument, named: { id: string; place: Place } | undefined): Plan | undefined | Promise<Plan | undefined> => {
    const id = named?.id ?? options.planId;
    const beside = id === undefined ? undefined : plansById.get(id);
    if (beside !== undefined) return beside;
    return fallback === undefined ? fallbackPlan().then((loaded) => planOf(doc, named, id, loaded)) : planOf(doc, named, id, fallback);
  };
  const planOf = (doc: SourceDocument, named: { id: string; place: Place } | undefined, id: string | undefined, loaded: LoadedPlan): Plan | undefined => {
    const plan = loaded.plan;
    if (plan === undefined || id === undefined || id === plan.id) return plan;
    const known = [...new Set([plan.id, ...plansById.keys()])].map((p) => `'${p}'`).join(', ');
    diagnostics.push(diagnosticAt(doc, 'unknown-plan', named?.place ?? { pointer: '' }, `unknown plan '${id}'; this check knows ${known}`));
    // Checking entries against another plan would only repeat one mistake per line.
    return undefined;
  };

  const duplicates = new DuplicateEntries();
  const collected: { entry: Entry; token: number; file: MeasurementFile }[] = [];
  const measurementFiles: MeasurementFile[] = [];
  const usedPlans = new Set<Plan | undefined>();

  /** Runs the entry rules and the duplicate check on one entry, and keeps it when it passes. */
  // One reporter for every entry, speaking of the entry being checked: no closure made per entry.
  let checking: EntrySlot | undefined;
  const report: Report = (code, place, message, severity = 'error') => {
    if (checking !== undefined) checking.diagnostics.push(diagnosticAt(checking.doc, code, place, message, severity));
  };
  const accept = (slot: EntrySlot, plan: Plan | undefined, file: MeasurementFile | undefined): void => {
    const indicator = plan === undefined ? undefined : indicatorsOf(plan).get(slot.entry.indicator);
    const ctx: EntryRuleContext = plan === undefined ? { slot, report } : indicator === undefined ? { plan, slot, report } : { plan, slot, indicator, report };
    checking = slot;
    // Indexed loops here and below: cold code makes an object for every step of an iterator.
    for (let i = 0; i < ENTRY_RULES.length; i++) ENTRY_RULES[i]!(ctx);
    checking = undefined;
    if (slot.diagnostics.length > 0) {
      diagnostics.push(...slot.diagnostics);
      if (slot.diagnostics.some((d) => d.severity === 'error')) return;
    }
    keep(duplicates.add(slot, diagnostics), slot.entry, file);
  };

  const diagnosticsOnly = options.diagnosticsOnly === true;

  /** An entry the duplicate check kept (`token` 0 or more) handed on; none is with `diagnosticsOnly` (no `file`). */
  const keep = (token: number, entry: Entry, file: MeasurementFile | undefined): void => {
    if (token === -1 || file === undefined) return;
    if (options.onEntry !== undefined) options.onEntry(entry);
    else collected.push({ entry, token, file });
  };

  // Where a plain YAML entry is, made into a document and pointer only for a repeat's diagnostic.
  let plainDoc: SourceDocument | undefined;
  let plainIndex = 0;
  const plainPlace: EntryPlace = { slot: () => ({ doc: plainDoc!, pointer: `/measurements/${plainIndex}` }) };

  // Written over for each entry with `diagnosticsOnly`, in place of an Entry.
  const scratch = newEntryKey();

  /**
   * Checks the entries of a YAML measurements file in order; true when one of them takes the
   * file's default period. An entry of a known indicator that no entry rule would report on
   * (asked with the rules' own tests) goes straight to the duplicate check: no slot, pointer or
   * rule context is made for it. Anything else is made whole and checked by the rules.
   */
  const checkEntries = (check: DocumentCheck, plan: Plan | undefined, planKey: string | undefined, file: MeasurementFile | undefined): boolean => {
    const data = check.data;
    if (data === undefined || !Array.isArray(data.measurements)) return false;
    const doc = check.doc;
    const defaults = defaultsOf(check);
    const items: unknown[] = data.measurements;
    const anyRejected = check.rejected.length > 0;
    const indicators = plan === undefined ? undefined : indicatorsOf(plan);
    let usesDefaultPeriod = false;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
      const pointer = anyRejected ? `/measurements/${i}` : undefined;
      if (pointer !== undefined && isRejected(check, pointer)) continue;
      const raw = item as Record<string, unknown>;
      const line = entryLine(doc, items, i);
      let entry: Entry | undefined;
      let key: EntryKey;
      if (diagnosticsOnly) {
        if (!entryKeyInto(scratch, doc.file, raw, line, defaults)) continue;
        key = scratch;
      } else {
        entry = toEntry(doc.file, raw, line, defaults);
        if (entry === undefined) continue;
        key = entry;
      }
      const ownPeriod = raw.period !== undefined;
      if (!ownPeriod && defaults.period !== undefined) usesDefaultPeriod = true;
      const indicator = indicators?.get(key.indicator);
      if (
        indicator !== undefined &&
        key.period !== '' &&
        passesWrittenEntryRules(plan!, indicator, raw, key.numerator, key.denominator, ownPeriod ? key.period : undefined)
      ) {
        plainDoc = doc;
        plainIndex = i;
        const token = duplicates.addKey(planKey ?? '', key, plainPlace, diagnostics);
        if (entry !== undefined) keep(token, entry, file);
        continue;
      }
      entry ??= toEntry(doc.file, raw, line, defaults)!;
      const slot = slotOf(doc, entry, raw, pointer ?? `/measurements/${i}`, defaults);
      if (planKey !== undefined) slot.plan = planKey;
      accept(slot, plan, file);
    }
    plainDoc = undefined;
    return usesDefaultPeriod;
  };

  for (let i = 0; i < absolutes.length; i++) {
    const path = absolutes[i]!;
    let yaml: DocumentCheck | Promise<DocumentCheck> | undefined = waiting.has(path) ? checkWaiting(path, shown[i]!) : yamlChecks.get(path);
    if (yaml instanceof Promise) yaml = await yaml;
    if (yaml !== undefined) {
      files.push(yaml.doc.file);
      if (yaml.kind !== 'Measurements') continue;
      const named = namedPlan(yaml);
      let plan = planFor(yaml.doc, named);
      if (plan instanceof Promise) plan = await plan;
      usedPlans.add(plan);
      const file = diagnosticsOnly ? undefined : measurementFile(yaml);
      if (file !== undefined) measurementFiles.push(file);
      const planKey = named?.id ?? options.planId ?? plan?.id;
      const usesDefaultPeriod = checkEntries(yaml, plan, planKey, file);
      // The file's default period is reported once, here, rather than on every entry using it.
      const message = plan === undefined || !usesDefaultPeriod ? undefined : outsidePlan(String(yaml.data?.period), plan);
      if (message !== undefined) diagnostics.push(diagnosticAt(yaml.doc, 'period-outside-plan', { pointer: '/period' }, message, 'warning'));
      continue;
    }
    const file: MeasurementFile = { file: displayPath(path, cwd), entries: [] };
    files.push(file.file);
    // With diagnosticsOnly the file is not listed, and its entries are handed nowhere.
    const listed = diagnosticsOnly ? undefined : file;
    if (listed !== undefined) measurementFiles.push(listed);
    let plan: Plan | undefined;
    let planKey: string | undefined;
    const { checkCsv } = await import('./check-csv.js');
    await checkCsv(path, cwd, {
      start: async ({ doc, planId, planPointer }) => {
        plan = await planFor(doc, planId === undefined ? undefined : { id: planId, place: { pointer: planPointer } });
        usedPlans.add(plan);
        if (planId !== undefined) file.plan = planId;
        planKey = planId ?? options.planId ?? plan?.id;
      },
      row: (slot) => {
        if (planKey !== undefined) slot.plan = planKey;
        accept(slot, plan, listed);
      },
      plain: (row) => {
        // A plain row that no entry rule would report on goes straight to the duplicate check:
        // no slot, document, pointer or rule context; anything else comes back through `row`.
        if (plan === undefined || row.period === undefined) return false;
        const indicator = indicatorsOf(plan).get(row.indicator);
        if (indicator === undefined || !passesEntryRules(plan, indicator, row as PlainEntry & { period: string })) return false;
        const entry = plainEntry(row, file.file);
        keep(duplicates.addKey(planKey ?? '', entry, row, diagnostics), entry, listed);
        return true;
      },
      report: (diagnostic) => diagnostics.push(diagnostic),
      ...(options.onProgress === undefined ? {} : { progress: (read: number, total: number) => options.onProgress?.(file.file, read, total) }),
    });
  }

  const entries: Entry[] = [];
  for (const { entry, token, file } of collected) {
    if (duplicates.isDropped(token)) continue;
    entries.push(entry);
    file.entries.push(entry);
  }
  const sorted = sortDiagnostics(diagnostics);
  const result: CheckResult = { files, plans, measurementFiles, entries, diagnostics: sorted, summary: summarize(sorted) };
  const plan = usedPlans.size === 1 ? [...usedPlans][0] : (fallback?.plan ?? (plans.length === 1 ? plans[0] : undefined));
  if (plan !== undefined) result.plan = plan;
  return result;
}

/** A plain CSV row's Entry, as `entrySlot` makes it: the value derived from the counts when not written. */
function plainEntry(row: PlainEntry, file: string): Entry {
  const entry: Entry = { indicator: row.indicator, period: row.period ?? '', file, line: row.line };
  const { value, numerator, denominator } = row;
  if (value !== undefined) entry.value = value;
  if (numerator !== undefined) entry.numerator = numerator;
  if (denominator !== undefined) entry.denominator = denominator;
  if (value === undefined && numerator !== undefined && denominator !== undefined && denominator > 0) entry.value = (numerator / denominator) * 100;
  if (row.status !== undefined) entry.status = row.status;
  if (row.evidence !== undefined) entry.evidence = row.evidence;
  if (row.org !== undefined) entry.org = row.org;
  if (row.source !== undefined) entry.source = row.source;
  if (row.note !== undefined) entry.note = row.note;
  return entry;
}

/** The plan id a YAML measurements file names, and where it names it. */
function namedPlan(check: DocumentCheck): { id: string; place: Place } | undefined {
  const data = check.data;
  if (data === undefined || typeof data.plan !== 'string' || isRejected(check, '/plan')) return undefined;
  return { id: data.plan, place: { pointer: '/plan' } };
}

/**
 * The same characters in a string of their own. A value read from a file may be a slice of the
 * file's whole text, which it would then keep alive: every file of a folder stays listed to the
 * end of the run, and a thousand texts kept for their `plan` and `source` tripled the heap the
 * garbage collector walks. Joined to a character and cut again, the text is copied once, flat.
 */
function ownString(text: string): string {
  return `${text} `.slice(0, -1);
}

function measurementFile(check: DocumentCheck): MeasurementFile {
  const data = check.data ?? {};
  const file: MeasurementFile = { file: check.doc.file, entries: [] };
  if (typeof data.plan === 'string') file.plan = ownString(data.plan);
  if (typeof data.reported === 'string') file.reported = ownString(data.reported);
  if (typeof data.source === 'string') file.source = ownString(data.source);
  return file;
}
