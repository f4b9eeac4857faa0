/**
 * The modules of a code registry: parsed on demand, and a name's declaration found through
 * imports, `export … from` and `export *`, across files and workspace packages (module-resolver.ts).
 * Syntax only: no type checker, so a registry module costs one parse.
 */
import path from 'node:path';
import ts from '../../typescript.cjs';
import { buildModuleSymbols, type ModuleSymbols } from '../../matching/module-symbols.js';
import { ModuleResolver } from '../../matching/module-resolver.js';
import type { SourceHost } from '../../matching/source-host.js';
import { scriptKindOf } from '../../matching/syntax.js';

/** A top-level declaration that can list flag keys. */
export type RegistryDecl = ts.EnumDeclaration | ts.InterfaceDeclaration | ts.TypeAliasDeclaration | ts.VariableDeclaration;

export interface FoundDecl {
  file: string;
  sf: ts.SourceFile;
  /** Every declaration of the name in its module (a const and a type may share it), in source order. */
  decls: RegistryDecl[];
}

interface ParsedModule {
  sf: ts.SourceFile;
  symbols: ModuleSymbols;
}

export class CodeModules {
  private readonly parsed = new Map<string, ParsedModule | null>();
  private readonly resolver: ModuleResolver;
  /** Every module read, for cache keys and watchers. */
  readonly read = new Set<string>();

  constructor(root: string, private readonly host: SourceHost) {
    this.resolver = new ModuleResolver(root, host, undefined);
  }

  module(file: string): ParsedModule | undefined {
    let known = this.parsed.get(file);
    if (known === undefined) {
      const text = this.host.readFile(file);
      known = text === undefined ? null : parse(file, text);
      this.parsed.set(file, known);
      if (known) this.read.add(file);
    }
    return known ?? undefined;
  }

  /** The declarations of export `name` of `file`; a top-level name that is not exported is accepted too. */
  exported(file: string, name: string, seen = new Set<string>()): FoundDecl | undefined {
    const visit = `${file}\0${name}`;
    if (seen.has(visit) || seen.size > 64) return undefined;
    seen.add(visit);
    const mod = this.module(file);
    if (!mod) return undefined;
    const entry = mod.symbols.exports.get(name);
    if (entry?.kind === 'reexport') {
      const next = this.resolver.resolve(entry.specifier, file);
      return next && entry.name !== '*' ? this.exported(next, entry.name, seen) : undefined;
    }
    const local = this.local(file, entry?.kind === 'local' ? entry.name : name, seen);
    if (local) return local;
    for (const spec of mod.symbols.starExports) {
      const next = this.resolver.resolve(spec, file);
      const found = next && this.exported(next, name, seen);
      if (found) return found;
    }
    return undefined;
  }

  /** What `name` means at the top level of `file`: its own declarations, else the import it names. */
  local(file: string, name: string, seen = new Set<string>()): FoundDecl | undefined {
    const mod = this.module(file);
    if (!mod) return undefined;
    const decls = topLevelDecls(mod.sf, name);
    if (decls.length > 0) return { file, sf: mod.sf, decls };
    const imported = mod.symbols.locals.get(name)?.find((d) => d.kind === 'import');
    if (imported?.kind !== 'import' || imported.imported === '*') return undefined;
    const target = this.resolver.resolve(imported.specifier, file);
    return target ? this.exported(target, imported.imported, seen) : undefined;
  }
}

function parse(file: string, text: string): ParsedModule {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKindOf(file));
  return { sf, symbols: buildModuleSymbols(sf, path.resolve(file)) };
}

function topLevelDecls(sf: ts.SourceFile, name: string): RegistryDecl[] {
  const out: RegistryDecl[] = [];
  for (const stmt of sf.statements) {
    if ((ts.isEnumDeclaration(stmt) || ts.isInterfaceDeclaration(stmt) || ts.isTypeAliasDeclaration(stmt)) && stmt.name.text === name) out.push(stmt);
    else if (ts.isVariableStatement(stmt)) {
      for (const decl of stmt.declarationList.declarations) if (ts.isIdentifier(decl.name) && decl.name.text === name) out.push(decl);
    }
  }
  return out;
}
