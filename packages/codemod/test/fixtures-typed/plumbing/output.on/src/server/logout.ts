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
