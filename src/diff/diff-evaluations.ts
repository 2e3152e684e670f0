import type { Evaluation, Result, Status } from '../model/evaluation.js';
import { STATUSES } from '../model/evaluation.js';
import { mergeOrder, roundDelta, sortChanges, summarizeChanges } from './order.js';
import { planNotes } from './plan-notes.js';
import type { ChangeKind, EvaluationDiff, ResultChange, ResultSide } from './types.js';

function sideOf(result: Result): ResultSide {
  const side: ResultSide = { status: result.status, value: result.actual?.value ?? null };
  if (result.actual?.status !== undefined) side.milestone = result.actual.status;
  if (typeof result.progressRatio === 'number' && Number.isFinite(result.progressRatio)) side.progressRatio = result.progressRatio;
  return side;
}

/** A status's place on the way to `met`: 0 is met, 4 is missed. `no-data` has no place. */
function rank(status: Status): number {
  return STATUSES.indexOf(status);
}

function classify(before: ResultSide, after: ResultSide): ChangeKind {
  if (before.status === after.status) {
    const sameValue =
      before.value === null || after.value === null
        ? before.value === after.value
        : roundDelta(after.value - before.value) === 0;
    const same = sameValue && before.milestone === after.milestone && before.progressRatio === after.progressRatio;
    return same ? 'unchanged' : 'changed';
  }
  // Gaining or losing data says nothing about progress: such moves are shown, not judged.
  if (before.status === 'no-data' || after.status === 'no-data') return 'changed';
  return rank(after.status) < rank(before.status) ? 'improved' : 'regressed';
}

function indexResults(evaluation: Evaluation): Map<string, Result> {
  const byTarget = new Map<string, Result>();
  for (const result of evaluation.results) if (!byTarget.has(result.target)) byTarget.set(result.target, result);
  return byTarget;
}

/**
 * Compares two evaluations target by target: one change per target present on either side,
 * regressions first, then improvements, other changes, added, removed and unchanged targets,
 * each group in plan order. Evaluations of different plans or plan versions are compared on
 * the targets they share, and `notes` says that the plans differ. Pure.
 */
export function diffEvaluations(before: Evaluation, after: Evaluation): EvaluationDiff {
  const was = indexResults(before);
  const now = indexResults(after);
  const changes: ResultChange[] = [];
  for (const target of mergeOrder([...was.keys()], [...now.keys()])) {
    const b = was.get(target);
    const a = now.get(target);
    const beforeSide = b === undefined ? null : sideOf(b);
    const afterSide = a === undefined ? null : sideOf(a);
    let change: ChangeKind;
    if (beforeSide === null) change = 'added';
    else if (afterSide === null) change = 'removed';
    else change = classify(beforeSide, afterSide);
    const delta =
      beforeSide?.value == null || afterSide?.value == null ? null : roundDelta(afterSide.value - beforeSide.value);
    changes.push({ target, before: beforeSide, after: afterSide, change, delta });
  }
  const sorted = sortChanges(changes);
  return {
    apiVersion: 'ccp/v1',
    kind: 'Diff',
    compares: 'evaluations',
    before: { plan: { id: before.plan.id, version: before.plan.version }, asOf: before.asOf },
    after: { plan: { id: after.plan.id, version: after.plan.version }, asOf: after.asOf },
    notes: planNotes(before.plan, after.plan),
    summary: summarizeChanges(sorted),
    changes: sorted,
  };
}
