import { flags } from '../flags/client';

/** Static helpers for the checkout service. */
export class CheckoutGate {
  static open(key: string): boolean {
    return flags.isEnabled(key, false);
  }
}

export function expressPay(amount: number): boolean {
  return CheckoutGate.open('new-checkout') && amount > 0;
}
