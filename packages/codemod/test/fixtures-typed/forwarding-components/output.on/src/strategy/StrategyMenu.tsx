import '../lib/jsx-types';

export interface StrategyMenuProps {
  label: string;
  featureId: string;
  disabled?: boolean;
}

export const StrategyMenu = (props: StrategyMenuProps) => (
  <button type="button" aria-label={props.label} disabled={props.disabled}>
    Add strategy to {props.featureId}
  </button>
);

/** Wraps its children in a fragment: not inlined (its uses would need their children spliced). */
export const MenuGate = ({ children }: { children?: unknown }) => <>{children}</>;
