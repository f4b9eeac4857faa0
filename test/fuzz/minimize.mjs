/**
 * Delta debugging over the generator's IR: drop functions and statements, inline if-branches,
 * replace expressions by a sub-expression or a constant, shrink JSX, and keep every step after
 * which the failure (same kind) persists. Stops at a fixed point or when the budget of
 * codemod runs is spent.
 */
import { checkBatch } from './differential.mjs';

/** Every program one step smaller than `program`, biggest steps first. */
export function* reductions(program) {
  const fns = program.functions;
  for (let i = 0; i < fns.length; i++) {
    const others = fns.filter((_, j) => j !== i);
    const exportedLeft = others.some((f) => f.kind !== 'helper');
    if (exportedLeft && !mentions(others, (n) => n.k === 'call' && n.fn === fns[i].name)) yield { ...program, functions: others };
  }
  for (const step of editSites(program)) yield step();
}

function mentions(tree, test) {
  let found = false;
  walk(tree, (n) => {
    if (test(n)) found = true;
  });
  return found;
}

function walk(node, visit) {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (node === null || typeof node !== 'object') return;
  visit(node);
  for (const value of Object.values(node)) walk(value, visit);
}

/**
 * Closures that each build one reduced copy. Sites are found on the original and applied to a
 * clone located by the same path, so the original is never mutated.
 */
function editSites(program) {
  const sites = [];
  const visit = (node, path) => {
    if (Array.isArray(node)) {
      if (isStatementList(node)) statementSites(program, node, path, sites);
      node.forEach((child, i) => visit(child, [...path, i]));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (path.length > 0 && isExpression(node)) expressionSites(program, node, path, sites);
    for (const [key, value] of Object.entries(node)) visit(value, [...path, key]);
  };
  visit(program, []);
  return sites;
}

const STATEMENTS = new Set(['decl', 'assign', 'effect', 'return', 'if', 'loop', 'jump', 'closure', 'switch']);
const isStatementList = (list) => list.length > 0 && list.every((s) => s && STATEMENTS.has(s.k));
const isExpression = (n) => typeof n.k === 'string' && !STATEMENTS.has(n.k) && n.k !== 'text';

function statementSites(program, list, path, sites) {
  list.forEach((stmt, i) => {
    const declared = stmt.k === 'decl' || stmt.k === 'closure' ? stmt.name : null;
    const rest = [...list.slice(0, i), ...list.slice(i + 1)];
    if (!declared || !mentions(program, (n) => (n.k === 'var' || n.k === 'assign' || n.k === 'callVar') && n.name === declared)) {
      sites.push(() => replaceAt(program, path, rest));
    }
    if (stmt.k === 'if') {
      sites.push(() => replaceAt(program, path, [...list.slice(0, i), ...stmt.then, ...list.slice(i + 1)]));
      if (stmt.else) {
        sites.push(() => replaceAt(program, path, [...list.slice(0, i), ...stmt.else, ...list.slice(i + 1)]));
        sites.push(() => replaceAt(program, [...path, i], { ...stmt, else: null }));
      }
      if (stmt.braceless) sites.push(() => replaceAt(program, [...path, i], { ...stmt, braceless: false }));
    }
    if (stmt.k === 'switch') {
      stmt.cases.forEach((c, j) => {
        if (stmt.cases.length > 1) sites.push(() => replaceAt(program, [...path, i], { ...stmt, cases: stmt.cases.filter((_, m) => m !== j) }));
        if (!mentions(c.body, (n) => n.k === 'jump')) sites.push(() => replaceAt(program, path, [...list.slice(0, i), ...c.body, ...list.slice(i + 1)]));
      });
      if (stmt.default) sites.push(() => replaceAt(program, [...path, i], { ...stmt, default: null }));
    }
    // A loop body may only leave the loop when it has no break/continue of its own.
    if (stmt.k === 'loop' && !mentions(stmt.body, (n) => n.k === 'jump')) {
      sites.push(() => replaceAt(program, path, [...list.slice(0, i), ...stmt.body, ...list.slice(i + 1)]));
    }
  });
}

function expressionSites(program, node, path, sites) {
  const put = (replacement) => sites.push(() => replaceAt(program, path, replacement));
  for (const key of ['e', 'l', 'r', 'c', 't', 'f']) {
    if (node[key] && typeof node[key] === 'object' && isExpression(node[key])) put(node[key]);
  }
  if (node.k === 'flag' && (node.style !== 'literal' || node.accessor !== 'isEnabled')) put({ ...node, style: 'literal', accessor: 'isEnabled' });
  if (node.k === 'jsx') {
    node.children.forEach((_, i) => put({ ...node, children: node.children.filter((__, j) => j !== i) }));
    node.props.forEach((_, i) => put({ ...node, props: node.props.filter((__, j) => j !== i) }));
    if (node.tag === '') put({ ...node, tag: 'div' });
  }
  if (node.k !== 'lit' && node.k !== 'jsx') {
    put({ k: 'lit', v: true });
    put({ k: 'lit', v: false });
  }
}

function replaceAt(root, path, replacement) {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = Array.isArray(root) ? [...root] : { ...root };
  copy[head] = replaceAt(root[head], rest, replacement);
  return copy;
}

/** Size of a program, to make sure every accepted step shrinks it. */
export function size(program) {
  return JSON.stringify(program).length;
}

/**
 * Shrinks `failure.program` while `checkBatch` still reports the same kind of failure for the
 * same kept value. Returns the last failure seen (with the smallest program).
 */
export async function minimize(failure, remover, { budget = 300, log = () => {} } = {}) {
  let best = failure;
  let runs = 0;
  let progressed = true;
  while (progressed && runs < budget) {
    progressed = false;
    for (const candidate of reductions(best.program)) {
      if (runs >= budget) break;
      if (size(candidate) >= size(best.program)) continue;
      runs += 1;
      const found = await checkBatch({ world: best.world, programs: [candidate], remover, values: [best.value] });
      const same = found.find((f) => f.kind === best.kind);
      if (same) {
        best = same;
        progressed = true;
        log(`  minimized to ${size(candidate)} (${runs} runs)`);
        break;
      }
    }
  }
  return { failure: best, runs };
}
