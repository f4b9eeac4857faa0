export type LabsGroup = 'messaging' | 'rooms' | 'profile';

interface SettingDefinition {
    isFeature?: boolean;
    labsGroup?: LabsGroup;
    displayName: string;
    default: boolean;
}

/** Every user setting; the ones with `isFeature` are labs flags. */
export const SETTINGS = {
    feature_threads: {
        isFeature: true,
        labsGroup: 'rooms',
        displayName: 'Threads',
        default: false,
    },
    showTypingNotifications: {
        displayName: 'Show typing notifications',
        default: true,
    },
} satisfies Record<string, SettingDefinition>;

export type SettingName = keyof typeof SETTINGS;
