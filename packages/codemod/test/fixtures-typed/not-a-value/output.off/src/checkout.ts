import { exp, flags, settings, useFeature } from './lib/sdk';

export class Host {
  constructor(readonly ready: Promise<boolean>) {}
}

export function checkoutTitle(): string {
  return 'Checkout';
}

export function checkoutReason(): string {
  const feature = useFeature('new-checkout');
  return feature.reason;
}

export function expressPay(): boolean {
  return false;
}

export async function loadCheckout(): Promise<string> {
  return 'old';
}

export function host(): Host {
  return new Host(exp.inExperiment('new-checkout'));
}

export class CheckoutWatcher {
  watcherId = 0;
  enabled = false;

  start(): void {
    this.watcherId = settings.watch('new-checkout', (on) => {
      this.enabled = on;
    });
  }
}

export function observeCheckout(log: (on: boolean) => void): () => void {
  const sub = flags.observe('new-checkout').subscribe(log);
  return () => sub.unsubscribe();
}

/** Read once through the SDK's hook: the hook is listed as an `unwrap` of `flags.observe`. */
export function checkoutBadge(): string {
  return '';
}

/** The value destructured from the read's object: the name takes the flag's value. */
export function checkoutButton(): string {
  return 'Continue';
}

export function expressBadge(): string {
  return '';
}

/** Another property beside it needs the object: left and reported. */
export function checkoutDebug(): string {
  const { on, reason } = useFeature('new-checkout');
  return `${on} (${reason})`;
}
