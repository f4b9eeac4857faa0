import { FLAG_TYPES } from '@flagdebt/core';
import type { ReferenceRecord, ScanResult } from '../types.js';
import type { Renderer } from './renderer.js';

/** Upper bounds (days) of the flag-age histogram buckets; `+Inf` is added. */
export const AGE_BUCKETS_DAYS = [7, 14, 30, 60, 90, 180, 365] as const;

type Labels = Record<string, string>;

interface Family {
  name: string;
  type: 'gauge' | 'histogram';
  unit?: string;
  help: string;
  samples: { suffix?: string; labels: Labels; value: number }[];
}

/**
 * `flagdebt scan --format openmetrics`: OpenMetrics 1.0 text exposition. Everything is a gauge
 * (a scan is a snapshot, not a running total) except the age histogram. The output is also
 * valid Prometheus 0.0.4 text (`# UNIT` and `# EOF` read as comments there), so the node exporter
 * textfile collector and the Pushgateway accept it unchanged.
 */
export function renderOpenMetrics(result: ScanResult): string {
  const live = result.flags.filter((flag) => flag.state !== 'archived');
  const families: Family[] = [
    {
      name: 'flagdebt_flags',
      type: 'gauge',
      help: 'Registered feature flags by type, state and owner.',
      samples: countBy(result.flags, (flag) => ({ type: flag.type, state: flag.state, owner: flag.owner })),
    },
    {
      name: 'flagdebt_stale_flags',
      type: 'gauge',
      help: 'Flags that are stale under the staleness policy, by type.',
      samples: FLAG_TYPES.map((type) => ({ labels: { type }, value: live.filter((f) => f.type === type && f.stale).length })),
    },
    {
      name: 'flagdebt_references',
      type: 'gauge',
      help: 'Places in code that read or declare a flag, by kind and whether they are in tests.',
      samples: referenceSamples(result.references),
    },
    single('flagdebt_unregistered_keys', 'Reads of flag keys that are not in the registry.', result.summary.unregistered),
    single('flagdebt_unused_flags', 'Registered flags that no code reads.', result.summary.unused),
    single('flagdebt_dynamic_references', 'Flag reads whose key cannot be resolved statically.', result.summary.dynamic),
    single('flagdebt_archived_referenced_flags', 'Archived flags that code still reads.', result.summary.archivedReferenced),
    ageHistogram(live.map((flag) => flag.ageDays)),
    single('flagdebt_scan_files', 'Files scanned.', result.summary.files),
  ];
  return `${families.map(renderFamily).join('')}# EOF\n`;
}

function single(name: string, help: string, value: number): Family {
  return { name, type: 'gauge', help, samples: [{ labels: {}, value }] };
}

function countBy<T>(items: readonly T[], labelsOf: (item: T) => Labels): Family['samples'] {
  const counts = new Map<string, { labels: Labels; value: number }>();
  for (const item of items) {
    const labels = labelsOf(item);
    const id = JSON.stringify(labels);
    const entry = counts.get(id) ?? { labels, value: 0 };
    entry.value += 1;
    counts.set(id, entry);
  }
  // Sorted so that identical scans give byte-identical output (diffable textfiles).
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, entry]) => entry);
}

function referenceSamples(references: readonly ReferenceRecord[]): Family['samples'] {
  const samples: Family['samples'] = [];
  // Every combination is emitted, zeros included, so dashboards never see a series vanish.
  for (const kind of ['evaluation', 'declaration', 'dynamic'] as const) {
    for (const test of [false, true]) {
      const value = references.filter((ref) => ref.kind === kind && ref.test === test).length;
      samples.push({ labels: { kind, test: String(test) }, value });
    }
  }
  return samples;
}

function ageHistogram(ages: readonly number[]): Family {
  const samples: Family['samples'] = AGE_BUCKETS_DAYS.map((bound) => ({
    suffix: '_bucket',
    labels: { le: formatBound(bound) },
    value: ages.filter((age) => age <= bound).length,
  }));
  samples.push({ suffix: '_bucket', labels: { le: '+Inf' }, value: ages.length });
  samples.push({ suffix: '_count', labels: {}, value: ages.length });
  samples.push({ suffix: '_sum', labels: {}, value: ages.reduce((sum, age) => sum + age, 0) });
  return {
    name: 'flagdebt_flag_age_days',
    type: 'histogram',
    unit: 'days',
    help: 'Age of live (non-archived) flags in days since created.',
    samples,
  };
}

/** OpenMetrics wants `le` in canonical float form: `7.0`, not `7`. */
function formatBound(bound: number): string {
  return Number.isInteger(bound) ? `${bound}.0` : String(bound);
}

function renderFamily(family: Family): string {
  const lines = [`# TYPE ${family.name} ${family.type}`];
  if (family.unit) lines.push(`# UNIT ${family.name} ${family.unit}`);
  lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`);
  for (const sample of family.samples) {
    lines.push(`${family.name}${sample.suffix ?? ''}${renderLabels(sample.labels)} ${sample.value}`);
  }
  return `${lines.join('\n')}\n`;
}

function renderLabels(labels: Labels): string {
  const pairs = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabelValue(value)}"`);
  return pairs.length > 0 ? `{${pairs.join(',')}}` : '';
}

/** Label values escape backslash, double quote and line feed (OpenMetrics 1.0, "Escaping"). */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

const render: Renderer = (result) => renderOpenMetrics(result);
export default render;
