import { useUiConfig, type UiConfig } from './uiConfig';

export function navigationItems(): string[] {
    const { loading } = useUiConfig();
    const items = ['Projects'];
    items.push('Insights');
    return loading ? [] : items;
}

export function navigationTitle(): string {
    return 'Navigation';
}

export function versionLabel(): string {
    const { uiConfig } = useUiConfig();
    return `v${uiConfig.version}`;
}

export function menuLabels(entries: Array<{ label: string; uiConfig: UiConfig }>): string[] {
    return entries.map(({ label }) => label.toUpperCase());
}

export function layouts(contexts: Array<{ uiConfig: UiConfig }>): string[] {
    return contexts.map(() => 'sidebar');
}
