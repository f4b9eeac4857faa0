/**
 * Generates random but valid TypeScript programs that read feature flags, as a small IR
 * (plain objects) that printer.mjs turns into source. Working on an IR, not on text, is what
 * lets the minimizer drop statements and simplify expressions while a failure persists.
 *
 * Every program reads the target flag and two other flags through every accessor and key style
 * the project supports, mixed with parameters, locals, side effects (whose order the executor
 * records), nested if/else, early returns, ternaries, &&/||/?? and JSX.
 */
import { createRng } from './prng.mjs';

export const TARGET = 'target';
export const OTHER_FLAGS = ['alpha', 'beta'];
export const PARAMS = ['a', 'b', 'c'];

/** How each flag read can be written; `world.keyStyle` decides the key text (kebab or camel). */
export const READ_STYLES = [
  'literal', // flags.isEnabled('fz-target')
  'template', // flags.isEnabled(`fz-target`)
  'const', // flags.isEnabled(TARGET_FLAG), imported
  'localConst', // const LOCAL_TARGET = 'fz-target' at the top of the file
  'enum', // flags.isEnabled(Flag.Target)
  'object', // flags.isEnabled(FLAGS.target), an `as const` object
  'hook', // useTarget(), a wrapper hook
  'member', // config.featureToggles['fz-target'] or .fzTarget
];
export const CALL_ACCESSORS = ['isEnabled', 'isEnabledDefault', 'useFlag'];

/** The settings shared by every program of one project (the support files depend on them). */
export function generateWorld(seed) {
  const rng = createRng(seed);
  const keyStyle = rng.pick(['kebab', 'camel']);
  // A multivariate target (an experiment's string variant) in about a third of the projects.
  return { keyStyle, target: rng.chance(0.3) ? 'variant' : 'boolean' };
}

/** The kept values tried for a world's target flag. */
export function valuesFor(world) {
  return world.target === 'variant' ? VARIANTS : [true, false];
}

export const VARIANTS = ['blue', 'green'];
const COMPARED = ['blue', 'green', 'control'];

export function generateProgram(seed, options = {}) {
  const rng = createRng(seed);
  const g = new ProgramBuilder(rng, options);
  return g.build(seed);
}

/** True when no statement after this one in its block can run (return, break, continue). */
export function alwaysReturns(stmt) {
  if (stmt.k === 'return' || stmt.k === 'jump') return true;
  if (stmt.k !== 'if' || stmt.else === null) return false;
  const ends = (block) => block.some(alwaysReturns);
  return ends(stmt.then) && ends(stmt.else);
}

class ProgramBuilder {
  constructor(rng, options) {
    this.rng = rng;
    this.maxDepth = options.maxDepth ?? 3;
    this.maxNesting = options.maxNesting ?? 2;
    this.variant = options.variant ?? false;
    this.counters = { v: 0, e: 0, t: 0, r: 0 };
    this.helpers = [];
  }

  build(seed) {
    const rng = this.rng;
    const functions = [];
    const helperCount = rng.int(2);
    for (let i = 0; i < helperCount; i++) {
      const fn = this.fn(`helper${i}`, 'helper');
      functions.push(fn);
      this.helpers.push(fn.name);
    }
    const exported = 1 + rng.int(3);
    for (let i = 0; i < exported; i++) {
      const kind = rng.weighted([[3, 'fn'], [2, 'arrow'], [3, 'component']]);
      const name = kind === 'component' ? `Panel${i}` : `decide${i}`;
      functions.push(this.fn(name, kind));
    }
    return { seed, functions };
  }

  fn(name, kind) {
    const scope = [];
    const body = this.block(0, scope, { kind, topLevel: true });
    return { name, kind, body };
  }

  label(prefix) {
    this.counters[prefix] += 1;
    return `${prefix}${this.counters[prefix]}`;
  }

  /** A block of statements; a function's top-level block always ends with a return. */
  block(depth, outerScope, ctx) {
    const rng = this.rng;
    const scope = [...outerScope];
    const stmts = [];
    const count = ctx.topLevel ? 1 + rng.int(4) : 1 + rng.int(3);
    for (let i = 0; i < count; i++) {
      const stmt = this.statement(depth, scope, ctx);
      stmts.push(stmt);
      // Code after a statement that always returns would be unreachable: stop the block there.
      if (alwaysReturns(stmt)) return stmts;
    }
    if (ctx.topLevel) stmts.push({ k: 'return', e: this.returnValue(0, scope, ctx) });
    else if (ctx.inLoop && rng.chance(0.3)) stmts.push({ k: 'jump', kind: rng.pick(['break', 'continue']) });
    else if (rng.chance(0.3)) stmts.push({ k: 'return', e: this.returnValue(1, scope, ctx) });
    return stmts;
  }

  statement(depth, scope, ctx) {
    const rng = this.rng;
    const lets = scope.filter((v) => v.kind === 'let');
    const choice = rng.weighted([
      [3, 'const'],
      [1.5, 'let'],
      [lets.length > 0 ? 1.5 : 0, 'assign'],
      [2, 'effect'],
      [depth < this.maxNesting ? 3 : 0, 'if'],
      [depth < this.maxNesting ? 0.7 : 0, 'loop'],
      [1, 'closure'],
      [this.variant && depth < this.maxNesting ? 1.5 : 0, 'switch'],
    ]);
    switch (choice) {
      case 'const':
      case 'let': {
        const nullable = rng.chance(0.2);
        const init = nullable ? this.nullable(1, scope) : this.bool(0, scope);
        const name = this.label('v');
        scope.push({ name, kind: choice, nullable });
        return { k: 'decl', kind: choice, name, init, nullable };
      }
      case 'assign': {
        const target = rng.pick(lets);
        return { k: 'assign', name: target.name, e: target.nullable ? this.nullable(1, scope) : this.bool(1, scope) };
      }
      case 'effect':
        return { k: 'effect', label: this.label('e') };
      case 'if': {
        const c = this.bool(0, scope);
        const then = this.block(depth + 1, scope, { ...ctx, topLevel: false });
        const elseKind = rng.weighted([[2, 'none'], [2, 'block'], [1, 'elseif']]);
        let otherwise = null;
        if (elseKind === 'block') otherwise = this.block(depth + 1, scope, { ...ctx, topLevel: false });
        if (elseKind === 'elseif' && depth + 1 < this.maxNesting) otherwise = [this.statementIf(depth + 1, scope, ctx)];
        return { k: 'if', c, then, else: otherwise, braceless: rng.chance(0.25) };
      }
      case 'closure': {
        // `const fN = () => cond;` read later: inlining must respect when it is called.
        const name = this.label('v');
        const e = this.bool(1, scope);
        scope.push({ name, kind: 'fn' });
        return { k: 'closure', name, e };
      }
      case 'switch': {
        const labels = [...COMPARED].sort(() => rng.next() - 0.5);
        const cases = [];
        while (labels.length > 0 && (cases.length === 0 || rng.chance(0.6))) {
          const take = Math.min(labels.length, 1 + (rng.chance(0.3) ? 1 : 0));
          cases.push({ labels: labels.splice(0, take), body: this.block(depth + 1, scope, { ...ctx, topLevel: false }) });
        }
        const otherwise = rng.chance(0.6) ? this.block(depth + 1, scope, { ...ctx, topLevel: false }) : null;
        return { k: 'switch', on: this.variantRead(), cases, default: otherwise };
      }
      case 'loop':
        // Two iterations, so break/continue and per-iteration effects show in the trace.
        return { k: 'loop', body: this.block(depth + 1, scope, { ...ctx, topLevel: false, inLoop: true }) };
      default:
        throw new Error(`unknown statement ${choice}`);
    }
  }

  statementIf(depth, scope, ctx) {
    const c = this.bool(0, scope);
    const then = this.block(depth + 1, scope, { ...ctx, topLevel: false });
    const otherwise = this.rng.chance(0.5) ? this.block(depth + 1, scope, { ...ctx, topLevel: false }) : null;
    return { k: 'if', c, then, else: otherwise, braceless: false };
  }

  flagRead(flag) {
    const rng = this.rng;
    const style = rng.weighted([
      [3, 'literal'],
      [1, 'template'],
      [2, 'const'],
      [1, 'localConst'],
      [2, 'enum'],
      [2, 'object'],
      [2, 'hook'],
      [2, 'member'],
    ]);
    const accessor = rng.pick(CALL_ACCESSORS);
    return { k: 'flag', flag, style, accessor };
  }

  /** A boolean that depends on the target: the read itself, or a comparison of its variant. */
  targetCondition() {
    if (!this.variant) return this.flagRead(TARGET);
    return { k: 'bin', op: this.rng.pick(['===', '!==']), l: this.variantRead(), r: { k: 'lit', v: this.rng.pick(COMPARED) } };
  }

  /** `flags.getVariant(key)`: the target's string value. */
  variantRead() {
    const style = this.rng.pick(['literal', 'template', 'const', 'localConst', 'enum', 'object']);
    return { k: 'vread', style, withDefault: this.rng.chance(0.4) };
  }

  /** A boolean-valued expression. */
  bool(depth, scope) {
    const rng = this.rng;
    const deep = depth < this.maxDepth;
    const vars = scope.filter((v) => !v.nullable && v.kind !== 'fn');
    const nullables = scope.filter((v) => v.nullable);
    const closures = scope.filter((v) => v.kind === 'fn');
    const choice = rng.weighted([
      [5, 'target'],
      [2, 'other'],
      [3, 'param'],
      [vars.length > 0 ? 3 : 0, 'var'],
      [closures.length > 0 ? 2 : 0, 'closureCall'],
      [0.4, 'lit'],
      [deep ? 1.5 : 0, 'not'],
      [deep ? 2 : 0, '&&'],
      [deep ? 2 : 0, '||'],
      [deep ? 1 : 0, '??'],
      [deep ? 1 : 0, 'cond'],
      [deep ? 1.5 : 0, 'touch'],
      [deep ? 0.8 : 0, 'compare'],
    ]);
    switch (choice) {
      case 'target':
        return this.targetCondition();
      case 'other':
        return this.flagRead(rng.pick(OTHER_FLAGS));
      case 'param':
        return { k: 'param', name: rng.pick(PARAMS) };
      case 'var':
        return { k: 'var', name: rng.pick(vars).name };
      case 'closureCall':
        return { k: 'callVar', name: rng.pick(closures).name };
      case 'lit':
        return { k: 'lit', v: rng.chance(0.5) };
      case 'not':
        return { k: 'not', e: this.bool(depth + 1, scope) };
      case '&&':
      case '||':
        return { k: 'bin', op: choice, l: this.bool(depth + 1, scope), r: this.bool(depth + 1, scope) };
      case '??': {
        const l = nullables.length > 0 && rng.chance(0.5) ? { k: 'var', name: rng.pick(nullables).name } : this.nullable(depth + 1, scope);
        return { k: 'bin', op: '??', l, r: this.bool(depth + 1, scope) };
      }
      case 'cond':
        return { k: 'cond', c: this.bool(depth + 1, scope), t: this.bool(depth + 1, scope), f: this.bool(depth + 1, scope) };
      case 'touch':
        return { k: 'touch', label: this.label('t'), e: this.bool(depth + 1, scope) };
      case 'compare':
        return { k: 'bin', op: rng.pick(['===', '!==']), l: this.bool(depth + 1, scope), r: { k: 'lit', v: rng.chance(0.5) } };
      default:
        throw new Error(`unknown expression ${choice}`);
    }
  }

  /** `boolean | null`: exercises `??`. */
  nullable(depth, scope) {
    const rng = this.rng;
    const nullSide = { k: 'lit', v: null };
    const c = rng.chance(0.5) ? { k: 'param', name: rng.pick(PARAMS) } : this.bool(Math.max(depth, this.maxDepth - 1), scope);
    const other = this.bool(Math.max(depth, this.maxDepth - 1), scope);
    return rng.chance(0.5) ? { k: 'cond', c, t: nullSide, f: other } : { k: 'cond', c, t: other, f: nullSide };
  }

  returnValue(depth, scope, ctx) {
    if (ctx.kind === 'component') return this.jsx(depth, scope);
    const rng = this.rng;
    const choice = rng.weighted([
      [3, 'string'],
      [2, 'bool'],
      [2, 'cond'],
      [1, 'template'],
      [this.helpers.length > 0 && ctx.kind !== 'helper' ? 1.5 : 0, 'call'],
      [this.variant ? 1.5 : 0, 'variant'],
      [0.3, 'null'],
    ]);
    switch (choice) {
      case 'string':
        return { k: 'lit', v: this.label('r') };
      case 'bool':
        return this.bool(depth, scope);
      case 'cond':
        return { k: 'cond', c: this.bool(depth + 1, scope), t: { k: 'lit', v: this.label('r') }, f: this.returnValue(depth + 1, scope, ctx) };
      case 'template':
        return { k: 'tpl', head: `${this.label('r')}-`, e: this.variant && rng.chance(0.5) ? this.variantRead() : this.bool(depth + 1, scope) };
      case 'variant':
        return this.variantRead();
      case 'call':
        return { k: 'call', fn: rng.pick(this.helpers), args: PARAMS.map((p) => this.callArg(p)) };
      default:
        return { k: 'lit', v: null };
    }
  }

  callArg(p) {
    const rng = this.rng;
    return rng.weighted([
      [3, { k: 'param', name: p }],
      [1, { k: 'not', e: { k: 'param', name: rng.pick(PARAMS) } }],
      [1, this.targetCondition()],
    ]);
  }

  jsx(depth, scope) {
    const rng = this.rng;
    const deep = depth < 2;
    const tag = rng.weighted([[4, rng.pick(['div', 'section', 'span', 'p'])], [deep ? 1 : 0, '']]);
    const props = [];
    if (tag && rng.chance(0.5)) {
      props.push({
        name: 'className',
        e: rng.chance(0.5) ? { k: 'lit', v: this.label('r') } : { k: 'cond', c: this.bool(1, scope), t: { k: 'lit', v: this.label('r') }, f: { k: 'lit', v: this.label('r') } },
      });
    }
    if (tag && rng.chance(0.3)) props.push({ name: 'hidden', e: this.bool(1, scope) });
    const children = [];
    const n = 1 + rng.int(3);
    for (let i = 0; i < n; i++) {
      const choice = rng.weighted([
        [2, 'text'],
        [deep ? 2 : 0, 'element'],
        [2, 'and'],
        [2, 'ternary'],
        [1, 'value'],
      ]);
      if (choice === 'text') children.push({ k: 'text', s: this.label('r') });
      else if (choice === 'element') children.push(this.jsx(depth + 1, scope));
      else if (choice === 'and') children.push({ k: 'bin', op: '&&', l: this.bool(1, scope), r: this.leafJsx() });
      else if (choice === 'ternary') children.push({ k: 'cond', c: this.bool(1, scope), t: this.leafJsx(), f: rng.chance(0.3) ? { k: 'lit', v: null } : this.leafJsx() });
      else children.push({ k: 'cond', c: this.bool(1, scope), t: { k: 'lit', v: this.label('r') }, f: { k: 'lit', v: this.label('r') } });
    }
    return { k: 'jsx', tag, props, children };
  }

  leafJsx() {
    return { k: 'jsx', tag: this.rng.pick(['b', 'i', 'em', 'strong']), props: [], children: [{ k: 'text', s: this.label('r') }] };
  }
}
