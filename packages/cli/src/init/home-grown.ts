/**
 * For `flagdebt init` on a project with no flag SDK: in-house flag functions, found by the type
 * of their key parameter. A team that keeps its own flags (in the database, on the user's
 * session) still types the key: `useIsFeatureEnabled(feature: Flag)`, `isEnabled(key: FeatureFlag)`,
 * `hasFeature(name: keyof AppFeatures)`. A function whose parameter is typed by such a key type,
 * and that is called with a static key somewhere, is proposed as a call accessor at that
 * parameter. The scan that `init` runs next then keeps only keys that resolve.
 *
 * Or it hands out all flags at once (`const features = await getFeatureFlags({ teamId });
 * features.tokens`): a const initialised by a call of a function named for flags, imported from a
 * project module, whose properties are read, is proposed as a `member` accessor with that module
 * as `from` (one per name the project gives such a const).
 */
import { isMemberAccessor } from '@flagdebt/core';
import ts from '@flagdebt/core/typescript';
import type { DetectedAccessor } from './detect.js';
import { flagServices } from './flag-services.js';

/**
 * Calls that write a flag rather than read it: `setFlag({ key, value })`, `updateFeatureFlag(...)`,
 * an admin screen's `unsetFlag`. A verb at the start of the last segment, or a `value` beside the key.
 */
export const WRITE_VERB = /^(?:set|unset|update|upsert|delete|remove|create|add|save|write|put|patch|enable|disable|reset|clear|make|register)(?![a-z])/;

/** `Flag`, `FeatureFlag`, `FlagKey`, `FeatureName`, `ToggleId`, `AppFeatureFlag`: a type named for a key. */
const KEY_TYPE = /^(?:[A-Z]\w*)?(?:Flag|Feature|Toggle)(?:Key|Name|Id)?$/;
/** Cheap test before parsing: a parameter annotated with such a type (or `keyof` one). */
const MAY_DECLARE = /\w\??\s*:\s*(?:keyof\s+(?:typeof\s+)?)?(?:[A-Z]\w*)?(?:Flag|Feature|Toggle)\w*\b/;

/** A file's tree (init's one parser, so a file both detectors look at is parsed once). */
export type ParseFile = (file: string, text: string) => ts.SourceFile;

interface FileText {
  file: string;
  text: string;
}

/** Every form (these two, and a service's flags container: flag-services.ts), over the project's files outside tests (each read once). */
export function homeGrownAccessors(files: readonly string[], readText: (file: string) => string, parse: ParseFile): DetectedAccessor[] {
  const texts = files.map((file) => ({ file, text: readText(file) }));
  return [...typedKeyFunctions(texts, parse), ...flagsObjects(texts, parse), ...flagServices(texts, parse)];
}

function typedKeyFunctions(texts: readonly FileText[], parse: ParseFile): DetectedAccessor[] {
  const found = new Map<string, number>();
  for (const { file, text } of texts) {
    if (!MAY_DECLARE.test(text)) continue;
    const sf = parse(file, text);
    for (const { name, params } of topLevelFunctions(sf)) {
      if (WRITE_VERB.test(name)) continue;
      const keyArg = params.findIndex((p) => p.type !== undefined && isKeyType(p.type));
      if (keyArg >= 0 && !found.has(name)) found.set(name, keyArg);
    }
  }
  const out: DetectedAccessor[] = [];
  for (const [name, keyArg] of found) {
    // Calls with a static key: a string, or a member of an object or enum named for flags
    // (`Flags.X`, `FEATURE_FLAG.x`); `input.flag` passes a key on, it names none.
    const call = new RegExp(String.raw`(?<![\w$.])${name.replace(/\$/g, '\\$')}\s*(?:<[^>()]*>)?\(${String.raw`\s*(?:[^,()]*,\s*)`.repeat(keyArg)}\s*(?:['"\x60]|[\w$]*(?:[Ff]lag|FLAG|[Ff]eature|FEATURE|[Tt]oggle|TOGGLE)[\w$]*\.[A-Za-z_$])`, 'g');
    const reads = texts.reduce((n, { text }) => n + (text.includes(name) ? (text.match(call)?.length ?? 0) : 0), 0);
    if (reads > 0) out.push({ sdk: 'in-house (typed key)', accessor: { call: name, keyArg }, reads, testReads: 0 });
  }
  return out;
}

function isKeyType(type: ts.TypeNode): boolean {
  if (ts.isTypeReferenceNode(type)) return ts.isIdentifier(type.typeName) && KEY_TYPE.test(type.typeName.text);
  // `keyof AppFeatures`, `keyof typeof FLAGS`
  if (ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.KeyOfKeyword) {
    const inner = type.type;
    const name = ts.isTypeReferenceNode(inner) && ts.isIdentifier(inner.typeName) ? inner.typeName.text : ts.isTypeQueryNode(inner) && ts.isIdentifier(inner.exprName) ? inner.exprName.text : '';
    return /flag|feature|toggle/i.test(name);
  }
  return false;
}

/** `function f(...)`, `export default function f(...)`, `const f = (...) =>` / `function (...)` at the top level. */
function topLevelFunctions(sf: ts.SourceFile): Array<{ name: string; params: readonly ts.ParameterDeclaration[] }> {
  const out: Array<{ name: string; params: readonly ts.ParameterDeclaration[] }> = [];
  for (const statement of sf.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) out.push({ name: statement.name.text, params: statement.parameters });
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      const init = d.initializer;
      if (ts.isIdentifier(d.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) out.push({ name: d.name.text, params: init.parameters });
    }
  }
  return out;
}

/**
 * `getFeatureFlags`, `useFlags`, `loadToggles`: a function that hands out flags. Not `getPlanFeatures`:
 * a plan's features are entitlements, not flags.
 */
const FLAGS_GETTER = /^(?:get|use|fetch|load|read)[A-Z]?\w*(?:Flags|Toggles)$/;
const MAY_HOLD = /\b(?:get|use|fetch|load|read)\w*(?:Flags|Toggles)\s*\(/;

function flagsObjects(texts: readonly FileText[], parse: ParseFile): DetectedAccessor[] {
  const found = new Map<string, DetectedAccessor>();
  for (const { file, text } of texts) {
    if (!MAY_HOLD.test(text)) continue;
    const sf = parse(file, text);
    const imports = importedFrom(sf);
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        let init: ts.Expression = node.initializer;
        while (ts.isAwaitExpression(init) || ts.isParenthesizedExpression(init) || ts.isAsExpression(init)) init = init.expression;
        const callee = ts.isCallExpression(init) && ts.isIdentifier(init.expression) ? init.expression.text : '';
        const from = imports.get(callee);
        if (from !== undefined && FLAGS_GETTER.test(callee)) {
          const name = node.name.text;
          const reads = text.match(new RegExp(String.raw`(?<![\w$.])${name.replace(/\$/g, '\\$')}\??\.[A-Za-z_$][\w$]*(?![\w$]*\s*\()`, 'g'))?.length ?? 0;
          if (reads > 0) {
            const id = `${name}@${from}`;
            const entry = found.get(id) ?? { sdk: 'in-house (flags object)', accessor: { member: name, from }, reads: 0, testReads: 0 };
            entry.reads += reads;
            found.set(id, entry);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  // Two reads of a module's flags make it a flags module; then every name its object is held under counts.
  const moduleOf = (d: DetectedAccessor): string => (isMemberAccessor(d.accessor) ? (d.accessor.from ?? '') : '');
  const perModule = new Map<string, number>();
  for (const d of found.values()) perModule.set(moduleOf(d), (perModule.get(moduleOf(d)) ?? 0) + d.reads);
  return [...found.values()].filter((d) => (perModule.get(moduleOf(d)) ?? 0) >= 2);
}

/** Local name -> module specifier of a file's named and default imports. */
function importedFrom(sf: ts.SourceFile): Map<string, string> {
  const out = new Map<string, string>();
  for (const stmt of sf.statements) {
    if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier) || !stmt.importClause) continue;
    const specifier = stmt.moduleSpecifier.text;
    if (stmt.importClause.name) out.set(stmt.importClause.name.text, specifier);
    const bindings = stmt.importClause.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) out.set(el.name.text, specifier);
  }
  return out;
}
