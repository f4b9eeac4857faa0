/** Which flags the store has turned on. */
export class FeatureFlagRouter {
  constructor(private readonly enabled: Record<string, boolean> = {}) {}

  isFeatureEnabled(key: string): boolean {
    return this.enabled[key] ?? false;
  }
}

export const featureFlagRouter = new FeatureFlagRouter();

/** Applies `decorators` to a property while the flag `key` is on. */
export function FeatureFlagDecorators(key: string, decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, property) => {
    if (!featureFlagRouter.isFeatureEnabled(key)) return;
    for (const decorate of decorators) decorate(target, property);
  };
}
