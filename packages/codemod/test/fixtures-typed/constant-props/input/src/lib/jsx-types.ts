// Just enough JSX typing for the fixture (no React installed).
declare global {
  namespace JSX {
    type Element = { type: unknown; props: unknown };
    interface IntrinsicElements {
      [name: string]: Record<string, unknown>;
    }
    interface ElementChildrenAttribute {
      children: unknown;
    }
  }
}

export {};
