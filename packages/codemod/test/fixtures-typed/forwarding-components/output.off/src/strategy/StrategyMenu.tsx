import '../lib/jsx-types';
import { LegacyStrategyMenu } from './LegacyStrategyMenu';

export interface StrategyMenuProps {
  label: string;
  featureId: string;
  disabled?: boolean;
}

/** Picks the dropdown while newNav rolls out. */
export const StrategyMenuSwitch = (props: StrategyMenuProps) => {
  return <LegacyStrategyMenu {...props} />;
};

/** Wraps its children in a fragment: not inlined (its uses would need their children spliced). */
export const MenuGate = ({ children }: { children?: unknown }) => <>{children}</>;
