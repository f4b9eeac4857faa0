/**
 * Runs a generated project's program modules on every combination of inputs and records what
 * they do: return values (JSX as a normalised element tree), the ordered side effects, thrown
 * errors, and how often the removed flag was still read. Modules are transpiled with
 * `typescript`'s transpileModule (react-jsx) and evaluated in a `node:vm` context with a
 * CommonJS loader over the in-memory files, so the codemod's output runs exactly as written.
 */
import { createRequire } from 'node:module';
import { dirname, posix } from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';

const hostRequire = createRequire(import.meta.url);
const FRAGMENT = Symbol.for('react.fragment');

export class UnparsableOutput extends Error {
  constructor(file, messages) {
    super(`${file} does not parse: ${messages.join('; ')}`);
    this.name = 'UnparsableOutput';
    this.file = file;
  }
}

const scripts = new Map();

/** Transpiles once per distinct text (the support files repeat in every project). */
function compile(file, text) {
  const cacheKey = `${file}\0${text}`;
  let script = scripts.get(cacheKey);
  if (script) return script;
  const out = ts.transpileModule(text, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, jsx: ts.JsxEmit.ReactJSX, esModuleInterop: true },
  });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) throw new UnparsableOutput(file, errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')));
  try {
    script = new vm.Script(`(function (exports, require, module) {${out.outputText}\n})`, { filename: file });
  } catch (error) {
    // Early errors the TS parser lets through (e.g. `if (x) const y = 1;`) are still unparsable.
    if (error instanceof SyntaxError) throw new UnparsableOutput(file, [error.message]);
    throw error;
  }
  if (scripts.size > 5000) scripts.clear();
  scripts.set(cacheKey, script);
  return script;
}

/** True when the text parses as TS/TSX (no syntactic diagnostics). */
export function parses(file, text) {
  if (file.endsWith('.d.ts')) return ts.createSourceFile(file, text, ts.ScriptTarget.Latest).parseDiagnostics.length === 0;
  try {
    compile(file, text);
    return true;
  } catch (error) {
    if (error instanceof UnparsableOutput) return false;
    throw error;
  }
}

function resolveIn(files, from, specifier) {
  const base = posix.normalize(posix.join(dirname(from), specifier));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (Object.hasOwn(files, candidate) && !candidate.endsWith('.d.ts')) return candidate;
  }
  return null;
}

/**
 * A loaded project version: `files` maps relative paths to text. `state` is the stub the
 * modules see as `__fuzz`; set its inputs before each call.
 */
const loaded = new WeakMap();

export function loadProject(files) {
  let project = loaded.get(files);
  if (!project) loaded.set(files, (project = freshProject(files)));
  return project;
}

function freshProject(files) {
  const state = { values: new Map(), targetKey: '', targetReads: 0, effects: [] };
  const fuzz = {
    flag(key, _fallback) {
      if (key === state.targetKey) state.targetReads += 1;
      if (state.values.has(key)) return state.values.get(key);
      state.effects.push(`?unknown-flag:${String(key)}`);
      return false;
    },
    effect(label) {
      state.effects.push(label);
    },
  };
  const context = vm.createContext({ __fuzz: fuzz });
  const cache = new Map();
  const load = (file) => {
    const cached = cache.get(file);
    if (cached) return cached.exports;
    const module = { exports: {} };
    cache.set(file, module);
    const require = (specifier) => {
      if (specifier === 'react' || specifier.startsWith('react/')) return hostRequire(specifier);
      const target = specifier.startsWith('.') ? resolveIn(files, file, specifier) : null;
      if (!target) throw new Error(`Cannot find module '${specifier}' from ${file}`);
      return load(target);
    };
    try {
      compile(file, files[file]).runInContext(context)(module.exports, require, module);
    } catch (error) {
      cache.delete(file);
      throw error;
    }
    return module.exports;
  };
  return { state, load };
}

/** Every assignment of booleans to `names`. */
export function combinations(names) {
  const out = [];
  for (let mask = 0; mask < 1 << names.length; mask++) out.push(Object.fromEntries(names.map((n, i) => [n, Boolean(mask & (1 << i))])));
  return out;
}

/** React elements as plain data: what a renderer would make of them, not their identity. */
export function normalize(value) {
  if (Array.isArray(value)) return normalizeChildren(value);
  if (value === null || typeof value !== 'object') return value;
  if (value.$$typeof === undefined) return value;
  const type = value.type === FRAGMENT ? '#fragment' : typeof value.type === 'string' ? value.type : (value.type?.name ?? String(value.type));
  const props = {};
  for (const name of Object.keys(value.props).sort()) if (name !== 'children') props[name] = normalize(value.props[name]);
  return { type, props, children: normalizeChildren(value.props.children) };
}

/** React renders nothing for null/undefined/booleans and concatenates adjacent text. */
function normalizeChildren(children) {
  const flat = [];
  const visit = (c) => {
    if (Array.isArray(c)) return c.forEach(visit);
    if (c === null || c === undefined || typeof c === 'boolean') return;
    if ((typeof c === 'string' || typeof c === 'number') && typeof flat[flat.length - 1] === 'string') flat[flat.length - 1] += String(c);
    else flat.push(typeof c === 'number' ? String(c) : normalize(c));
  };
  visit(children);
  return flat;
}

/**
 * Calls every export of `file` on every input combination with the target flag fixed to
 * `value`. Returns one observation per call, in a stable order.
 */
export function observe(files, file, exportsSpec, { targetKey, value, otherKeys, params }) {
  const { state, load } = loadProject(files);
  let mod;
  try {
    mod = load(file);
  } catch (error) {
    if (error instanceof UnparsableOutput) throw error;
    return [{ call: '<module>', error: describeError(error) }];
  }
  const observations = [];
  for (const inputs of combinations([...params, ...otherKeys])) {
    for (const { name, component } of exportsSpec) {
      state.values = new Map([[targetKey, value], ...otherKeys.map((k) => [k, inputs[k]])]);
      state.targetKey = targetKey;
      state.targetReads = 0;
      state.effects = [];
      const args = params.map((p) => inputs[p]);
      const call = `${name}(${JSON.stringify(inputs)})`;
      const fn = mod[name];
      let result;
      let error;
      if (typeof fn !== 'function') error = `export ${name} is missing`;
      else {
        try {
          result = normalize(component ? fn(Object.fromEntries(params.map((p, i) => [p, args[i]]))) : fn(...args));
        } catch (e) {
          error = describeError(e);
        }
      }
      observations.push({ call, result, error, effects: state.effects, targetReads: state.targetReads });
    }
  }
  return observations;
}

function describeError(error) {
  return error instanceof Error ? `${error.name}: ${error.message}` : `thrown ${String(error)}`;
}

/** The first difference between two observation lists, or null. */
export function firstDifference(expected, actual) {
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    const e = expected[i];
    const a = actual[i];
    if (!e || !a || e.call !== a.call) return { call: (e ?? a).call, what: 'different calls' };
    if (e.error !== a.error) return { call: e.call, what: `error: expected ${e.error ?? 'none'}, got ${a.error ?? 'none'}` };
    const er = JSON.stringify(e.result);
    const ar = JSON.stringify(a.result);
    if (er !== ar) return { call: e.call, what: `result: expected ${er}, got ${ar}` };
    if (e.effects.join(',') !== a.effects.join(',')) return { call: e.call, what: `effects: expected [${e.effects}], got [${a.effects}]` };
    if (a.targetReads > 0) return { call: e.call, what: `the removed flag is still read ${a.targetReads} time(s)` };
  }
  return null;
}
