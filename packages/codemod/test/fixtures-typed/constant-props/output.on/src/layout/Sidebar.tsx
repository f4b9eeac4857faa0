import '../lib/jsx-types';

interface SidebarProps {
  title: string;
}

export function Sidebar({ title }: SidebarProps) {
  return (
    <nav className="nav nav--compact">
      <h2>{title}</h2>
    </nav>
  );
}
