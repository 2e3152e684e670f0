import type { LocalText } from '../../model/text.js';
import type { Horizon, Measure, Requirement } from '../../model/plan.js';
import type { TargetsRenderer } from './types.js';

/** One target as `ccp targets --format json` writes it (the fields `evaluate`'s results share come first). */
export interface TargetJson {
  target: string;
  indicator: string;
  area: string;
  year: number;
  ref: string[];
  requirement: Requirement;
  horizon: Horizon;
  measure: Measure;
  title: LocalText;
  quote?: LocalText;
  note?: LocalText;
}

/** The whole listing as JSON. */
export interface TargetsJson {
  apiVersion: 'ccp/v1';
  kind: 'Targets';
  plan: { id: string; version: number; title: LocalText; document: string };
  targets: TargetJson[];
}

/**
 * The listing as JSON: the plan's own texts in both languages, so that neither `--lang` nor
 * colour changes it and a script can read either language.
 */
export const renderJson: TargetsRenderer = (listing) => {
  const { plan } = listing;
  const indicators = new Map(plan.indicators.map((indicator) => [indicator.id, indicator]));
  const out: TargetsJson = {
    apiVersion: 'ccp/v1',
    kind: 'Targets',
    plan: { id: plan.id, version: plan.version, title: plan.title, document: plan.document.number },
    targets: listing.targets.map((target) => {
      const indicator = indicators.get(target.indicator);
      const item: TargetJson = {
        target: target.id,
        indicator: target.indicator,
        area: target.area,
        year: target.year,
        ref: target.ref,
        requirement: target.requirement,
        horizon: target.horizon,
        measure: indicator?.measure ?? 'percent',
        title: indicator?.title ?? target.indicator,
      };
      if (target.quote !== undefined) item.quote = target.quote;
      if (target.note !== undefined) item.note = target.note;
      return item;
    }),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
};
