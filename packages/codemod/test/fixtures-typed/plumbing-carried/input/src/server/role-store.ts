import type { Db, IFlagResolver } from '../types/config';

export class RoleStore {
    constructor(
        private readonly db: Db,
        private readonly flagResolver: IFlagResolver,
    ) {}

    all(): string[] {
        const roles = this.db.query('select name from roles');
        return this.flagResolver.isEnabled('newNav') ? roles : roles.filter((r) => r !== 'root');
    }
}
