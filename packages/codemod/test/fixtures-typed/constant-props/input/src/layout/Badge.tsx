import '../lib/jsx-types';

/** Shown in the shell and in settings: `highlighted` is not the flag's alone. */
export function Badge({ label, highlighted }: { label: string; highlighted: boolean }) {
  return <span className={highlighted ? 'badge badge--hot' : 'badge'}>{label}</span>;
}
