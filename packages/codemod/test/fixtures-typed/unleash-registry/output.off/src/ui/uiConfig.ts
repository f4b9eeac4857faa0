export interface UiFlags {
    bulkExport?: boolean;
    darkMode?: boolean;
}

export interface UiConfig {
    version: string;
    flags: UiFlags;
}

export function useUiConfig(): { uiConfig: UiConfig } {
    return { uiConfig: { version: '6.0.0', flags: {} } };
}

export function useUiFlag(key: keyof UiFlags): boolean {
    return useUiConfig().uiConfig.flags[key] ?? false;
}
