import '../lib/jsx-types';
import { useUiFlag } from '../lib/flags';
import { Badge } from './Badge';
import { Header } from './Header';
import { NotificationBell } from './NotificationBell';
import { Sidebar } from './Sidebar';

export function Shell({ user, unread }: { user: string; unread: number }) {
  const newNav = useUiFlag('newNav');
  const scheme = user === 'night-owl' ? 'dark' : 'light';
  return (
    <div className="shell">
      <Header user={user} showSearch={newNav} />
      <Sidebar
        title="Projects"
        compact={newNav}
      />
      <Badge label={`${unread} unread`} highlighted={newNav} />
      <NotificationBell unseen={unread} colorScheme={scheme} />
    </div>
  );
}
