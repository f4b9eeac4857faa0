export function searchEndpoint(query: string): string {
    return `/api/search?q=${encodeURIComponent(query)}`;
}
