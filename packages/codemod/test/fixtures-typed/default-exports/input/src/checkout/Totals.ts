/** Exported by name and as the default: the receipts import it by name. */
export const Totals = (cents: number): string => `${(cents / 100).toFixed(2)} EUR`;

export default Totals;
