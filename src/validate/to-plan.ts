import type { LocalText } from '../model/text.js';
import type { Area, Horizon, Indicator, Plan, Requirement, TargetSpec } from '../model/plan.js';

type Raw = Record<string, unknown>;

function refs(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

function text(value: unknown): LocalText {
  return value as LocalText;
}

function optionalText(value: unknown): LocalText | undefined {
  return value === undefined ? undefined : text(value);
}

function yearPair(value: unknown): [number, number] {
  const [a, b] = value as number[];
  return [Number(a), Number(b)];
}

function horizonOf(raw: Raw): Horizon {
  return raw.everyYear !== undefined ? { everyYear: yearPair(raw.everyYear) } : { by: Number(raw.by) };
}

function requirementOf(raw: Raw): Requirement {
  if (raw.atLeast !== undefined) return { atLeast: Number(raw.atLeast) };
  if (raw.moreThan !== undefined) return { moreThan: Number(raw.moreThan) };
  if (raw.atMost !== undefined) return { atMost: Number(raw.atMost) };
  if (raw.lessThan !== undefined) return { lessThan: Number(raw.lessThan) };
  if (raw.between !== undefined) return { between: yearPair(raw.between) };
  if (raw.gainAtLeast !== undefined) {
    return raw.cap === undefined ? { gainAtLeast: Number(raw.gainAtLeast) } : { gainAtLeast: Number(raw.gainAtLeast), cap: Number(raw.cap) };
  }
  return { expect: 'done' };
}

function targetOf(raw: Raw): TargetSpec {
  const target: TargetSpec = { horizon: horizonOf(raw), requirement: requirementOf(raw), ref: refs(raw.ref) };
  if (raw.quote !== undefined) target.quote = text(raw.quote);
  if (raw.note !== undefined) target.note = text(raw.note);
  return target;
}

function indicatorOf(raw: Raw): Indicator {
  const indicator: Indicator = {
    id: String(raw.id),
    area: String(raw.area),
    measure: raw.measure as Indicator['measure'],
    better: raw.better === 'lower' ? 'lower' : 'higher',
    title: text(raw.title),
    targets: ((raw.targets as Raw[] | undefined) ?? []).map(targetOf),
  };
  for (const key of ['numerator', 'denominator', 'unit', 'note'] as const) {
    const value = optionalText(raw[key]);
    if (value !== undefined) indicator[key] = value;
  }
  if (raw.baseline !== undefined) {
    const baseline = raw.baseline as Raw;
    indicator.baseline = { period: Number(baseline.period), value: Number(baseline.value) };
  }
  return indicator;
}

function areaOf(raw: Raw): Area {
  const area: Area = { id: String(raw.id), title: text(raw.title) };
  if (raw.ref !== undefined) area.ref = String(raw.ref);
  return area;
}

/** A YAML date may arrive as a Date (when written unquoted) or as a string. */
function dateText(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

/**
 * Turns schema-valid plan data into the typed, normalised Plan: refs as arrays, each
 * target's horizon and requirement split, `better` defaulting to 'higher'. Order is kept,
 * so `indicators[i].targets[j]` is `/indicators/i/targets/j` in the file.
 */
export function toPlan(data: unknown, file?: string): Plan {
  const raw = data as Raw;
  const document = (raw.document ?? {}) as Raw;
  const plan: Plan = {
    id: String(raw.id),
    version: Number(raw.version),
    title: text(raw.title),
    document: { number: String(document.number), date: dateText(document.date), issuer: text(document.issuer ?? '') },
    period: yearPair(raw.period),
    areas: ((raw.areas as Raw[] | undefined) ?? []).map(areaOf),
    indicators: ((raw.indicators as Raw[] | undefined) ?? []).map(indicatorOf),
  };
  const reportingYear = raw.reportingYear as Raw | undefined;
  if (reportingYear !== undefined) plan.reportingYear = { closes: String(reportingYear.closes) };
  if (file !== undefined) plan.file = file;
  return plan;
}
