function legacyMenu(): string[] {
    return ['Docs', 'Settings'];
}

export function headerItems(): string[] {
    return legacyMenu();
}
