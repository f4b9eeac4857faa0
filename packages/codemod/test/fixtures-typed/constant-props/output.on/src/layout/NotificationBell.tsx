import '../lib/jsx-types';

export function NotificationBell({
  unseen,
}: {
  unseen: number;
}) {
  return <span className="bell">{unseen}</span>;
}
