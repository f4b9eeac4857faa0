import { ts } from 'ts-morph';

/**
 * Calls that build a test double: ts-mockito's `instance(experiments)` and `mock(Service)`,
 * `jest.fn()`, `vi.fn()`, `sinon.stub()` and `sinon.spy()`, `createStubInstance(Service)`,
 * typemoq's `Mock.ofType<T>()`. Building one has no effect a test relies on once nothing receives
 * it: such a call may go with the argument or variable that held it.
 */
const TEST_DOUBLES = new Set(['instance', 'mock', 'mockDeep', 'createMock', 'fn', 'stub', 'createStubInstance', 'ofType', 'ofInstance', 'spy']);

export function isTestDouble(call: ts.CallExpression): boolean {
  const callee = ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression;
  return ts.isIdentifier(callee) && TEST_DOUBLES.has(callee.text);
}
