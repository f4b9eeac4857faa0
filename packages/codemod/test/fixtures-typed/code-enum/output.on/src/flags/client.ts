import { FeatureFlag, FLAG_DEFAULTS } from './feature-flag';

export class FlagClient {
    constructor(private readonly values: Partial<Record<FeatureFlag, boolean>> = {}) {}

    isOn(flag: FeatureFlag): boolean {
        return this.values[flag] ?? FLAG_DEFAULTS[flag];
    }
}

export const flags = new FlagClient();
