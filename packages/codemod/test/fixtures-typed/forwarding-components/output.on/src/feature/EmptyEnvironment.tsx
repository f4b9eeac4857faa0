import '../lib/jsx-types';
import { StrategyMenu } from '../strategy/StrategyMenu';

export const EmptyEnvironment = ({ featureId }: { featureId: string }) => (
  <section>
    <p>No strategies yet.</p>
    <StrategyMenu label="Add your first strategy" featureId={featureId}></StrategyMenu>
  </section>
);
