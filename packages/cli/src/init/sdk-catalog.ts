/**
 * What each flag SDK really exports, by npm package: the hooks and client methods that read one
 * flag by key. `flagdebt init` turns every entry into an accessor scoped to its package
 * (`from`), so a call counts only when its callee was imported from that package or was built
 * from something that was (`const gb = new GrowthBook()`, `const client = useLDClient()`),
 * never because a local variable happens to be called `gb`.
 *
 * Sources: each SDK's own README / API reference (npm package pages, vendor docs).
 */
import type { CallAccessor, DefineAccessor } from '@flagdebt/core';

export interface SdkRead {
  /** Exported hook/function name, or the method name on the SDK's client object. */
  call: string;
  keyArg: number;
  defaultArg?: number;
  /**
   * The read returns an object that holds the flag's value in this property (Statsig's
   * `useFeatureGate(name).value`): proposed as `returns: "object"` with `valueProperty`, so the
   * codemod folds `.value` and `const { value } = ...`, never the object itself.
   */
  valueProperty?: string;
  /** The read returns a Promise (server SDKs): proposed as `returns: "promise"`, folded only where awaited. */
  promise?: true;
}

export interface SdkFamily {
  sdk: string;
  packages: string[];
  reads: SdkRead[];
  /**
   * Hooks that return every flag as one object whose properties are the (camel-cased) keys:
   * LaunchDarkly's `useFlags()`. Read as a member accessor on the variable holding the result.
   */
  flagObjects?: string[];
  /**
   * Functions that define a flag once (`flag({ key: 'x', decide })`, Vercel `flags`): the code
   * then reads it by calling the const. Proposed as a `define` accessor.
   */
  definers?: { call: string; keyProperty: string }[];
}

const read = (call: string, keyArg = 0, defaultArg?: number): SdkRead => (defaultArg === undefined ? { call, keyArg } : { call, keyArg, defaultArg });
/** OpenFeature names each read after the value's type. */
const OPENFEATURE_TYPES = ['Boolean', 'String', 'Number'];
/** A read that returns a Promise of the value. */
const asyncRead = (call: string, keyArg = 0, defaultArg?: number): SdkRead => ({ ...read(call, keyArg, defaultArg), promise: true });
/** A read whose result is an object holding the value in `property`. */
const objectRead = (call: string, property: string, keyArg = 0, defaultArg?: number): SdkRead => ({ ...read(call, keyArg, defaultArg), valueProperty: property });

export const SDK_FAMILIES: SdkFamily[] = [
  {
    // Browser and React: variation(key, defaultValue). React re-exports the JS client.
    sdk: 'LaunchDarkly',
    packages: ['launchdarkly-react-client-sdk', 'launchdarkly-js-client-sdk', '@launchdarkly/js-client-sdk', '@launchdarkly/react-native-client-sdk'],
    reads: [
      read('variation', 0, 1),
      objectRead('variationDetail', 'value', 0, 1),
      read('boolVariation', 0, 1),
      read('stringVariation', 0, 1),
      read('numberVariation', 0, 1),
      read('useBoolVariation', 0, 1),
      read('useStringVariation', 0, 1),
      read('useNumberVariation', 0, 1),
    ],
    flagObjects: ['useFlags'],
  },
  {
    // Server SDKs: `await variation(key, context, defaultValue)`.
    sdk: 'LaunchDarkly',
    packages: ['@launchdarkly/node-server-sdk', 'launchdarkly-node-server-sdk', '@launchdarkly/cloudflare-server-sdk', '@launchdarkly/vercel-server-sdk'],
    reads: [
      asyncRead('variation', 0, 2),
      read('variationDetail', 0, 2),
      asyncRead('boolVariation', 0, 2),
      asyncRead('stringVariation', 0, 2),
      asyncRead('numberVariation', 0, 2),
    ],
  },
  {
    // Web and React: the values are there synchronously; `get*Details`, `use*FlagDetails`,
    // `useFlag` and `useSuspenseFlag` return an object with the value in `.value`.
    sdk: 'OpenFeature',
    packages: ['@openfeature/web-sdk', '@openfeature/react-sdk', '@openfeature/angular-sdk'],
    reads: [
      ...OPENFEATURE_TYPES.map((t) => read(`get${t}Value`, 0, 1)),
      ...OPENFEATURE_TYPES.map((t) => objectRead(`get${t}Details`, 'value', 0, 1)),
      ...OPENFEATURE_TYPES.map((t) => read(`use${t}FlagValue`, 0, 1)),
      ...OPENFEATURE_TYPES.map((t) => objectRead(`use${t}FlagDetails`, 'value', 0, 1)),
      objectRead('useFlag', 'value', 0, 1),
      objectRead('useSuspenseFlag', 'value', 0, 1),
    ],
  },
  {
    // Server: `await client.getBooleanValue(key, default)` (the details are a promise of an object).
    sdk: 'OpenFeature',
    packages: ['@openfeature/server-sdk', '@openfeature/js-sdk'],
    reads: [...OPENFEATURE_TYPES.map((t) => asyncRead(`get${t}Value`, 0, 1)), ...OPENFEATURE_TYPES.map((t) => read(`get${t}Details`, 0, 1))],
  },
  {
    // React/Next hooks and the browser client: useFlag(name), client.isEnabled(name).
    sdk: 'Unleash',
    packages: ['@unleash/proxy-client-react', '@unleash/nextjs', 'unleash-proxy-client', '@unleash/unleash-react-sdk'],
    reads: [read('useFlag'), read('useVariant'), read('isEnabled'), read('getVariant')],
  },
  {
    // Node: isEnabled(name, context?, fallback?).
    sdk: 'Unleash',
    packages: ['unleash-client'],
    reads: [read('isEnabled'), read('getVariant')],
  },
  {
    // The React package re-exports the GrowthBook class, so both packages name the methods.
    sdk: 'GrowthBook',
    packages: ['@growthbook/growthbook', '@growthbook/growthbook-react'],
    reads: [
      read('useFeatureIsOn'),
      read('useFeatureValue', 0, 1),
      read('useFeature'),
      read('isOn'),
      read('isOff'),
      read('getFeatureValue', 0, 1),
      read('evalFeature'),
    ],
  },
  {
    sdk: 'PostHog',
    packages: ['posthog-js', '@posthog/react', 'posthog-react-native'],
    reads: [
      read('useFeatureFlagEnabled'),
      read('useFeatureFlagVariantKey'),
      read('useFeatureFlagPayload'),
      read('isFeatureEnabled'),
      read('getFeatureFlag'),
      read('getFeatureFlagPayload'),
      read('getFeatureFlagResult'),
    ],
  },
  {
    // Node: `await posthog.isFeatureEnabled(key, distinctId)`.
    sdk: 'PostHog',
    packages: ['posthog-node'],
    reads: [asyncRead('isFeatureEnabled'), asyncRead('getFeatureFlag'), asyncRead('getFeatureFlagPayload'), read('getFeatureFlagResult')],
  },
  {
    // Client SDKs and React bindings: useGate(name).value, useGateValue(name), client.checkGate(name);
    // useFeatureGate and getFeatureGate return the gate object (`{ name, value, details }`).
    sdk: 'Statsig',
    packages: ['@statsig/react-bindings', '@statsig/js-client', '@statsig/react-native-bindings', 'statsig-react', 'statsig-js', 'statsig-react-native'],
    reads: [objectRead('useGate', 'value'), read('useGateValue'), objectRead('useFeatureGate', 'value'), read('checkGate'), objectRead('getFeatureGate', 'value')],
  },
  {
    // Server SDKs: `await checkGate(user, name)`.
    sdk: 'Statsig',
    packages: ['statsig-node'],
    reads: [asyncRead('checkGate', 1), read('checkGateSync', 1), read('getFeatureGate', 1)],
  },
  {
    // The newer core SDK answers synchronously.
    sdk: 'Statsig',
    packages: ['@statsig/statsig-node-core'],
    reads: [read('checkGate', 1), objectRead('getFeatureGate', 'value', 1)],
  },
  {
    sdk: 'ConfigCat',
    packages: ['configcat-react', 'configcat-js', 'configcat-js-ssr', 'configcat-node', '@configcat/sdk'],
    // configcat-react's hook returns `{ value, loading }`.
    reads: [objectRead('useFeatureFlag', 'value', 0, 1), asyncRead('getValueAsync', 0, 1), read('getValueDetailsAsync', 0, 1), read('getValue', 0, 1)],
  },
  {
    // Vercel: `flags/next`, `flags/sveltekit`, and the older `@vercel/flags/next` (also as `unstable_flag`).
    sdk: 'Vercel flags',
    packages: ['flags', '@vercel/flags'],
    reads: [],
    definers: [
      { call: 'flag', keyProperty: 'key' },
      { call: 'unstable_flag', keyProperty: 'key' },
    ],
  },
  {
    // Browser/React: flagsmith.hasFeature(name), flagsmith.getValue(name); Node: flags.isFeatureEnabled(name).
    // `@flagsmith/flagsmith` is the same web client under Flagsmith's npm scope (its own dashboard uses it).
    sdk: 'Flagsmith',
    packages: ['flagsmith', '@flagsmith/flagsmith', 'react-native-flagsmith', 'flagsmith-nodejs'],
    reads: [read('hasFeature'), read('getValue'), read('isFeatureEnabled'), read('getFeatureValue')],
  },
];

export interface CatalogAccessor {
  sdk: string;
  accessor: CallAccessor;
}

/** One accessor per package and read, in catalog order (the matcher takes the first that fits). */
export function catalogAccessors(): CatalogAccessor[] {
  const out: CatalogAccessor[] = [];
  for (const family of SDK_FAMILIES) {
    for (const from of family.packages) {
      for (const { valueProperty, promise, ...r } of family.reads) {
        const accessor: CallAccessor = { ...r, from };
        if (valueProperty !== undefined) Object.assign(accessor, { returns: 'object', valueProperty });
        else if (promise) accessor.returns = 'promise';
        out.push({ sdk: family.sdk, accessor });
      }
    }
  }
  return out;
}

export interface CatalogDefiner {
  sdk: string;
  accessor: DefineAccessor;
}

/** One `define` accessor per package and definer. */
export function catalogDefiners(): CatalogDefiner[] {
  return SDK_FAMILIES.flatMap((family) =>
    family.packages.flatMap((from) => (family.definers ?? []).map((d) => ({ sdk: family.sdk, accessor: { define: d.call, keyProperty: d.keyProperty, keyArg: 0, from } }))),
  );
}

/** `import { useFlags } from 'launchdarkly-react-client-sdk'` and friends. */
export function flagObjectHooks(): { sdk: string; hook: string; packages: string[] }[] {
  return SDK_FAMILIES.flatMap((f) => (f.flagObjects ?? []).map((hook) => ({ sdk: f.sdk, hook, packages: f.packages })));
}

/** Every package the catalog knows, for a quick text test before parsing a file. */
export function catalogPackages(): string[] {
  return [...new Set(SDK_FAMILIES.flatMap((f) => f.packages))];
}
