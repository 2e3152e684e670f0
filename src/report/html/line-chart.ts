import type { Status } from '../../model/evaluation.js';
import { coord, scale } from './chart-scale.js';
import { html, type SafeHtml } from './escape.js';
import { INK, STATUS_COLOURS } from './palette.js';

/** One actual on the line: its year, value and how to print it. */
export interface LinePoint {
  year: number;
  value: number;
  provisional: boolean;
  /** The value as printed beside the point, e.g. `72,4`. */
  text: string;
}

/** A target drawn on the chart at its year: a required level, or a band for `between`. */
export interface TargetMark {
  year: number;
  value: number | null;
  band?: [number, number];
  status: Status;
  /** The requirement as printed beside the mark, e.g. `≥ 80%`. */
  text: string;
}

/** Everything a line chart needs; `label` is what a screen reader says. */
export interface LineChartInput {
  domain: [number, number];
  /** Tick labels of the value axis: value and text. */
  ticks: { value: number; text: string }[];
  points: LinePoint[];
  targets: TargetMark[];
  label: string;
}

const WIDTH = 340;
const HEIGHT = 190;
const PLOT = { left: 38, right: WIDTH - 46, top: 26, bottom: HEIGHT - 24 } as const;
const LINE = '#1d4f91';

/** Groups marks of consecutive years with the same required level, so a yearly target is one line, not many diamonds. */
function runs(targets: readonly TargetMark[]): TargetMark[][] {
  const sorted = [...targets].sort((a, b) => a.year - b.year);
  const groups: TargetMark[][] = [];
  for (const mark of sorted) {
    const last = groups.at(-1);
    const previous = last?.at(-1);
    if (
      last !== undefined &&
      previous !== undefined &&
      mark.band === undefined &&
      previous.band === undefined &&
      mark.value !== null &&
      mark.value === previous.value &&
      mark.year === previous.year + 1
    ) {
      last.push(mark);
    } else {
      groups.push([mark]);
    }
  }
  return groups;
}

/** A small line chart of an indicator's actuals across years, with its targets marked. */
export function lineChart(input: LineChartInput): SafeHtml {
  const years = [...input.points.map((p) => p.year), ...input.targets.map((t) => t.year)];
  let first = Math.min(...years);
  let last = Math.max(...years);
  if (first === last) {
    first -= 1;
    last += 1;
  }
  const x = (year: number) => scale(year, [first, last], PLOT.left, PLOT.right);
  const y = (value: number) => scale(value, input.domain, PLOT.bottom, PLOT.top);

  const grid = input.ticks.map(
    (tick) =>
      html`<line x1="${PLOT.left}" x2="${PLOT.right}" y1="${coord(y(tick.value))}" y2="${coord(y(tick.value))}" stroke="${INK.grid}" stroke-width="0.75"/><text x="${PLOT.left - 5}" y="${coord(y(tick.value) + 3)}" text-anchor="end" class="tick">${tick.text}</text>`,
  );
  const span = last - first;
  const stride = span <= 10 ? 1 : Math.ceil(span / 10);
  const yearLabels = [];
  for (let year = first; year <= last; year += stride) {
    yearLabels.push(html`<text x="${coord(x(year))}" y="${PLOT.bottom + 15}" text-anchor="middle" class="tick">${String(year)}</text>`);
  }

  const points = [...input.points].sort((a, b) => a.year - b.year);
  const pointAt = new Map(points.map((p) => [p.year, p]));
  /** Where each point's value label goes: above unless a target label of its year needs that place. */
  const pointBelow = new Set<number>();

  const targetMarks = runs(input.targets).map((group) => {
    const head = group[0];
    const tail = group.at(-1);
    if (head === undefined || tail === undefined) return '';
    const colour = STATUS_COLOURS[tail.status].strong;
    if (head.band !== undefined) {
      const [low, high] = head.band;
      const top = y(high);
      const cx = x(head.year);
      return html`<rect x="${coord(cx - 5)}" y="${coord(top)}" width="10" height="${coord(y(low) - top)}" fill="${INK.band}" stroke="${INK.target}" stroke-width="1"/><text x="${coord(cx - 8)}" y="${coord(top + 8)}" text-anchor="end" class="mark">${head.text}</text>`;
    }
    if (head.value === null) return '';
    const ty = y(head.value);
    const diamond = (year: number) => {
      const cx = x(year);
      return html`<path d="M${coord(cx)} ${coord(ty - 5)}L${coord(cx + 5)} ${coord(ty)}L${coord(cx)} ${coord(ty + 5)}L${coord(cx - 5)} ${coord(ty)}Z" fill="#fff" stroke="${colour}" stroke-width="2"/>`;
    };
    const line =
      group.length > 1
        ? html`<line x1="${coord(x(head.year))}" x2="${coord(x(tail.year))}" y1="${coord(ty)}" y2="${coord(ty)}" stroke="${INK.target}" stroke-width="1.25" stroke-dasharray="4 3"/>`
        : '';
    const tx = x(tail.year);
    const point = pointAt.get(tail.year);
    let label: SafeHtml | '' = '';
    if (point === undefined) {
      label = html`<text x="${coord(tx + 8)}" y="${coord(ty + 3.5)}" class="mark">${tail.text}</text>`;
    } else {
      const py = y(point.value);
      // The target's label goes on the side away from the point; the point's label then takes the other side.
      if (Math.abs(py - ty) >= 4) {
        if (ty < py) {
          label = html`<text x="${coord(tx)}" y="${coord(ty - 8)}" text-anchor="middle" class="mark">${tail.text}</text>`;
          pointBelow.add(point.year);
        } else {
          label = html`<text x="${coord(tx)}" y="${coord(ty + 16)}" text-anchor="middle" class="mark">${tail.text}</text>`;
        }
      }
    }
    return html`${line}${diamond(head.year)}${group.length > 1 ? diamond(tail.year) : ''}${label}`;
  });

  const segments = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a === undefined || b === undefined) continue;
    const dash = b.provisional ? html` stroke-dasharray="3 3"` : '';
    segments.push(
      html`<line x1="${coord(x(a.year))}" y1="${coord(y(a.value))}" x2="${coord(x(b.year))}" y2="${coord(y(b.value))}" stroke="${LINE}" stroke-width="2.25" stroke-linecap="round"${dash}/>`,
    );
  }
  const dots = points.map((p) => {
    const cx = coord(x(p.year));
    const cy = y(p.value);
    const below = pointBelow.has(p.year);
    return html`<circle cx="${cx}" cy="${coord(cy)}" r="3.5" fill="${p.provisional ? '#fff' : LINE}" stroke="${LINE}" stroke-width="2"/><text x="${cx}" y="${coord(below ? cy + 16 : cy - 8)}" text-anchor="middle" class="value">${p.text}${p.provisional ? '*' : ''}</text>`;
  });

  return html`<svg class="trend" role="img" aria-label="${input.label}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}"><title>${input.label}</title>${grid}<line x1="${PLOT.left}" x2="${PLOT.right}" y1="${PLOT.bottom}" y2="${PLOT.bottom}" stroke="${INK.muted}" stroke-width="1"/>${yearLabels}${targetMarks}${segments}${dots}</svg>`;
}
