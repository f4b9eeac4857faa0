import { useUiConfig, type UiConfig } from './uiConfig';

export function navigationItems(): string[] {
    const { loading } = useUiConfig();
    const items = ['Projects'];
    return loading ? [] : items;
}

export function navigationTitle(): string {
    return 'Menu';
}

export function versionLabel(): string {
    const { uiConfig } = useUiConfig();
    return uiConfig.version;
}

export function menuLabels(entries: Array<{ label: string; uiConfig: UiConfig }>): string[] {
    return entries.map(({ label }) => label);
}

export function layouts(contexts: Array<{ uiConfig: UiConfig }>): string[] {
    return contexts.map(() => 'topbar');
}
