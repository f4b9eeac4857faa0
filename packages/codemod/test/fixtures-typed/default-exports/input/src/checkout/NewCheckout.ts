import banner from './SharedBanner';

export default function NewCheckout(total: number): string {
  return `${banner()} | pay ${(total / 100).toFixed(2)} EUR in one step`;
}
