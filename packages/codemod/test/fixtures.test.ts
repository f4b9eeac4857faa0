import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';
import { runFixtureCases } from './support/fixture-cases.js';

describe('flag removal fixtures', () => runFixtureCases(fileURLToPath(new URL('./fixtures', import.meta.url))));
