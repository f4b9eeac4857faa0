import '../lib/jsx-types';
import { MenuGate, StrategyMenu } from '../strategy/StrategyMenu';

export function EnvironmentRow(props: { featureId: string; environment: string; locked: boolean }) {
  return (
    <tr>
      <td>{props.environment}</td>
      <td>
        <MenuGate>
          <StrategyMenu label={`Add to ${props.environment}`} featureId={props.featureId} disabled={props.locked} />
        </MenuGate>
      </td>
    </tr>
  );
}
