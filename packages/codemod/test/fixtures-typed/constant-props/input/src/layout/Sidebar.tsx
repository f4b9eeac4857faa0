import '../lib/jsx-types';

interface SidebarProps {
  title: string;
  /** The new navigation's narrow sidebar. */
  compact: boolean;
}

export function Sidebar({ title, compact }: SidebarProps) {
  return (
    <nav className={compact ? 'nav nav--compact' : 'nav'}>
      <h2>{title}</h2>
      {compact ? null : <p className="nav__hint">Browse every project</p>}
    </nav>
  );
}
