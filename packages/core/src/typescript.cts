/**
 * The `typescript` package, loaded with require(). An ESM `import` of this 9 MB CommonJS file
 * makes Node lex all of it for named exports, which costs more than half a second on every
 * run (measured: 1.0-1.4 s vs 0.4-0.6 s); re-exporting through a CommonJS module skips that.
 * `cache/typescript-loader.cts` loads it first, with a compile cache.
 */
import './cache/typescript-loader.cjs';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the point of this module
import ts = require('typescript');
export = ts;
