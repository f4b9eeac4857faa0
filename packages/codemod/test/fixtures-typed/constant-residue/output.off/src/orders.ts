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

function isStale(order: Order): boolean {
  return order.archived;
}

export function visibleOrders(orders: Order[]): Order[] {
  return orders.filter((o) => !o.archived);
}

export function useOrderTracking(id: string): void {
  useEffect(() => {
    track('order-view', id);
  }, [id]);
}

export function rowClass(order: Order): string {
  return classNames('row', { 'row--archived': order.archived });
}

export function columns(extra: string): string[] {
  return ['id', 'total'];
}

export function summary(order: Order): string {
  return `Sum: ${order.total}`;
}

export function banner(order: Order): string {
  const text: string = 'Order';
  return text;
}

export function guard(order: Order): string | null {
  if (isStale(order)) return null;
  return order.id;
}

export function memoTotal(orders: Order[]): number {
  return useMemo(() => orders.reduce((a, o) => a + o.total, 0), [orders]);
}

export function totals(orders: Order[]): number {
  const total = orders.length;
  return total;
}

export function labels(order: Order): string[] {
  return [order.id];
}

function markSeen(order: Order): boolean {
  track('seen', order.id);
  return order.archived;
}

export function seen(order: Order): string | null {
  if (markSeen(order)) return null;
  return order.id;
}

export function legacyOnly(orders: Order[]): Order[] {
  return [...orders];
}

export function visibleIds(orders: Order[]): string[] {
  return orders.filter((o) => !o.archived).map((o) => o.id);
}
