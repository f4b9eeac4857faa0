import { useUiConfig } from './uiConfig';

export function navigationItems(): string[] {
    const { uiConfig, loading } = useUiConfig();
    const items = ['Projects'];
    if (uiConfig.flags.newNav) {
        items.push('Insights');
    }
    return loading ? [] : items;
}

export function navigationTitle(): string {
    const { uiConfig } = useUiConfig();
    return uiConfig.flags.newNav ? 'Navigation' : 'Menu';
}

export function versionLabel(): string {
    const { uiConfig } = useUiConfig();
    return uiConfig.flags.newNav ? `v${uiConfig.version}` : uiConfig.version;
}
