import ts from '@flagdebt/core/typescript';
import type { CallAccessor, FlagProject } from '@flagdebt/core';
import { WRITE_VERB } from '../init/home-grown.js';

/** Option names that hold a flag key whatever the call: `{ flag_key: … }`, `{ featureFlag: … }`. */
const FLAG_PROPERTIES = new Set(['flag_key', 'flagKey', 'featureFlag', 'feature_flag', 'featureKey', 'feature_key', 'featureFlagKey']);
/** Option names that hold a key only when the call itself names a flag or feature (`getFlag({ key })`). */
const KEY_PROPERTIES = new Set(['key', 'name', 'flag', 'feature']);
const FLAG_NAME = /flag|feature|toggle/i;

/** Cheap text tests before parsing. */
function mayHoldOptions(text: string): boolean {
  return /\b(?:flag_key|flagKey|featureFlag|feature_flag|featureKey|feature_key|featureFlagKey)\s*:/.test(text) || (/\b(?:key|name|flag|feature)\s*:/.test(text) && FLAG_NAME.test(text));
}

export interface OptionRead {
  accessor: CallAccessor;
  key: string;
}

/**
 * Calls that pass a flag key inside an options object, as `keyProperty` accessors for
 * `flagdebt init` to propose: `featureFlags({ workspace_slug, flag_key: Flags.X })`,
 * `withWorkspace(handler, { featureFlag: 'folders' })`, `getFlag.execute(GetFeatureFlagCommand.create({
 * orgId, key: Flags.X }))`. Only options whose key resolves
 * statically (a literal, const, enum member...) count, so a guess never becomes an accessor.
 */
export function optionReads(project: FlagProject, file: string, text: string): OptionRead[] {
  if (!mayHoldOptions(text)) return [];
  const sf = project.sourceFile(file, text);
  const out: OptionRead[] = [];
  const stack: ts.Node[] = [sf];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isCallExpression(node)) {
      const path = calleeSegments(node.expression);
      const name = path[path.length - 1];
      if (name && !WRITE_VERB.test(name)) {
        node.arguments.forEach((arg, keyArg) => {
          // One level of factory around the options names the flag itself: `execute(GetFeatureFlagCommand.create({ key }))`.
          const factory = optionsFactory(arg);
          const options = factory ? factory.options : arg;
          if (!ts.isObjectLiteralExpression(options) || options.properties.some((p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === 'value')) return;
          const flagNamed = FLAG_NAME.test(name) || (factory !== undefined && FLAG_NAME.test(factory.name));
          for (const p of options.properties) {
            if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) continue;
            const prop = p.name.text;
            if (!FLAG_PROPERTIES.has(prop) && !(KEY_PROPERTIES.has(prop) && flagNamed)) continue;
            const key = project.resolveKey(p.initializer as never, file);
            if (key !== null) out.push({ accessor: { call: path.slice(-2).join('.'), keyArg, keyProperty: prop }, key });
          }
        });
      }
    }
    // Reversed, so reads come out in source order.
    const children: ts.Node[] = [];
    ts.forEachChild(node, (c) => {
      children.push(c);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}

/**
 * `Command.create({ ... })` or `new Query({ ... })` with one object argument: the options and the
 * factory's name (`GetFeatureFlagCommand.create`), as the scanner's `keyProperty` looks through it.
 */
function optionsFactory(arg: ts.Expression): { options: ts.ObjectLiteralExpression; name: string } | undefined {
  if (!(ts.isCallExpression(arg) || ts.isNewExpression(arg)) || !arg.arguments) return undefined;
  const objects = arg.arguments.filter(ts.isObjectLiteralExpression);
  const name = calleeSegments(arg.expression).join('.');
  return objects.length === 1 && name !== '' ? { options: objects[0], name } : undefined;
}

/** `this.svc?.featureFlags` → [svc, featureFlags]; empty when the callee is not a name chain. */
function calleeSegments(expr: ts.Expression): string[] {
  const out: string[] = [];
  let e: ts.Expression = expr;
  while (ts.isPropertyAccessExpression(e)) {
    out.unshift(e.name.text);
    e = e.expression;
  }
  if (ts.isIdentifier(e)) out.unshift(e.text);
  else if (e.kind !== ts.SyntaxKind.ThisKeyword) return [];
  return out;
}
