import '../lib/jsx-types';

export function SearchBox({ hint, expanded }: { hint: string; expanded?: boolean }) {
  return <input placeholder={hint} className={expanded ? 'search search--wide' : 'search'} />;
}
