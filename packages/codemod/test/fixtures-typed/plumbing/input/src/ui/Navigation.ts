import { useUiConfig, type UiConfig } from './uiConfig';

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

export function menuLabels(entries: Array<{ label: string; uiConfig: UiConfig }>): string[] {
    return entries.map(({ label, uiConfig }) => (uiConfig.flags.newNav ? label.toUpperCase() : label));
}

export function layouts(contexts: Array<{ uiConfig: UiConfig }>): string[] {
    return contexts.map(({ uiConfig }) => (uiConfig.flags.newNav ? 'sidebar' : 'topbar'));
}
