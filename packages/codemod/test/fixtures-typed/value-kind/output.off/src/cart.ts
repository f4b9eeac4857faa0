export function canAdd(itemsInCart: number): boolean {
  return itemsInCart < 5;
}

export function limitMessage(): string {
  return `You can add up to 5 items`;
}
