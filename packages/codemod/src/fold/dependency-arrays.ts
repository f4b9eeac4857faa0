import ts from '../ts-morph-ts.cjs';

/** React's hooks whose last argument is a dependency array. */
const REACT_HOOKS_WITH_DEPS = new Set(['useEffect', 'useLayoutEffect', 'useInsertionEffect', 'useMemo', 'useCallback', 'useImperativeHandle']);

/**
 * Whether `array` is a hook's dependency array: the last argument of one of React's hooks, or of
 * a project's own hook called the same way (`useAsyncCallback(async () => ..., [a, b])`,
 * `useDeepCompareEffect(() => ..., [x])`: a `use…` function given a callback first and an array
 * last, the convention eslint-plugin-react-hooks checks through `additionalHooks`). A folded
 * literal there never changes, so it can leave the array.
 */
export function isDependencyArray(array: ts.ArrayLiteralExpression): boolean {
  if (!ts.isCallExpression(array.parent)) return false;
  const call = array.parent;
  const args = call.arguments;
  if (args.length < 2 || args[args.length - 1] !== array) return false;
  const callee = ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression;
  if (!ts.isIdentifier(callee)) return false;
  if (REACT_HOOKS_WITH_DEPS.has(callee.text)) return true;
  const first = args[0];
  return /^use[A-Z]/.test(callee.text) && (ts.isArrowFunction(first) || ts.isFunctionExpression(first));
}
