export const flags = {
  getNumber(key: string, fallback: number): number {
    return key.length > 0 ? fallback : 0;
  },
};
