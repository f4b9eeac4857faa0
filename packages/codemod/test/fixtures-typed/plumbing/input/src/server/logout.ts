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

export async function sessionLinks(config: IUnleashConfig, load: () => Promise<string[]>): Promise<string[]> {
    const [links, signOutPage] = await Promise.all([load(), config.flagResolver.isEnabled('newNav')]);
    return signOutPage ? [...links, '/logout'] : links;
}

export class SessionService {
    private flagResolver: IFlagResolver;

    private baseUriPath: string;

    constructor({ baseUriPath, flagResolver }: Pick<IUnleashConfig, 'baseUriPath' | 'flagResolver'>) {
        this.baseUriPath = baseUriPath;
        this.flagResolver = flagResolver;
    }

    loginPath(): string {
        return this.flagResolver.isEnabled('newNav') ? `${this.baseUriPath}/sign-in` : `${this.baseUriPath}/login`;
    }
}
