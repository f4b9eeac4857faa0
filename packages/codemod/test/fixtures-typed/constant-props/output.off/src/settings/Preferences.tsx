import '../lib/jsx-types';
import { Badge } from '../layout/Badge';

export function Preferences({ pending }: { pending: number }) {
  return (
    <section>
      <h1>Preferences</h1>
      <Badge label={`${pending} pending`} highlighted={pending > 3} />
    </section>
  );
}
