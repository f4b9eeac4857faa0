import '../lib/jsx-types';

export function LegacyBell({ count, scheme }: { count: number; scheme: 'light' | 'dark' }) {
  return <span className={`bell bell--${scheme}`}>{count > 99 ? '99+' : count}</span>;
}
