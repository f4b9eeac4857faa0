import type { IUnleashConfig } from '../types/config';

export class LogoutController {
    private baseUriPath: string;

    constructor(config: IUnleashConfig) {
        this.baseUriPath = config.baseUriPath;
    }

    redirectPath(): string {
        return `${this.baseUriPath}/login?signed-out`;
    }
}

export async function sessionLinks(config: IUnleashConfig, load: () => Promise<string[]>): Promise<string[]> {
    const [links] = await Promise.all([load()]);
    return [...links, '/logout'];
}

export class SessionService {
    private baseUriPath: string;

    constructor({ baseUriPath }: Pick<IUnleashConfig, 'baseUriPath' | 'flagResolver'>) {
        this.baseUriPath = baseUriPath;
    }

    loginPath(): string {
        return `${this.baseUriPath}/sign-in`;
    }
}
