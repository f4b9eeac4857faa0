/**
 * What a syntactic read is, and what the wrapper search asks of the accessor matcher: apart from
 * both, so that `ReadMatcher` (which looks wrappers up) and `WrapperRegistry` (which matches the
 * reads in wrapper bodies) need not import each other.
 */
import type ts from '../typescript.cjs';
import type { Accessor, JsxGate, WrapperInfo } from '../types.js';

/** A syntactic read before its key is resolved. */
export interface ReadMatch {
  /** The whole read: call expression, property/element access, or binding element. */
  node: ts.Node;
  accessor: Accessor;
  via: string;
  wrapper?: WrapperInfo;
  /** Expression to resolve for the key (call argument, element access argument). */
  keyExpr?: ts.Expression;
  /** Known key without resolution: member property name or a fixed wrapper's key. */
  fixedKey?: string | null;
  /** Node whose span is the key span. */
  keyNode?: ts.Node;
  call?: ts.CallExpression;
  defaultArg?: number;
  /** A JSX element read: what the codemod needs to fold it. */
  gate?: JsxGate;
  /** Nothing evaluated here: see `FlagRead.data`. */
  data?: 'property' | 'export' | 'definition' | 'flag-object';
}

/** A wrapper found, and the read its body makes. */
export interface WrapperRecord {
  info: WrapperInfo;
  /** The read inside the body (reported with `inWrapper`, or skipped for forwarding wrappers). */
  bodyRead: ts.Node;
}

/** The accessor matching that wrapper and component bodies are checked with (`ReadMatcher`). */
export interface ReadMatching {
  matchCall(call: ts.CallExpression, file: string, inWrapperOf?: string): ReadMatch | undefined;
  matchMember(access: ts.PropertyAccessExpression | ts.ElementAccessExpression, file: string): ReadMatch | undefined;
  matchJsx(el: ts.JsxOpeningElement | ts.JsxSelfClosingElement, file: string): ReadMatch | undefined;
  /** A `define` accessor's definition call (`flag({ key: 'x' })`). */
  matchDefinition(call: ts.CallExpression, file: string): ReadMatch | undefined;
  /** Some accessor is a `define` accessor: consts initialised with a call may be flags. */
  readonly definesFlags: boolean;
}
