import type { Db, IFlagResolver } from '../types/config';

export class SegmentStore {
    private db: Db;

    constructor(db: Db, private readonly limit: number) {
        this.db = db;
    }

    getAll(includeChangeRequests: boolean): string[] {
        if (includeChangeRequests) {
            return this.db.query('select * from segments, change_requests');
        }
        return this.db.query('select * from segments').slice(0, this.limit);
    }
}

/** Built by code this project does not contain (an enterprise add-on): its constructor stays. */
export class PluginSegmentStore {
    private flagResolver: IFlagResolver;

    constructor(flagResolver: IFlagResolver) {
        this.flagResolver = flagResolver;
    }

    label(): string {
        return 'segments';
    }
}
