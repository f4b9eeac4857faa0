/** `--format json`: the version-1 contract, exactly (schema/scan-result.v1.json). */
import type { Renderer } from './renderer.js';

const renderJson: Renderer = (result) => `${JSON.stringify(result, null, 2)}\n`;

export default renderJson;
