import type { FlagResolver } from '../types/flags';

export function navigationRoute(resolver: FlagResolver): string {
    const layout = 'sidebar';
    return `/nav/${layout}`;
}

export function themeRoute(resolver: FlagResolver): string {
    return resolver.isEnabled('darkMode') ? '/theme/dark' : '/theme/light';
}
