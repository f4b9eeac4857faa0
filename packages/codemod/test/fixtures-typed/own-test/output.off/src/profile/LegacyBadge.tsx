import '../lib/jsx-types';

export const LegacyBadge = ({ email }: { email: string }) => <span className="badge">{email}</span>;
