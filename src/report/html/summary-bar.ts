import { STATUSES, type Status } from '../../model/evaluation.js';
import { statusSymbol } from '../i18n.js';
import { coord } from './chart-scale.js';
import { html, type SafeHtml } from './escape.js';
import { INK, STATUS_COLOURS } from './palette.js';

const WIDTH = 1000;
const HEIGHT = 40;
/** Narrower segments than this carry no text inside; the legend beside the bar names them. */
const MIN_LABELLED = 44;

/**
 * One bar split by status in the fixed order best to worst, each segment long in proportion
 * to its count and labelled with its symbol and count where it is wide enough.
 */
export function summaryBar(counts: Readonly<Record<Status, number>>, label: string): SafeHtml {
  const total = STATUSES.reduce((sum, status) => sum + counts[status], 0);
  const segments = [];
  let offset = 0;
  for (const status of STATUSES) {
    const count = counts[status];
    if (count <= 0 || total === 0) continue;
    const width = (count / total) * WIDTH;
    const colour = STATUS_COLOURS[status].strong;
    const text =
      width >= MIN_LABELLED
        ? html`<text x="${coord(offset + width / 2)}" y="${HEIGHT / 2 + 5}" text-anchor="middle" fill="#fff" class="bar-label">${statusSymbol(status)} ${String(count)}</text>`
        : '';
    // A thin white rule between segments keeps neighbours apart in greyscale.
    segments.push(html`<rect x="${coord(offset)}" y="0" width="${coord(width)}" height="${HEIGHT}" fill="${colour}" stroke="#fff" stroke-width="2"/>${text}`);
    offset += width;
  }
  const empty = total === 0 ? html`<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="${INK.track}"/>` : '';
  return html`<svg class="summary-bar" role="img" aria-label="${label}" viewBox="0 0 ${WIDTH} ${HEIGHT}" preserveAspectRatio="xMidYMid meet"><title>${label}</title>${empty}${segments}</svg>`;
}
