import '../lib/jsx-types';
import { useUiFlag } from '../lib/flags';
import { LegacyStrategyMenu } from './LegacyStrategyMenu';

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

/** Picks the dropdown while newNav rolls out. */
export const StrategyMenuSwitch = (props: StrategyMenuProps) => {
  const newDropdown = useUiFlag('newNav');

  if (newDropdown) {
    return <StrategyMenu {...props} />;
  }

  return <LegacyStrategyMenu {...props} />;
};

/** Wraps its children in a fragment: not inlined (its uses would need their children spliced). */
export const MenuGate = ({ children }: { children?: unknown }) => <>{children}</>;
