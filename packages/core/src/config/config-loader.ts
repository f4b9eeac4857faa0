/**
 * Loads and validates flagdebt.config.json / .yaml, then resolves it against the defaults.
 * Every problem is reported with its position; a config typo that silently switched a check
 * off would be worse than a failed run, so unknown keys are errors here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Node } from 'yaml';
import { FlagdebtError } from '../diagnostics.js';
import type { Diagnostic } from '../diagnostics.js';
import { ACCESSOR_RETURNS } from '../types.js';
import type { Accessor, AccessorReturns, CallAccessor, BudgetConfig, FlagdebtConfig, NamingConfig, StalenessConfig, TypeStalenessPolicy } from '../types.js';
import { suggestKey } from '../policy/suggestions.js';
import { cachedAnalysis, type ModelCodec } from '../cache/model-cache.js';
import { entriesOf, isMapping, isSequence, parseSource, scalarValue } from '../registry/source-document.js';
import type { Entry } from '../registry/source-document.js';
import { ConfigReader } from './config-reader.js';
import type { SourceHost } from '../matching/source-host.js';
import { codeModulesExist, readRegistryField } from './registry-config.js';
import { DEFAULT_ACCESSORS, DEFAULT_EXCLUDE, DEFAULT_INCLUDE, DEFAULT_STALENESS, DEFAULT_TESTS, REGISTRY_FILE_NAMES } from './defaults.js';

const TOP_LEVEL = ['$schema', 'registry', 'include', 'exclude', 'tests', 'accessors', 'naming', 'staleness', 'budget'] as const;
const ACCESSOR_KEYS = ['call', 'member', 'component', 'property', 'export', 'define', 'keyArg', 'defaultArg', 'from', 'keyProp', 'fallbackProp', 'invertProp', 'returns', 'valueProperty', 'observableProperty', 'unwrap', 'keyProperty'] as const;
/** The field that says which form an accessor is; every accessor has exactly one. */
const ACCESSOR_FORMS = ['call', 'member', 'component', 'property', 'export', 'define'] as const;
/** Fields each form takes besides its own (anything else is reported as not applying). */
const FORM_FIELDS: Record<(typeof ACCESSOR_FORMS)[number], readonly string[]> = {
  call: ['keyArg', 'defaultArg', 'from', 'keyProperty', 'returns', 'valueProperty', 'observableProperty', 'unwrap'],
  member: ['returns', 'valueProperty', 'observableProperty', 'unwrap', 'from'],
  component: ['keyProp', 'fallbackProp', 'invertProp', 'from'],
  property: [],
  export: [],
  define: ['keyProperty', 'keyArg', 'from'],
};
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** JSX attribute names may contain dashes (`data-flag`). */
const JSX_ATTRIBUTE = /^[A-Za-z_$][\w$-]*$/;
const POLICY_KEYS = ['completeForDays', 'maxAgeDays', 'expires'] as const;
const BUDGET_KEYS = ['stale', 'unregistered', 'archivedReferenced', 'dynamic', 'unused'] as const;
const DOTTED_PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;
/** Member paths may hold `*` segments after the first: a container keyed by something first (`flags[ws][K]`). */
const MEMBER_PATH = /^[A-Za-z_$][\w$]*(\.([A-Za-z_$][\w$]*|\*))*$/;

function readAccessor(reader: ConfigReader, node: Node, index: number): Accessor | undefined {
  const where = `accessors[${index}]`;
  if (!isMapping(node)) {
    reader.error('config/invalid-accessor', node, `\`${where}\` must be an object`, 'write e.g. { "call": "flags.isEnabled", "keyArg": 0 }');
    return undefined;
  }
  const fields = reader.fields(node, ACCESSOR_KEYS, `${where}.`);
  const forms = ACCESSOR_FORMS.filter((f) => fields.has(f));
  if (forms.length !== 1) {
    reader.error('config/invalid-accessor', node, `\`${where}\` must have exactly one of ${ACCESSOR_FORMS.map((f) => `\`${f}\``).join(', ')}`,
      forms.length > 1
        ? `split it into ${forms.length} accessors, one each for ${forms.map((f) => `\`${f}\``).join(', ')}`
        : 'add `"call": "flags.isEnabled"`, `"member": "config.featureToggles"`, `"component": "FeatureToggle"`, `"property": "flag"`, `"export": "featureFlag"` or `"define": "flag"`');
    return undefined;
  }
  const form = forms[0];
  for (const [name, extra] of fields) {
    if (name === form || FORM_FIELDS[form].includes(name) || (ACCESSOR_FORMS as readonly string[]).includes(name)) continue;
    const owners = ACCESSOR_FORMS.filter((f) => FORM_FIELDS[f].includes(name)).map((f) => `\`${f}\``).join(' and ');
    reader.error('config/invalid-accessor', extra.keyNode, `\`${where}.${name}\` only applies to ${owners} accessors`, `remove \`${name}\``);
  }
  const pathEntry = fields.get(form) as Entry;
  const pathName = `${where}.${form}`;
  const path = reader.string(pathEntry, pathName);
  if (form === 'property' || form === 'export') {
    if (path !== undefined && !IDENTIFIER.test(path)) {
      reader.error('config/invalid-accessor', pathEntry.value, `\`${pathName}\` must be a single identifier, not "${path}"`,
        form === 'property' ? 'write the property name, e.g. `"property": "flag"`' : 'write the export name, e.g. `"export": "featureFlag"`');
      return undefined;
    }
    if (path === undefined) return undefined;
    return form === 'property' ? { property: path } : { export: path };
  }
  if (path !== undefined && !(form === 'member' ? MEMBER_PATH : DOTTED_PATH).test(path)) {
    reader.error('config/invalid-accessor', pathEntry.value, `\`${pathName}\` must be a dotted path of identifiers, not "${path}"`,
      form === 'member'
        ? 'write it like `config.featureToggles` (a `*` segment stands for any key first: `flags.*`)'
        : 'write it like `flags.isEnabled` (no calls, brackets or spaces)');
    return undefined;
  }
  if (form === 'component') return readComponent(reader, fields, where, path);
  if (form === 'define') return readDefine(reader, fields, where, path);
  // What a read evaluates to, for the codemod (call and member accessors).
  const result = readAccessorResult(reader, fields, where);
  const fromEntry = fields.get('from');
  const from = fromEntry ? reader.string(fromEntry, `${where}.from`) : undefined;
  if (form === 'member') {
    if (path === undefined || result === undefined || (fromEntry && from === undefined)) return undefined;
    return from === undefined ? { member: path, ...result } : { member: path, from, ...result };
  }
  const keyArgEntry = fields.get('keyArg');
  const keyArg = keyArgEntry ? reader.count(keyArgEntry, `${where}.keyArg`) : 0;
  const defaultEntry = fields.get('defaultArg');
  const defaultArg = defaultEntry ? reader.count(defaultEntry, `${where}.defaultArg`) : undefined;
  const keyPropertyEntry = fields.get('keyProperty');
  const keyProperty = keyPropertyEntry ? reader.string(keyPropertyEntry, `${where}.keyProperty`) : undefined;
  if (keyArg !== undefined && defaultArg !== undefined && keyArg === defaultArg) {
    reader.error('config/invalid-accessor', defaultEntry?.value, `\`${where}.defaultArg\` is the same argument as \`keyArg\``, 'point `defaultArg` at the default-value argument');
    return undefined;
  }
  if (path === undefined || keyArg === undefined || result === undefined || (defaultEntry && defaultArg === undefined) || (fromEntry && from === undefined) || (keyPropertyEntry && keyProperty === undefined)) return undefined;
  const accessor: Accessor = { call: path, keyArg, ...result };
  if (defaultArg !== undefined) accessor.defaultArg = defaultArg;
  if (from !== undefined) accessor.from = from;
  if (keyProperty !== undefined) accessor.keyProperty = keyProperty;
  return accessor;
}

function readComponent(reader: ConfigReader, fields: Map<string, Entry>, where: string, component: string | undefined): Accessor | undefined {
  const keyPropEntry = fields.get('keyProp');
  if (!keyPropEntry) {
    reader.error('config/invalid-accessor', fields.get('component')?.keyNode, `\`${where}\` needs \`keyProp\`: the attribute that holds the key`,
      'add e.g. `"keyProp": "flag"` for `<Feature flag="new-cart">`');
    return undefined;
  }
  const props: Partial<Record<'keyProp' | 'fallbackProp' | 'invertProp', string>> = {};
  let ok = component !== undefined;
  for (const name of ['keyProp', 'fallbackProp', 'invertProp'] as const) {
    const entry = fields.get(name);
    if (!entry) continue;
    const value = reader.string(entry, `${where}.${name}`);
    if (value !== undefined && !JSX_ATTRIBUTE.test(value)) {
      reader.error('config/invalid-accessor', entry.value, `\`${where}.${name}\` must be a JSX attribute name, not "${value}"`, 'write the attribute name, e.g. `"fallback"`');
      ok = false;
    } else if (value === undefined) ok = false;
    else props[name] = value;
  }
  const fromEntry = fields.get('from');
  const from = fromEntry ? reader.string(fromEntry, `${where}.from`) : undefined;
  if (!ok || (fromEntry && from === undefined)) return undefined;
  const accessor: Accessor = { component: component as string, keyProp: props.keyProp as string };
  if (props.fallbackProp !== undefined) accessor.fallbackProp = props.fallbackProp;
  if (props.invertProp !== undefined) accessor.invertProp = props.invertProp;
  if (from !== undefined) accessor.from = from;
  return accessor;
}

/** `{ "define": "flag", "keyProperty": "key" }`: the key property defaults to `key`, the options to argument 0. */
function readDefine(reader: ConfigReader, fields: Map<string, Entry>, where: string, define: string | undefined): Accessor | undefined {
  const keyArgEntry = fields.get('keyArg');
  const keyArg = keyArgEntry ? reader.count(keyArgEntry, `${where}.keyArg`) : 0;
  const fromEntry = fields.get('from');
  const from = fromEntry ? reader.string(fromEntry, `${where}.from`) : undefined;
  const keyPropertyEntry = fields.get('keyProperty');
  const keyProperty = keyPropertyEntry ? reader.string(keyPropertyEntry, `${where}.keyProperty`) : 'key';
  if (keyPropertyEntry && keyProperty !== undefined && !IDENTIFIER.test(keyProperty)) {
    reader.error('config/invalid-accessor', keyPropertyEntry.value, `\`${where}.keyProperty\` must be a property name, not "${keyProperty}"`,
      'write the options property that holds the key, e.g. `"keyProperty": "key"`');
    return undefined;
  }
  if (define === undefined || keyArg === undefined || keyProperty === undefined || (fromEntry && from === undefined)) return undefined;
  const accessor: Accessor = { define, keyProperty, keyArg };
  if (from !== undefined) accessor.from = from;
  return accessor;
}

type AccessorResult = Pick<CallAccessor, 'returns' | 'valueProperty' | 'observableProperty' | 'unwrap'>;

/** `returns`, `valueProperty`, `observableProperty` and `unwrap`; undefined when one is invalid (reported). */
function readAccessorResult(reader: ConfigReader, fields: Map<string, Entry>, where: string): AccessorResult | undefined {
  const out: AccessorResult = {};
  const returnsEntry = fields.get('returns');
  if (returnsEntry) {
    const value = scalarValue(returnsEntry.value);
    if (typeof value !== 'string' || !(ACCESSOR_RETURNS as readonly string[]).includes(value)) {
      const suggestion = typeof value === 'string' ? suggestKey(value, ACCESSOR_RETURNS) : undefined;
      reader.error('config/invalid-accessor', returnsEntry.value ?? returnsEntry.keyNode,
        `\`${where}.returns\` must be one of ${ACCESSOR_RETURNS.map((r) => `"${r}"`).join(', ')}, not ${JSON.stringify(value ?? null)}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
        suggestion ? `write "returns": "${suggestion}"` : 'say what a read returns: "boolean" or "value" for a plain value, "promise", "observable", or "object" with `valueProperty`');
      return undefined;
    }
    out.returns = value as AccessorReturns;
  }
  const objectProperties = [
    { field: 'valueProperty', holds: "the flag's value", example: '"valueProperty": "on"' },
    { field: 'observableProperty', holds: "an observable of the flag's value", example: '"observableProperty": "$"' },
  ] as const;
  for (const { field, holds, example } of objectProperties) {
    const entry = fields.get(field);
    if (!entry) continue;
    const value = scalarValue(entry.value);
    if (typeof value !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(value)) {
      reader.error('config/invalid-accessor', entry.value ?? entry.keyNode, `\`${where}.${field}\` must be a property name, not ${JSON.stringify(value ?? null)}`, `write the property that holds ${holds}, e.g. ${example}`);
      return undefined;
    }
    // A property of what a read returns: the read is an object.
    if (out.returns !== undefined && out.returns !== 'object') {
      reader.error('config/invalid-accessor', entry.keyNode, `\`${where}.${field}\` only applies to \`"returns": "object"\`, not "${out.returns}"`, `set "returns": "object", or remove \`${field}\``);
      return undefined;
    }
    out.returns = 'object';
    out[field] = value;
  }
  const unwrapEntry = fields.get('unwrap');
  if (unwrapEntry) {
    const names = isSequence(unwrapEntry.value) ? unwrapEntry.value.items.map((item) => scalarValue(item as Node)) : [scalarValue(unwrapEntry.value)];
    const bad = names.find((n) => typeof n !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(n));
    if (!isSequence(unwrapEntry.value) || names.length === 0 || bad !== undefined) {
      reader.error('config/invalid-accessor', unwrapEntry.value ?? unwrapEntry.keyNode, `\`${where}.unwrap\` must be a list of function names${bad !== undefined ? `, not ${JSON.stringify(bad ?? null)}` : ''}`,
        'list the functions that turn the observable into its value, e.g. "unwrap": ["useLiveData", "useObservable"]');
      return undefined;
    }
    if (out.returns !== 'observable' && out.observableProperty === undefined) {
      reader.error('config/invalid-accessor', unwrapEntry.keyNode, `\`${where}.unwrap\` needs an observable to unwrap: \`"returns": "observable"\`, or \`observableProperty\``,
        'set "returns": "observable" (the read is an observable) or "observableProperty" (a property of it is), or remove `unwrap`');
      return undefined;
    }
    out.unwrap = names as string[];
  }
  return out;
}

function readAccessors(reader: ConfigReader, entry: Entry): Accessor[] | undefined {
  if (!isSequence(entry.value)) {
    reader.error('config/invalid-type', entry.value ?? entry.keyNode, '`accessors` must be a list', 'write `accessors` as a list of { "call": ... } / { "member": ... } objects');
    return undefined;
  }
  const accessors = entry.value.items.map((item, index) => readAccessor(reader, item as Node, index));
  return accessors.every((a): a is Accessor => a !== undefined) ? accessors : undefined;
}

function readNaming(reader: ConfigReader, entry: Entry): NamingConfig {
  const naming: NamingConfig = {};
  const map = reader.mapping(entry, 'naming');
  if (!map) return naming;
  const fields = reader.fields(map, ['pattern', 'types'], 'naming.');
  const pattern = fields.get('pattern');
  if (pattern) naming.pattern = reader.regex(pattern, 'naming.pattern');
  const types = fields.get('types');
  const typesMap = types ? reader.mapping(types, 'naming.types') : undefined;
  if (typesMap) {
    naming.types = {};
    for (const typeEntry of entriesOf(reader.source, typesMap)) {
      const type = reader.flagType(typeEntry, 'naming.types');
      const regex = reader.regex(typeEntry, `naming.types.${typeEntry.key}`);
      if (type && regex !== undefined) naming.types[type] = regex;
    }
  }
  if (naming.pattern === undefined) delete naming.pattern;
  return naming;
}

function readStaleness(reader: ConfigReader, entry: Entry): StalenessConfig {
  const resolved = structuredClone(DEFAULT_STALENESS);
  const map = reader.mapping(entry, 'staleness');
  if (!map) return resolved;
  for (const typeEntry of entriesOf(reader.source, map)) {
    const type = reader.flagType(typeEntry, 'staleness');
    const where = `staleness.${typeEntry.key}`;
    const policyMap = reader.mapping(typeEntry, where);
    if (!type || !policyMap) continue;
    const policy: TypeStalenessPolicy = resolved[type];
    for (const [name, field] of reader.fields(policyMap, POLICY_KEYS, `${where}.`)) {
      if (name === 'expires') {
        const value = scalarValue(field.value);
        if (typeof value === 'boolean') policy.expires = value;
        else reader.error('config/invalid-type', field.value ?? field.keyNode, `\`${where}.expires\` must be true or false`, 'set it to true or false');
      } else if (name === 'maxAgeDays' && scalarValue(field.value) === null) {
        // An explicit null switches off the default age limit.
        delete policy.maxAgeDays;
      } else {
        const days = reader.count(field, `${where}.${name}`);
        if (days !== undefined) policy[name as 'completeForDays' | 'maxAgeDays'] = days;
      }
    }
  }
  return resolved;
}

function readBudget(reader: ConfigReader, entry: Entry): BudgetConfig {
  const budget: BudgetConfig = {};
  const map = reader.mapping(entry, 'budget');
  if (!map) return budget;
  for (const [name, field] of reader.fields(map, BUDGET_KEYS, 'budget.')) {
    const value = reader.count(field, `budget.${name}`);
    if (value !== undefined) budget[name as keyof BudgetConfig] = value;
  }
  return budget;
}

/** flags.yaml, else flags.yml, else flags.json next to the config; flags.yaml when none exists (the loader then says so). */
export function defaultRegistryPath(root: string): string {
  const found = REGISTRY_FILE_NAMES.map((name) => resolve(root, name)).find((path) => existsSync(path));
  return found ?? resolve(root, REGISTRY_FILE_NAMES[0]);
}

export function defaultConfig(root: string): FlagdebtConfig {
  const absolute = resolve(root);
  return {
    file: null,
    root: absolute,
    registry: defaultRegistryPath(absolute),
    registryCode: [],
    include: [...DEFAULT_INCLUDE],
    exclude: [...DEFAULT_EXCLUDE],
    tests: [...DEFAULT_TESTS],
    accessors: DEFAULT_ACCESSORS.map((a) => ({ ...a })),
    naming: {},
    staleness: structuredClone(DEFAULT_STALENESS),
    budget: {},
  };
}

/** Validates config text; returns the resolved config and every error found. */
export function analyseConfig(file: string, text: string, host?: SourceHost): { config: FlagdebtConfig; diagnostics: Diagnostic[] } {
  const absolute = resolve(file);
  const config: FlagdebtConfig = { ...defaultConfig(dirname(absolute)), file: absolute };
  const source = parseSource(file, text, 'config/syntax');
  if (source.syntaxErrors.length > 0) return { config, diagnostics: source.syntaxErrors };
  const reader = new ConfigReader(source);
  const root = source.document.contents;
  if (root === null || (scalarValue(root as Node) === null && !isMapping(root))) return { config, diagnostics: [] };
  if (!isMapping(root)) {
    reader.error('config/not-a-mapping', root, 'the config must be an object', 'write the config as an object, e.g. { "registry": "flags.yaml" }');
    return { config, diagnostics: reader.diagnostics };
  }
  for (const [name, entry] of reader.fields(root, TOP_LEVEL, '')) {
    if (name === 'registry') {
      readRegistryField(reader, entry, config, host);
    } else if (name === 'include' || name === 'exclude' || name === 'tests') {
      const list = reader.stringList(entry, name);
      if (list) config[name] = list;
    } else if (name === 'accessors') {
      const accessors = readAccessors(reader, entry);
      if (accessors) config.accessors = accessors;
    } else if (name === 'naming') config.naming = readNaming(reader, entry);
    else if (name === 'staleness') config.staleness = readStaleness(reader, entry);
    else if (name === 'budget') config.budget = readBudget(reader, entry);
  }
  reader.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { config, diagnostics: reader.diagnostics };
}

/** The resolved config; `null` gives the defaults rooted at `fallbackRoot` (default: cwd). Throws FlagdebtError. */
export function loadConfig(file: string | null, fallbackRoot?: string): FlagdebtConfig {
  if (file === null) return defaultConfig(fallbackRoot ?? process.cwd());
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new FlagdebtError({
      severity: 'error', code: missing ? 'config/not-found' : 'config/unreadable', file, line: 0, column: 0,
      message: missing ? `config not found: ${file}` : `config could not be read: ${(error as Error).message}`,
      fix: missing ? 'check the path, or run `flagdebt init` to create one' : 'check the file permissions',
    });
  }
  // A config without `registry` gets the registry file found next to it (defaultRegistryPath):
  // the cached answer holds only while that file is the one found.
  const probed = defaultRegistryPath(dirname(resolve(file)));
  let { config, diagnostics } = cachedAnalysis('config', file, `${text}\0${probed}`, CONFIG_CODEC, () => analyseConfig(file, text));
  // A cached config was checked when its code registry modules existed: one may be gone since.
  if (diagnostics.length === 0 && !codeModulesExist(config)) ({ config, diagnostics } = analyseConfig(file, text));
  if (diagnostics.length > 0) throw new FlagdebtError(diagnostics);
  return config;
}

/**
 * A config's text as if it were `file` (a past commit's, in `history`), its code registry modules
 * looked up through `host` (that commit's tree). Not cached. Throws FlagdebtError.
 */
export function loadConfigText(file: string, text: string, host?: SourceHost): FlagdebtConfig {
  const { config, diagnostics } = analyseConfig(file, text, host);
  if (diagnostics.length > 0) throw new FlagdebtError(diagnostics);
  return config;
}

/** A valid config is plain JSON: kept between runs as it is (model-cache.ts). */
const CONFIG_CODEC: ModelCodec<{ config: FlagdebtConfig; diagnostics: Diagnostic[] }> = {
  storable: (analysis) => analysis.diagnostics.length === 0,
  encode: (analysis) => analysis,
  decode: (stored) => stored as { config: FlagdebtConfig; diagnostics: Diagnostic[] },
};
