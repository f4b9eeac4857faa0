/**
 * The HTML dashboard in a real browser: Debian's chromium driven by playwright-core, opened from
 * file:// with the network unreachable, as a user would open a report attached to a CI run.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../packages/scanner/src/render/html.js';
import { shopHistory } from '../../packages/scanner/test/reports/fixtures/shop-history.js';
import { shopResult } from '../../packages/scanner/test/reports/fixtures/shop-result.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`html-dashboard: skipped, ${CHROMIUM} is not installed (apt-get install -y chromium)`);

const HOSTILE_OWNER = '<img src=x onerror="window.__xss = 1">';
const HOSTILE_REASON = '</script><script>window.__xss = 2</script>';

describe.skipIf(!hasChromium)('html dashboard in chromium', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const result = shopResult();
    // Owners and reasons are user text; make one of each hostile.
    result.flags[5].owner = HOSTILE_OWNER;
    result.flags[5].reasons.push(HOSTILE_REASON);
    dir = mkdtempSync(path.join(os.tmpdir(), 'flagdebt-dashboard-'));
    const file = path.join(dir, 'report.html');
    writeFileSync(file, renderHtml(result, { history: shopHistory() }));

    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.waitForFunction(() => document.body.getAttribute('data-charts') !== null);
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loads with no console errors and no network', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
  });

  it('draws every chart with Chart.js onto non-blank canvases', async () => {
    const charts = await page.evaluate(() => {
      const { Chart } = window as unknown as { Chart: { instances: Record<string, { canvas: HTMLCanvasElement }> } };
      return Object.values(Chart.instances).map((chart) => chart.canvas.id).sort();
    });
    expect(charts).toEqual(['chart-age', 'chart-owner', 'chart-state', 'chart-trend', 'chart-trend-changes', 'chart-trend-owner', 'chart-trend-type', 'chart-type']);

    const inkedPixels = await page.evaluate(() =>
      Array.from(document.querySelectorAll('canvas')).map((canvas) => {
        const context = canvas.getContext('2d')!;
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        let inked = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) inked += 1;
        return [canvas.id, inked] as const;
      }),
    );
    for (const [id, inked] of inkedPixels) expect(inked, `${id} is blank`).toBeGreaterThan(500);
  });

  it('shows the totals of the scan', async () => {
    const totals = await page.$$eval('[data-total]', (cells) => cells.map((c) => [c.getAttribute('data-total'), c.textContent]));
    expect(Object.fromEntries(totals)).toMatchObject({ Flags: '6', Stale: '2', 'Unregistered keys': '2', Unused: '1', 'Archived but read': '1' });
  });

  it('sorts the stale-flag table when a header is clicked', async () => {
    const column = (index: number) =>
      page.$$eval(`#stale-flags tbody tr td:nth-child(${index})`, (cells) => cells.map((c) => c.textContent ?? ''));
    expect(await column(1)).toEqual(['old-promo', 'new-checkout']);

    await page.click('#stale-flags th:nth-child(5) button');
    expect(await column(5)).toEqual(['112', '204']);
    expect(await page.getAttribute('#stale-flags th:nth-child(5)', 'aria-sort')).toBe('ascending');

    await page.click('#stale-flags th:nth-child(5) button');
    expect(await column(5)).toEqual(['204', '112']);
    expect(await page.getAttribute('#stale-flags th:nth-child(5)', 'aria-sort')).toBe('descending');

    await page.click('#stale-flags th:nth-child(1) button');
    expect(await column(1)).toEqual(['new-checkout', 'old-promo']);
    expect(await page.getAttribute('#stale-flags th:nth-child(5)', 'aria-sort')).toBe('none');
  });

  it('lists every flag and filters them as the user types in the search box', async () => {
    const visibleKeys = () =>
      page.$$eval('#all-flags tbody tr', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).map((r) => r.cells[0].textContent ?? ''));
    const all = await visibleKeys();
    expect(all).toEqual(shopResult().flags.map((f) => f.key));
    await page.fill('#flag-search', 'discovery');
    expect(await visibleKeys()).toEqual(shopResult().flags.filter((f) => f.owner === 'discovery').map((f) => f.key));
    await page.fill('#flag-search', 'ARCHIVED growth');
    expect(await visibleKeys()).toEqual(['legacy-banner']);
    expect(await page.textContent('#flag-search-count')).toBe(`1 of ${all.length}`);
    await page.fill('#flag-search', '');
    expect(await visibleKeys()).toEqual(all);
  });

  it('renders hostile user text as text, never as markup or script', async () => {
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.$$('img')).toHaveLength(0);
    const staleText = await page.textContent('#stale-flags');
    expect(staleText).toContain(HOSTILE_OWNER);
    expect(staleText).toContain(HOSTILE_REASON);
    expect(await page.$$eval('script', (scripts) => scripts.length)).toBe(3);
  });

  it('saves a screenshot for humans', async () => {
    const out = path.join(repoRoot, 'test-artifacts', 'dashboard.png');
    mkdirSync(path.dirname(out), { recursive: true });
    const png = await page.screenshot({ path: out, fullPage: true });
    expect(png.length).toBeGreaterThan(20_000);
  });
});
