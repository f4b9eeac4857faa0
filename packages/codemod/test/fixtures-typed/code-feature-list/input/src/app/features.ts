import type { AppFeatures, FeatureName } from '../generated/features';

/** Served when the feature service is down. */
const FALLBACK: AppFeatures = {
    'new-nav': false,
    'dark-mode': false,
    'wide-layout': true,
};

class Features {
    private current: AppFeatures = FALLBACK;

    update(next: Partial<AppFeatures>): void {
        this.current = { ...this.current, ...next };
    }

    isOn(name: FeatureName): boolean {
        return this.current[name];
    }
}

export const features = new Features();
