/**
 * Prints a generated program (generator.mjs IR) as TypeScript/TSX source, with the fewest
 * parentheses the grammar allows, so the codemod meets real precedence situations
 * (`a || flag && b`) rather than a fully parenthesised toy.
 */
import { TARGET, alwaysReturns } from './generator.mjs';

const capital = (s) => s[0].toUpperCase() + s.slice(1);

export function flagKey(world, flag) {
  return world.keyStyle === 'camel' ? `fz${capital(flag)}` : `fz-${flag}`;
}

export const constName = (flag) => `${flag.toUpperCase()}_FLAG`;
export const localConstName = (flag) => `LOCAL_${flag.toUpperCase()}`;
export const hookName = (flag) => `use${capital(flag)}`;

const PREC = { cond: 1, '??': 2, '||': 3, '&&': 4, '===': 9, '!==': 9, not: 14, primary: 20 };

export function usesJsx(program) {
  return program.functions.some((f) => f.kind === 'component');
}

export function printProgram(program, world) {
  const p = new Printer(world);
  const bodies = program.functions.map((f) => p.fn(f)).join('\n\n');
  const head = [];
  const imports = (names, from) => {
    if (names.size > 0) head.push(`import { ${[...names].sort().join(', ')} } from '${from}';`);
  };
  imports(p.used.client, './flags/client');
  imports(p.used.keys, './flags/keys');
  imports(p.used.hooks, './flags/hooks');
  imports(p.used.effects, './effects');
  if (p.used.locals.size > 0) {
    head.push('');
    for (const flag of [...p.used.locals].sort()) head.push(`const ${localConstName(flag)} = '${flagKey(world, flag)}';`);
  }
  if (usesJsx(program)) head.push('', 'type Props = { a: boolean; b: boolean; c: boolean };');
  return `${head.join('\n')}\n\n${bodies}\n`;
}

class Printer {
  constructor(world) {
    this.world = world;
    this.used = { client: new Set(), keys: new Set(), hooks: new Set(), effects: new Set(), locals: new Set() };
  }

  fn(f) {
    const params = 'a: boolean, b: boolean, c: boolean';
    if (f.kind === 'component') return `export function ${f.name}({ a, b, c }: Props) {\n${this.block(f.body, 1)}\n}`;
    if (f.kind === 'helper') return `function ${f.name}(${params}) {\n${this.block(f.body, 1)}\n}`;
    if (f.kind === 'arrow') {
      if (f.body.length === 1 && f.body[0].k === 'return') return `export const ${f.name} = (${params}) => ${this.expr(f.body[0].e, PREC.cond, 0)};`;
      return `export const ${f.name} = (${params}) => {\n${this.block(f.body, 1)}\n};`;
    }
    return `export function ${f.name}(${params}) {\n${this.block(f.body, 1)}\n}`;
  }

  block(stmts, level) {
    return stmts.map((s) => this.stmt(s, level)).join('\n');
  }

  stmt(s, level) {
    const pad = '  '.repeat(level);
    switch (s.k) {
      case 'decl':
        return `${pad}${s.kind} ${s.name}${s.nullable ? ': boolean | null' : ''} = ${this.expr(s.init, 0, level)};`;
      case 'assign':
        return `${pad}${s.name} = ${this.expr(s.e, 0, level)};`;
      case 'effect':
        this.used.effects.add('track');
        return `${pad}track('${s.label}');`;
      case 'return':
        return `${pad}return ${this.expr(s.e, 0, level)};`;
      case 'if':
        return pad + this.ifText(s, level);
      case 'loop':
        return `${pad}for (const round of [1, 2]) {\n${this.block(s.body, level + 1)}\n${pad}}`;
      case 'jump':
        return `${pad}${s.kind};`;
      case 'closure':
        return `${pad}const ${s.name} = () => ${this.expr(s.e, PREC.cond, level)};`;
      case 'switch': {
        const inner = '  '.repeat(level + 1);
        const arm = (head, body) => {
          const ends = body.length > 0 && alwaysReturns(body[body.length - 1]);
          const lines = [...body.map((b) => this.stmt(b, level + 2)), ...(ends ? [] : [`${inner}  break;`])];
          return `${head} {\n${lines.join('\n')}\n${inner}}`;
        };
        const arms = s.cases.map((c) => arm(c.labels.map((l) => `${inner}case '${l}':`).join('\n'), c.body));
        if (s.default) arms.push(arm(`${inner}default:`, s.default));
        return `${pad}switch (${this.expr(s.on, 0, level)}) {\n${arms.join('\n')}\n${pad}}`;
      }
      default:
        throw new Error(`cannot print statement ${s.k}`);
    }
  }

  ifText(s, level) {
    const pad = '  '.repeat(level);
    const head = `if (${this.expr(s.c, 0, level)})`;
    const single = (b) => b.length === 1 && !['if', 'decl', 'closure', 'switch', 'loop'].includes(b[0].k);
    if (s.braceless && single(s.then) && (s.else === null || single(s.else))) {
      const then = this.stmt(s.then[0], 0);
      if (s.else === null) return `${head} ${then}`;
      return `${head} ${then}\n${pad}else ${this.stmt(s.else[0], 0)}`;
    }
    let text = `${head} {\n${this.block(s.then, level + 1)}\n${pad}}`;
    if (s.else === null) return text;
    if (s.else.length === 1 && s.else[0].k === 'if') return `${text} else ${this.ifText(s.else[0], level)}`;
    return `${text} else {\n${this.block(s.else, level + 1)}\n${pad}}`;
  }

  expr(e, minPrec, level) {
    const [text, prec] = this.raw(e, level);
    return prec < minPrec ? `(${text})` : text;
  }

  raw(e, level) {
    switch (e.k) {
      case 'flag':
        return [this.flag(e), PREC.primary];
      case 'vread':
        this.used.client.add('flags');
        return [`flags.getVariant(${this.keyText({ ...e, flag: TARGET })}${e.withDefault ? ", 'control'" : ''})`, PREC.primary];
      case 'param':
      case 'var':
        return [e.name, PREC.primary];
      case 'callVar':
        return [`${e.name}()`, PREC.primary];
      case 'lit':
        return [e.v === null ? 'null' : typeof e.v === 'string' ? `'${e.v}'` : String(e.v), PREC.primary];
      case 'not':
        return [`!${this.expr(e.e, PREC.not, level)}`, PREC.not];
      case 'bin': {
        const p = PREC[e.op];
        const side = (child, min) => {
          const mixes = child.k === 'bin' && ((e.op === '??' && (child.op === '&&' || child.op === '||')) || ((e.op === '&&' || e.op === '||') && child.op === '??'));
          return mixes ? `(${this.expr(child, 0, level)})` : this.expr(child, min, level);
        };
        return [`${side(e.l, p)} ${e.op} ${side(e.r, p + 1)}`, p];
      }
      case 'cond':
        return [`${this.expr(e.c, PREC.cond + 1, level)} ? ${this.expr(e.t, PREC.cond, level)} : ${this.expr(e.f, PREC.cond, level)}`, PREC.cond];
      case 'touch':
        this.used.effects.add('touch');
        return [`touch('${e.label}', ${this.expr(e.e, PREC.cond, level)})`, PREC.primary];
      case 'tpl':
        return [`\`${e.head}\${${this.expr(e.e, 0, level)}}\``, PREC.primary];
      case 'call':
        return [`${e.fn}(${e.args.map((a) => this.expr(a, PREC.cond, level)).join(', ')})`, PREC.primary];
      case 'jsx':
        return [this.jsx(e, level), PREC.primary];
      default:
        throw new Error(`cannot print expression ${e.k}`);
    }
  }

  flag(e) {
    const key = flagKey(this.world, e.flag);
    if (e.style === 'hook') {
      this.used.hooks.add(hookName(e.flag));
      return `${hookName(e.flag)}()`;
    }
    if (e.style === 'member') {
      this.used.client.add('config');
      return this.world.keyStyle === 'camel' ? `config.featureToggles.${key}` : `config.featureToggles['${key}']`;
    }
    const keyText = this.keyText(e);
    if (e.accessor === 'useFlag') {
      this.used.client.add('useFlag');
      return `useFlag(${keyText})`;
    }
    this.used.client.add('flags');
    return e.accessor === 'isEnabledDefault' ? `flags.isEnabled(${keyText}, false)` : `flags.isEnabled(${keyText})`;
  }

  keyText(e) {
    const key = flagKey(this.world, e.flag);
    switch (e.style) {
      case 'literal':
        return `'${key}'`;
      case 'template':
        return `\`${key}\``;
      case 'const':
        this.used.keys.add(constName(e.flag));
        return constName(e.flag);
      case 'localConst':
        this.used.locals.add(e.flag);
        return localConstName(e.flag);
      case 'enum':
        this.used.keys.add('Flag');
        return `Flag.${capital(e.flag)}`;
      case 'object':
        this.used.keys.add('FLAGS');
        return `FLAGS.${e.flag}`;
      default:
        throw new Error(`unknown read style ${e.style}`);
    }
  }

  /** Elements with element children go on several lines, like hand-written JSX. */
  jsx(e, level) {
    const text = this.element(e, level + 1);
    return text.includes('\n') ? `(\n${'  '.repeat(level + 1)}${text}\n${'  '.repeat(level)})` : text;
  }

  element(e, level) {
    const open = e.tag === '' ? '<>' : `<${e.tag}${e.props.map((p) => ` ${p.name}={${this.expr(p.e, 0, level)}}`).join('')}>`;
    const close = e.tag === '' ? '</>' : `</${e.tag}>`;
    const child = (c) => (c.k === 'text' ? c.s : c.k === 'jsx' ? this.element(c, level + 1) : `{${this.expr(c, 0, level + 1)}}`);
    if (!e.children.some((c) => c.k === 'jsx')) return `${open}${e.children.map(child).join('')}${close}`;
    const pad = '  '.repeat(level + 1);
    return `${open}\n${e.children.map((c) => pad + child(c)).join('\n')}\n${'  '.repeat(level)}${close}`;
  }
}

export { TARGET };
