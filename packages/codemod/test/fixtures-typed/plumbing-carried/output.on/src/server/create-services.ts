import type { Db, IUnleashConfig } from '../types/config';
import { AccessService } from './access-service';
import { RoleStore } from './role-store';
import { SegmentStore } from './segment-store';

export const createAccessService = (db: Db, config: IUnleashConfig): AccessService => {
    const { getLogger } = config;
    const roleStore = new RoleStore(db);
    return new AccessService({ roleStore }, { getLogger });
};

export const createFakeAccessService = (db: Db, config: IUnleashConfig): AccessService =>
    new AccessService({ roleStore: new RoleStore(db) }, config);

export const createStores = (db: Db, config: IUnleashConfig): SegmentStore[] => [
    new SegmentStore(db, 100),
    new SegmentStore(
        db,
        10,
    ),
];
