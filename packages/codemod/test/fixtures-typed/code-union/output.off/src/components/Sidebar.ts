import type { UiConfig } from '../ui/uiConfig';

export function sidebarItems(uiConfig: UiConfig): string[] {
    const items = ['Projects', 'Settings'];
    return items;
}
