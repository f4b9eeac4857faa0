import { classNames, useEffect, useMemo } from './lib/hooks';

export interface Order {
  id: string;
  archived: boolean;
  total: number;
}

const events: string[] = [];

function track(event: string, id: string): void {
  events.push(`${event}:${id}`);
}

export function visibleOrders(orders: Order[]): Order[] {
  return [...orders];
}

export function useOrderTracking(id: string): void {
  useEffect(() => {
    track('order-view', id);
  }, [id]);
}

export function rowClass(order: Order): string {
  return classNames('row', 'row--compact', { 'row--archived': order.archived });
}

export function columns(extra: string): string[] {
  return ['id', 'total', extra];
}

export function summary(order: Order): string {
  return `Total: ${order.total}`;
}

export function banner(order: Order): string {
  const text: string = `Order ${order.id}`;
  return text;
}

export function guard(order: Order): string | null {
  return order.id;
}

export function memoTotal(orders: Order[]): number {
  return useMemo(() => orders.reduce((a, o) => a + o.total, 0), [orders]);
}

export function totals(orders: Order[]): number {
  const total = orders.length;
  const sum = orders.reduce((a, o) => a + o.total, 0);
  return sum + total;
}

export function labels(order: Order): string[] {
  const format = (label: string) => label.toUpperCase();
  const label = `#${order.id}`;
  return [format(label), order.id];
}

function markSeen(order: Order): boolean {
  track('seen', order.id);
  return order.archived;
}

export function seen(order: Order): string | null {
  markSeen(order);
  return order.id;
}

export function legacyOnly(orders: Order[]): Order[] {
  return [];
}

export function visibleIds(orders: Order[]): string[] {
  return orders.map((o) => o.id);
}
