/** A page of its own (the framework routes to it), also rendered inside the old checkout. */
export default function LegacyCartPage(): string {
  return 'cart';
}
