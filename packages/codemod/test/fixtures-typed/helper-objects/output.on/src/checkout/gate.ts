export function expressPay(amount: number): boolean {
  return amount > 0;
}
