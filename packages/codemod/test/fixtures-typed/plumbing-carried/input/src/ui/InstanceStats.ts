import { useUiConfig, useUiFlag } from './hooks';

export function instanceStats(stats: { users: number; readOnlyUsers: number }): Array<{ title: string; value: number }> {
    const {
        uiConfig: { resourceLimits },
    } = useUiConfig();
    const readOnlyUsersUIEnabled = useUiFlag('newNav');
    const rows = [{ title: 'Users', value: stats.users }];
    if (!readOnlyUsersUIEnabled && resourceLimits.readOnlyUsers) {
        rows.push({ title: 'ReadOnly users', value: stats.readOnlyUsers });
    }
    return rows;
}

export function usersColumns(): string[] {
    const {
        isEnterprise,
        isOss,
        uiConfig: { resourceLimits, version },
    } = useUiConfig();
    const showSeatTypes = !useUiFlag('newNav') && resourceLimits.readOnlyUsers;
    const columns = ['name', 'email', isEnterprise() ? 'role' : 'type', isOss() ? version : 'sso'];
    return showSeatTypes ? [...columns, 'seatType'] : columns;
}
