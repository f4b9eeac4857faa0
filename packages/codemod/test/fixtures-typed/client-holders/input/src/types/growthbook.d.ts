// The SDK's surface this app uses (the package is not installed in the fixture).
declare module "@growthbook/growthbook-react" {
  export class GrowthBook<AppFeatures extends Record<string, unknown> = Record<string, unknown>> {
    isOn(key: keyof AppFeatures & string): boolean;
    getFeatureValue<K extends keyof AppFeatures & string>(key: K, fallback: AppFeatures[K]): AppFeatures[K];
    setAttributes(attributes: Record<string, unknown>): Promise<void>;
  }
  export function useGrowthBook<AppFeatures extends Record<string, unknown> = Record<string, unknown>>(): GrowthBook<AppFeatures> | undefined;
}
