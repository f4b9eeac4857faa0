import '../lib/jsx-types';

function LegacyFolders(): JSX.Element {
  return <p>Folders are coming soon</p>;
}

export function Sidebar(): JSX.Element {
  return (
    <nav>
      <a href="/projects">Projects</a>
      <LegacyFolders />
    </nav>
  );
}

export function FoldersTitle(): JSX.Element | null {
  return null;
}
