import '../lib/jsx-types';
import { SearchBox } from './SearchBox';

export const Header = ({ user, showSearch }: { user: string; showSearch: boolean }) => (
  <header>
    <span className="user">{user}</span>
    {showSearch && <SearchBox hint="Search projects" expanded={showSearch} />}
  </header>
);
