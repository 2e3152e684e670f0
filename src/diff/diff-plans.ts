import { expandTargets } from '../evaluate/index.js';
import type { Horizon, Plan, Requirement, Target } from '../model/plan.js';
import { mergeOrder, roundDelta, sortChanges, summarizeChanges } from './order.js';
import { planNotes } from './plan-notes.js';
import { TARGET_FIELDS, type PlanDiff, type TargetChange, type TargetField, type TargetSide } from './types.js';

function sideOf(target: Target): TargetSide {
  return { requirement: target.requirement, horizon: target.horizon, ref: target.ref };
}

/** A canonical text for a value: keys sorted, undefined dropped, so `{ cap: undefined }` equals `{}`. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function differs(field: TargetField, before: TargetSide, after: TargetSide): boolean {
  // The order in which a target's clauses are cited is not a change of the plan.
  if (field === 'ref') return canonical([...before.ref].sort()) !== canonical([...after.ref].sort());
  const b: Requirement | Horizon = before[field];
  const a: Requirement | Horizon = after[field];
  return canonical(b) !== canonical(a);
}

/** The one number a requirement names, for those that name exactly one. */
function requiredNumber(requirement: Requirement): { kind: string; value: number } | null {
  for (const kind of ['atLeast', 'moreThan', 'atMost', 'lessThan', 'gainAtLeast'] as const) {
    if (kind in requirement) return { kind, value: (requirement as Record<typeof kind, number>)[kind] };
  }
  return null;
}

function requirementDelta(before: Requirement, after: Requirement): number | null {
  const b = requiredNumber(before);
  const a = requiredNumber(after);
  if (b === null || a === null || a.kind !== b.kind) return null;
  return roundDelta(a.value - b.value);
}

/**
 * Compares two plans target by target (targets expanded per year, as `ccp targets` lists
 * them): a target on one side only is added or removed; one whose requirement, horizon or
 * clause refs differ is `changed`, with `fields` naming what differs; the rest are
 * unchanged. `delta` is the change of the required number when both sides use the same kind
 * of single-number requirement. Pure.
 */
export function diffPlans(before: Plan, after: Plan): PlanDiff {
  const was = new Map(expandTargets(before).map((t) => [t.id, t] as const));
  const now = new Map(expandTargets(after).map((t) => [t.id, t] as const));
  const changes: TargetChange[] = [];
  for (const id of mergeOrder([...was.keys()], [...now.keys()])) {
    const b = was.get(id);
    const a = now.get(id);
    if (b === undefined || a === undefined) {
      changes.push({
        target: id,
        before: b === undefined ? null : sideOf(b),
        after: a === undefined ? null : sideOf(a),
        change: b === undefined ? 'added' : 'removed',
        delta: null,
      });
      continue;
    }
    const beforeSide = sideOf(b);
    const afterSide = sideOf(a);
    const fields = TARGET_FIELDS.filter((field) => differs(field, beforeSide, afterSide));
    const change: TargetChange = {
      target: id,
      before: beforeSide,
      after: afterSide,
      change: fields.length > 0 ? 'changed' : 'unchanged',
      delta: requirementDelta(b.requirement, a.requirement),
    };
    if (fields.length > 0) change.fields = fields;
    changes.push(change);
  }
  const sorted = sortChanges(changes);
  return {
    apiVersion: 'ccp/v1',
    kind: 'Diff',
    compares: 'plans',
    before: { plan: { id: before.id, version: before.version }, asOf: null },
    after: { plan: { id: after.id, version: after.version }, asOf: null },
    notes: planNotes(before, after),
    summary: summarizeChanges(sorted),
    changes: sorted,
  };
}
