export function headerItems(): string[] {
    return ['Help', 'Settings'];
}
