import type { IFlagResolver, IUnleashConfig } from '../types/config';

export class LogoutController {
    private flagResolver: IFlagResolver;

    private baseUriPath: string;

    constructor(config: IUnleashConfig) {
        this.baseUriPath = config.baseUriPath;
        this.flagResolver = config.flagResolver;
    }

    redirectPath(): string {
        if (this.flagResolver.isEnabled('newNav')) {
            return `${this.baseUriPath}/login?signed-out`;
        }
        return `${this.baseUriPath}/`;
    }
}
