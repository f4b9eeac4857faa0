/** The shared flag model. Every package speaks these types; see ARCHITECTURE.md. */

export const FLAG_TYPES = ['release', 'experiment', 'ops', 'permission'] as const;
export type FlagType = (typeof FLAG_TYPES)[number];

export const FLAG_STATES = ['active', 'complete', 'archived'] as const;
export type FlagState = (typeof FLAG_STATES)[number];

export type FlagValue = boolean | string | number;

/** 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** Half-open [start, end) character offsets into a file's text. */
export interface Span {
  start: number;
  end: number;
}

/** ISO calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

export interface FlagDefinition {
  key: string;
  type: FlagType;
  owner: string;
  description?: string;
  created: IsoDate;
  expires?: IsoDate;
  state: FlagState;
  /** With `state: complete`: what every user gets now. */
  value?: FlagValue;
  /** When the flag entered its current state. */
  since?: IsoDate;
  /** The in-code fallback that is safe if the flag service is down. */
  default?: FlagValue;
  tags?: string[];
  /** Where the flag's key is written in the registry file (for a code registry: in `declaredIn`). */
  location: Position;
  /**
   * Code registry only: the absolute path of the module that declares the key (`location` is in
   * it). Absent for a flags.yaml flag and for a key only the metadata YAML lists.
   */
  declaredIn?: string;
}

export interface Registry {
  /**
   * Absolute path of flags.yaml / flags.json; for a code registry, the module that declares the
   * first `registry.code` export (behind any barrel re-exporting it): reports point there.
   */
  file: string;
  format: 'yaml' | 'json';
  /** `file`: flags.yaml / flags.json. `code`: keys read from `FlagdebtConfig.registryCode`. */
  source: 'file' | 'code';
  /** In file order (code: in the order of `registryCode`, then declaration order). */
  flags: Map<string, FlagDefinition>;
}

// ---------------------------------------------------------------------------------------------
// Config

/**
 * What a read through an accessor evaluates to, for the codemod: a plain value (`boolean`,
 * `value`) folds to the flag's value; a `promise` only as `await read`; an `object` only through
 * its `valueProperty` (`useFeature('x').on`); an `observable` never.
 */
export const ACCESSOR_RETURNS = ['boolean', 'value', 'promise', 'observable', 'object'] as const;
export type AccessorReturns = (typeof ACCESSOR_RETURNS)[number];

interface AccessorResult {
  /** What a read returns (absent: judged from how the read is used). */
  returns?: AccessorReturns;
  /** For `returns: "object"`: the property that holds the flag's value (`on`, `value`, `enabled`). */
  valueProperty?: string;
  /**
   * For `returns: "object"`: the property holding an observable of the flag's value (`$` in
   * `flags.x.$`), which `unwrap` calls turn into the value.
   */
  observableProperty?: string;
  /**
   * Functions that take the read's observable (`returns: "observable"`, or the object's
   * `observableProperty`) and return its current value: `useLiveData(flags.x.$)`,
   * `useObservable(flags.observe('x'))`, `get(store)`. Such a call folds to the flag's value.
   */
  unwrap?: string[];
}

export interface CallAccessor extends AccessorResult {
  /** Dotted path matched against the end of the callee: `flags.isEnabled`, `useFlag`. */
  call: string;
  /** Index of the key argument. */
  keyArg: number;
  /** Index of the default-value argument, when the SDK takes one. */
  defaultArg?: number;
  /** The first identifier of `call` must be imported from this module. */
  from?: string;
  /**
   * The key is this property of the `keyArg` argument, an options object:
   * `featureFlags({ flag_key: 'x' })` with `keyProperty: 'flag_key'`.
   */
  keyProperty?: string;
}

export interface MemberAccessor extends AccessorResult {
  /** Dotted path matched against the end of a property-access object; the key is the property name. */
  member: string;
  /**
   * The container must come from this module: its root imported from it, or a const initialised
   * from an import of it (`const flags = useFlags()` with `useFlags` from the SDK). Without it, any
   * object whose path ends with `member` is the container.
   */
  from?: string;
}

/**
 * A JSX gate: `<FeatureToggle featureFlag="new-cart">…</FeatureToggle>` reads the key in `keyProp`.
 * ON renders the children, OFF renders `fallbackProp` (or nothing); `invertProp` true swaps them.
 */
export interface ComponentAccessor {
  /** Dotted path matched against the end of the JSX tag name: `FeatureToggle`, `Flags.Gate`. */
  component: string;
  keyProp: string;
  fallbackProp?: string;
  invertProp?: string;
  /** The tag's first identifier must be imported from this module. */
  from?: string;
}

/** Keys in data: an object-literal property named `property` whose value resolves to a key is a read. */
export interface PropertyAccessor {
  property: string;
}

/** Keys in data: a module's export named `export` whose value resolves to a key (or keys) is a read. */
export interface ExportAccessor {
  export: string;
}

/**
 * A flag defined once and read by calling what the definition returns (Vercel's `flags` SDK):
 * `export const showBanner = flag({ key: 'show-banner', decide() { ... } })` binds the const to
 * the key; every call of the const (`await showBanner()`, through imports and re-exports) is an
 * evaluation that returns a Promise, the definition itself a declaration, and the const in an
 * array (`precompute([showBanner])`) a reference.
 */
export interface DefineAccessor {
  /** Dotted path matched against the end of the definer's callee: `flag`. */
  define: string;
  /** The options property holding the key: `key`. */
  keyProperty: string;
  /** Index of the options argument. */
  keyArg: number;
  /** The definer's first identifier must be imported from this module: `flags` (also `flags/next`). */
  from?: string;
}

export type Accessor = CallAccessor | MemberAccessor | ComponentAccessor | PropertyAccessor | ExportAccessor | DefineAccessor;

export function isCallAccessor(a: Accessor): a is CallAccessor {
  return 'call' in a;
}

export function isMemberAccessor(a: Accessor): a is MemberAccessor {
  return 'member' in a;
}

export function isComponentAccessor(a: Accessor): a is ComponentAccessor {
  return 'component' in a;
}

export function isPropertyAccessor(a: Accessor): a is PropertyAccessor {
  return 'property' in a;
}

export function isExportAccessor(a: Accessor): a is ExportAccessor {
  return 'export' in a;
}

export function isDefineAccessor(a: Accessor): a is DefineAccessor {
  return 'define' in a;
}

/** Display name of an accessor (the `via` of a reference). */
export function accessorName(a: Accessor): string {
  if (isCallAccessor(a)) return a.call;
  if (isMemberAccessor(a)) return a.member;
  if (isComponentAccessor(a)) return a.component;
  if (isPropertyAccessor(a)) return a.property;
  if (isDefineAccessor(a)) return a.define;
  return a.export;
}

export interface TypeStalenessPolicy {
  /** Stale when `state: complete` for more than this many days (0 = as soon as complete). */
  completeForDays?: number;
  /** Stale when older than this many days since `created`; absent = never by age. */
  maxAgeDays?: number;
  /** Stale when past `expires` (default true). */
  expires?: boolean;
}

export type StalenessConfig = Record<FlagType, TypeStalenessPolicy>;

export interface NamingConfig {
  /** Regex every key must match. */
  pattern?: string;
  /** Regex per flag type. */
  types?: Partial<Record<FlagType, string>>;
}

export interface BudgetConfig {
  /** Max stale flags before `scan` exits 1. */
  stale?: number;
  /** Max unregistered keys before `scan` exits 1. */
  unregistered?: number;
  /** Max archived flags that code still reads; unset means 0 (re-using a retired key fails CI). */
  archivedReferenced?: number;
  /** Max dynamic (not statically resolvable) keys. */
  dynamic?: number;
  /** Max registered flags that no code reads. */
  unused?: number;
}

/** One `registry.code` entry: `module#ExportName`, the export whose members are the flag keys. */
export interface CodeRegistryRef {
  /** As written in the config, e.g. `src/flags.ts#FlagKey` or `@acme/flags#FlagKey`. */
  spec: string;
  /** Absolute path of the module. */
  file: string;
  exportName: string;
}

export interface FlagdebtConfig {
  /** Absolute path of the config file, or null when defaults are used. */
  file: string | null;
  /** Directory the config's relative paths are resolved against (the config file's directory). */
  root: string;
  /**
   * Absolute path of the registry file. With a code registry (`registryCode` not empty): the
   * metadata YAML (`registry.metadata`, default flags.yaml beside the config), which may not exist.
   */
  registry: string;
  /** The code registry's exports (`registry.code`); empty when the registry is a file. */
  registryCode: CodeRegistryRef[];
  include: string[];
  exclude: string[];
  tests: string[];
  accessors: Accessor[];
  naming: NamingConfig;
  /** Fully resolved: defaults merged with the user's overrides. */
  staleness: StalenessConfig;
  budget: BudgetConfig;
}

// ---------------------------------------------------------------------------------------------
// References (what the matcher finds in source code)

export type ReferenceKind = 'evaluation' | 'declaration' | 'dynamic';

export interface DefaultArgument {
  /** False when the accessor has `defaultArg` but the call does not pass it. */
  present: boolean;
  span?: Span;
  /** Source text of the argument. */
  text?: string;
  /** Set when the argument is a boolean, string or number literal (incl. `-1`). */
  literal?: FlagValue;
}

/** A place where code reads a flag (accessor call, member read, wrapper call) or tries to with a dynamic key. */
export interface FlagRead {
  kind: 'evaluation' | 'dynamic';
  /** Resolved key, or null for `dynamic`. */
  key: string | null;
  /** What the read goes through: the accessor's `call`/`member`, or the wrapper's name. */
  via: string;
  /** The configured accessor ultimately used (for a wrapper call, the one inside the wrapper). */
  accessor: Accessor;
  /** Set when the read is a call of a wrapper function/hook. */
  wrapper?: WrapperInfo;
  /** Absolute path. */
  file: string;
  /** The whole read expression: the call expression, or the property/element access. */
  span: Span;
  /** The key argument or property name. */
  keySpan?: Span;
  /** Position of `span.start`. */
  line: number;
  column: number;
  /** Only for call accessors that declare `defaultArg` (and wrappers of them: absent). */
  defaultArg?: DefaultArgument;
  /** True when this read is the body of a wrapper (the wrapper's own read). */
  inWrapper?: boolean;
  /** Set when the read is a JSX element (a configured gate or a component that reads a prop's key). */
  gate?: JsxGate;
  /**
   * Set when nothing is evaluated here: the key sits in data (a `property` or `export`
   * accessor), is a flag's `definition` (`flag({ key })` of a `define` accessor), or a defined
   * flag is passed on as an object (`flag-object`: `precompute([showBanner])`).
   */
  data?: 'property' | 'export' | 'definition' | 'flag-object';
  /**
   * True when the key is one element of an array of keys (`isEnabled([A, B])`): the call reads
   * several flags at once, so its value is not this flag's alone (the codemod does not fold it).
   */
  keyInArray?: boolean;
}

/** What the codemod needs to fold a JSX gate (spans are the attribute / children in the file). */
export interface JsxGate {
  /** The attribute holding the key. */
  keyProp: string;
  /**
   * What renders when the flag is on and when off: the element's children, the fallback prop's
   * value, nothing, or `unknown` (a discovered component renders itself; a non-literal invert prop).
   */
  whenOn: 'children' | 'fallback' | 'nothing' | 'unknown';
  whenOff: 'children' | 'fallback' | 'nothing' | 'unknown';
  /** The fallback attribute's value, when the element passes one. */
  fallbackSpan?: Span;
  /** Between the opening and closing tag; absent for a self-closing element. */
  childrenSpan?: Span;
}

export type DeclarationKind = 'enum-member' | 'union-member' | 'const-object-property' | 'const';

/** A place where code declares a flag key as a key source (enum member, union member, `as const` property). */
export interface KeyDeclaration {
  kind: 'declaration';
  key: string;
  declKind: DeclarationKind;
  /** Name of the enclosing enum / type alias / object const, e.g. `Flags`. */
  container?: string;
  file: string;
  /** The member / property / literal type node. */
  span: Span;
  line: number;
  column: number;
}

/** A function, arrow or hook whose body returns a flag read with a resolved key. */
export interface WrapperInfo {
  name: string;
  file: string;
  /** Span of the whole declaration (function declaration or variable statement). */
  span: Span;
  line: number;
  column: number;
  exported: boolean;
  /** The fixed key it reads; null for a forwarding wrapper whose key is a parameter. */
  key: string | null;
  /** For a forwarding wrapper: which parameter is the key. */
  keyParam?: number;
  /** For a component that reads its key from a prop (`<UpgradeButton flag={E.K} />`): that prop. */
  keyProp?: string;
  /** The accessor at the bottom of the wrapper chain. */
  accessor: Accessor;
  /** Set for a class method wrapper: the class that declares it. */
  className?: string;
}

/**
 * What an importer writes where a vendor export cannot tell a required field (owner, created).
 * `registry validate` reports every field that still holds it.
 */
export const IMPORT_PLACEHOLDER = 'TODO-fill-in';
