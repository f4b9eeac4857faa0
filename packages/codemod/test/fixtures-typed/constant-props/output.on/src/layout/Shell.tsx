import '../lib/jsx-types';
import { Badge } from './Badge';
import { Header } from './Header';
import { NotificationBell } from './NotificationBell';
import { Sidebar } from './Sidebar';

export function Shell({ user, unread }: { user: string; unread: number }) {
  return (
    <div className="shell">
      <Header user={user} />
      <Sidebar
        title="Projects"
      />
      <Badge label={`${unread} unread`} highlighted />
      <NotificationBell unseen={unread} />
    </div>
  );
}
