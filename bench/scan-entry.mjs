#!/usr/bin/env node
/**
 * The scan as one process, without the CLI: scan(), render JSON to stdout. Used by bench/scan.mjs
 * when packages/cli is not built. Prints `maxRSS <KiB>` on stderr for the parent to read.
 *
 *   node bench/scan-entry.mjs DIR [--now 2026-11-21]
 */
import { renderScan, scan } from '../packages/scanner/dist/index.js';

const args = process.argv.slice(2);
const dir = args[0] ?? '.';
const nowAt = args.indexOf('--now');
const result = await scan({ dir, now: nowAt === -1 ? undefined : args[nowAt + 1] });
process.stdout.write(renderScan(result, 'json'));
process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS}\n`);
