export function expressPay(amount: number): boolean {
  return false;
}
