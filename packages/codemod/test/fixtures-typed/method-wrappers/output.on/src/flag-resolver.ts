/** The flag SDK of this project: every flag is read through it. */
export class FlagResolver {
  constructor(private readonly enabled: ReadonlySet<string>) {}

  isEnabled(key: string): boolean {
    return this.enabled.has(key);
  }
}
