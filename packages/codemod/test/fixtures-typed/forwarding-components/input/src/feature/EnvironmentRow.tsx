import '../lib/jsx-types';
import { MenuGate, StrategyMenuSwitch } from '../strategy/StrategyMenu';

export function EnvironmentRow(props: { featureId: string; environment: string; locked: boolean }) {
  return (
    <tr>
      <td>{props.environment}</td>
      <td>
        <MenuGate>
          <StrategyMenuSwitch label={`Add to ${props.environment}`} featureId={props.featureId} disabled={props.locked} />
        </MenuGate>
      </td>
    </tr>
  );
}
