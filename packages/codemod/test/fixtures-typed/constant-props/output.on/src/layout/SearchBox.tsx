import '../lib/jsx-types';

export function SearchBox({ hint }: { hint: string }) {
  return <input placeholder={hint} className="search search--wide" />;
}
