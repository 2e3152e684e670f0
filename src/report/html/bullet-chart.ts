import type { Status } from '../../model/evaluation.js';
import type { MilestoneStatus } from '../../model/measurement.js';
import { coord, scale } from './chart-scale.js';
import { html, type SafeHtml } from './escape.js';
import { INK, STATUS_COLOURS } from './palette.js';

/** What a bullet chart shows: one actual against a required level (or band) on a value axis. */
export interface BulletChartInput {
  domain: [number, number];
  actual: number | null;
  required: number | null;
  /** The band of a `between` requirement, drawn instead of a single mark. */
  band?: [number, number];
  status: Status;
  /** What a screen reader says and a tooltip shows: the numbers in words. */
  label: string;
  /** Draw the bar pale: it is an earlier year's value, shown for context. */
  faint?: boolean;
}

const WIDTH = 150;
const HEIGHT = 26;
const LEFT = 2;
const RIGHT = WIDTH - 2;

/** A small horizontal bullet chart: a track, the band if any, the actual bar, the required mark. */
export function bulletChart(input: BulletChartInput): SafeHtml {
  const x = (v: number) => coord(scale(v, input.domain, LEFT, RIGHT));
  const colour = STATUS_COLOURS[input.status].strong;
  const band =
    input.band === undefined
      ? ''
      : html`<rect x="${x(input.band[0])}" y="4" width="${coord(Number(x(input.band[1])) - Number(x(input.band[0])))}" height="18" fill="${INK.band}" stroke="${INK.target}" stroke-width="1"/>`;
  const bar =
    input.actual === null
      ? ''
      : html`<rect x="${LEFT}" y="8" width="${coord(Math.max(0, Number(x(input.actual)) - LEFT))}" height="10" rx="1.5" fill="${colour}"${input.faint === true ? html` fill-opacity="0.4"` : ''}/>`;
  const mark =
    input.required === null
      ? ''
      : html`<rect x="${coord(Number(x(input.required)) - 1.25)}" y="2" width="2.5" height="22" fill="${INK.target}"/>`;
  return html`<svg class="bullet" role="img" aria-label="${input.label}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}"><title>${input.label}</title><rect x="${LEFT}" y="8" width="${RIGHT - LEFT}" height="10" rx="1.5" fill="${INK.track}"/>${band}${bar}${mark}</svg>`;
}

const STEPS: readonly MilestoneStatus[] = ['not-started', 'in-progress', 'done'];

/** A milestone's state as three steps (not started, in progress, done), filled up to the one reported. */
export function milestoneChart(state: MilestoneStatus | undefined, status: Status, label: string): SafeHtml {
  const reached = state === undefined ? -1 : STEPS.indexOf(state);
  const colour = STATUS_COLOURS[status].strong;
  const gap = 4;
  const step = (RIGHT - LEFT - gap * 2) / 3;
  const cells = STEPS.map((_, i) => {
    const fill = i <= reached ? colour : INK.track;
    return html`<rect x="${coord(LEFT + i * (step + gap))}" y="8" width="${coord(step)}" height="10" rx="1.5" fill="${fill}"/>`;
  });
  return html`<svg class="bullet" role="img" aria-label="${label}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}"><title>${label}</title>${cells}</svg>`;
}
