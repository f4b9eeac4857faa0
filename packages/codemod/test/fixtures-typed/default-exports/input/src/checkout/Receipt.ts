export default function Receipt(total: number): string {
  return `Receipt: ${total}`;
}
