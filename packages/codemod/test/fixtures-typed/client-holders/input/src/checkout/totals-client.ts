let opened = 0;

/** Counts how many totals clients were opened (for the metrics endpoint). */
export function openTotalsClient(): { sum(lines: number[]): number } {
  opened += 1;
  return { sum: (lines) => lines.reduce((a, b) => a + b, 0) };
}

export function openedClients(): number {
  return opened;
}
