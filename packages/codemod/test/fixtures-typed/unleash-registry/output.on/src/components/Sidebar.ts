export function sidebarWidth(): number {
    return 240;
}
