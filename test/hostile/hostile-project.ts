/**
 * Builders of hostile inputs. Each case is a small but ordinary project (config, registry, a
 * well-formed src/good.ts that reads `hx-flag`) plus one hostile thing, so every test can check
 * both "no crash, no hang, a clear problem" and "the rest of the work is still done".
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRng } from '../fuzz/prng.mjs';

export const FLAG = 'hx-flag';

export const GOOD_FILE = [
  "import { flags } from './flags';",
  '',
  'export function checkoutLabel(total: number): string {',
  "  if (flags.isEnabled('hx-flag', false)) {",
  '    return `Pay ${total.toFixed(2)} now`;',
  '  }',
  "  return 'Checkout';",
  '}',
  '',
].join('\n');

export const FLAGS_MODULE = [
  'const values: Record<string, boolean> = {};',
  '',
  'export const flags = {',
  '  isEnabled(key: string, fallback = false): boolean {',
  '    return values[key] ?? fallback;',
  '  },',
  '};',
  '',
].join('\n');

export function registryYaml(keys: string[]): string {
  if (keys.length === 0) return 'flags: {}\n';
  const lines = ['flags:'];
  for (const key of keys) {
    lines.push(`  ${JSON.stringify(key)}:`, '    type: release', '    owner: checkout', '    created: 2026-09-01', '    expires: 2026-12-31', '    state: active', '    default: false');
  }
  return `${lines.join('\n')}\n`;
}

export const CONFIG = `${JSON.stringify({ registry: 'flags.yaml', include: ['src/**/*.{ts,tsx}'], accessors: [{ call: 'flags.isEnabled', keyArg: 0, defaultArg: 1 }] }, null, 2)}\n`;

export interface HostileProject {
  dir: string;
  cleanup(): void;
}

/** An ordinary project; `extra` adds or overrides files (Buffer for raw bytes). */
export function hostileProject(extra: Record<string, string | Buffer> = {}): HostileProject {
  const dir = mkdtempSync(join(tmpdir(), 'flagdebt-hostile-'));
  const files: Record<string, string | Buffer> = {
    'flagdebt.config.json': CONFIG,
    'flags.yaml': registryYaml([FLAG, 'hx-other']),
    'src/flags.ts': FLAGS_MODULE,
    'src/good.ts': GOOD_FILE,
    ...extra,
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const SYNTAX_ERROR = ["import { flags } from './flags';", '', 'export function broken( {', "  return flags.isEnabled('hx-flag') ? 1 :", '}}}', ''].join('\n');

/** Seeded random bytes with NULs, the way a mis-named image or archive looks. */
export function binaryBytes(size = 64 * 1024): Buffer {
  const rng = createRng(99);
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = rng.int(256);
  bytes.write("flags.isEnabled('hx-flag')", 100, 'latin1');
  return bytes;
}

/** A ~5 MB single-line bundle, as a bundler would emit it (with a few flag reads inside). */
export function minifiedBundle(bytes = 5 * 1024 * 1024): string {
  const parts: string[] = ['var flags={isEnabled:function(k){return!1}};'];
  let size = parts[0].length;
  for (let i = 0; size < bytes; i++) {
    const chunk = i % 5000 === 0 ? `var r${i}=flags.isEnabled("hx-flag")?${i}:0;` : `var m${i}=function(a,b){return a*${i}+b-(a>b?a:b)};`;
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('');
}

/**
 * A 50,000-line generated table with a flag read every 5,000 lines. Short lines keep it under
 * the scanner's size limit, so it is really indexed rather than skipped.
 */
export function hugeFile(lines = 50_000): string {
  const out = ["import { flags } from './flags';", ''];
  for (let i = 0; out.length < lines; i++) {
    out.push(i % 5000 === 0 ? `export const r${i} = flags.isEnabled('hx-flag', false) ? ${i} : -${i};` : `export const r${i} = ${i};`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * 10,000 nested parentheses around a flag read and 10,000 nested arrays, wrapped at 100 per
 * line the way a code generator would, so no "minified" heuristic skips it.
 */
export function deeplyNested(levels = 10_000): string {
  const wrap = (s: string) => s.match(/.{1,100}/g)!.join('\n');
  return [
    "import { flags } from './flags';",
    '',
    `export const deep =\n${wrap('('.repeat(levels))}\nflags.isEnabled('hx-flag', false)\n${wrap(')'.repeat(levels))};`,
    `export const arrays =\n${wrap('['.repeat(levels))}\n1\n${wrap(']'.repeat(levels))};`,
    '',
  ].join('\n');
}

/** A valid file with Latin-1 bytes (not UTF-8) inside a string literal. */
export function nonUtf8(): Buffer {
  const head = Buffer.from("import { flags } from './flags';\n\nexport const greeting = '", 'utf8');
  const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe, 0x80]);
  const tail = Buffer.from("';\n\nexport function banner(): string {\n  return flags.isEnabled('hx-flag', false) ? greeting : '';\n}\n", 'utf8');
  return Buffer.concat([head, latin1, tail]);
}

export const WITH_BOM = `\uFEFF${GOOD_FILE.replace('checkoutLabel', 'bomLabel')}`;
export const WITH_CRLF = GOOD_FILE.replace('checkoutLabel', 'crlfLabel').replace(/\n/g, '\r\n');

/** src/loop -> src and a pair of links pointing at each other. */
export function addSymlinkLoops(dir: string): void {
  symlinkSync(join(dir, 'src'), join(dir, 'src/loop'), 'dir');
  symlinkSync(join(dir, 'src/b-link.ts'), join(dir, 'src/a-link.ts'));
  symlinkSync(join(dir, 'src/a-link.ts'), join(dir, 'src/b-link.ts'));
}

export function makeUnreadable(path: string): void {
  chmodSync(path, 0o000);
}

/** Keys that break naive regexes and naive byte/char arithmetic. */
export const TRICKY_KEYS = ['café-☕', 'a.b*c+(d)?[e]', '^start$|end\\', '日本語フラグ', '$&$1'];
