import { FeatureFlag } from '../flags/feature-flag';
import { flags } from '../flags/client';

export function searchEndpoint(query: string): string {
    if (flags.isOn(FeatureFlag.NewSearch)) {
        return `/api/v2/search?q=${encodeURIComponent(query)}`;
    }
    return `/api/search?q=${encodeURIComponent(query)}`;
}
