export default function OldSummary(items: number): string {
  return `${items} item(s)`;
}
