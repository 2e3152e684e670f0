import type { Status } from '../model/evaluation.js';
import type { MilestoneStatus } from '../model/measurement.js';
import type { Horizon, Requirement } from '../model/plan.js';

/**
 * What happened to one target between two sides, listed in the order changes are shown:
 * regressions first, then improvements, other changes, targets added, removed, and last the
 * unchanged ones.
 */
export const CHANGE_KINDS = ['regressed', 'improved', 'changed', 'added', 'removed', 'unchanged'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One side of a target in an evaluation diff: its status and the value it was judged on. */
export interface ResultSide {
  status: Status;
  /** The actual's value; null for milestones and when there was no data. */
  value: number | null;
  /** For milestones only: the reported state behind the status, when one was reported. */
  milestone?: MilestoneStatus;
  /**
   * The progress ratio behind an on-track / at-risk / off-track status, when there is one: a
   * target not yet due has no value for its own year, and this is what moved.
   */
  progressRatio?: number;
}

/** One side of a target in a plan diff: what the plan asked for. */
export interface TargetSide {
  requirement: Requirement;
  horizon: Horizon;
  ref: string[];
}

/** The parts of a target a plan diff compares. */
export const TARGET_FIELDS = ['requirement', 'horizon', 'ref'] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

/** One target present on either side. */
export interface Change<Side> {
  target: string;
  before: Side | null;
  after: Side | null;
  change: ChangeKind;
  /**
   * After minus before, in the indicator's unit (percentage points for percents), rounded to
   * two decimals; null when either side has no number. In a plan diff: the change of the
   * required number when both sides use the same kind of requirement.
   */
  delta: number | null;
  /** Plan diffs only: which parts of a `changed` target differ. */
  fields?: TargetField[];
}

export type ResultChange = Change<ResultSide>;
export type TargetChange = Change<TargetSide>;

/** Which plan (and, for evaluations, which as-of date) one side of a diff stands for. */
export interface DiffSide {
  plan: { id: string; version: number };
  /** The evaluation's as-of date; null for a plan. */
  asOf: string | null;
}

/**
 * Stable words for facts about a diff as a whole. `different-plans`: the two sides belong to
 * plans with different ids; `different-plan-versions`: same plan, other version. Either way
 * the shared targets are compared and the others listed as added or removed.
 */
export const DIFF_NOTES = ['different-plans', 'different-plan-versions'] as const;
export type DiffNote = (typeof DIFF_NOTES)[number];

interface DiffBase {
  apiVersion: 'ccp/v1';
  kind: 'Diff';
  before: DiffSide;
  after: DiffSide;
  notes: DiffNote[];
  /** Number of changes of each kind, every kind present (zeros included). */
  summary: Record<ChangeKind, number>;
}

/** Two evaluations compared target by target. */
export interface EvaluationDiff extends DiffBase {
  compares: 'evaluations';
  changes: ResultChange[];
}

/** Two plans compared target by target. */
export interface PlanDiff extends DiffBase {
  compares: 'plans';
  changes: TargetChange[];
}

/** The result of `ccp diff`: `compares` tells which kind of sides were compared. */
export type Diff = EvaluationDiff | PlanDiff;
