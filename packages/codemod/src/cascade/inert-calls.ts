import ts from '../ts-morph-ts.cjs';

/**
 * Calls a deletion may drop with the argument, variable or field that held their result: building
 * a test double, or looking a service up in a DI container. Neither has an effect the program
 * relies on once nothing receives the result.
 */
export function isInertCall(call: ts.CallExpression): boolean {
  return isTestDouble(call) || isServiceLookup(call);
}

/**
 * ts-mockito's `instance(experiments)` and `mock(Service)`, `jest.fn()`, `vi.fn()`, `sinon.stub()`
 * and `sinon.spy()`, `createStubInstance(Service)`, typemoq's `Mock.ofType<T>()`.
 */
const TEST_DOUBLES = new Set(['instance', 'mock', 'mockDeep', 'createMock', 'fn', 'stub', 'createStubInstance', 'ofType', 'ofInstance', 'spy']);

export function isTestDouble(call: ts.CallExpression): boolean {
  const callee = ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression;
  return ts.isIdentifier(callee) && TEST_DOUBLES.has(callee.text);
}

const LOOKUPS = new Set(['get', 'resolve', 'getService', 'getRequiredService']);

/**
 * `serviceContainer.get<IWorkspaceService>(IWorkspaceService)`: a container lookup by a token
 * named like the type it returns (inversify, tsyringe and service-locator code). Not any `get`:
 * `cache.get<User>(key)` and `http.get<User>(url)` pass something else.
 */
function isServiceLookup(call: ts.CallExpression): boolean {
  if (!ts.isPropertyAccessExpression(call.expression) || !LOOKUPS.has(call.expression.name.text)) return false;
  const [type] = call.typeArguments ?? [];
  const [token] = call.arguments;
  return call.arguments.length === 1 && type !== undefined && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && ts.isIdentifier(token) && token.text === type.typeName.text;
}
