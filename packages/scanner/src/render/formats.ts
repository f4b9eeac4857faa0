/** Every report format, one module each. Adding a format is one line here. */
export { default as text } from './text.js';
export { default as json } from './json.js';
export { default as markdown } from './markdown.js';
export { default as csv } from './csv.js';
export { default as sarif } from './sarif.js';
export { default as openmetrics } from './openmetrics.js';
export { default as html } from './html.js';
