import type { Actual, ActualSource } from '../model/evaluation.js';
import type { Entry, MilestoneStatus, SourceRef } from '../model/measurement.js';
import type { Measure } from '../model/plan.js';
import { endMonth, GRANULARITIES, PARTS_PER_YEAR, parsePeriod, type Period } from './period.js';
import type { Remark } from './remarks.js';
import { DenseIntMap } from '../util/dense-int-map.js';
import { pagedFloat64, pagedInt32, pagedUint32, pagedUint8 } from '../util/paged-column.js';
import { NameNumbers } from '../util/name-numbers.js';

/** The one actual of an indicator for a year (null when there is none) and why it looks as it does. */
export interface Pooled {
  actual: Actual | null;
  remarks: Remark[];
}

/**
 * Entries pooled as they arrive. Memory grows with the number of (indicator, period, org)
 * groups, never with the number of entries, so a stream of millions of monthly rows can be
 * added one by one. Ask for an actual once all entries are in.
 */
export interface Pool {
  /** Adds one entry. Entries whose period cannot be read are ignored (validation reports them). */
  add(entry: Entry): void;
  /** The actual of `indicator` for reporting year `year`, pooled as `measure` requires. */
  actual(indicator: string, year: number, measure: Measure): Pooled;
  /** Years with at least one entry for `indicator`, ascending. */
  years(indicator: string): number[];
  /** How many (indicator, period, org) groups the pool holds. */
  readonly size: number;
}

/** One (indicator, period, org) group: the entry that stands for it, and how many arrived. */
interface Group {
  entry: Entry;
  count: number;
  /** The rank of the entry's file among all files' names: sorting by it is sorting by name. */
  rank: number;
}

/** The order of `compareEntries`, with the file names' comparison done once per file. */
function byPlace(a: Group, b: Group): number {
  return a.rank - b.rank || a.entry.line - b.entry.line || compareEntries(a.entry, b.entry);
}

/** One period's groups as pooling reads them: the department total, and every org's in arrival order. */
interface PeriodCells {
  period: Period;
  total?: Group;
  orgs: Group[];
}

/** The groups of one period of one indicator's year: the department total and each org's, by group number. */
interface PeriodGroups {
  indicator: string;
  period: Period;
  /** This slot's number among the pool's slots. */
  number: number;
  /** The department total's group, or -1. */
  total: number;
  orgs: DenseIntMap;
}

/** Packing a line and a place in one exact float: places below 2^21, lines below 2^31. */
const PLACES = 2 ** 21;
const LINES = 2 ** 31;

const HAS_VALUE = 1;
const HAS_NUMERATOR = 2;
const HAS_DENOMINATOR = 4;
const HAS_COUNTS = HAS_NUMERATOR | HAS_DENOMINATOR;

/**
 * The groups' standing entries, in columns indexed by group number: a million monthly rows
 * of thousands of orgs make a million groups, and a few typed arrays hold them in a fraction
 * of the memory a million entry objects would take. An entry with more than figures, an org
 * and a place (a status, a note, a source, evidence; anything unusual) is kept whole aside.
 * Pooling reads the columns by group number; entry objects are made only for the groups
 * that end up in an actual.
 */
class Groups {
  private readonly value = pagedFloat64();
  private readonly numerator = pagedFloat64();
  private readonly denominator = pagedFloat64();
  private readonly line = pagedFloat64();
  private readonly file = pagedUint32();
  private readonly count = pagedUint32();
  private readonly has = pagedUint8();
  /** The period slot each group belongs to, and its org's number (-1 for the department total). */
  private readonly slotOf = pagedUint32();
  private readonly orgOf = pagedInt32();
  private readonly fileNumbers = new NameNumbers();
  private readonly files = this.fileNumbers.names;
  /** Entries kept whole, by group number. */
  private readonly whole = new Map<number, Entry>();
  /** Every (indicator, period) slot, by its number. */
  readonly slots: PeriodGroups[] = [];
  /** Org keys by org number. */
  readonly orgNames: string[] = [];
  size = 0;

  /** A new group of `slot` and org number `org` standing for `entry` (stored under `key`); returns its number. */
  add(entry: Entry, key: string | null, slot: number, org: number): number {
    const n = this.size++;
    this.count.set(n, 1);
    this.slotOf.set(n, slot);
    this.orgOf.set(n, org);
    this.set(n, entry, key);
    if (this.inOrder) this.noteOrder(n);
    return n;
  }

  /**
   * True while every group came from one file, on lines that only grow, and still stands for
   * its first entry: group numbers are then in (file, line) order, and sorting by place is
   * sorting numbers. The usual large CSV, read top to bottom.
   */
  private inOrder = true;
  private orderFile = -1;
  private orderLine = Number.NEGATIVE_INFINITY;

  private noteOrder(n: number): void {
    if (this.kept(n) !== undefined) {
      this.inOrder = false;
      return;
    }
    const file = this.file.get(n);
    const line = this.line.get(n);
    if (this.orderFile === -1) this.orderFile = file;
    if (file !== this.orderFile || !(line > this.orderLine)) this.inOrder = false;
    else this.orderLine = line;
  }

  /** Another entry for group `n`: counted, and standing for the group when it comes first. */
  repeat(n: number, entry: Entry, key: string | null): void {
    this.count.set(n, this.count.get(n) + 1);
    if (precedes(entry, this.standing(n))) {
      this.set(n, entry, key);
      this.inOrder = false;
    }
  }

  /** The group as pooling sees it: its standing entry, and how many entries arrived. */
  group(n: number): Group {
    return { entry: this.standing(n), count: this.count.get(n), rank: this.rankOf(n) };
  }

  /** How many entries arrived for group `n`. */
  countOf(n: number): number {
    return this.count.get(n);
  }

  /** Whether more than one entry arrived for group `n`. */
  repeated(n: number): boolean {
    return this.count.get(n) > 1;
  }

  /** The entry standing for group `n`, made from the columns unless it is kept whole. */
  standing(n: number): Entry {
    const kept = this.kept(n);
    if (kept !== undefined) return kept;
    const slot = this.slots[this.slotOf.get(n)]!;
    const org = this.orgOf.get(n);
    const entry: Entry = { indicator: slot.indicator, period: slot.period.label, file: this.files[this.file.get(n)]!, line: this.line.get(n) };
    const has = this.has.get(n);
    if ((has & HAS_VALUE) !== 0) entry.value = this.value.get(n);
    if ((has & HAS_NUMERATOR) !== 0) entry.numerator = this.numerator.get(n);
    if ((has & HAS_DENOMINATOR) !== 0) entry.denominator = this.denominator.get(n);
    if (org !== -1) entry.org = this.orgNames[org]!;
    return entry;
  }

  /** Whether group `n` can contribute to an actual of this measure (see `usable`). */
  usable(n: number, measure: Measure): boolean {
    const kept = this.kept(n);
    if (kept !== undefined) return usable(kept, measure);
    // The columns hold no status: a milestone's entries are always kept whole.
    if (measure === 'milestone') return false;
    if (measure === 'percent' && this.hasCounts(n)) return true;
    return (this.has.get(n) & HAS_VALUE) !== 0 && Number.isFinite(this.value.get(n));
  }

  /** Whether group `n` has a finite numerator and denominator. */
  hasCounts(n: number): boolean {
    const kept = this.kept(n);
    if (kept !== undefined) return hasCounts(kept);
    return (this.has.get(n) & HAS_COUNTS) === HAS_COUNTS && Number.isFinite(this.numerator.get(n)) && Number.isFinite(this.denominator.get(n));
  }

  /** One figure of group `n`'s standing entry. */
  figure(n: number, name: 'value' | 'numerator' | 'denominator'): number | undefined {
    const kept = this.kept(n);
    if (kept !== undefined) return kept[name];
    const bit = name === 'value' ? HAS_VALUE : name === 'numerator' ? HAS_NUMERATOR : HAS_DENOMINATOR;
    if ((this.has.get(n) & bit) === 0) return undefined;
    return name === 'value' ? this.value.get(n) : name === 'numerator' ? this.numerator.get(n) : this.denominator.get(n);
  }

  /**
   * Sorts group numbers in the order of `byPlace`. Rows of one file arrive in line order, so
   * the numbers mostly come sorted already: a pass that finds them so spares the sort (a
   * stable sort of a sorted list is the list itself).
   */
  sortByPlace(cells: number[]): void {
    if (this.inOrder) {
      for (let i = 1; i < cells.length; i++) {
        if (cells[i - 1]! > cells[i]!) {
          const sorted = Uint32Array.from(cells).sort();
          for (let j = 0; j < cells.length; j++) cells[j] = sorted[j]!;
          return;
        }
      }
      return;
    }
    this.refreshRanks();
    const { fileRanks, file, line } = this;
    const general = (a: number, b: number): number =>
      this.rankOf(a) - this.rankOf(b) || this.lineOf(a) - this.lineOf(b) || compareEntries(this.standing(a), this.standing(b));
    // With no entry kept whole, file and line come straight from the columns.
    const columns = (a: number, b: number): number =>
      fileRanks[file.get(a)]! - fileRanks[file.get(b)]! || line.get(a) - line.get(b) || compareEntries(this.standing(a), this.standing(b));
    const compare = this.whole.size === 0 ? columns : general;
    if (this.whole.size === 0 && this.sortOneFile(cells)) return;
    for (let i = 1; i < cells.length; i++) {
      if (compare(cells[i - 1]!, cells[i]!) > 0) {
        cells.sort(compare);
        return;
      }
    }
  }

  /**
   * Cells of one file, each on its own line (the usual large CSV), sorted by line as numbers:
   * line and place packed in one float and sorted natively, many times faster than a sort
   * calling back. False, leaving `cells` as they were, for anything else (several files,
   * two cells on one line, lines or lists too long to pack).
   */
  private sortOneFile(cells: number[]): boolean {
    const count = cells.length;
    if (count < 2 || count >= PLACES) return false;
    const file = this.file.get(cells[0]!);
    const keys = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const n = cells[i]!;
      const line = this.line.get(n);
      if (this.file.get(n) !== file || !Number.isInteger(line) || line < 0 || line >= LINES) return false;
      keys[i] = line * PLACES + i;
    }
    keys.sort();
    const sorted = new Array<number>(count);
    let previous = -1;
    for (let i = 0; i < count; i++) {
      const key = keys[i]!;
      const line = Math.floor(key / PLACES);
      if (line === previous) return false;
      previous = line;
      sorted[i] = cells[key - line * PLACES]!;
    }
    for (let i = 0; i < count; i++) cells[i] = sorted[i]!;
    return true;
  }

  private kept(n: number): Entry | undefined {
    return this.whole.size === 0 ? undefined : this.whole.get(n);
  }

  private lineOf(n: number): number {
    const kept = this.kept(n);
    return kept === undefined ? this.line.get(n) : kept.line;
  }

  /** The rank of group `n`'s file among every file's names (see `rank`). */
  rankOf(n: number): number {
    const kept = this.kept(n);
    if (kept !== undefined) return this.rank(kept.file);
    this.refreshRanks();
    return this.fileRanks[this.file.get(n)]!;
  }

  private ranks = new Map<string, number>();
  /** The rank of each file number's name. */
  private fileRanks = new Int32Array(0);

  /** The rank of a file's name among every file's, in the order `compareSources` sorts them. */
  private rank(file: string): number {
    this.refreshRanks();
    return this.ranks.get(file) ?? 0;
  }

  private refreshRanks(): void {
    if (this.ranks.size === this.files.length) return;
    const sorted = [...this.files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.ranks = new Map(sorted.map((name, i) => [name, i]));
    this.fileRanks = Int32Array.from(this.files, (name) => this.ranks.get(name)!);
  }

  private set(n: number, entry: Entry, key: string | null): void {
    if (!compact(entry, key)) {
      // A copy, so a caller reusing its entry object cannot change what the pool holds.
      this.whole.set(n, { ...entry });
      if (typeof entry.file === 'string') this.fileNumbers.number(entry.file);
      return;
    }
    if (this.whole.size > 0) this.whole.delete(n);
    let has = 0;
    if (entry.value !== undefined) has |= HAS_VALUE;
    if (entry.numerator !== undefined) has |= HAS_NUMERATOR;
    if (entry.denominator !== undefined) has |= HAS_DENOMINATOR;
    this.has.set(n, has);
    this.value.set(n, entry.value ?? 0);
    this.numerator.set(n, entry.numerator ?? 0);
    this.denominator.set(n, entry.denominator ?? 0);
    this.line.set(n, entry.line);
    this.file.set(n, this.fileNumbers.number(entry.file));
  }

  /**
   * `provenance` of groups in (file, line) order, read straight from the columns when no group
   * is kept whole: a million pooled rows make no entry, only their lines. Otherwise through
   * each group's entry.
   */
  provenance(cells: number[]): Pick<Actual, 'orgs' | 'sources' | 'notes'> {
    if (this.whole.size > 0) return provenance(cells.map((n) => new GroupView(this, n)));
    const { file, line, orgOf, files, orgNames } = this;
    const sources: ActualSource[] = [];
    const seen = new Uint8Array(orgNames.length);
    const orgs: string[] = [];
    let current = -1;
    let lines: number[] = [];
    for (const n of cells) {
      const f = file.get(n);
      if (f !== current) {
        if (current !== -1) sources.push(sourceOf(files[current]!, lines));
        current = f;
        lines = [];
      }
      lines.push(line.get(n));
      const org = orgOf.get(n);
      if (org !== -1 && seen[org] === 0) {
        seen[org] = 1;
        orgs.push(orgNames[org]!);
      }
    }
    if (current !== -1) sources.push(sourceOf(files[current]!, lines));
    orgs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return orgs.length > 0 ? { sources, orgs } : { sources };
  }

  /**
   * The usable groups of one period: the department total wins over a breakdown by org
   * (DESIGN rule 1); otherwise every org, in org-number order.
   */
  cells(period: PeriodGroups, measure: Measure): number[] {
    if (period.total !== -1 && this.usable(period.total, measure)) return [period.total];
    const cells: number[] = [];
    period.orgs.forEach((n) => {
      if (this.usable(n, measure)) cells.push(n);
    });
    return cells;
  }
}

/**
 * A group as `provenance` reads it, its entry made when asked for: the cells of an actual of
 * a million rows are read once each, and an entry made and dropped at once costs the garbage
 * collector next to nothing, where a million entries held together would not.
 */
class GroupView implements Group {
  constructor(
    private readonly store: Groups,
    private readonly n: number,
  ) {}

  get entry(): Entry {
    return this.store.standing(this.n);
  }

  get count(): number {
    return this.store.countOf(this.n);
  }

  get rank(): number {
    return this.store.rankOf(this.n);
  }
}

/**
 * Whether the columns can hold `entry` exactly: numbers or nothing for the figures, no text
 * but its org (the group's key), a file and a line.
 */
function compact(entry: Entry, key: string | null): boolean {
  const { value, numerator, denominator } = entry;
  if (value !== undefined && typeof value !== 'number') return false;
  if (numerator !== undefined && typeof numerator !== 'number') return false;
  if (denominator !== undefined && typeof denominator !== 'number') return false;
  if (entry.status !== undefined || entry.evidence !== undefined || entry.source !== undefined || entry.note !== undefined) return false;
  if (typeof entry.file !== 'string' || typeof entry.line !== 'number') return false;
  return key === null ? entry.org === undefined : entry.org === key;
}

function contentKey(entry: Entry): string {
  return JSON.stringify([entry.value, entry.numerator, entry.denominator, entry.status, entry.org, entry.source, entry.note, entry.evidence]);
}

/**
 * Which of two entries for the same group stands for it: the first by (file, line), then by
 * content, so the choice never depends on the order entries arrive in. Two entries for one
 * group are a validation problem (an error, or a warning when identical); evaluation must
 * still be deterministic when handed them.
 */
function precedes(a: Entry, b: Entry): boolean {
  return compareEntries(a, b) < 0;
}

function compareSources(a: SourceRef, b: SourceRef): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
}

/**
 * A total order on entries: by file, line, then content. Everything order-sensitive (which
 * duplicate stands, the order floating-point sums are taken in, sources and notes) follows
 * it, so the result never depends on the order entries arrive in.
 */
function compareEntries(a: Entry, b: Entry): number {
  const bySource = compareSources(a, b);
  if (bySource !== 0) return bySource;
  const [ka, kb] = [contentKey(a), contentKey(b)];
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function orgKey(org: string | undefined): string | null {
  if (org === undefined) return null;
  // Most orgs start with a letter: no need to trim them to know they are not blank.
  if (typeof org === 'string' && org.charCodeAt(0) > 32 && org.charCodeAt(0) < 127) return org;
  const trimmed = org.trim();
  return trimmed === '' ? null : org;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function hasCounts(entry: Entry): boolean {
  return isNumber(entry.numerator) && isNumber(entry.denominator);
}

/** Whether an entry can contribute to an actual of this measure. */
function usable(entry: Entry, measure: Measure): boolean {
  if (measure === 'milestone') return entry.status !== undefined;
  if (measure === 'percent') return hasCounts(entry) || isNumber(entry.value);
  return isNumber(entry.value);
}

/**
 * The groups that make a period's figure: the department total wins over a breakdown by org
 * (DESIGN rule 1); otherwise every org.
 */
function cellsOf(period: PeriodCells, measure: Measure): Group[] {
  const total = period.total;
  if (total !== undefined && usable(total.entry, measure)) return [total];
  const cells: Group[] = [];
  for (const group of period.orgs) if (usable(group.entry, measure)) cells.push(group);
  return cells;
}

/** One file's item of an actual's sources; `lines` ascending, as the cells come. */
function sourceOf(file: string, lines: number[]): ActualSource {
  const line = lines[0] ?? 0;
  return lines.length > 1 ? { file, line, lines } : { file, line };
}

/**
 * Sources, orgs and notes of the groups that made an actual, in (file, line) order; `cells`
 * are sorted so. Sources come one item per file, its lines gathered in a plain number array:
 * a million pooled rows make a few arrays of numbers, not a million objects.
 */
function provenance(cells: Group[]): Pick<Actual, 'orgs' | 'sources' | 'notes'> {
  const orgSet = new Set<string>();
  const notes: string[] = [];
  const noted = new Set<string>();
  const note = (text: string | undefined) => {
    if (text !== undefined && text !== '' && !noted.has(text)) {
      noted.add(text);
      notes.push(text);
    }
  };
  const sources: ActualSource[] = [];
  let file: string | undefined;
  let lines: number[] = [];
  const flush = () => {
    if (file !== undefined) sources.push(sourceOf(file, lines));
  };
  let lastOrg: string | undefined;
  for (const cell of cells) {
    const e = cell.entry;
    if (e.file !== file) {
      flush();
      file = e.file;
      lines = [];
    }
    lines.push(e.line);
    const org = e.org;
    if (org !== undefined && org !== lastOrg) {
      lastOrg = org;
      const key = orgKey(org);
      if (key !== null) orgSet.add(key);
    }
    if (e.note !== undefined) note(e.note);
    if (e.evidence !== undefined) note(e.evidence);
  }
  flush();
  const orgs = [...orgSet].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const result: Pick<Actual, 'orgs' | 'sources' | 'notes'> = { sources };
  if (orgs.length > 0) result.orgs = orgs;
  if (notes.length > 0) result.notes = notes;
  return result;
}

/**
 * Folds org statuses of one milestone into the department's: done only when every org is
 * done, not started only when none has started, in progress otherwise.
 */
function combineStatuses(statuses: MilestoneStatus[]): MilestoneStatus {
  if (statuses.every((s) => s === 'done')) return 'done';
  if (statuses.every((s) => s === 'not-started')) return 'not-started';
  return 'in-progress';
}

/**
 * Pools the numeric entries of one year (DESIGN, "Turning entries into one actual"):
 * - the coarsest granularity present wins (the year's own entry, else halves, else quarters,
 *   else months); finer entries are left out, never added to coarser ones;
 * - per period, the department total wins over orgs; the chosen cells of every period are
 *   then pooled together;
 * - percent: Σnumerator / Σdenominator × 100 when every cell has counts; a single cell is its
 *   own value; several cells of which one has only a value cannot be pooled (an average of
 *   percentages weighs a tiny org like a large one), so no actual, remark `unpooled-values`;
 * - count: the values are summed over orgs and over part-years, because a count of things
 *   done is additive: the department's number is the sum of its divisions' and of its quarters';
 * - provisional unless the chosen granularity covers the whole year (both halves, four
 *   quarters, twelve months); the period is then the year, else the latest part covered.
 */
function poolNumbers(year: number, periods: PeriodGroups[], measure: Measure, store: Groups): Pooled {
  const remarks: Remark[] = [];
  const present: { period: Period; cells: number[] }[] = [];
  for (const p of periods) {
    const cells = store.cells(p, measure);
    if (cells.length > 0) present.push({ period: p.period, cells });
  }
  if (present.length === 0) return { actual: null, remarks };
  const granularity = GRANULARITIES.find((g) => present.some((p) => p.period.granularity === g)) ?? 'year';
  const chosen = present.filter((p) => p.period.granularity === granularity).sort((a, b) => a.period.index - b.period.index);
  if (chosen.length < present.length) remarks.push('finer-periods-ignored');
  // A loop rather than flatMap, which is many times slower on lists of thousands.
  let cells = chosen[0]!.cells;
  if (chosen.length > 1) {
    let total = 0;
    for (const p of chosen) total += p.cells.length;
    cells = new Array<number>(total);
    let at = 0;
    for (const p of chosen) for (const n of p.cells) cells[at++] = n;
  }
  store.sortByPlace(cells);
  if (cells.some((n) => store.repeated(n))) remarks.push('duplicate-entries');

  const complete = chosen.length === PARTS_PER_YEAR[granularity];
  const last = chosen[chosen.length - 1]?.period;
  const actual: Actual = {
    value: null,
    period: complete || last === undefined ? String(year) : last.label,
    provisional: !complete,
    ...store.provenance(cells),
  };

  if (measure === 'count') {
    let sum = 0;
    for (const n of cells) sum += store.figure(n, 'value') ?? 0;
    actual.value = sum;
  } else if (cells.every((n) => store.hasCounts(n))) {
    let numerator = 0;
    let denominator = 0;
    for (const n of cells) numerator += store.figure(n, 'numerator') ?? 0;
    for (const n of cells) denominator += store.figure(n, 'denominator') ?? 0;
    actual.numerator = numerator;
    actual.denominator = denominator;
    // numerator × 100 first keeps 8120 / 9000 exact to the last digit; huge counts divide first.
    if (denominator > 0) actual.value = Number.isFinite(numerator * 100) ? (numerator * 100) / denominator : (numerator / denominator) * 100;
    else remarks.push('zero-denominator');
  } else if (cells.length === 1 && cells[0] !== undefined) {
    actual.value = store.figure(cells[0], 'value') ?? null;
  } else {
    remarks.push('unpooled-values');
  }
  if (actual.value !== null && !Number.isFinite(actual.value)) actual.value = null;
  return { actual: reorder(actual), remarks };
}

/**
 * The milestone state of one year: the year's own entry wins; else the latest part-year
 * period (by the month it ends; on a tie the coarser one, which sums up the finer). A state
 * is a snapshot, not a flow, so the latest report says the most. Provisional unless it is
 * the year's own entry or a period that ends with the year.
 */
function poolMilestone(periods: PeriodCells[]): Pooled {
  const remarks: Remark[] = [];
  let best: { period: Period; cells: Group[] } | undefined;
  for (const p of periods) {
    const cells = cellsOf(p, 'milestone');
    if (cells.length === 0) continue;
    if (best === undefined) {
      best = { period: p.period, cells };
      continue;
    }
    const [a, b] = [endMonth(p.period), endMonth(best.period)];
    const coarser = GRANULARITIES.indexOf(p.period.granularity) < GRANULARITIES.indexOf(best.period.granularity);
    if (a > b || (a === b && coarser)) best = { period: p.period, cells };
  }
  if (best === undefined) return { actual: null, remarks };
  if (best.cells.some((c) => c.count > 1)) remarks.push('duplicate-entries');
  const statuses = best.cells.map((c) => c.entry.status).filter((s): s is MilestoneStatus => s !== undefined);
  const actual: Actual = {
    value: null,
    status: combineStatuses(statuses),
    period: best.period.label,
    provisional: best.period.granularity !== 'year' && endMonth(best.period) < 12,
    ...provenance([...best.cells].sort(byPlace)),
  };
  return { actual: reorder(actual), remarks };
}

/** The key order DESIGN's JSON shows, whatever order the fields were set in. */
function reorder(actual: Actual): Actual {
  const out: Actual = { value: actual.value } as Actual;
  if (actual.status !== undefined) out.status = actual.status;
  out.period = actual.period;
  out.provisional = actual.provisional;
  if (actual.numerator !== undefined) out.numerator = actual.numerator;
  if (actual.denominator !== undefined) out.denominator = actual.denominator;
  if (actual.orgs !== undefined) out.orgs = actual.orgs;
  out.sources = actual.sources;
  if (actual.notes !== undefined) out.notes = actual.notes;
  return out;
}

/** A new, empty pool. */
export function createPool(): Pool {
  const index = new Map<string, Map<number, Map<string, PeriodGroups>>>();
  const store = new Groups();
  // Millions of rows name a handful of periods: parse each label once.
  const periodCache = new Map<string, Period | undefined>();
  // Orgs are numbered once; a group is found by its org's number.
  const orgNumbers = new Map<string, number>();
  const orgNames = store.orgNames;
  const cellsOfPeriod = (slot: PeriodGroups): PeriodCells => {
    const cells: PeriodCells = { period: slot.period, orgs: [] };
    if (slot.total !== -1) cells.total = store.group(slot.total);
    slot.orgs.forEach((n) => cells.orgs.push(store.group(n)));
    return cells;
  };
  return {
    add(entry: Entry): void {
      const label = String(entry.period);
      let period = periodCache.get(label);
      if (period === undefined && !periodCache.has(label)) {
        period = parsePeriod(label);
        if (periodCache.size < 10_000) periodCache.set(label, period);
      }
      if (period === undefined || typeof entry.indicator !== 'string') return;
      let years = index.get(entry.indicator);
      if (years === undefined) index.set(entry.indicator, (years = new Map()));
      let periods = years.get(period.year);
      if (periods === undefined) years.set(period.year, (periods = new Map()));
      let slot = periods.get(period.label);
      if (slot === undefined) {
        slot = { indicator: entry.indicator, period, number: store.slots.length, total: -1, orgs: new DenseIntMap() };
        periods.set(period.label, slot);
        store.slots.push(slot);
      }
      const key = orgKey(entry.org);
      let org = -1;
      if (key !== null) {
        const known = orgNumbers.get(key);
        if (known === undefined) {
          org = orgNames.length;
          orgNumbers.set(key, org);
          orgNames.push(key);
        } else org = known;
      }
      const n = org === -1 ? (slot.total === -1 ? undefined : slot.total) : slot.orgs.get(org);
      if (n !== undefined) store.repeat(n, entry, key);
      else if (org === -1) slot.total = store.add(entry, key, slot.number, -1);
      else slot.orgs.set(org, store.add(entry, key, slot.number, org));
    },
    actual(indicator: string, year: number, measure: Measure): Pooled {
      const slots = [...(index.get(indicator)?.get(year)?.values() ?? [])];
      return measure === 'milestone' ? poolMilestone(slots.map(cellsOfPeriod)) : poolNumbers(year, slots, measure, store);
    },
    years(indicator: string): number[] {
      return [...(index.get(indicator)?.keys() ?? [])].sort((a, b) => a - b);
    },
    get size(): number {
      return store.size;
    },
  };
}
