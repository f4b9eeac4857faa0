export interface UiFlags {
    newNav?: boolean;
    darkMode?: boolean;
}

export interface UiConfig {
    version: string;
    flags: UiFlags;
}

export function useUiConfig(): { uiConfig: UiConfig; loading: boolean } {
    return { uiConfig: { version: '6.0.0', flags: {} }, loading: false };
}
