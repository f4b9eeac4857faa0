import rule from '../../src/rules/inline-evaluation.js';
import { createRuleTester, storefront } from '../rule-tester.js';

const cart = storefront('src/checkout/Cart.tsx');
const head = `import { flags, useFlag } from '../flags/client';\n`;

createRuleTester().run('inline-evaluation', rule, {
  valid: [
    { filename: cart, code: `${head}export function Cart() {\n  if (flags.isEnabled('new-checkout', false)) return 'new';\n  return 'old';\n}` },
    { filename: cart, code: `${head}export function Cart() {\n  const dark = useFlag('dark-mode');\n  return dark ? 'dark' : 'light';\n}` },
    { filename: cart, code: `${head}export const Cart = () => <main>{useFlag('dark-mode') && <aside />}</main>;` },
    // Combined with another condition, the decision is made here.
    { filename: cart, code: `${head}export function canPay(user: string) {\n  return user.length > 0 && flags.isEnabled('new-checkout', false);\n}` },
    { filename: cart, code: `${head}export const label = () => (useFlag('dark-mode') ? 'Dark' : 'Light');` },
    // A wrapper is the one function allowed to return a read.
    { filename: cart, code: `${head}export function useDarkMode() {\n  return useFlag('dark-mode');\n}` },
    { filename: cart, code: `${head}export const isNewCheckout = () => flags.isEnabled('new-checkout', false);` },
    { filename: cart, code: `${head}export class Checkout {\n  useNew = flags.isEnabled('new-checkout', false);\n}` },
    // A wrapper may do more than return the read: log, await, guard.
    { filename: cart, code: `${head}export function checkoutVersion(log: (m: string) => void) {\n  log('checking');\n  return flags.isEnabled('new-checkout', false);\n}` },
    { filename: cart, code: `${head}export async function isNewCheckout(ready: boolean) {\n  if (!ready) return false;\n  return await flags.isEnabled('new-checkout', false);\n}` },
  ],
  invalid: [
    {
      filename: cart,
      code: `${head}export const NEW_CHECKOUT_ON = flags.isEnabled('new-checkout', false);`,
      errors: [{ messageId: 'exported', line: 2, column: 32, data: { flag: 'Flag "new-checkout"' } }],
    },
    { filename: cart, code: `${head}export default useFlag('dark-mode');`, errors: [{ messageId: 'exported' }] },
    {
      filename: cart,
      code: `${head}const darkMode = useFlag('dark-mode');\nexport const theme = () => (darkMode ? 'dark' : 'light');`,
      errors: [{ messageId: 'moduleLevel', line: 2, column: 18 }],
    },
    { filename: cart, code: `${head}if (useFlag('dark-mode')) document.body.classList.add('dark');`, errors: [{ messageId: 'moduleLevel', line: 2, column: 5 }] },
    {
      filename: cart,
      code: `${head}export function Cart() {\n  let useNew = flags.isEnabled('new-checkout', false);\n  if (Math.random() > 2) useNew = false;\n  return useNew;\n}`,
      errors: [{ messageId: 'storedInLet', line: 3, column: 16 }],
    },
    {
      filename: cart,
      code: `${head}export function Cart(state: { dark: boolean }) {\n  state.dark = useFlag('dark-mode');\n  return state;\n}`,
      errors: [{ messageId: 'reassigned', line: 3, column: 16 }],
    },
    {
      filename: cart,
      code: `${head}declare function render(dark: boolean): string;\nexport function Page() {\n  return render(!useFlag('dark-mode'));\n}`,
      errors: [{ messageId: 'passedAsArgument', line: 4, column: 18, data: { flag: 'Flag "dark-mode"' } }],
    },
    {
      filename: cart,
      code: `${head}export function settings() {\n  return { dark: useFlag('dark-mode'), checkout: 'v1' };\n}`,
      errors: [{ messageId: 'storedInObject', line: 3, column: 18 }],
    },
    {
      filename: cart,
      code: `${head}export function enabledFlags() {\n  return [useFlag('dark-mode') ?? false];\n}`,
      errors: [{ messageId: 'storedInObject', line: 3, column: 11 }],
    },
    // Not a wrapper (it reads another flag too), so returning the read hands the value on.
    {
      filename: cart,
      code: `${head}export function checkoutVersion(log: (m: string) => void) {\n  if (useFlag('dark-mode')) log('dark');\n  return flags.isEnabled('new-checkout', false);\n}`,
      errors: [{ messageId: 'returned', line: 4, column: 10 }],
    },
  ],
});
