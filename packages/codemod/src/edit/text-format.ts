/**
 * The codemod edits LF text without a BOM; this remembers how the file was written so the result
 * goes back with the same BOM, line endings and final newline.
 */
export interface TextFormat {
  /** `latin1` for files that are not valid UTF-8: every byte maps to one char and back. */
  encoding: 'utf8' | 'latin1';
  bom: boolean;
  crlf: boolean;
  finalNewline: boolean;
}

/** Decodes file bytes without losing any: UTF-8 when they are valid UTF-8, else byte for byte. */
export function decode(bytes: Buffer): { raw: string; encoding: TextFormat['encoding'] } {
  const utf8 = bytes.toString('utf8');
  if (Buffer.byteLength(utf8, 'utf8') === bytes.length && Buffer.from(utf8, 'utf8').equals(bytes)) return { raw: utf8, encoding: 'utf8' };
  return { raw: bytes.toString('latin1'), encoding: 'latin1' };
}

export function normalize(raw: string, encoding: TextFormat['encoding'] = 'utf8'): { text: string; format: TextFormat } {
  const bom = raw.charCodeAt(0) === 0xfeff;
  const body = bom ? raw.slice(1) : raw;
  const crlfCount = (body.match(/\r\n/g) ?? []).length;
  const lfCount = (body.match(/\n/g) ?? []).length;
  const crlf = crlfCount > 0 && crlfCount * 2 >= lfCount;
  const text = crlf ? body.replace(/\r\n/g, '\n') : body;
  return { text, format: { encoding, bom, crlf, finalNewline: /\n$/.test(body) } };
}

export function restore(text: string, format: TextFormat): string {
  let out = text;
  if (format.finalNewline && out.length > 0 && !out.endsWith('\n')) out += '\n';
  if (!format.finalNewline) out = out.replace(/\n+$/, '');
  if (format.crlf) out = out.replace(/\r?\n/g, '\r\n');
  return format.bom ? `\ufeff${out}` : out;
}
