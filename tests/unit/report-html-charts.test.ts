import { describe, expect, it } from 'vitest';
import { bulletChart, milestoneChart } from '../../src/report/html/bullet-chart.js';
import { coord, niceCeiling, scale, valueDomain } from '../../src/report/html/chart-scale.js';
import { lineChart } from '../../src/report/html/line-chart.js';
import { summaryBar } from '../../src/report/html/summary-bar.js';

/** The numeric attributes of every `<rect>` in an SVG string, in order. */
function rects(svg: string): { x: number; width: number; fill: string }[] {
  return [...svg.matchAll(/<rect x="([\d.-]+)" y="[\d.-]+" width="([\d.-]+)"[^>]*fill="([^"]+)"/g)].map((m) => ({
    x: Number(m[1]),
    width: Number(m[2]),
    fill: String(m[3]),
  }));
}

describe('chart scales', () => {
  it('rounds a count axis up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceCeiling(7)).toBe(10);
    expect(niceCeiling(11)).toBe(20);
    expect(niceCeiling(240)).toBe(250);
    expect(niceCeiling(2600)).toBe(5000);
    expect(niceCeiling(0)).toBe(1);
  });

  it('runs percentages from 0 to 100 whatever the values, counts from 0 to above the largest', () => {
    expect(valueDomain('percent', [3, 7])).toEqual([0, 100]);
    const [lo, hi] = valueDomain('count', [120, 340]);
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThanOrEqual(340);
  });

  it('clamps values outside the domain and prints tidy coordinates', () => {
    expect(scale(150, [0, 100], 0, 200)).toBe(200);
    expect(scale(-5, [0, 100], 0, 200)).toBe(0);
    expect(coord(1 / 3)).toBe('0.33');
    expect(coord(-0.001)).toBe('0');
  });
});

describe('bullet chart', () => {
  it('draws the actual bar in proportion and the required mark where it belongs', () => {
    const svg = bulletChart({ domain: [0, 100], actual: 50, required: 80, status: 'missed', label: 'Actual 50%; required 80%' }).value;
    const [track, bar, mark] = rects(svg);
    expect(track && bar && mark).toBeTruthy();
    if (!track || !bar || !mark) return;
    expect(bar.width / track.width).toBeCloseTo(0.5, 2);
    expect((mark.x + mark.width / 2 - track.x) / track.width).toBeCloseTo(0.8, 2);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="Actual 50%; required 80%"');
    expect(svg).toContain('<title>Actual 50%; required 80%</title>');
  });

  it('draws no bar without an actual and a band for between', () => {
    const none = bulletChart({ domain: [0, 100], actual: null, required: 90, status: 'no-data', label: 'x' }).value;
    expect(rects(none)).toHaveLength(2); // track and mark
    const band = bulletChart({ domain: [0, 100], actual: 20, required: null, band: [25, 35], status: 'at-risk', label: 'x' }).value;
    const [track, shade] = rects(band);
    expect(shade && track && (shade.x - track.x) / track.width).toBeCloseTo(0.25, 2);
    expect(shade && track && shade.width / track.width).toBeCloseTo(0.1, 2);
  });

  it('fills a milestone up to the state reported', () => {
    const filled = (svg: string) => rects(svg).filter((r) => r.fill !== '#e6e9ed').length;
    expect(filled(milestoneChart('done', 'met', 'x').value)).toBe(3);
    expect(filled(milestoneChart('in-progress', 'on-track', 'x').value)).toBe(2);
    expect(filled(milestoneChart('not-started', 'at-risk', 'x').value)).toBe(1);
    expect(filled(milestoneChart(undefined, 'no-data', 'x').value)).toBe(0);
  });
});

describe('line chart', () => {
  const base = {
    domain: [0, 100] as [number, number],
    ticks: [{ value: 0, text: '0%' }, { value: 100, text: '100%' }],
    label: 'trend',
  };

  it('draws one dot per actual, a hollow one when provisional, and a diamond per target', () => {
    const svg = lineChart({
      ...base,
      points: [
        { year: 2022, value: 40, provisional: false, text: '40' },
        { year: 2023, value: 55, provisional: false, text: '55' },
        { year: 2024, value: 61, provisional: true, text: '61' },
      ],
      targets: [{ year: 2025, value: 80, status: 'on-track', text: '≥ 80%' }],
    }).value;
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect(svg.match(/<circle [^>]*fill="#fff"/g)).toHaveLength(1);
    expect(svg.match(/<path d="M/g)).toHaveLength(1);
    expect(svg.match(/<line [^>]*stroke="#1d4f91"/g)).toHaveLength(2);
    expect(svg).toContain('≥ 80%');
    expect(svg).toContain('61*');
    for (const year of [2022, 2023, 2024, 2025]) expect(svg).toContain(`>${year}</text>`);
  });

  it('draws a yearly target of one level as one dashed line between two diamonds', () => {
    const targets = [2022, 2023, 2024, 2025].map((year) => ({ year, value: 100, status: 'met' as const, text: '≥ 100%' }));
    const svg = lineChart({
      ...base,
      points: [
        { year: 2022, value: 90, provisional: false, text: '90' },
        { year: 2023, value: 95, provisional: false, text: '95' },
      ],
      targets,
    }).value;
    expect(svg.match(/<path d="M/g)).toHaveLength(2);
    expect(svg.match(/stroke-dasharray="4 3"/g)).toHaveLength(1);
  });
});

describe('summary bar', () => {
  it('splits one bar in proportion to the counts, with symbol and count as text', () => {
    const counts = { met: 6, 'on-track': 2, 'at-risk': 0, 'off-track': 0, missed: 2, 'no-data': 0 };
    const svg = summaryBar(counts, 'Results by status').value;
    const segments = rects(svg);
    expect(segments).toHaveLength(3);
    const total = segments.reduce((sum, r) => sum + r.width, 0);
    expect(segments.map((r) => Math.round((r.width / total) * 10))).toEqual([6, 2, 2]);
    expect(svg).toContain('✔ 6');
    expect(svg).toContain('✘ 2');
    expect(svg).toContain('role="img"');
  });

  it('shows an empty track when there is nothing to count', () => {
    const zero = { met: 0, 'on-track': 0, 'at-risk': 0, 'off-track': 0, missed: 0, 'no-data': 0 };
    expect(rects(summaryBar(zero, 'none').value)).toHaveLength(1);
  });
});
