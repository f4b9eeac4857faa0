import '../lib/jsx-types';
import { FeatureGate } from '../lib/flags';

function LegacyFolders(): JSX.Element {
  return <p>Folders are coming soon</p>;
}

export function Sidebar(): JSX.Element {
  return (
    <nav>
      <a href="/projects">Projects</a>
      <FeatureGate flag="new-checkout" fallback={<LegacyFolders />}>
        <a href="/folders">Folders</a>
        <a href="/folders/archive">Archive</a>
      </FeatureGate>
    </nav>
  );
}

export function FoldersTitle(): JSX.Element | null {
  return (
    <FeatureGate flag="new-checkout">
      <h1>Folders</h1>
    </FeatureGate>
  );
}
