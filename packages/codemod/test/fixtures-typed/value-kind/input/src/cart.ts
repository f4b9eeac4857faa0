import { flags } from './flags';

const limit: number = flags.getNumber('max-items', 20);

export function canAdd(itemsInCart: number): boolean {
  return itemsInCart < limit;
}

export function limitMessage(): string {
  return `You can add up to ${limit} items`;
}
