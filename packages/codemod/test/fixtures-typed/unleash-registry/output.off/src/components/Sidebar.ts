export function sidebarWidth(): number {
    return 0;
}
