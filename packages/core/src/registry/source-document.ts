/**
 * Parses flags.yaml / flags.json / flagdebt.config.* with the `yaml` package and keeps source
 * positions. JSON is YAML 1.2 flow syntax, so one parser serves both formats and every
 * diagnostic, JSON or YAML, points at a real line and column.
 */
import type * as Yaml from 'yaml';
import type { Document, LineCounter, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import type { Position } from '../types.js';
import { loadYamlModule } from './yaml-module.js';

let yamlModule: typeof Yaml | undefined;

/**
 * The `yaml` package, loaded on first use: a config and a registry found unchanged in the
 * model cache (model-cache.ts) never need it, and loading it costs ~30 ms of every ESLint run.
 */
export function yaml(): typeof Yaml {
  yamlModule ??= loadYamlModule();
  return yamlModule;
}

export interface SourceDocument {
  file: string;
  text: string;
  document: Document.Parsed;
  lines: LineCounter;
  /** Syntax errors, already converted to diagnostics. */
  syntaxErrors: Diagnostic[];
}

/** A mapping entry with a plain string key, in source order. */
export interface Entry {
  key: string;
  keyNode: Scalar;
  pair: Pair;
  value: Node | null;
  position: Position;
}

export function parseSource(file: string, text: string, code: string): SourceDocument {
  const { LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  // uniqueKeys off: the parser would report a bare "Map keys must be unique"; we detect
  // duplicates ourselves to name the flag and point at both occurrences.
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  const syntaxErrors = document.errors.map((error): Diagnostic => {
    const pos = lines.linePos(error.pos[0]);
    return {
      severity: 'error',
      code,
      file,
      line: pos.line,
      column: pos.col,
      message: `syntax error: ${firstLine(error.message)}`,
      fix: 'fix the syntax at this position (quote values containing `:` or `#`, check indentation and brackets)',
    };
  });
  return { file, text, document, lines, syntaxErrors };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

export function positionAt(source: SourceDocument, offset: number): Position {
  const pos = source.lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** Position of a node's first character; 0:0 when the node has no range. */
export function positionOf(source: SourceDocument, node: Node | null | undefined): Position {
  if (!node?.range) return { line: 0, column: 0 };
  return positionAt(source, node.range[0]);
}

/** Entries of a mapping with their positions. Non-scalar keys are skipped (reported by callers as needed). */
export function entriesOf(source: SourceDocument, map: YAMLMap): Entry[] {
  const entries: Entry[] = [];
  for (const pair of map.items) {
    if (!yaml().isScalar(pair.key)) continue;
    const keyNode = pair.key;
    entries.push({
      key: String(keyNode.value),
      keyNode,
      pair,
      value: (pair.value as Node | null) ?? null,
      position: positionOf(source, keyNode),
    });
  }
  return entries;
}

export function isMapping(node: unknown): node is YAMLMap {
  return yaml().isMap(node);
}

export function isSequence(node: unknown): node is YAMLSeq {
  return yaml().isSeq(node);
}

/**
 * The text a user wrote for a scalar. Dates are read from the source so that `2026-08-01`
 * stays a string whichever schema produced the value (YAML 1.1 would hand over a Date).
 */
export function scalarSource(node: Node | null): string | undefined {
  if (!yaml().isScalar(node)) return undefined;
  if (node.value instanceof Date) return node.source ?? node.value.toISOString().slice(0, 10);
  if (typeof node.value === 'string') return node.value;
  return node.source ?? String(node.value);
}

/** Plain JS value of a scalar node (undefined for maps, sequences and missing nodes). */
export function scalarValue(node: Node | null): unknown {
  return yaml().isScalar(node) ? node.value : undefined;
}
