import type { Indicator, Measure, Target } from '../../model/plan.js';
import { pickText, type Lang } from '../../model/text.js';
import { formatRequirement, t } from '../i18n.js';
import { tt } from './strings.js';
import type { TargetsListing } from './types.js';

/**
 * What the human-readable formats show of a target, computed once in one language; the
 * renderers only lay it out and escape it.
 */
export interface TargetRow {
  /** `<indicator>@<year>`. */
  id: string;
  year: number;
  /** The indicator's title (its id when it has none). */
  title: string;
  measure: Measure;
  /** The requirement in words: `≥ 80%`, `25–35%`, `+20 pts/yr (≤ 100%)`, `done`. */
  requirement: string;
  /** For a target repeated every year, the range in words; else undefined. */
  horizon?: string;
  /** Clause refs joined: `II.2.a, II.6.a`. */
  ref: string;
  quote: string;
}

/** The targets of one area, in the plan's order of areas. */
export interface AreaRows {
  id: string;
  /** `II.2. Cải cách thủ tục hành chính`, or the bare id of an area the plan lacks. */
  heading: string;
  rows: TargetRow[];
}

/** The plan's line above a listing: title, then document number, id and encoding version. */
export function planLines(listing: TargetsListing, lang: Lang): { title: string; details: string } {
  const { plan } = listing;
  const title = pickText(plan.title, lang) || plan.id;
  const details = [plan.document.number, `${plan.id}, ${t(lang, 'report.version', { version: plan.version })}`, tt(lang, 'count', { count: listing.targets.length })]
    .filter((part) => part !== '')
    .join(' · ');
  return { title, details };
}

function rowOf(target: Target, indicator: Indicator | undefined, lang: Lang): TargetRow {
  const measure = indicator?.measure ?? 'percent';
  const row: TargetRow = {
    id: target.id,
    year: target.year,
    title: pickText(indicator?.title, lang) || target.indicator,
    measure,
    requirement: formatRequirement(target.requirement, lang, measure),
    ref: target.ref.join(', '),
    quote: pickText(target.quote, lang),
  };
  if ('everyYear' in target.horizon) {
    const [from, to] = target.horizon.everyYear;
    row.horizon = tt(lang, 'everyYear', { from, to });
  }
  return row;
}

/** Groups the listing's targets by area, areas in the plan's order; targets keep their order. */
export function areaRows(listing: TargetsListing, lang: Lang): AreaRows[] {
  const indicators = new Map(listing.plan.indicators.map((indicator) => [indicator.id, indicator]));
  const groups = new Map<string, AreaRows>();
  for (const area of listing.plan.areas) {
    const title = pickText(area.title, lang) || area.id;
    const heading = area.ref === undefined || area.ref === '' ? title : `${area.ref}. ${title}`;
    groups.set(area.id, { id: area.id, heading, rows: [] });
  }
  for (const target of listing.targets) {
    let group = groups.get(target.area);
    if (group === undefined) {
      group = { id: target.area, heading: target.area || t(lang, 'report.otherArea'), rows: [] };
      groups.set(target.area, group);
    }
    group.rows.push(rowOf(target, indicators.get(target.indicator), lang));
  }
  return [...groups.values()].filter((group) => group.rows.length > 0);
}
