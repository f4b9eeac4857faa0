import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';
import { runFixtureCases } from './support/fixture-cases.js';

// Cases with a tsconfig: the outputs must compile (tsc --noEmit), and the type-check gate runs.
describe('flag removal fixtures that type-check', () => runFixtureCases(fileURLToPath(new URL('./fixtures-typed', import.meta.url))));
