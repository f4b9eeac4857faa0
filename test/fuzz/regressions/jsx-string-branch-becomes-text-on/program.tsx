import { config } from './flags/client';

type Props = { a: boolean; b: boolean; c: boolean };

export function Panel0({ a, b, c }: Props) {
  let v1 = config.featureToggles['fz-target'];
  return (
    <section>
      <section>
        <div></div>
        {v1 ? 'r6' : 'r7'}
        r8
      </section>
    </section>
  );
}
