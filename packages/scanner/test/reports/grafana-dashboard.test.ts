import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderOpenMetrics } from '../../src/render/openmetrics.js';
import { shopResult } from './fixtures/shop-result.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const dashboard = JSON.parse(readFileSync(path.join(repoRoot, 'docs', 'grafana-dashboard.json'), 'utf8'));

interface Panel {
  title: string;
  type: string;
  targets: { expr: string }[];
}

describe('docs/grafana-dashboard.json', () => {
  const exposition = renderOpenMetrics(shopResult());
  const exported = new Set(exposition.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => /^[a-z_]+/.exec(l)![0]));
  const labelsOf = (metric: string) =>
    new Set(exposition.split('\n').filter((l) => l.startsWith(`${metric}{`)).flatMap((l) => [...l.matchAll(/([a-z_]+)="/g)].map((m) => m[1])));

  it('is importable: a data source input and panels with queries', () => {
    expect(dashboard.__inputs[0]).toMatchObject({ name: 'DS_PROMETHEUS', type: 'datasource', pluginId: 'prometheus' });
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(8);
    for (const panel of dashboard.panels as Panel[]) expect(panel.targets.length, panel.title).toBeGreaterThan(0);
    const ids = dashboard.panels.map((p: { id: number }) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('queries only metrics and labels the OpenMetrics renderer exports', () => {
    for (const panel of dashboard.panels as Panel[]) {
      for (const { expr } of panel.targets) {
        const metrics = [...expr.matchAll(/\b(flagdebt_[a-z_]+)\b/g)].map((m) => m[1]);
        expect(metrics.length, expr).toBeGreaterThan(0);
        for (const metric of metrics) {
          expect(exported, `${panel.title}: ${metric}`).toContain(metric);
          for (const [, label] of expr.matchAll(new RegExp(`${metric}\\{([^}]*)\\}`, 'g'))) {
            for (const [, name] of label.matchAll(/([a-z_]+)\s*(?:=~|!=|=)/g)) {
              if (name !== 'repository') expect(labelsOf(metric), `${panel.title}: ${metric}{${name}}`).toContain(name);
            }
          }
        }
      }
    }
  });

  it('covers flag count by type, stale flags and age over time', () => {
    const exprs = (dashboard.panels as Panel[]).flatMap((p) => p.targets.map((t) => t.expr)).join('\n');
    expect(exprs).toMatch(/sum by \(type\) \(flagdebt_flags\{[^}]*state!="archived"\}\)/);
    expect(exprs).toContain('flagdebt_stale_flags');
    expect(exprs).toMatch(/histogram_quantile\(0\.5, sum by \(le\) \(flagdebt_flag_age_days_bucket/);
  });
});
