import { flags } from './flags/client';

export const decide1 = (a: boolean, b: boolean, c: boolean) => {
  let v6 = flags.isEnabled('fz-target');
  let v12 = v6;
  if (v12) {
    v12 = true;
  }
};
