import '../lib/jsx-types';

export function Toolbar(props: { onEnable: () => void; onDisable: () => void }): JSX.Element {
  return (
    <div className="toolbar">
    </div>
  );
}
