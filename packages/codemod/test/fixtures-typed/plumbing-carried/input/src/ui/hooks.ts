export interface UiConfig {
    version: string;
    flags: { newNav?: boolean; darkMode?: boolean };
    resourceLimits: { readOnlyUsers: boolean; seats: number };
}

export function useUiConfig(): { uiConfig: UiConfig; isEnterprise: () => boolean; isOss: () => boolean } {
    return {
        uiConfig: { version: '7.0.0', flags: {}, resourceLimits: { readOnlyUsers: true, seats: 5 } },
        isEnterprise: () => false,
        isOss: () => true,
    };
}

export function useUiFlag(key: keyof UiConfig['flags']): boolean {
    return useUiConfig().uiConfig.flags[key] === true;
}

export function useState<T>(initial: T): [T, (next: T) => void] {
    return [initial, () => undefined];
}

export function useMemo<T>(compute: () => T, deps: unknown[]): T {
    return deps.length >= 0 ? compute() : compute();
}
