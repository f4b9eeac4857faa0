import ts from '../ts-morph-ts.cjs';
import type { Diagnostic, FlagValue } from '@flagdebt/core';
import { removeListMember } from '../cascade/key-declarations.js';
import { applyEdits, type Edit } from '../edit/text-edits.js';
import { parse } from '../fold/fold-engine.js';
import type { GateVerdict, TypeDiagnostic } from '../safety/verify.js';
import type { RemovalPlan } from './plan-removal.js';

/** "Object literal may only specify known properties, and/but 'k' does not exist in type ...". */
const EXCESS_PROPERTY = new Set([2353, 2561]);
/** "Type '"k"' is not assignable to type ...": a property whose value is the removed key. */
const NOT_ASSIGNABLE = 2322;
const MAX_ROUNDS = 3;

/**
 * A key member leaves a union only together with every property the type checks against that
 * union (`Partial<Record<FlagKey, boolean>>` defaults, dev overrides, test configs), or not at
 * all. The type-check says which properties those are: each excess-property error on a removed
 * key is a property to delete, then the check runs again. When that does not settle it, the key
 * declarations are put back (the reads stay removed) and the check runs once more.
 *
 * A property whose value is the key, typed by the registry (`{ path: '/x', flag: 'newNav' }`
 * where `flag?: keyof UiFlags`), says "this entry only with the flag on". Kept `true`, that
 * condition always holds and the property goes; kept anything else, the entry itself should go,
 * which is not decided here: the declarations are kept.
 */
export function settleKeyedObjects(
  plan: RemovalPlan,
  check: () => GateVerdict | null,
  display: (f: string) => string,
  values: ReadonlyMap<string, FlagValue> = new Map(),
): { verdict: GateVerdict | null; warnings: Diagnostic[] } {
  let verdict = check();
  if (!verdict || verdict.added.length === 0 || plan.keyDeclarationEdits.size === 0) return { verdict, warnings: [] };
  const touched = new Map<string, string>();
  for (let round = 0; round < MAX_ROUNDS && verdict && verdict.added.length > 0; round++) {
    if (!deleteExcessProperties(plan, verdict.added, touched, values)) break;
    verdict = check();
  }
  if (!verdict || verdict.added.length === 0) return { verdict, warnings: [] };
  // Not settled: the union keeps its member, and the objects their properties.
  for (const [file, text] of touched) plan.sources.set(file, text);
  for (const [file, text] of plan.keyDeclarationEdits) plan.sources.set(file, text);
  const warnings: Diagnostic[] = [...plan.keyDeclarationEdits.keys()].map((file) => ({
    severity: 'warning',
    code: 'remove/kept-key-declaration',
    file: display(file),
    line: 0,
    column: 0,
    message: `the declarations of ${[...plan.removedKeys].join(', ')} here were kept: deleting them breaks the type-check of code that is still keyed by them`,
    fix: 'delete the key and every object property keyed by it by hand',
  }));
  return { verdict: check(), warnings };
}

function deleteExcessProperties(plan: RemovalPlan, added: TypeDiagnostic[], touched: Map<string, string>, values: ReadonlyMap<string, FlagValue>): boolean {
  const byFile = new Map<string, number[]>();
  const byValue = new Map<string, number[]>();
  for (const d of added) {
    if (d.start === undefined) continue;
    if (EXCESS_PROPERTY.has(d.code)) {
      const key = /'([^']+)' does not exist in type/.exec(d.message)?.[1];
      if (key && plan.removedKeys.has(key)) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d.start]);
    } else if (d.code === NOT_ASSIGNABLE) {
      const key = /^Type '"([^"]+)"' is not assignable to type/.exec(d.message)?.[1];
      if (key && plan.removedKeys.has(key) && values.get(key) === true) byValue.set(d.file, [...(byValue.get(d.file) ?? []), d.start]);
    }
  }
  for (const file of byValue.keys()) if (!byFile.has(file)) byFile.set(file, []);
  let changed = false;
  for (const [file, starts] of byFile) {
    const text = plan.sources.text(file);
    if (typeof text !== 'string') continue;
    const sf = parse(file, text);
    const edits: Edit[] = [];
    const visit = (n: ts.Node): void => {
      if ((ts.isPropertyAssignment(n) || ts.isShorthandPropertyAssignment(n) || ts.isMethodDeclaration(n)) && ts.isObjectLiteralExpression(n.parent) && starts.includes(n.name.getStart(sf))) {
        edits.push(removeListMember(text, n));
      } else if (ts.isPropertyAssignment(n) && ts.isObjectLiteralExpression(n.parent) && n.parent.properties.length > 1 && ts.isStringLiteralLike(n.initializer) && [n.name.getStart(sf), n.initializer.getStart(sf)].some((at) => (byValue.get(file) ?? []).includes(at))) {
        edits.push(removeListMember(text, n));
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
    if (edits.length === 0) continue;
    if (!touched.has(file)) touched.set(file, text);
    plan.sources.set(file, applyEdits(text, edits, { constants: [], touched: [] }).text);
    changed = true;
  }
  return changed;
}
