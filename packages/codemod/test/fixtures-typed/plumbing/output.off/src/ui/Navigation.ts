import { useUiConfig } from './uiConfig';

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
