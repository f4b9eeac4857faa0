import '../lib/jsx-types';
import { Badge } from './Badge';
import { Header } from './Header';
import { NotificationBell } from './NotificationBell';
import { Sidebar } from './Sidebar';

export function Shell({ user, unread }: { user: string; unread: number }) {
  const scheme = user === 'night-owl' ? 'dark' : 'light';
  return (
    <div className="shell">
      <Header user={user} />
      <Sidebar
        title="Projects"
      />
      <Badge label={`${unread} unread`} highlighted={false} />
      <NotificationBell unseen={unread} colorScheme={scheme} />
    </div>
  );
}
