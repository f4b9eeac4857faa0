import '../lib/jsx-types';

export function Toolbar(props: { onEnable: () => void; onDisable: () => void }): JSX.Element {
  return (
    <div className="toolbar">
      <button type="button" onClick={props.onEnable}>
        Enable
      </button>
      <button type="button" onClick={props.onDisable}>Disable</button>
    </div>
  );
}
