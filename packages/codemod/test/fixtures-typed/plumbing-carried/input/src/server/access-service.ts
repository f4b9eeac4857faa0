import type { IFlagResolver, IUnleashConfig, Logger } from '../types/config';
import type { RoleStore } from './role-store';

export class AccessService {
    private logger: Logger;

    private roleStore: RoleStore;

    private flagResolver: IFlagResolver;

    constructor(
        { roleStore }: { roleStore: RoleStore },
        {
            getLogger,
            flagResolver,
        }: Pick<IUnleashConfig, 'getLogger' | 'flagResolver'>,
    ) {
        this.roleStore = roleStore;
        this.logger = getLogger('services/access-service.ts');
        this.flagResolver = flagResolver;
    }

    createRole(name: string, root: boolean): string[] {
        if (root && !this.flagResolver.isEnabled('newNav')) {
            throw new Error('Custom root roles are not enabled.');
        }
        this.logger.info(`creating ${name}`);
        return this.roleStore.all();
    }
}
