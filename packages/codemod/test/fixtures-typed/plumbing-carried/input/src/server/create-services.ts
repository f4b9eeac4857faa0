import type { Db, IUnleashConfig } from '../types/config';
import { AccessService } from './access-service';
import { RoleStore } from './role-store';
import { SegmentStore } from './segment-store';

export const createAccessService = (db: Db, config: IUnleashConfig): AccessService => {
    const { getLogger, flagResolver } = config;
    const roleStore = new RoleStore(db, flagResolver);
    return new AccessService({ roleStore }, { getLogger, flagResolver });
};

export const createFakeAccessService = (db: Db, config: IUnleashConfig): AccessService =>
    new AccessService({ roleStore: new RoleStore(db, config.flagResolver) }, config);

export const createStores = (db: Db, config: IUnleashConfig): SegmentStore[] => [
    new SegmentStore(db, config.flagResolver, 100),
    new SegmentStore(
        db,
        config.flagResolver,
        10,
    ),
];
