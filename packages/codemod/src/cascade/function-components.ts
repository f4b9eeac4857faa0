import ts from '../ts-morph-ts.cjs';

/**
 * A module-level function component the cascade may rewrite: `function C(props) {...}` or
 * `const C = (props) => ...` (also `const C: FC<Props> = ({ ... }) => ...`), not default-exported
 * and not generic. Shared by forwarding-components.ts and constant-props.ts.
 */
export interface FunctionComponent {
  statement: ts.Statement;
  name: string;
  fn: ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration;
  exported: boolean;
  /** `Props` of `const C: FC<Props> = ...`, else the first parameter's own annotation. */
  propsType: ts.TypeNode | undefined;
}

const FC_TYPES = new Set(['FC', 'FunctionComponent', 'VFC', 'React.FC', 'React.FunctionComponent', 'React.VFC']);

export function componentOf(s: ts.Statement): FunctionComponent | undefined {
  const modifiers = ts.canHaveModifiers(s) ? (ts.getModifiers(s) ?? []) : [];
  if (modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return undefined;
  const exported = modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  if (ts.isFunctionDeclaration(s)) {
    return s.name && s.body && !s.typeParameters ? { statement: s, name: s.name.text, fn: s, exported, propsType: s.parameters[0]?.type } : undefined;
  }
  if (!ts.isVariableStatement(s) || s.declarationList.declarations.length !== 1) return undefined;
  const d = s.declarationList.declarations[0];
  const init = d.initializer;
  if (!ts.isIdentifier(d.name) || !init || !(ts.isArrowFunction(init) || ts.isFunctionExpression(init)) || init.typeParameters) return undefined;
  const base = { statement: s, name: d.name.text, fn: init, exported };
  if (!d.type) return { ...base, propsType: init.parameters[0]?.type };
  // `const Summary: FC<SummaryProps> = ({ ... }) => ...`: the props type is the type argument.
  const t = d.type;
  const fc = ts.isTypeReferenceNode(t) && FC_TYPES.has(entityText(t.typeName)) && t.typeArguments?.length === 1;
  return fc && !init.parameters[0]?.type ? { ...base, propsType: t.typeArguments![0] } : undefined;
}

export function componentNamed(sf: ts.SourceFile, name: string): FunctionComponent | undefined {
  for (const s of sf.statements) {
    const c = componentOf(s);
    if (c?.name === name) return c;
  }
  return undefined;
}

function entityText(name: ts.EntityName): string {
  return ts.isIdentifier(name) ? name.text : `${entityText(name.left)}.${name.right.text}`;
}
