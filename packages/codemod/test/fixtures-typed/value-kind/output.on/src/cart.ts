export function canAdd(itemsInCart: number): boolean {
  return itemsInCart < 10;
}

export function limitMessage(): string {
  return `You can add up to 10 items`;
}
