import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { renderHtml } from '../../src/report/html/index.js';
import type { Evaluation } from '../../src/model/evaluation.js';
import type { Lang } from '../../src/model/text.js';
import { HOSTILE, hostileEvaluation, sampleEvaluation, samplePlan } from './fixtures/sample-evaluation.js';

/**
 * The HTML report in a real browser: Debian's Chromium, driven by playwright-core, with a
 * fresh profile and no network. The screenshot and the PDF land in tests/artifacts/ (ignored
 * by git) for a person to look at.
 */

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`[html-report browser tests] SKIPPED: no browser at ${CHROMIUM} (install Debian's chromium package to run them)`);
}

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

function writeReport(name: string, evaluation: Evaluation, lang: Lang): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = `${ARTIFACTS}${name}`;
  writeFileSync(file, renderHtml(evaluation, { lang, color: false, plan: samplePlan }));
  return file;
}

interface Watched {
  page: Page;
  consoleErrors: string[];
  requests: string[];
  pageErrors: string[];
}

describe.skipIf(!hasChromium)('HTML report in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    // A new context is a fresh, empty profile.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  async function open(file: string): Promise<Watched> {
    const page = await context.newPage();
    const watched: Watched = { page, consoleErrors: [], requests: [], pageErrors: [] };
    page.on('console', (message) => {
      if (message.type() === 'error') watched.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => watched.pageErrors.push(error.message));
    page.on('request', (request) => watched.requests.push(request.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return watched;
  }

  for (const lang of ['vi', 'en'] as const) {
    it(`renders the sample report in ${lang} with no error, no request but the file, one row per result`, async () => {
      const evaluation = sampleEvaluation();
      const file = writeReport(`html-report.${lang}.html`, evaluation, lang);
      const { page, consoleErrors, requests, pageErrors } = await open(file);
      try {
        expect(consoleErrors).toEqual([]);
        expect(pageErrors).toEqual([]);
        expect(requests).toEqual([pathToFileURL(file).href]);
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        expect(await page.locator('tr.target-row').count()).toBe(evaluation.results.length);
        const targets = await page.locator('tr.target-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-target')));
        expect(targets).toEqual(evaluation.results.map((r) => r.target));
        // Every chart can be read by a screen reader.
        const unlabelled = await page.locator('svg:not([role="img"]), svg[role="img"]:not([aria-label])').count();
        expect(unlabelled).toBe(0);
        expect(await page.locator('svg.bullet').count()).toBe(evaluation.results.length);
        expect(await page.locator('svg.trend').count()).toBeGreaterThan(0);
        await page.screenshot({ path: `${ARTIFACTS}html-report.${lang}.png`, fullPage: true });
        await page.emulateMedia({ media: 'print' });
        // A4 less the page margins is 186 mm, about 703 CSS pixels. Chromium's print layout sets
        // text a little wider than its screen layout, so check at 640 to keep a margin.
        await page.setViewportSize({ width: 640, height: 1000 });
        const overflowing = await page
          .locator('main table')
          .evaluateAll((tables) => tables.filter((t) => t.scrollWidth > (t.parentElement?.clientWidth ?? 0) + 1).length);
        expect(overflowing).toBe(0);
        const pdf = await page.pdf({ format: 'A4', printBackground: true, path: `${ARTIFACTS}html-report.${lang}.pdf` });
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      } finally {
        await page.close();
      }
    });
  }

  it('shows hostile text from a data file as text and never runs it', async () => {
    const file = writeReport('html-report.hostile.html', hostileEvaluation(), 'en');
    const { page, requests, pageErrors } = await open(file);
    try {
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      await page.hover('tr[data-target="dossiers-e-transfer@2025"] td.num >> nth=2');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('img').count()).toBe(0);
      const sources = page.locator('ol.sources');
      await expect.poll(() => sources.first().isVisible()).toBe(true);
      const text = (await sources.allInnerTexts()).join('\n');
      expect(text).toContain(HOSTILE.script);
      expect(text).toContain(HOSTILE.img);
      expect(requests).toEqual([pathToFileURL(file).href]);
      expect(pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('loads from setContent with nothing fetched but about:blank', async () => {
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    try {
      await page.setContent(renderHtml(sampleEvaluation(), { lang: 'vi', color: false, plan: samplePlan }), { waitUntil: 'load' });
      expect(requests.filter((url) => url !== 'about:blank')).toEqual([]);
      expect(await page.locator('tr.target-row').count()).toBe(sampleEvaluation().results.length);
    } finally {
      await page.close();
    }
  });
});
