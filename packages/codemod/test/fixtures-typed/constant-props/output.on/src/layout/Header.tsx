import '../lib/jsx-types';
import { SearchBox } from './SearchBox';

export const Header = ({ user }: { user: string }) => (
  <header>
    <span className="user">{user}</span>
    <SearchBox hint="Search projects" />
  </header>
);
