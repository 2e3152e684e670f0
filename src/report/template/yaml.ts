import type { Indicator } from '../../model/plan.js';
import { pickText } from '../../model/text.js';
import { ts } from './strings.js';
import type { TemplateRenderer } from './types.js';

/** The column comments start at, so that a filled value has room before them. */
const COMMENT_COLUMN = 28;

/** A comment's text on one line: a line break inside would end the comment. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}

/** A YAML string scalar. JSON's double-quoted strings are YAML's too, and keep Vietnamese as is. */
function scalar(text: string): string {
  return JSON.stringify(text);
}

/** `key:` padded, then `# comment` when there is one. */
function field(indent: string, key: string, comment: string): string {
  const start = `${indent}${key}:`;
  if (comment === '') return start;
  return `${start.padEnd(COMMENT_COLUMN - 1)} # ${oneLine(comment)}`;
}

function entry(indicator: Indicator, statuses: string): string[] {
  const lines = [`  # ${oneLine(pickText(indicator.title, 'vi') || indicator.id)}`, `  - indicator: ${indicator.id}`];
  if (indicator.measure === 'milestone') {
    lines.push(field('    ', 'status', statuses), '    # evidence: ""');
  } else if (indicator.measure === 'percent' && indicator.numerator !== undefined && indicator.denominator !== undefined) {
    lines.push(field('    ', 'numerator', pickText(indicator.numerator, 'vi')), field('    ', 'denominator', pickText(indicator.denominator, 'vi')));
  } else {
    const unit = pickText(indicator.unit, 'vi') || (indicator.measure === 'percent' ? '%' : '');
    lines.push(field('    ', 'value', unit));
  }
  return lines;
}

/**
 * A Measurements file to fill in: one entry per indicator, grouped by area under comments,
 * with the empty field(s) its measure needs and the Vietnamese title above it. Filling the
 * values is all it takes to make it valid; optional fields are commented out.
 */
export const renderYaml: TemplateRenderer = (spec, { lang }) => {
  const { plan, period } = spec;
  const out: string[] = [];
  if (spec.schemaRef !== undefined) out.push(`# yaml-language-server: $schema=${spec.schemaRef}`, '#');
  const planTitle = oneLine(pickText(plan.title, lang) || plan.id);
  out.push(
    `# ${ts(lang, 'heading', { plan: planTitle, document: plan.document.number, period })}`,
    `# ${ts(lang, 'percent')}`,
    `# ${ts(lang, 'value')}`,
    `# ${ts(lang, 'milestone')}`,
    `# ${ts(lang, 'remove')}`,
    `# ${ts(lang, 'check', { file: spec.fileName ?? ts(lang, 'thisFile') })}`,
    'apiVersion: ccp/v1',
    'kind: Measurements',
    `plan: ${plan.id}`,
    `period: ${/^\d{4}$/.test(period) ? period : scalar(period)}`,
  );
  if (spec.org !== undefined) out.push(`org: ${scalar(spec.org)}`);
  const closes = plan.reportingYear?.closes ?? '12-31';
  const reported = /^\d{4}$/.test(period) ? `${period}-${closes}` : 'YYYY-MM-DD';
  out.push(`# ${ts(lang, 'optional')}`, `${`# reported: ${reported}`.padEnd(COMMENT_COLUMN - 1)} # ${ts(lang, 'reported')}`, '# source: ""');

  if (spec.indicators.length === 0) {
    out.push('measurements: []');
    return `${out.join('\n')}\n`;
  }
  out.push('measurements:');
  const statuses = ts(lang, 'statuses');
  const byArea = new Map<string, Indicator[]>();
  for (const indicator of spec.indicators) byArea.set(indicator.area, [...(byArea.get(indicator.area) ?? []), indicator]);
  const areaOrder = [...plan.areas.map((area) => area.id), ...byArea.keys()];
  for (const areaId of new Set(areaOrder)) {
    const indicators = byArea.get(areaId);
    if (indicators === undefined) continue;
    const area = plan.areas.find((candidate) => candidate.id === areaId);
    const title = oneLine(pickText(area?.title, 'vi') || areaId);
    out.push('', `  # ── ${area?.ref === undefined ? '' : `${area.ref}. `}${title} ──`);
    for (const indicator of indicators) out.push(...entry(indicator, statuses));
  }
  return `${out.join('\n')}\n`;
};
