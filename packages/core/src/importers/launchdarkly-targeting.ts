/**
 * Decides whether a LaunchDarkly environment serves one variation to everyone. Works on full flag
 * bodies (targets, rules, fallthrough) and on summarized lists (`_summary` counts only).
 */
import { arrayField, isObject, objectField, type JsonObject } from './fields.js';

/** Rollout weights are thousandths of a percent. */
export const FULL_WEIGHT = 100_000;

export type Served =
  | { kind: 'single'; variation: number }
  | { kind: 'mixed'; reason: string }
  | { kind: 'unknown'; reason: string };

export function servedVariation(env: JsonObject): Served {
  const summary = objectField(env, '_summary');
  if (arrayField(env, 'prerequisites').length > 0 || (summary && Number(summary.prerequisites) > 0)) {
    return { kind: 'mixed', reason: 'it has prerequisites' };
  }
  const fallthrough = fallthroughVariation(env, summary);
  if (fallthrough.kind !== 'single') return fallthrough;
  const f = fallthrough.variation;

  const hasBodies = ['targets', 'contextTargets', 'rules'].some((name) => Array.isArray(env[name]));
  if (hasBodies) {
    for (const target of [...arrayField(env, 'targets'), ...arrayField(env, 'contextTargets')]) {
      if (!isObject(target) || arrayField(target, 'values').length === 0) continue;
      if (target.variation !== f) return { kind: 'mixed', reason: `individual targets get variation ${String(target.variation)}` };
    }
    for (const rule of arrayField(env, 'rules')) {
      if (!isObject(rule)) continue;
      const served = typeof rule.variation === 'number' ? rule.variation : rolloutVariation(objectField(rule, 'rollout'));
      if (served !== f) return { kind: 'mixed', reason: 'a targeting rule serves another variation or a percentage rollout' };
    }
    return { kind: 'single', variation: f };
  }
  if (summary) {
    const variations = objectField(summary, 'variations') ?? {};
    for (const [index, counts] of Object.entries(variations)) {
      if (!isObject(counts)) continue;
      if (Number(counts.nullRules) > 0) return { kind: 'mixed', reason: 'a targeting rule serves a percentage rollout' };
      const targeted = ['rules', 'targets', 'contextTargets'].some((name) => Number(counts[name]) > 0);
      if (targeted && Number(index) !== f) return { kind: 'mixed', reason: `rules or targets serve variation ${index}` };
    }
    return { kind: 'single', variation: f };
  }
  return { kind: 'unknown', reason: 'the export has neither targeting rules nor a `_summary` for this environment' };
}

function fallthroughVariation(env: JsonObject, summary: JsonObject | undefined): Served {
  const fallthrough = objectField(env, 'fallthrough');
  if (fallthrough) {
    if (typeof fallthrough.variation === 'number') return { kind: 'single', variation: fallthrough.variation };
    const rollout = objectField(fallthrough, 'rollout');
    if (rollout) {
      const single = rolloutVariation(rollout);
      return single === undefined
        ? { kind: 'mixed', reason: `the default rule is a percentage rollout (${describeRollout(rollout)})` }
        : { kind: 'single', variation: single };
    }
  }
  const variations = summary ? objectField(summary, 'variations') : undefined;
  if (variations) {
    for (const [index, counts] of Object.entries(variations)) {
      if (isObject(counts) && counts.isFallthrough === true) return { kind: 'single', variation: Number(index) };
    }
    // Summaries of a percentage fallthrough carry each variation's weight as `rollout`.
    const weighted = Object.entries(variations).filter(([, counts]) => isObject(counts) && Number(counts.rollout) > 0);
    if (weighted.length === 1 && Number((weighted[0][1] as JsonObject).rollout) >= FULL_WEIGHT) {
      return { kind: 'single', variation: Number(weighted[0][0]) };
    }
    if (weighted.length > 0) return { kind: 'mixed', reason: 'the default rule is a percentage rollout' };
  }
  return { kind: 'unknown', reason: 'the export does not say what the default rule serves' };
}

/** The variation a rollout gives everyone (one weight of 100000, the others 0), else undefined. */
function rolloutVariation(rollout: JsonObject | undefined): number | undefined {
  if (!rollout) return undefined;
  const weighted = arrayField(rollout, 'variations').filter((entry) => isObject(entry) && Number(entry.weight) > 0) as JsonObject[];
  if (weighted.length !== 1 || Number(weighted[0].weight) < FULL_WEIGHT) return undefined;
  return typeof weighted[0].variation === 'number' ? weighted[0].variation : undefined;
}

function describeRollout(rollout: JsonObject): string {
  return arrayField(rollout, 'variations')
    .filter(isObject)
    .map((entry) => `variation ${String(entry.variation)}: ${Number(entry.weight) / 1000}%`)
    .join(', ');
}
