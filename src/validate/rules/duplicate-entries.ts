import type { Diagnostic } from '../../model/diagnostic.js';
import { MILESTONE_STATUSES, type MilestoneStatus } from '../../model/measurement.js';
import { diagnosticAt } from '../report.js';
import type { SourceDocument } from '../../load/document.js';
import type { EntrySlot } from './types.js';
import { DenseIntMap } from '../../util/dense-int-map.js';
import { pagedFloat64, pagedUint32, pagedUint8 } from '../../util/paged-column.js';
import { NameNumbers } from '../../util/name-numbers.js';

const ABSENT = Number.NaN;

/** What the duplicate check reads of an entry: its group, its figures and its place. An Entry is one. */
export interface EntryKey {
  readonly indicator: string;
  readonly period: string;
  readonly org?: string | undefined;
  readonly value?: number | undefined;
  readonly numerator?: number | undefined;
  readonly denominator?: number | undefined;
  readonly status?: string | undefined;
  readonly file: string;
  readonly line: number;
}

/** Where a repeat is reported: the entry's document and pointer, asked for only when there is a repeat. */
export interface EntryPlace {
  slot(): { doc: SourceDocument; pointer: string };
}

/**
 * The figures and place of every report remembered, in columns indexed by a report number:
 * a CSV may bring a million groups, and a few typed arrays hold them in a fraction of the
 * memory a million small objects would take.
 */
class Reports {
  private readonly value = pagedFloat64();
  private readonly numerator = pagedFloat64();
  private readonly denominator = pagedFloat64();
  private readonly status = pagedUint8();
  private readonly line = pagedUint32();
  private readonly file = pagedUint32();
  private readonly files = new NameNumbers();
  private size = 0;

  add(entry: EntryKey): number {
    const n = this.size++;
    const { value, numerator, denominator, status, file, line } = entry;
    this.value.set(n, value ?? ABSENT);
    this.numerator.set(n, numerator ?? ABSENT);
    this.denominator.set(n, denominator ?? ABSENT);
    this.status.set(n, status === undefined ? 0 : MILESTONE_STATUSES.indexOf(status as MilestoneStatus) + 1);
    this.line.set(n, line);
    this.file.set(n, this.files.number(file));
    return n;
  }

  same(n: number, entry: EntryKey): boolean {
    const { value, numerator, denominator, status } = entry;
    const eq = (stored: number, given: number | undefined) => (given === undefined ? Number.isNaN(stored) : stored === given);
    const code = status === undefined ? 0 : MILESTONE_STATUSES.indexOf(status as MilestoneStatus) + 1;
    return eq(this.value.get(n), value) && eq(this.numerator.get(n), numerator) && eq(this.denominator.get(n), denominator) && this.status.get(n) === code;
  }

  where(n: number): string {
    return `${this.files.names[this.file.get(n)]}:${this.line.get(n)}`;
  }
}

type Level<T> = Map<string, T>;

/** Report numbers by org number for one (plan, indicator, period), and the total's report. */
class OrgReports extends DenseIntMap {
  total = -1;
}

/**
 * One indicator, period and org is reported once per plan, across all files. Entries are
 * added one at a time (a CSV of millions of rows is never held whole), and a few numbers per
 * group are kept. A repeat with the figures of an earlier report is a warning and is not
 * kept; a repeat with other figures is an error naming the first report, and then none of
 * the group's reports is kept. The counts of warnings and errors do not depend on the order
 * of files or rows.
 */
export class DuplicateEntries {
  private readonly reports = new Reports();
  // plan → indicator → period → org number → the first report's number. Nested rather than one
  // joined key, so no key string is built per row; orgs are numbered once.
  private readonly groups: Level<Level<Level<OrgReports>>> = new Map();
  private readonly orgNumbers = new Map<string, number>();
  /** Other figures reported for a group, by the group's first report. Rare. */
  private readonly others = new Map<number, number[]>();

  /**
   * Adds an entry that passed every other check. Pushes the diagnostic onto `diagnostics` when
   * it repeats an earlier one. Returns, when the entry is kept, a token (0 or more) to ask
   * `isDropped` about later, else -1. Nothing is made for an entry that repeats nothing.
   */
  add(slot: EntrySlot, diagnostics: Diagnostic[]): number {
    return this.addKey(slot.plan ?? '', slot.entry, { slot: () => slot }, diagnostics);
  }

  /**
   * As `add`, for an entry given by its figures and place (`plan` '' when none): plain CSV rows
   * and plain YAML entries come so, their document and pointer made only for a repeat's diagnostic.
   */
  addKey(plan: string, entry: EntryKey, place: EntryPlace, diagnostics: Diagnostic[]): number {
    const { indicator, period, org } = entry;
    let indicators = this.groups.get(plan);
    if (indicators === undefined) this.groups.set(plan, (indicators = new Map()));
    let periods = indicators.get(indicator);
    if (periods === undefined) indicators.set(indicator, (periods = new Map()));
    let orgs = periods.get(period);
    if (orgs === undefined) periods.set(period, (orgs = new OrgReports()));
    let number = -1;
    if (org !== undefined) {
      const known = this.orgNumbers.get(org);
      if (known === undefined) this.orgNumbers.set(org, (number = this.orgNumbers.size));
      else number = known;
    }
    const stored = number === -1 ? orgs.total : (orgs.get(number) ?? -1);
    if (stored === -1) {
      const token = this.reports.add(entry);
      if (number === -1) orgs.total = token;
      else orgs.set(number, token);
      return token;
    }
    const first = stored;
    const what = `'${indicator}' for ${period}${org === undefined ? '' : ` (${org})`}`;
    const variants = [first, ...(this.others.get(first) ?? [])];
    const same = variants.find((n) => this.reports.same(n, entry));
    const { doc, pointer } = place.slot();
    if (same !== undefined) {
      const message = `${what} was already reported, identically, at ${this.reports.where(same)}`;
      diagnostics.push(diagnosticAt(doc, 'identical-duplicate', { pointer }, message, 'warning'));
      return -1;
    }
    const message = `${what} is already reported at ${this.reports.where(first)} with other figures`;
    this.others.set(first, [...variants.slice(1), this.reports.add(entry)]);
    diagnostics.push(diagnosticAt(doc, 'duplicate-entry', { pointer }, message));
    return -1;
  }

  /** True when an entry kept earlier turned out to clash with a later one. */
  isDropped(token: number): boolean {
    return this.others.has(token);
  }
}
