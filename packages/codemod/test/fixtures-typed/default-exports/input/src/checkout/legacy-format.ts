export function formatLegacyTotal(cents: number): string {
  return `${Math.round(cents / 100)} EUR`;
}
