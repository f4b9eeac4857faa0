import { flags } from './flags/client';

export function pick(c: boolean) {
  switch (flags.getVariant('fz-target')) {
    case 'blue': {
      if (c) return 'x';
      else return 'y';
    }
    case 'control': {
      let v = true;
      break;
    }
  }
  return 'z';
}
