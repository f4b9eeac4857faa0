import { useUiConfig } from './hooks';

export function instanceStats(stats: { users: number; readOnlyUsers: number }): Array<{ title: string; value: number }> {
    const rows = [{ title: 'Users', value: stats.users }];
    return rows;
}

export function usersColumns(): string[] {
    const { isEnterprise, isOss, uiConfig: { version } } = useUiConfig();
    const columns = ['name', 'email', isEnterprise() ? 'role' : 'type', isOss() ? version : 'sso'];
    return columns;
}
