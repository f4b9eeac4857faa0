import type { Db } from '../types/config';

export class RoleStore {
    constructor(
        private readonly db: Db,
    ) {}

    all(): string[] {
        const roles = this.db.query('select name from roles');
        return roles;
    }
}
