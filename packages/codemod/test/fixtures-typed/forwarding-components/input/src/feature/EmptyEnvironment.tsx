import '../lib/jsx-types';
import { StrategyMenuSwitch } from '../strategy/StrategyMenu';

export const EmptyEnvironment = ({ featureId }: { featureId: string }) => (
  <section>
    <p>No strategies yet.</p>
    <StrategyMenuSwitch label="Add your first strategy" featureId={featureId}></StrategyMenuSwitch>
  </section>
);
