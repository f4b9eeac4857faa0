import '../lib/jsx-types';
import { LegacyBell } from './LegacyBell';

export function NotificationBell({
  unseen,
  colorScheme,
}: {
  unseen: number;
  colorScheme: 'light' | 'dark';
}) {
  return <LegacyBell count={unseen} scheme={colorScheme} />;
}
