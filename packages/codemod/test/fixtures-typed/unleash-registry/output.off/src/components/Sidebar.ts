import { useUiConfig } from '../ui/uiConfig';

export function sidebarWidth(): number {
    const { uiConfig } = useUiConfig();
    return 0;
}
