import { Totals } from './Totals';

/** Loaded on demand: the receipt module stays whatever imports it statically. */
export async function printReceipt(total: number): Promise<string> {
  const { default: render } = await import('./Receipt');
  return `${render(total)} (${Totals(total)})`;
}
