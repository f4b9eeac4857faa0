import { useUiConfig } from '../ui/uiConfig';

export function sidebarWidth(): number {
    const { uiConfig } = useUiConfig();
    return uiConfig.flags.newNav ? 240 : 0;
}
