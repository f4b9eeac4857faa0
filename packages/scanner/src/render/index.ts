import { FlagdebtError } from '@flagdebt/core';
import type { ScanResult } from '../types.js';
import * as formats from './formats.js';
import type { RenderOptions, Renderer } from './renderer.js';

export type { RenderOptions, Renderer } from './renderer.js';

export const renderers: Record<string, Renderer> = { ...formats };

export function renderScan(result: ScanResult, format: string, options: RenderOptions = {}): string {
  const render = Object.hasOwn(renderers, format) ? renderers[format] : undefined;
  if (!render) {
    throw new FlagdebtError({
      severity: 'error',
      code: 'scan/unknown-format',
      file: '--format',
      line: 0,
      column: 0,
      message: `unknown report format "${format}"`,
      fix: `use one of ${Object.keys(renderers).join(', ')}`,
    });
  }
  return render(result, options);
}
