import type { IUnleashConfig, Logger } from '../types/config';
import type { RoleStore } from './role-store';

export class AccessService {
    private logger: Logger;

    private roleStore: RoleStore;

    constructor(
        { roleStore }: { roleStore: RoleStore },
        { getLogger }: Pick<IUnleashConfig, 'getLogger'>,
    ) {
        this.roleStore = roleStore;
        this.logger = getLogger('services/access-service.ts');
    }

    createRole(name: string, root: boolean): string[] {
        if (root) {
            throw new Error('Custom root roles are not enabled.');
        }
        this.logger.info(`creating ${name}`);
        return this.roleStore.all();
    }
}
