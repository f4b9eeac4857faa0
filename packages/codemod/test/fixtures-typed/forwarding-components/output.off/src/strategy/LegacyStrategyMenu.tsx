import '../lib/jsx-types';
import type { StrategyMenuProps } from './StrategyMenu';

export const LegacyStrategyMenu = (props: StrategyMenuProps) => (
  <div className="legacy-menu">
    <a href={`/features/${props.featureId}/strategies/new`}>{props.label}</a>
  </div>
);
