/** `--format csv`: one row per reference, for spreadsheets. Quoting per RFC 4180, CRLF line ends. */
import type { Renderer } from './renderer.js';

const HEADER = ['flag', 'file', 'line', 'column', 'kind', 'test', 'via'];

export function csvField(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const renderCsv: Renderer = (result) => {
  const rows = [HEADER, ...result.references.map((r) => [r.flag, r.file, r.line, r.column, r.kind, r.test, r.via])];
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
};

export default renderCsv;
