import { useUiConfig } from './uiConfig';

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
