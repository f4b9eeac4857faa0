import '../lib/jsx-types';

export const Header = ({ user }: { user: string }) => (
  <header>
    <span className="user">{user}</span>
  </header>
);
