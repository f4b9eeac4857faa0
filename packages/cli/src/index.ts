export { run, EXIT } from './main.js';
export type { CliIO } from './io.js';
