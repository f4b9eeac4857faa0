/** A tiny stand-in for styled-components / emotion: components are functions of their text. */
export type Component = (text: string) => string;

function tag(name: string) {
  return (parts: TemplateStringsArray, ...values: unknown[]): Component =>
    (text) => `<${name} style="${parts.map((p, i) => p + String(values[i] ?? '')).join('')}">${text}</${name}>`;
}

export const styled = Object.assign((base: Component) => tag(base('').slice(1, 4)), { div: tag('div'), button: tag('button') });

export function css(parts: TemplateStringsArray): string {
  return parts.join('');
}

export function memo<P>(render: (props: P) => string): (props: P) => string {
  return render;
}

export function createContext<T>(initial: T): { current: T } {
  return { current: initial };
}

export function createTracker(name: string): { name: string } {
  return { name };
}
