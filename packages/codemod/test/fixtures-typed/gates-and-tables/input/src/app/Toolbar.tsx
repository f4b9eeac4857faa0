import '../lib/jsx-types';
import { ConditionallyRender, useFlag } from '../lib/flags';

export function Toolbar(props: { onEnable: () => void; onDisable: () => void }): JSX.Element {
  const bulkToggleDisabled = useFlag('new-checkout');
  return (
    <div className="toolbar">
      <ConditionallyRender
        condition={bulkToggleDisabled}
        show={null}
        elseShow={
          <button type="button" onClick={props.onEnable}>
            Enable
          </button>
        }
      />
      <ConditionallyRender condition={!bulkToggleDisabled} show={<button type="button" onClick={props.onDisable}>Disable</button>} />
    </div>
  );
}
