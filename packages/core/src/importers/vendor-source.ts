/**
 * Parses a vendor file and keeps enough of the syntax tree to point diagnostics at a line and
 * column. JSON is checked with JSON.parse (strict), then read again with the `yaml` parser
 * (JSON is YAML 1.2) only to map value paths back to positions.
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, parseDocument, type Node } from 'yaml';
import { FlagdebtError } from '../diagnostics.js';
import type { Position } from '../types.js';

export type SourcePath = readonly (string | number)[];

export interface SourceDocument {
  file: string;
  data: unknown;
  /** Where the value at `path` starts (for a mapping entry: where its key is written). */
  position(path: SourcePath): Position | undefined;
}

export function parseJsonSource(text: string, file: string): SourceDocument {
  let data: unknown;
  try {
    data = JSON.parse(stripBom(text));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = jsonErrorPosition(text, message);
    throw new FlagdebtError({
      severity: 'error',
      code: 'import/invalid-json',
      file,
      line: at?.line ?? 0,
      column: at?.column ?? 0,
      message: `not valid JSON: ${message.split('\n')[0]}`,
      fix: 'export the file again from the vendor (it must be the unmodified JSON export) or fix the syntax at this position',
    });
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(stripBom(text), { lineCounter, uniqueKeys: false });
  const root = doc.errors.length === 0 ? (doc.contents as Node | null) : null;
  return { file, data, position: (path) => locate(root, path, lineCounter) };
}

/** Every document of a (possibly multi-document) YAML stream. */
export function parseYamlSource(text: string, file: string): SourceDocument[] {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(stripBom(text), { lineCounter, uniqueKeys: false });
  const docs = Array.isArray(parsed) ? parsed : [];
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      const pos = error.linePos?.[0];
      throw new FlagdebtError({
        severity: 'error',
        code: 'import/invalid-yaml',
        file,
        line: pos?.line ?? 0,
        column: pos?.col ?? 0,
        message: `not valid YAML: ${error.message.split('\n')[0]}`,
        fix: 'fix the YAML syntax at this position (check indentation and quoting)',
      });
    }
  }
  return docs
    .filter((doc) => doc.contents !== null)
    .map((doc) => ({
      file,
      data: doc.toJS(),
      position: (path: SourcePath) => locate(doc.contents as Node | null, path, lineCounter),
    }));
}

function locate(root: Node | null, path: SourcePath, lineCounter: LineCounter): Position | undefined {
  let node: unknown = root;
  let offset: number | undefined = root?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return undefined;
      offset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      offset = (node as Node | undefined)?.range?.[0];
    } else {
      return undefined;
    }
  }
  if (offset === undefined) return undefined;
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function jsonErrorPosition(text: string, message: string): Position | undefined {
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const atPosition = /at position (\d+)/.exec(message);
  const offset = atPosition ? Number(atPosition[1]) : /end of JSON input/.test(message) ? text.length : undefined;
  if (offset === undefined) return undefined;
  const before = stripBom(text).slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
