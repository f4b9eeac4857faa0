/** The banner that invites shoppers to the new checkout. */
export function checkoutBanner(region: string): string | null {
  return null;
}
