import { describe, expect, it } from 'vitest';
import { buildChartModel } from '../../src/render/html-model.js';
import { escapeHtml, jsonForScript } from '../../src/render/html-sections.js';
import { removeCommand } from '../../src/render/remove-command.js';
import { renderHistoryHtml, renderHtml } from '../../src/render/html.js';
import { shopHistory } from './fixtures/shop-history.js';
import { shopResult } from './fixtures/shop-result.js';

const HOSTILE_KEY = '</script><script>window.__xss = 1</script>';
const HOSTILE_OWNER = '<img src=x onerror="window.__xss = 2">';

function hostileResult() {
  const result = shopResult();
  result.flags[0].owner = HOSTILE_OWNER;
  result.flags[0].reasons.push('<b>bold</b> & "quoted"');
  result.unregistered[1].flag = HOSTILE_KEY;
  return result;
}

/** The JSON data block, parsed back the way the page's script does. */
function dataBlock(html: string) {
  const match = /<script type="application\/json" id="flagdebt-data">([\s\S]*?)<\/script>/.exec(html);
  expect(match).not.toBeNull();
  return JSON.parse(match![1]);
}

describe('html renderer', () => {
  it('is one self-contained page: inline Chart.js, no external resources', () => {
    const html = renderHtml(shopResult());
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('Chart.js v4');
    expect(html).not.toMatch(/<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=/i);
    expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    expect(html).toContain("default-src 'none'");
  });

  it('escapes user text in markup and keeps the data block closed', () => {
    const html = renderHtml(hostileResult());
    expect(html).not.toContain(HOSTILE_OWNER);
    expect(html).not.toContain(HOSTILE_KEY);
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain(escapeHtml(HOSTILE_OWNER));
    expect(html).toContain('&#60;b&#62;bold&#60;/b&#62; &#38; &#34;quoted&#34;');
    // Exactly the three script elements the page is made of.
    expect(html.match(/<script/g)).toHaveLength(3);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    const data = dataBlock(html);
    expect(data.charts.owners.map((o: { owner: string }) => o.owner)).toContain(HOSTILE_OWNER);
  });

  it('escapes for both text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;');
    expect(jsonForScript({ k: '</script><!--' })).toBe('{"k":"\\u003c/script>\\u003c!--"}');
    expect(JSON.parse(jsonForScript({ k: '</script>\u2028' }))).toEqual({ k: '</script>\u2028' });
  });

  it('lists each stale flag with its reasons and remove command, oldest first', () => {
    const html = renderHtml(shopResult());
    const table = /<table id="stale-flags"[\s\S]*?<\/table>/.exec(html)![0];
    const keys = [...table.matchAll(/<tr><td data-sort="([^"]+)"/g)].map((m) => m[1]);
    expect(keys).toEqual(['old-promo', 'new-checkout']);
    expect(table).toContain('<code>flagdebt remove new-checkout</code>');
    expect(table).toContain('complete for 62 days (policy: 14)');
    expect(table).toContain('expired on 2026-07-01');
  });

  it('quotes remove commands only when the shell needs it, and asks for a value unless the flag is complete', () => {
    expect(removeCommand({ key: 'new-checkout', state: 'complete' })).toBe('flagdebt remove new-checkout');
    expect(removeCommand({ key: "it's on", state: 'complete' })).toBe(`flagdebt remove 'it'\\''s on'`);
    expect(removeCommand({ key: 'search-v2', state: 'active' })).toBe('flagdebt remove search-v2 --value <value>');
  });

  it('shows unregistered keys with suggestions, unused flags and archived reads', () => {
    const html = renderHtml(shopResult());
    const unregistered = /<table id="unregistered-keys"[\s\S]*?<\/table>/.exec(html)![0];
    expect(unregistered).toContain('<code>new-chekout</code>');
    expect(unregistered).toContain('<code>new-checkout</code>');
    expect(unregistered).toContain('src/reports/index.ts:41:10');
    expect(/<table id="unused-flags"[\s\S]*?<\/table>/.exec(html)![0]).toContain('<code>old-promo</code>');
    expect(/<table id="archived-referenced"[\s\S]*?<\/table>/.exec(html)![0]).toContain('src/home/Banner.tsx:4:20');
    expect(/<table id="dynamic-keys"[\s\S]*?<\/table>/.exec(html)![0]).toContain('src/experiments/runner.ts:27:12');
  });

  it('lists every registry flag, stale or not, archived too, with the text the search box matches', () => {
    const result = shopResult();
    const html = renderHtml(result);
    const all = /<table id="all-flags"[\s\S]*?<\/table>/.exec(html)![0];
    const keys = [...all.matchAll(/<tr data-search="[^"]*"><td data-sort="([^"]*)"/g)].map((m) => m[1]);
    expect(keys).toEqual(result.flags.map((f) => f.key));
    expect(keys.length).toBeGreaterThan(result.flags.filter((f) => f.stale).length);
    expect(all).toContain('data-search="legacy-banner release growth archived archived, in use');
    expect(all).toContain('data-search="dark-mode experiment web &#38; mobile active ok');
    expect(html).toContain('<input type="search" id="flag-search" aria-controls="all-flags"');
    expect(html).toContain(`<span id="flag-search-count" aria-live="polite">${result.flags.length} of ${result.flags.length}</span>`);
    expect(html).toContain(`<h2 id="h-all">All flags (${result.flags.length})</h2>`);
  });

  it('says so when a section is empty', () => {
    const clean = shopResult();
    clean.flags = clean.flags.filter((f) => !f.stale);
    clean.unregistered = [];
    const html = renderHtml(clean);
    expect(html).not.toContain('id="stale-flags"');
    expect(html).toContain('No stale flags. Nothing to remove.');
    expect(html).toContain('Every key read in code is in the registry.');
  });

  it('computes chart data from the scan', () => {
    const model = buildChartModel(shopResult(), undefined);
    expect(model.types).toEqual(['release', 'experiment', 'ops', 'permission']);
    expect(model.byType).toEqual([2, 2, 1, 1]);
    expect(model.byState).toEqual([4, 2, 1]);
    // Stale first, then by size, then by name; the archived legacy-banner does not count for growth.
    expect(model.owners.slice(0, 3)).toEqual([
      { owner: 'growth', healthy: 0, stale: 1 },
      { owner: 'payments', healthy: 0, stale: 1 },
      { owner: 'discovery', healthy: 2, stale: 0 },
    ]);
    // new-checkout (112 d) and old-promo (204 d) are release flags; dark-mode (20 d) and search-v2 (51 d) experiments.
    expect(model.ageByType[0]).toEqual([0, 0, 0, 0, 0, 1, 1, 0]);
    expect(model.ageByType[1]).toEqual([0, 0, 1, 1, 0, 0, 0, 0]);
    expect(model.ageByType.flat().reduce((a, b) => a + b, 0)).toBe(6);
    expect(model.trend).toBeNull();
  });

  it('adds the trend charts when history is given', () => {
    const withHistory = renderHtml(shopResult(), { history: shopHistory() });
    expect(withHistory).toContain('id="chart-trend"');
    expect(dataBlock(withHistory).charts.trend.flags).toEqual(shopHistory().points.map((p) => p.flags));
    expect(renderHtml(shopResult())).not.toContain('id="chart-trend"');

    const historyOnly = renderHistoryHtml(shopHistory());
    expect(historyOnly).toContain('id="chart-trend-type"');
    expect(historyOnly).not.toContain('id="chart-type"');
    expect(dataBlock(historyOnly).charts.trend.labels[0]).toBe('2026-09-04');
    // The newest point, and how far it moved since the oldest (8 flags now, 5 then).
    expect(historyOnly).toContain('<div class="value" data-total="Flags">8</div><div class="label">Flags</div><div class="hint">+3 since 2026-09-04</div>');
  });

  it('shows the keys added and removed between points, stale flags per owner, and the skipped commits', () => {
    const html = renderHistoryHtml(shopHistory());
    for (const id of ['chart-trend-changes', 'chart-trend-owner']) expect(html).toContain(`id="${id}"`);
    const trend = dataBlock(html).charts.trend;
    expect(trend.added[2]).toEqual(['new-checkout', 'admin-audit']);
    expect(trend.removed[11]).toEqual(['new-checkout']);
    expect(trend.owners).toEqual(['payments', 'search']);
    // Per owner, the stale series add up to the stale count of each point.
    const sums = trend.stale.map((_: number, i: number) => trend.staleByOwner[0][i] + trend.staleByOwner[1][i]);
    expect(sums).toEqual(trend.stale);
    expect(html).toContain('<td>2026-09-18</td><td><code>0303030303</code></td><td class="num">7</td><td class="num">0</td><td data-added><code>new-checkout</code> <code>admin-audit</code></td><td data-removed></td><td>commit / commit</td>');
    expect(html).toContain('<td>2026-09-04</td><td><code>0101010101</code></td>');
    expect(html).toMatch(/1 sampled commit has no point: <code>ffffffffff<\/code> \(registry\/not-found\)/);
  });

  it('escapes keys in the points table', () => {
    const history = shopHistory();
    history.points[1].added = ['<img src=x onerror=alert(1)>'];
    const html = renderHistoryHtml(history);
    expect(html).toContain('<code>&#60;img src=x onerror=alert(1)&#62;</code>');
    expect(html).not.toContain('<img src=x');
  });

  it('folds owners beyond the first eleven into one bar', () => {
    const many = shopResult();
    many.flags = Array.from({ length: 20 }, (_, i) => ({ ...many.flags[1], key: `exp-${i}`, owner: `team-${String(i).padStart(2, '0')}` }));
    const owners = buildChartModel(many, undefined).owners;
    expect(owners).toHaveLength(12);
    expect(owners.at(-1)).toEqual({ owner: '9 other owners', healthy: 9, stale: 0 });
  });
});
