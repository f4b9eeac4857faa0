export function cartButton(): string {
  return 'Pay now';
}
