import { STATUSES, type Evaluation, type Result, type Status } from '../../model/evaluation.js';
import type { Indicator, Measure, Plan } from '../../model/plan.js';
import { pickText, type Lang } from '../../model/text.js';
import {
  NO_VALUE,
  formatDate,
  formatMeasured,
  formatNumber,
  formatRequirement,
  milestoneLabel,
  statusLabel,
  statusSymbol,
  t,
} from '../i18n.js';
import { remarkText } from '../evaluation/remarks.js';
import { formatSources } from '../evaluation/sources.js';
import type { RenderOptions } from '../evaluation/types.js';
import { bulletChart, milestoneChart } from './bullet-chart.js';
import { valueDomain } from './chart-scale.js';
import { html, raw, type SafeHtml } from './escape.js';
import { lineChart, type LinePoint, type TargetMark } from './line-chart.js';
import { th } from './strings.js';
import { STYLES } from './styles.js';
import { summaryBar } from './summary-bar.js';

/** What the HTML renderer needs besides the evaluation: the options every renderer takes. */
export type HtmlRenderOptions = RenderOptions;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Everything the sections share while one page is rendered. */
interface Page {
  lang: Lang;
  plan: Plan;
  indicators: Map<string, Indicator>;
  /** Every result of the evaluation, by indicator. */
  results: Map<string, Result[]>;
  /** Footnotes are numbered through the whole page. */
  nextNote: number;
}

function measureOf(page: Page, result: Result): Measure {
  const indicator = page.indicators.get(result.indicator);
  if (indicator !== undefined) return indicator.measure;
  return 'expect' in result.requirement ? 'milestone' : 'percent';
}

function titleOf(page: Page, indicatorId: string): string {
  const indicator = page.indicators.get(indicatorId);
  const title = indicator === undefined ? '' : pickText(indicator.title, page.lang);
  return title === '' ? indicatorId : title;
}

function value(page: Page, n: number, measure: Measure): string {
  return formatMeasured(n, measure === 'milestone' ? 'count' : measure, page.lang, { maxDecimals: 2 });
}

/** Joins the words of a short phrase with no-break spaces, so it wraps only before a parenthesis. */
function keepTogether(text: string): string {
  return text.replace(/ (?!\()/g, '\u00a0');
}

/** The plan's own words for the target of `result`, from the spec whose horizon covers its year. */
function quoteOf(page: Page, result: Result): string {
  const indicator = page.indicators.get(result.indicator);
  if (indicator === undefined) return '';
  for (const spec of indicator.targets) {
    const covers =
      'by' in spec.horizon
        ? spec.horizon.by === result.year
        : spec.horizon.everyYear[0] <= result.year && result.year <= spec.horizon.everyYear[1];
    if (covers && spec.quote !== undefined) return pickText(spec.quote, page.lang);
  }
  return '';
}

function actualText(page: Page, result: Result, measure: Measure): string {
  const actual = result.actual;
  if (actual === null) return NO_VALUE;
  if (actual.value !== null) return value(page, actual.value, measure);
  if (actual.status !== undefined) return milestoneLabel(actual.status, page.lang);
  return NO_VALUE;
}

const NOT_DUE: ReadonlySet<Status> = new Set(['on-track', 'at-risk', 'off-track']);

/**
 * For a target not yet due that has no actual of its own year: the latest actual the
 * evaluation holds for the indicator (from its other results), so the row shows what the
 * judgement stood on. Labelled as the latest, with its period, never as the year's value.
 */
function latestActual(page: Page, result: Result): { value: number; period: string } | undefined {
  if (result.actual !== null || !NOT_DUE.has(result.status)) return undefined;
  let best: { value: number; period: string } | undefined;
  for (const other of page.results.get(result.indicator) ?? []) {
    const actual = other.actual;
    if (actual === null || actual.value === null) continue;
    if (Number(actual.period.slice(0, 4)) > result.year) continue;
    if (best === undefined || actual.period > best.period) best = { value: actual.value, period: actual.period };
  }
  return best;
}

/** The facts behind one value, as a list of short phrases (also used as its tooltip). */
function provenance(page: Page, result: Result): string[] {
  const { lang } = page;
  const parts: string[] = [];
  const actual = result.actual;
  if (actual !== null) {
    const period = th(lang, 'fn.period', { period: actual.period });
    parts.push(actual.provisional ? `${period} (${th(lang, 'fn.provisional')})` : period);
    if (actual.numerator !== undefined && actual.denominator !== undefined) {
      parts.push(
        th(lang, 'fn.counts', {
          numerator: formatNumber(actual.numerator, lang, { maxDecimals: 4 }),
          denominator: formatNumber(actual.denominator, lang, { maxDecimals: 4 }),
        }),
      );
    }
    if (actual.orgs !== undefined && actual.orgs.length > 0) parts.push(th(lang, 'fn.orgs', { orgs: actual.orgs.join('; ') }));
    if (actual.sources.length > 0) {
      parts.push(th(lang, 'fn.files', { files: formatSources(actual.sources, lang, { separator: ', ' }) }));
    }
    for (const note of actual.notes ?? []) parts.push(note);
  }
  if (result.progressRatio !== null) {
    parts.push(th(lang, 'fn.ratio', { ratio: formatNumber(result.progressRatio, lang, { maxDecimals: 2 }) }));
  }
  if (result.remarks !== undefined && result.remarks.length > 0) {
    parts.push(th(lang, 'fn.remarks', { remarks: result.remarks.map((r) => remarkText(r, lang)).join('; ') }));
  }
  return parts;
}

function badge(status: Status, lang: Lang): SafeHtml {
  return html`<span class="badge s-${status}"><span class="sym" aria-hidden="true">${statusSymbol(status)}</span>${statusLabel(status, lang)}</span>`;
}

function chartFor(page: Page, result: Result, measure: Measure, requirementText: string, actualShown: string): SafeHtml {
  const { lang } = page;
  if (measure === 'milestone') {
    const state = result.actual?.status;
    const label =
      state === undefined ? th(lang, 'chart.milestoneNone') : th(lang, 'chart.milestone', { state: milestoneLabel(state, lang) });
    return milestoneChart(state, result.status, label);
  }
  const latest = latestActual(page, result);
  const actual = result.actual?.value ?? latest?.value ?? null;
  const band = 'between' in result.requirement ? result.requirement.between : undefined;
  const required = result.required;
  const domain = valueDomain(measure, [actual ?? 0, required ?? 0, ...(band ?? [])]);
  const requiredShown = required === null ? requirementText : value(page, required, measure);
  let label: string;
  if (latest !== undefined) {
    label = th(lang, 'chart.bulletLatest', {
      year: result.year,
      latest: value(page, latest.value, measure),
      period: latest.period,
      required: requiredShown,
    });
  } else if (actual === null) label = th(lang, 'chart.bulletNoActual', { required: requiredShown });
  else if (band !== undefined && required === null) {
    label = th(lang, 'chart.bulletBand', { actual: actualShown, low: value(page, band[0], measure), high: value(page, band[1], measure) });
  } else label = th(lang, 'chart.bullet', { actual: actualShown, required: requiredShown });
  const input = { domain, actual, required, status: result.status, label, faint: latest !== undefined };
  return bulletChart(band === undefined ? input : { ...input, band });
}

interface Footnote {
  n: number;
  target: string;
  parts: string[];
}

function row(page: Page, result: Result, notes: Footnote[]): SafeHtml {
  const { lang } = page;
  const measure = measureOf(page, result);
  const requirementText = formatRequirement(result.requirement, lang, measure === 'milestone' ? 'percent' : measure);
  const actualShown = actualText(page, result, measure);
  const facts = provenance(page, result);
  let noteRef: SafeHtml | string = '';
  if (facts.length > 0) {
    const n = page.nextNote++;
    notes.push({ n, target: result.target, parts: facts });
    noteRef = html`<a class="fn-ref" href="#fn-${n}" aria-label="${th(lang, 'fn.label', { n })}">${String(n)}</a>`;
  }
  const actual = result.actual;
  const latest = latestActual(page, result);
  const periodNote =
    actual !== null && actual.period !== String(result.year)
      ? html`<span class="period">${th(lang, 'cell.periodOf', { period: actual.period })}</span>`
      : latest !== undefined
        ? html`<span class="period">${th(lang, 'cell.latest', { value: value(page, latest.value, measure), period: latest.period })}</span>`
        : '';
  const gap = result.gap;
  const gapCell =
    gap === null
      ? html`<td class="num">${NO_VALUE}</td>`
      : html`<td class="num ${gap > 0 ? 'gap-pos' : gap < 0 ? 'gap-neg' : ''}">${formatNumber(gap, lang, { maxDecimals: 2, sign: true })}</td>`;
  const quote = quoteOf(page, result);
  const refs = result.ref.join(', ');
  return html`<tr class="target-row" data-target="${result.target}" data-status="${result.status}">
<th scope="row"><span class="ind-title">${titleOf(page, result.indicator)}</span><span class="ind-meta"><code>${result.target}</code>${refs === '' ? '' : html` · ${refs}`}</span></th>
<td class="num">${String(result.year)}</td>
<td class="req"${quote === '' ? '' : html` title="${th(lang, 'fn.quote', { quote })}"`}>${keepTogether(requirementText)}</td>
<td class="num">${result.required === null ? NO_VALUE : value(page, result.required, measure)}</td>
<td class="num"${facts.length > 0 ? html` title="${facts.join('; ')}"` : ''}>${actualShown}${actual?.provisional === true ? '*' : ''}${noteRef}${periodNote}</td>
${gapCell}
<td>${badge(result.status, lang)}</td>
<td class="chart-cell">${chartFor(page, result, measure, requirementText, actualShown)}</td>
</tr>`;
}

/** An indicator's actuals by year, from its results: the honest trend the evaluation holds. */
function trendPoints(page: Page, results: readonly Result[], measure: Measure): LinePoint[] {
  const byYear = new Map<number, LinePoint>();
  for (const result of results) {
    const actual = result.actual;
    if (actual === null || actual.value === null) continue;
    const year = Number(actual.period.slice(0, 4));
    if (!Number.isInteger(year)) continue;
    const known = byYear.get(year);
    // A whole-year value wins over a provisional one for the same year.
    if (known !== undefined && (actual.provisional || !known.provisional)) continue;
    byYear.set(year, {
      year,
      value: actual.value,
      provisional: actual.provisional,
      text: formatNumber(actual.value, page.lang, { maxDecimals: measure === 'percent' ? 1 : 2 }),
    });
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** A target's level in a few characters for a chart: `≥ 74%` (the level held against), `25–35%`. */
function markText(page: Page, result: Result, measure: Measure): string {
  const requirement = result.requirement;
  if (result.required === null || 'between' in requirement || 'expect' in requirement) {
    return formatRequirement(requirement, page.lang, measure);
  }
  const relation =
    'moreThan' in requirement ? '>' : 'atMost' in requirement ? '≤' : 'lessThan' in requirement ? '<' : '≥';
  return `${relation} ${value(page, result.required, measure)}`;
}

function trendFigure(page: Page, indicatorId: string, results: readonly Result[]): SafeHtml | '' {
  const { lang } = page;
  const measure = measureOf(page, results[0] as Result);
  if (measure === 'milestone') return '';
  const points = trendPoints(page, results, measure);
  if (points.length < 2) return '';
  const targets: TargetMark[] = results.map((result) => {
    const mark: TargetMark = {
      year: result.year,
      value: result.required,
      status: result.status,
      text: markText(page, result, measure),
    };
    if ('between' in result.requirement) mark.band = result.requirement.between;
    return mark;
  });
  const domain = valueDomain(measure, [
    ...points.map((p) => p.value),
    ...targets.flatMap((m) => [m.value ?? 0, ...(m.band ?? [])]),
  ]);
  const [, max] = domain;
  const tickValues = measure === 'percent' ? [0, 25, 50, 75, 100] : [0, max / 2, max];
  const ticks = tickValues.map((v) => ({ value: v, text: value(page, v, measure) }));
  const title = titleOf(page, indicatorId);
  const label = th(lang, 'chart.line', {
    indicator: title,
    points: points.map((p) => `${p.year}: ${value(page, p.value, measure)}${p.provisional ? ` (${th(lang, 'chart.provisional')})` : ''}`).join(', '),
    targets: results.map((r) => `${r.year}: ${formatRequirement(r.requirement, lang, measure)}`).join(', '),
  });
  const key = html`<p class="trend-key">● ${th(lang, 'chart.actual')} · ○ ${th(lang, 'chart.provisional')} · ◇ ${th(lang, 'chart.target')}</p>`;
  return html`<figure><figcaption>${title} <code>${indicatorId}</code></figcaption>${lineChart({ domain, ticks, points, targets, label })}${key}</figure>`;
}

interface AreaGroup {
  id: string;
  ref: string;
  title: string;
  results: Result[];
}

function groupByArea(page: Page, results: readonly Result[]): AreaGroup[] {
  const groups = new Map<string, AreaGroup>();
  for (const area of page.plan.areas) {
    groups.set(area.id, { id: area.id, ref: area.ref ?? '', title: pickText(area.title, page.lang) || area.id, results: [] });
  }
  for (const result of results) {
    let group = groups.get(result.area);
    if (group === undefined) {
      group = { id: result.area, ref: '', title: result.area, results: [] };
      groups.set(result.area, group);
    }
    group.results.push(result);
  }
  return [...groups.values()].filter((g) => g.results.length > 0);
}

function countStatuses(results: readonly Result[]): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const result of results) counts[result.status] += 1;
  return counts;
}

function areaSection(page: Page, group: AreaGroup, index: number): SafeHtml {
  const { lang } = page;
  const notes: Footnote[] = [];
  const rows = group.results.map((result) => row(page, result, notes));
  const counts = countStatuses(group.results);
  const chips = STATUSES.filter((s) => counts[s] > 0).map(
    (s) => html` <span class="badge s-${s}"><span class="sym" aria-hidden="true">${statusSymbol(s)}</span>${String(counts[s])} ${statusLabel(s, lang)}</span>`,
  );
  const byIndicator = new Map<string, Result[]>();
  for (const result of group.results) {
    const list = byIndicator.get(result.indicator) ?? [];
    list.push(result);
    byIndicator.set(result.indicator, list);
  }
  const figures = [...byIndicator].map(([id, results]) => trendFigure(page, id, results)).filter((f) => f !== '');
  const trends =
    figures.length === 0 ? '' : html`<h3>${th(lang, 'area.trends')}</h3><div class="trends">${figures}</div>`;
  const sources =
    notes.length === 0
      ? ''
      : html`<h3>${th(lang, 'area.sources')}</h3><ol class="sources">${notes.map(
          (note) => html`<li id="fn-${note.n}" value="${note.n}"><span class="tid">${note.target}</span>: ${note.parts.join('; ')}</li>`,
        )}</ol>`;
  const headingId = `area-${index + 1}`;
  return html`<section class="area" aria-labelledby="${headingId}">
<h2 id="${headingId}">${group.ref === '' ? '' : html`<span class="ref">${group.ref}</span>`}${group.title}</h2>
<p class="lead">${th(lang, 'area.results', { count: group.results.length })}${chips}</p>
<table class="targets">
<caption class="visually-hidden">${th(lang, 'area.caption', { area: group.title })}</caption>
<thead><tr>
<th scope="col" class="col-target">${t(lang, 'col.target')}</th>
<th scope="col" class="num col-year">${t(lang, 'col.year')}</th>
<th scope="col" class="col-req">${t(lang, 'col.requirement')}</th>
<th scope="col" class="num col-required">${t(lang, 'col.required')}</th>
<th scope="col" class="num col-actual">${t(lang, 'col.actual')}</th>
<th scope="col" class="num col-gap">${t(lang, 'col.gap')}</th>
<th scope="col" class="col-status">${t(lang, 'col.status')}</th>
<th scope="col" class="col-chart">${th(lang, 'col.chart')}</th>
</tr></thead>
<tbody>
${rows}
</tbody>
</table>
${trends}
${sources}
</section>`;
}

function summarySection(page: Page, evaluation: Evaluation, groups: readonly AreaGroup[]): SafeHtml {
  const { lang } = page;
  const summary = evaluation.summary;
  const total = STATUSES.reduce((sum, s) => sum + (summary[s] ?? 0), 0);
  const counts = Object.fromEntries(STATUSES.map((s) => [s, summary[s] ?? 0])) as Record<Status, number>;
  const spoken = STATUSES.map((s) => `${statusLabel(s, lang)} ${counts[s]}`).join(', ');
  const cards = STATUSES.map(
    (s) =>
      html`<li class="card s-${s}"><span class="count">${String(counts[s])}</span><span class="word"><span aria-hidden="true">${statusSymbol(s)} </span>${statusLabel(s, lang)}</span></li>`,
  );
  const head = STATUSES.map(
    (s) => html`<th scope="col" class="num"><span aria-hidden="true">${statusSymbol(s)} </span>${statusLabel(s, lang)}</th>`,
  );
  const overviewRows = groups.map((group) => {
    const c = countStatuses(group.results);
    const cells = STATUSES.map((s) => html`<td class="num${c[s] === 0 ? ' zero' : ''}">${String(c[s])}</td>`);
    return html`<tr><th scope="row"><a href="#area-${groups.indexOf(group) + 1}">${group.ref === '' ? '' : `${group.ref}. `}${group.title}</a></th>${cells}<td class="num"><strong>${String(group.results.length)}</strong></td></tr>`;
  });
  const overview =
    groups.length === 0
      ? html`<p>${t(lang, 'report.noResults')}</p>`
      : html`<table class="overview">
<caption>${th(lang, 'summary.byAreaCaption')}</caption>
<thead><tr><th scope="col">${t(lang, 'col.area')}</th>${head}<th scope="col" class="num">${th(lang, 'col.total')}</th></tr></thead>
<tbody>${overviewRows}</tbody>
</table>`;
  return html`<section class="summary" aria-labelledby="summary">
<h2 id="summary">${t(lang, 'report.summary')}</h2>
<p class="lead">${th(lang, 'summary.lead', { count: total, date: formatDate(evaluation.asOf, lang) })}</p>
<ul class="cards">${cards}</ul>
${summaryBar(counts, th(lang, 'summary.bar', { counts: spoken }))}
${overview}
</section>`;
}

function legendSection(lang: Lang): SafeHtml {
  const items = STATUSES.map((s) => html`<dt>${badge(s, lang)}</dt><dd>${th(lang, `legend.${s}`)}</dd>`);
  return html`<section class="legend" aria-labelledby="legend">
<h2 id="legend">${th(lang, 'legend.heading')}</h2>
<dl>${items}</dl>
<p>${th(lang, 'legend.chart')}<br>${t(lang, 'report.provisional')}<br>${t(lang, 'report.gapUnit')}</p>
</section>`;
}

/**
 * The evaluation as one self-contained HTML page: no script, no external resource, a strict
 * Content-Security-Policy; a summary, then one section per area with a table of targets,
 * bullet charts, trend charts and the provenance of every value. Every text from a data
 * file is escaped.
 */
export function renderHtml(evaluation: Evaluation, options: RenderOptions): string {
  const { lang, plan } = options;
  const results = new Map<string, Result[]>();
  for (const result of evaluation.results) results.set(result.indicator, [...(results.get(result.indicator) ?? []), result]);
  const page: Page = { lang, plan, indicators: new Map(plan.indicators.map((i) => [i.id, i])), results, nextNote: 1 };
  const groups = groupByArea(page, evaluation.results);
  const title = t(lang, 'report.title');
  const planTitle = pickText(plan.title, lang);
  const issuer = pickText(plan.document.issuer, lang);
  const asOf = formatDate(evaluation.asOf, lang);
  const body = html`<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title} · ${plan.document.number}</title>
<style>${raw(STYLES)}</style>
</head>
<body>
<div class="page">
<header class="masthead">
${issuer === '' ? '' : html`<p class="issuer">${issuer}</p>`}
<h1>${title}</h1>
<p class="plan-title">${planTitle}</p>
<p class="meta"><span>${th(lang, 'doc.numberDate', { number: plan.document.number, date: formatDate(plan.document.date, lang) })}</span><span>${t(lang, 'report.asOf', { date: asOf })}</span><span>${t(lang, 'report.version', { version: evaluation.plan.version })}</span></p>
</header>
<main>
${summarySection(page, evaluation, groups)}
${legendSection(lang)}
${groups.map((group, i) => areaSection(page, group, i))}
</main>
<footer><p>${th(lang, 'footer.generated', { id: evaluation.plan.id, version: evaluation.plan.version, date: asOf })}</p></footer>
</div>
</body>
</html>
`;
  return body.value;
}
