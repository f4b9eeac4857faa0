import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { describe, expect, it } from 'vitest';
import { escapeLabelValue, renderOpenMetrics } from '../../src/render/openmetrics.js';
import type { ScanResult } from '../../src/types.js';
import { shopResult } from './fixtures/shop-result.js';

interface ParsedFamily {
  name: string;
  help: string;
  type: string;
  metrics: { labels?: Record<string, string>; value?: string; buckets?: Record<string, string>; count?: string; sum?: string }[];
}

/** The parser speaks Prometheus 0.0.4 text, which has no `# UNIT` and no `# EOF`. */
function parse(text: string): Map<string, ParsedFamily> {
  const prometheusText = text
    .split('\n')
    .filter((line) => !line.startsWith('# UNIT ') && line !== '# EOF')
    .join('\n');
  const families = parsePrometheusTextFormat(prometheusText) as ParsedFamily[];
  return new Map(families.map((family) => [family.name, family]));
}

function values(family: ParsedFamily | undefined): { labels: Record<string, string>; value: number }[] {
  return (family?.metrics ?? []).map((m) => ({ labels: m.labels ?? {}, value: Number(m.value) }));
}

function scalar(families: Map<string, ParsedFamily>, name: string): number {
  const [only] = values(families.get(name));
  return only.value;
}

describe('openmetrics renderer', () => {
  const result = shopResult();
  const text = renderOpenMetrics(result);
  const families = parse(text);

  it('follows the exposition layout: TYPE/UNIT/HELP before samples, one final # EOF', () => {
    const lines = text.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('# EOF');
    expect(lines.filter((line) => line === '# EOF')).toHaveLength(1);
    expect(text.endsWith('# EOF\n')).toBe(true);
    for (const name of families.keys()) {
      const typeAt = lines.indexOf(lines.find((l) => l.startsWith(`# TYPE ${name} `))!);
      const helpAt = lines.indexOf(lines.find((l) => l.startsWith(`# HELP ${name} `))!);
      const firstSample = lines.findIndex((l) => !l.startsWith('#') && l.startsWith(name));
      expect(typeAt).toBeGreaterThanOrEqual(0);
      expect(helpAt).toBeGreaterThan(typeAt);
      expect(firstSample).toBeGreaterThan(helpAt);
    }
    expect(lines).toContain('# UNIT flagdebt_flag_age_days days');
    // No blank lines: OpenMetrics does not allow them.
    expect(lines.every((line) => line.length > 0)).toBe(true);
  });

  it('exports every metric family with the right type', () => {
    expect(Object.fromEntries([...families.values()].map((f) => [f.name, f.type]))).toEqual({
      flagdebt_flags: 'GAUGE',
      flagdebt_stale_flags: 'GAUGE',
      flagdebt_references: 'GAUGE',
      flagdebt_unregistered_keys: 'GAUGE',
      flagdebt_unused_flags: 'GAUGE',
      flagdebt_dynamic_references: 'GAUGE',
      flagdebt_archived_referenced_flags: 'GAUGE',
      flagdebt_flag_age_days: 'HISTOGRAM',
      flagdebt_scan_files: 'GAUGE',
    });
  });

  it('counts flags by type, state and owner', () => {
    const flags = values(families.get('flagdebt_flags'));
    expect(flags.reduce((sum, s) => sum + s.value, 0)).toBe(result.flags.length);
    for (const flag of result.flags) {
      const expected = result.flags.filter((f) => f.type === flag.type && f.state === flag.state && f.owner === flag.owner).length;
      const sample = flags.find((s) => s.labels.type === flag.type && s.labels.state === flag.state && s.labels.owner === flag.owner);
      expect(sample?.value).toBe(expected);
    }
    expect(flags.find((s) => s.labels.owner === 'discovery')?.value).toBe(1);
    expect(flags.filter((s) => s.labels.state !== 'archived').reduce((sum, s) => sum + s.value, 0)).toBe(result.summary.flags);
  });

  it('counts stale flags per type, with zeros', () => {
    const stale = values(families.get('flagdebt_stale_flags'));
    expect(stale.map((s) => [s.labels.type, s.value])).toEqual([
      ['release', 2],
      ['experiment', 0],
      ['ops', 0],
      ['permission', 0],
    ]);
    expect(stale.reduce((sum, s) => sum + s.value, 0)).toBe(result.summary.stale);
  });

  it('counts references by kind and test', () => {
    const refs = values(families.get('flagdebt_references'));
    expect(refs).toHaveLength(6);
    for (const sample of refs) {
      const expected = result.references.filter((r) => r.kind === sample.labels.kind && String(r.test) === sample.labels.test).length;
      expect(sample.value).toBe(expected);
    }
    expect(refs.find((s) => s.labels.kind === 'evaluation' && s.labels.test === 'true')?.value).toBe(2);
    expect(refs.find((s) => s.labels.kind === 'dynamic' && s.labels.test === 'false')?.value).toBe(result.summary.dynamic);
  });

  it('exports the summary counters as they are', () => {
    expect(scalar(families, 'flagdebt_unregistered_keys')).toBe(result.summary.unregistered);
    expect(scalar(families, 'flagdebt_unused_flags')).toBe(result.summary.unused);
    expect(scalar(families, 'flagdebt_dynamic_references')).toBe(result.summary.dynamic);
    expect(scalar(families, 'flagdebt_archived_referenced_flags')).toBe(result.summary.archivedReferenced);
    expect(scalar(families, 'flagdebt_scan_files')).toBe(result.summary.files);
  });

  it('builds a cumulative age histogram over live flags', () => {
    const [histogram] = families.get('flagdebt_flag_age_days')!.metrics;
    const live = result.flags.filter((f) => f.state !== 'archived').map((f) => f.ageDays);
    // Ages 112, 51, 658, 529, 204, 20 (the archived flag's 680 is left out).
    expect(histogram.buckets).toEqual({
      '7.0': '0', '14.0': '0', '30.0': '1', '60.0': '2', '90.0': '2', '180.0': '3', '365.0': '4', '+Inf': '6',
    });
    expect(Number(histogram.count)).toBe(live.length);
    expect(Number(histogram.sum)).toBe(live.reduce((a, b) => a + b, 0));
    expect(Number(histogram.sum)).toBe(1574);
  });

  it('escapes label values so hostile owners cannot break the exposition', () => {
    const hostile: ScanResult = shopResult();
    hostile.flags[0].owner = 'team "a"\\b\nc';
    const parsed = parse(renderOpenMetrics(hostile));
    const owners = values(parsed.get('flagdebt_flags')).map((s) => s.labels.owner);
    expect(owners).toContain('team "a"\\b\nc');
    expect(escapeLabelValue('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
  });

  it('is deterministic', () => {
    expect(renderOpenMetrics(shopResult())).toBe(text);
  });
});
