import { useUiFlag } from '../ui/uiConfig';

function legacyMenu(): string[] {
    return ['Docs', 'Settings'];
}

export function headerItems(): string[] {
    const newNav = useUiFlag('newNav');
    if (newNav) {
        return ['Help', 'Settings'];
    }
    return legacyMenu();
}
