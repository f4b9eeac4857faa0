import inlineEvaluation from './inline-evaluation.js';
import maxFlagsPerFunction from './max-flags-per-function.js';
import naming from './naming.js';
import noArchived from './no-archived.js';
import noExpired from './no-expired.js';
import readyToRemove from './ready-to-remove.js';
import registered from './registered.js';
import safeDefault from './safe-default.js';
import staticKey from './static-key.js';

export const rules = {
  'static-key': staticKey,
  registered,
  'safe-default': safeDefault,
  'no-archived': noArchived,
  'no-expired': noExpired,
  'ready-to-remove': readyToRemove,
  naming,
  'inline-evaluation': inlineEvaluation,
  'max-flags-per-function': maxFlagsPerFunction,
};

export type RuleName = keyof typeof rules;
