function legacyLabel(): string {
  return 'Go to checkout';
}

export function cartButton(): string {
  return legacyLabel();
}
