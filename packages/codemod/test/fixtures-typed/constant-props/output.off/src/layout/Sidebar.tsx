import '../lib/jsx-types';

interface SidebarProps {
  title: string;
}

export function Sidebar({ title }: SidebarProps) {
  return (
    <nav className="nav">
      <h2>{title}</h2>
      <p className="nav__hint">Browse every project</p>
    </nav>
  );
}
