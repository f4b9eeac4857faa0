// The eslint-utils entry alone: the package root loads every helper (~10 ms more per ESLint run).
import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';

export const DOCS_BASE_URL = 'https://github.com/flagdebt/flagdebt/blob/main/packages/eslint-plugin/docs/rules/';

/** Every flagdebt rule links to its doc under packages/eslint-plugin/docs/rules/. */
export const createRule = RuleCreator((name) => `${DOCS_BASE_URL}${name}.md`);
