import { ESLintUtils } from '@typescript-eslint/utils';

export const DOCS_BASE_URL = 'https://github.com/flagdebt/flagdebt/blob/main/packages/eslint-plugin/docs/rules/';

/** Every flagdebt rule links to its doc under packages/eslint-plugin/docs/rules/. */
export const createRule = ESLintUtils.RuleCreator((name) => `${DOCS_BASE_URL}${name}.md`);
