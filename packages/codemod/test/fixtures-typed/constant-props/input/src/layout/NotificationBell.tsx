import '../lib/jsx-types';
import { useUiFlag } from '../lib/flags';
import { LegacyBell } from './LegacyBell';

export function NotificationBell({
  unseen,
  colorScheme,
}: {
  unseen: number;
  colorScheme: 'light' | 'dark';
}) {
  const newNav = useUiFlag('newNav');
  if (!newNav) {
    return <LegacyBell count={unseen} scheme={colorScheme} />;
  }
  return <span className="bell">{unseen}</span>;
}
