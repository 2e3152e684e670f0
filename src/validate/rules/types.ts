import type { SourceDocument } from '../../load/document.js';
import type { Diagnostic, DiagnosticCode, Severity } from '../../model/diagnostic.js';
import type { Entry } from '../../model/measurement.js';
import type { Indicator, Plan } from '../../model/plan.js';
import type { Place } from '../report.js';

/** Reports one problem at a place in the document being checked. */
export type Report = (code: DiagnosticCode, place: Place, message: string, severity?: Severity) => void;

/** What a plan rule sees: the typed plan, its document, and a way to report. */
export interface PlanRuleContext {
  plan: Plan;
  doc: SourceDocument;
  report: Report;
}

/** A rule JSON Schema cannot say about a plan. Pushes diagnostics; never throws. */
export type PlanRule = (ctx: PlanRuleContext) => void;

/** One schema-valid entry of a measurements file, with where it came from. */
export interface EntrySlot {
  /** The entry, with the file's defaults applied; `period` is '' when there is none. */
  entry: Entry;
  /** The entry as written (only its own fields, no defaults). */
  raw: Record<string, unknown>;
  /** `/measurements/<i>`. */
  pointer: string;
  /** Where the entry's period is written: its own field, or the file's default. */
  periodPointer?: string;
  doc: SourceDocument;
  /** The id of the plan the entry reports against (named by its file, or the one it was checked with). */
  plan?: string;
  /** Problems found with this entry (an entry with an error is not handed on). */
  diagnostics: Diagnostic[];
}

/** What an entry rule sees. `indicator` is set once the entry's indicator is known in the plan. */
export interface EntryRuleContext {
  plan?: Plan;
  slot: EntrySlot;
  indicator?: Indicator;
  report: Report;
}

/** A rule about one entry. Pushes diagnostics; never throws. */
export type EntryRule = (ctx: EntryRuleContext) => void;
