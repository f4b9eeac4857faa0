/** How the admin page names each flag. */
export const FLAG_LABELS: { [key: string]: string } = {
  'dark-mode': 'Dark colour scheme',
  'saved-carts': 'Carts kept between visits',
};

export function labelOf(key: string): string {
  return FLAG_LABELS[key] ?? key;
}
