import '../lib/jsx-types';

export function Sidebar(): JSX.Element {
  return (
    <nav>
      <a href="/projects">Projects</a>
      <a href="/folders">Folders</a>
      <a href="/folders/archive">Archive</a>
    </nav>
  );
}

export function FoldersTitle(): JSX.Element | null {
  return (
    <h1>Folders</h1>
  );
}
