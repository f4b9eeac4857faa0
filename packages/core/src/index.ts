export * from './types.js';
export * from './diagnostics.js';
