import { classNames, useEffect, useMemo } from './lib/hooks';
import { useFlag } from './lib/flags';

export interface Order {
  id: string;
  archived: boolean;
  total: number;
}

const events: string[] = [];

function track(event: string, id: string): void {
  events.push(`${event}:${id}`);
}

function isStale(order: Order): boolean {
  return order.archived;
}

export function visibleOrders(orders: Order[]): Order[] {
  const showArchived = useFlag('new-checkout');
  return orders.filter((o) => showArchived || !o.archived);
}

export function useOrderTracking(id: string): void {
  const enabled = useFlag('new-checkout');
  useEffect(() => {
    track('order-view', id);
  }, [id, enabled]);
}

export function rowClass(order: Order): string {
  return classNames('row', { 'row--compact': useFlag('new-checkout'), 'row--archived': order.archived });
}

export function columns(extra: string): string[] {
  return ['id', 'total', ...(useFlag('new-checkout') ? [extra] : [])];
}

export function summary(order: Order): string {
  return `${useFlag('new-checkout') ? 'Total' : 'Sum'}: ${order.total}`;
}

export function banner(order: Order): string {
  let text: string;
  if (useFlag('new-checkout')) text = `Order ${order.id}`;
  else text = 'Order';
  return text;
}

export function guard(order: Order): string | null {
  if (isStale(order) && !useFlag('new-checkout')) return null;
  return order.id;
}

export function memoTotal(orders: Order[]): number {
  const fast = useFlag('new-checkout');
  return useMemo(() => orders.reduce((a, o) => a + o.total, 0), [orders, fast]);
}

export function totals(orders: Order[]): number {
  const total = orders.length;
  if (useFlag('new-checkout')) {
    const sum = orders.reduce((a, o) => a + o.total, 0);
    return sum + total;
  }
  return total;
}

export function labels(order: Order): string[] {
  const format = (label: string) => label.toUpperCase();
  if (useFlag('new-checkout')) {
    const label = `#${order.id}`;
    return [format(label), order.id];
  }
  return [order.id];
}

function markSeen(order: Order): boolean {
  track('seen', order.id);
  return order.archived;
}

export function seen(order: Order): string | null {
  if (markSeen(order) && !useFlag('new-checkout')) return null;
  return order.id;
}

export function legacyOnly(orders: Order[]): Order[] {
  return orders.filter(() => !useFlag('new-checkout'));
}

export function visibleIds(orders: Order[]): string[] {
  return orders.filter((o) => useFlag('new-checkout') || !o.archived).map((o) => o.id);
}
