import type { SettingName } from './settings';

/** The order of the labs tab. */
export const LABS_ORDER: SettingName[] = ['feature_threads'];

export function labsIcon(name: SettingName): string {
    switch (name) {
        case 'feature_threads':
            return 'flask';
        default:
            return 'gear';
    }
}
