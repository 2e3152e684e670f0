import type { ChangeKind, Diff, DiffSide, ResultSide, TargetSide } from '../../diff/types.js';
import { CHANGE_KINDS } from '../../diff/types.js';
import type { Horizon, Indicator, Measure, Plan } from '../../model/plan.js';
import { pickText, type Lang } from '../../model/text.js';
import { formatDate, formatMeasured, formatNumber, formatRequirement, milestoneLabel, NO_VALUE, statusLabel } from '../i18n.js';
import { td } from './strings.js';

/**
 * What every human-readable diff format shows of a change, computed once in one language;
 * the renderers only lay it out and escape it.
 */

/** One symbol per kind of change, so that a row reads without colour. */
export const CHANGE_SYMBOLS: Readonly<Record<ChangeKind, string>> = {
  regressed: '↓',
  improved: '↑',
  changed: '≠',
  added: '+',
  removed: '−',
  unchanged: '=',
};

/** The texts of one change's row, not yet escaped for any format. */
export interface ChangeRow {
  kind: ChangeKind;
  /** Symbol and word: `↓ regressed`. */
  change: string;
  target: string;
  /** The indicator's title in the asked language, or its id. */
  title: string;
  /** Evaluation diffs: `missed → met`; plan diffs: the requirement before. */
  before: string;
  after: string;
  /** Evaluation diffs: the values, `70% → 84,5%`. */
  value?: string;
  /** Signed, with `pp` / `đ.p.` for percents; `–` when there is none. */
  delta: string;
}

/** The indicator id of a target id `<indicator>@<year>`. */
export function indicatorOf(target: string): string {
  const at = target.lastIndexOf('@');
  return at < 0 ? target : target.slice(0, at);
}

function findIndicator(plans: readonly Plan[], id: string): Indicator | undefined {
  for (const plan of plans) {
    const found = plan.indicators.find((indicator) => indicator.id === id);
    if (found !== undefined) return found;
  }
  return undefined;
}

function formatValue(side: ResultSide | null, measure: Measure | undefined, lang: Lang): string {
  if (side === null) return NO_VALUE;
  if (side.value !== null) return formatMeasured(side.value, measure ?? 'count', lang, { maxDecimals: 2 });
  if (side.milestone !== undefined) return milestoneLabel(side.milestone, lang);
  return NO_VALUE;
}

/** The progress ratio as shown: `R 0,98`. */
function formatRatio(side: ResultSide | null, lang: Lang): string {
  return side?.progressRatio === undefined ? NO_VALUE : `R ${formatNumber(side.progressRatio, lang, { maxDecimals: 3 })}`;
}

/**
 * The value column: the values, or, when neither side has one (a target not yet due has no
 * value for its own year), the progress ratios that decided the statuses.
 */
function valueTransition(change: { before: ResultSide | null; after: ResultSide | null }, measure: Measure | undefined, lang: Lang): string {
  const before = formatValue(change.before, measure, lang);
  const after = formatValue(change.after, measure, lang);
  if (before === NO_VALUE && after === NO_VALUE && (change.before?.progressRatio !== undefined || change.after?.progressRatio !== undefined)) {
    return transition(formatRatio(change.before, lang), formatRatio(change.after, lang));
  }
  return transition(before, after);
}

/** `a → b`, or `a` alone when both sides read the same. */
function transition(before: string, after: string): string {
  return before === after ? after : `${before} → ${after}`;
}

/** A delta in the indicator's unit: `+4,5 đ.p.`, `+4.5 pp`, `-3`, or `–`. */
export function formatDelta(delta: number | null, measure: Measure | undefined, lang: Lang): string {
  if (delta === null || !Number.isFinite(delta)) return NO_VALUE;
  const number = formatNumber(delta, lang, { sign: true, maxDecimals: 2 });
  return measure === 'percent' ? `${number} ${td(lang, 'unit.points')}` : number;
}

/** A horizon in words: `by 2025` / `đến năm 2025`, `every year 2022–2030`. */
export function formatHorizon(horizon: Horizon, lang: Lang): string {
  if ('by' in horizon) return td(lang, 'horizon.by', { year: horizon.by });
  return td(lang, 'horizon.everyYear', { from: horizon.everyYear[0], to: horizon.everyYear[1] });
}

function formatTargetSide(side: TargetSide | null, measure: Measure | undefined, lang: Lang): string {
  if (side === null) return NO_VALUE;
  const requirement = formatRequirement(side.requirement, lang, measure ?? ('expect' in side.requirement ? 'milestone' : 'count'));
  const refs = side.ref.length > 0 ? ` (${side.ref.join(', ')})` : '';
  return `${requirement} ${formatHorizon(side.horizon, lang)}${refs}`;
}

/** The rows of a diff, in the diff's own order (regressions first). */
export function changeRows(diff: Diff, options: { lang: Lang; plans: readonly Plan[] }): ChangeRow[] {
  const { lang, plans } = options;
  const base = (target: string, kind: ChangeKind) => {
    const indicator = findIndicator(plans, indicatorOf(target));
    return {
      indicator,
      row: {
        kind,
        change: `${CHANGE_SYMBOLS[kind]} ${td(lang, `change.${kind}`)}`,
        target,
        title: (indicator === undefined ? '' : pickText(indicator.title, lang)) || indicatorOf(target),
      },
    };
  };
  if (diff.compares === 'plans') {
    return diff.changes.map((change): ChangeRow => {
      const { indicator, row } = base(change.target, change.change);
      return {
        ...row,
        before: formatTargetSide(change.before, indicator?.measure, lang),
        after: formatTargetSide(change.after, indicator?.measure, lang),
        delta: formatDelta(change.delta, indicator?.measure, lang),
      };
    });
  }
  return diff.changes.map((change): ChangeRow => {
    const { indicator, row } = base(change.target, change.change);
    const measure = indicator?.measure;
    return {
      ...row,
      before: change.before === null ? NO_VALUE : statusLabel(change.before.status, lang),
      after: change.after === null ? NO_VALUE : statusLabel(change.after.status, lang),
      value: valueTransition(change, measure, lang),
      delta: formatDelta(change.delta, measure, lang),
    };
  });
}

/** The status column of an evaluation diff row: `missed → met`, or one word when unchanged. */
export function statusTransition(row: ChangeRow): string {
  return transition(row.before, row.after);
}

/** The heading of the report. */
export function diffTitle(diff: Diff, lang: Lang): string {
  return td(lang, diff.compares === 'plans' ? 'title.plans' : 'title.evaluations');
}

/** `Before: plan X version 1, as of 20/12/2025`. */
export function sideLine(side: DiffSide, which: 'before' | 'after', lang: Lang): string {
  const params = { plan: side.plan.id, version: side.plan.version };
  const text =
    side.asOf === null ? td(lang, 'side.plan', params) : td(lang, 'side.evaluation', { ...params, date: formatDate(side.asOf, lang) });
  return `${td(lang, which === 'before' ? 'side.before' : 'side.after')}: ${text}`;
}

/** The notes about the two sides' plans, in words. */
export function noteLines(diff: Diff, lang: Lang): string[] {
  return diff.notes.map((note) =>
    note === 'different-plans'
      ? td(lang, 'note.different-plans', { before: diff.before.plan.id, after: diff.after.plan.id })
      : td(lang, 'note.different-plan-versions', {
          plan: diff.after.plan.id,
          before: diff.before.plan.version,
          after: diff.after.plan.version,
        }),
  );
}

/** The summary's parts: `↓ regressed: 1`, one per kind. */
export function summaryParts(diff: Diff, lang: Lang): string[] {
  return CHANGE_KINDS.map((kind) => `${CHANGE_SYMBOLS[kind]} ${td(lang, `change.${kind}`)}: ${diff.summary[kind]}`);
}

/** The rows a human-readable report lists: every change but the unchanged (counted in the summary). */
export function listedRows(rows: readonly ChangeRow[]): ChangeRow[] {
  return rows.filter((row) => row.kind !== 'unchanged');
}

/** True when some listed delta is in percentage points (the unit needs a word). */
export function anyPercentDelta(rows: readonly ChangeRow[], lang: Lang): boolean {
  const unit = ` ${td(lang, 'unit.points')}`;
  return rows.some((row) => row.delta.endsWith(unit));
}
