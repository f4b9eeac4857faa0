/**
 * For `flagdebt init` on a project with no flag SDK: in-house flag functions, found by the type
 * of their key parameter. A team that keeps its own flags (in the database, on the user's
 * session) still types the key: `useIsFeatureEnabled(feature: Flag)`, `isEnabled(key: FeatureFlag)`,
 * `hasFeature(name: keyof AppFeatures)`. A function whose parameter is typed by such a key type,
 * and that is called with a static key somewhere, is proposed as a call accessor at that
 * parameter. The scan that `init` runs next then keeps only keys that resolve.
 *
 * Methods count too (`inExperiment(experimentName: string): Promise<boolean>` of an experiment
 * service and the interface it is injected as), and so does a `string` parameter named for a key
 * (`experimentName`, `flagKey`, `feature`); the declared return type says what a read is for the
 * codemod (`Promise<...>`: `returns: "promise"`, folded only when awaited).
 *
 * Or it hands out all flags at once (`const features = await getFeatureFlags({ teamId });
 * features.tokens`): a const initialised by a call of a function named for flags, imported from a
 * project module, whose properties are read, is proposed as a `member` accessor with that module
 * as `from` (one per name the project gives such a const).
 */
import { isMemberAccessor, type Accessor } from '@flagdebt/core';
import ts from '@flagdebt/core/typescript';
import type { DetectedAccessor } from './detect.js';
import { flagServices, VALUE_PROPERTIES } from './flag-services.js';

/**
 * Calls that write a flag rather than read it: `setFlag({ key, value })`, `updateFeatureFlag(...)`,
 * an admin screen's `unsetFlag`. A verb at the start of the last segment, or a `value` beside the key.
 */
export const WRITE_VERB = /^(?:set|unset|update|upsert|delete|remove|create|add|save|write|put|patch|enable|disable|reset|clear|make|register)(?![a-z])/;

/** `Flag`, `FeatureFlag`, `FlagKey`, `FeatureName`, `ToggleId`, `AppFeatureFlag`: a type named for a key. */
const KEY_TYPE = /^(?:[A-Z]\w*)?(?:Flag|Feature|Toggle)(?:Key|Name|Id)?$/;
/**
 * `experimentName: string`, `flagKey: string`, `featureFlag: string`: a string parameter named for
 * a key. Not a bare `flag` or `feature`: a CLI option (`readCsv(flag: string, path)`) or a plan's
 * feature.
 */
const KEY_PARAM = /^(?:experiment(?:Name|Key|Id)?|(?:feature|toggle)?[fF]lag(?:Name|Key|Id)|feature(?:Name|Key|Id)|featureFlag|toggle(?:Name|Key|Id))$/;
/** Cheap test before parsing: a parameter annotated with such a type (or `keyof` one), or a string parameter named for a key. */
const MAY_DECLARE = /\w\??\s*:\s*(?:keyof\s+(?:typeof\s+)?)?(?:[A-Z]\w*)?(?:Flag|Feature|Toggle)\w*\b|\b(?:experiment|[fF]lag|feature|toggle)(?:Name|Key|Id|Flag)?\??\s*:\s*string\b/;
/**
 * A static key at a call: a string, or a member of an object or enum named for flags or
 * experiments (`Flags.X`, `FEATURE_FLAG.x`), or an enum's `experiment` member (`ShowSurvey.experiment`).
 * Not `input.flag`: that passes a key on.
 */
const STATIC_KEY = String.raw`\s*(?:['"\x60](?!-)|[\w$]*(?:[Ff]lag|FLAG|[Ff]eature|FEATURE|[Tt]oggle|TOGGLE|[Ee]xperiment|EXPERIMENT)[\w$]*\.[A-Za-z_$]|[\w$]+\.experiment\b)`;

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

interface KeyedFunction {
  keyArg: number;
  /** A method (of a class or interface): called as `x.name(...)`, never bare. */
  method: boolean;
  returns?: 'promise' | 'boolean';
}

function typedKeyFunctions(texts: readonly FileText[], parse: ParseFile): DetectedAccessor[] {
  const found = new Map<string, KeyedFunction>();
  for (const { file, text } of texts) {
    if (!MAY_DECLARE.test(text)) continue;
    const sf = parse(file, text);
    for (const { name, params, type, method } of keyedFunctions(sf)) {
      if (WRITE_VERB.test(name)) continue;
      const keyArg = params.findIndex(isKeyParameter);
      if (keyArg < 0) continue;
      const seen = found.get(name);
      // The same name declared twice (an interface and its class; a bare helper and a method):
      // say what it returns only when they agree, and call it a method only if both are.
      if (seen) found.set(name, { keyArg: seen.keyArg, method: seen.method && method, returns: seen.returns === returnsOf(type) ? seen.returns : undefined });
      else found.set(name, { keyArg, method, returns: returnsOf(type) });
    }
  }
  const out: DetectedAccessor[] = [];
  for (const [name, { keyArg, method, returns }] of found) {
    // Calls with a static key; `input.flag` passes a key on, it names none. A method is called
    // on its object (`this.experiments.inExperiment(K)`), a function by its name alone.
    const before = method ? String.raw`\.` : String.raw`(?<![\w$.])`;
    const call = new RegExp(String.raw`${before}${name.replace(/\$/g, '\\$')}\s*(?:<[^>()]*>)?\(${String.raw`\s*(?:[^,()]*,\s*)`.repeat(keyArg)}${STATIC_KEY}`, 'g');
    const reads = texts.reduce((n, { text }) => n + (text.includes(name) ? (text.match(call)?.length ?? 0) : 0), 0);
    if (reads === 0) continue;
    const accessor: Accessor = returns ? { call: name, keyArg, returns } : { call: name, keyArg };
    // A hook that returns an object of which the project reads one property (`const { enabled } =
    // useFlag(K)`, `useFlag(K).enabled`) at most calls: that property is the flag's value.
    const valueProperty = returns === undefined ? valuePropertyOf(texts, name, reads) : undefined;
    if (valueProperty) Object.assign(accessor, { returns: 'object', valueProperty });
    out.push({ sdk: 'in-house (typed key)', accessor, reads, testReads: 0 });
  }
  return out;
}


function valuePropertyOf(texts: readonly FileText[], name: string, reads: number): string | undefined {
  const n = name.replace(/\$/g, '\\$');
  const counts = new Map<string, number>();
  // `{ enabled }` or `{ enabled: alias }` destructured from a call, or `.enabled` read off it.
  const shapes = new RegExp(String.raw`\{\s*([A-Za-z_$][\w$]*)\s*(?::\s*[A-Za-z_$][\w$]*\s*)?\}\s*=\s*${n}\s*\(|(?<![\w$.])${n}\s*\([^()]*\)\s*\??\.\s*([A-Za-z_$][\w$]*)`, 'g');
  for (const { text } of texts) {
    if (!text.includes(name)) continue;
    for (const m of text.matchAll(shapes)) {
      const property = m[1] ?? m[2];
      if (VALUE_PROPERTIES.includes(property)) counts.set(property, (counts.get(property) ?? 0) + 1);
    }
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best !== undefined && best[1] * 2 >= reads ? best[0] : undefined;
}

/** A key parameter: typed by a key type, or a string named for a key. */
function isKeyParameter(p: ts.ParameterDeclaration): boolean {
  if (!p.type) return false;
  if (isKeyType(p.type)) return true;
  return p.type.kind === ts.SyntaxKind.StringKeyword && ts.isIdentifier(p.name) && KEY_PARAM.test(p.name.text);
}

/** What the declared return type says a read is, for the codemod: `Promise<boolean>` folds only awaited. */
function returnsOf(type: ts.TypeNode | undefined): KeyedFunction['returns'] {
  if (!type) return undefined;
  if (type.kind === ts.SyntaxKind.BooleanKeyword) return 'boolean';
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'Promise') return 'promise';
  return undefined;
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

interface Declared {
  name: string;
  params: readonly ts.ParameterDeclaration[];
  type?: ts.TypeNode;
  method: boolean;
}

/**
 * `function f(...)`, `export default function f(...)`, `const f = (...) =>` / `function (...)` at
 * the top level; and the methods of top-level classes and interfaces (`inExperiment(experimentName:
 * string): Promise<boolean>` of an experiment service and the interface it is injected as).
 */
function keyedFunctions(sf: ts.SourceFile): Declared[] {
  const out: Declared[] = [];
  for (const statement of sf.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) out.push({ name: statement.name.text, params: statement.parameters, type: statement.type, method: false });
    if (ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement)) {
      for (const member of statement.members) {
        if ((ts.isMethodDeclaration(member) || ts.isMethodSignature(member)) && ts.isIdentifier(member.name)) out.push({ name: member.name.text, params: member.parameters, type: member.type, method: true });
      }
    }
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      const init = d.initializer;
      if (ts.isIdentifier(d.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) out.push({ name: d.name.text, params: init.parameters, type: init.type, method: false });
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
