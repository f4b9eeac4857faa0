import { describe, expect, it } from 'vitest';
import { isMinified, screenText } from '../../src/files/source-screen.js';

describe('source screen', () => {
  it('calls a file minified only with a line over 2,000 characters and an average line over 300', () => {
    const bundle = `!function(){${'var a=1;'.repeat(400)}}();\n`;
    expect(isMinified(bundle)).toBe(true);
    // One long generated line (a data URL) in ordinary code is not minification.
    const ordinary = `${'const x = 1;\n'.repeat(200)}const img = '${'A'.repeat(2500)}';\n${'const y = 2;\n'.repeat(200)}`;
    expect(isMinified(ordinary)).toBe(false);
    // Long average but no line over 2,000: dense, not minified.
    const dense = `${'x'.repeat(1500)}\n`.repeat(10);
    expect(isMinified(dense)).toBe(false);
  });

  it('skips text with NUL characters near the start as binary', () => {
    expect(screenText('GIF89a\0\0\0')).toEqual({ skipped: 'binary file (NUL bytes), skipped' });
    expect(screenText('export const a = 1;\n')).toEqual({ text: 'export const a = 1;\n' });
  });
});
