import type { FlagResolver } from '../types/experimental';

export class NavRoutes {
    constructor(private readonly flagResolver: FlagResolver) {}

    layout(): string {
        return this.flagResolver.isEnabled('newNav') ? 'sidebar' : 'topbar';
    }
}
