export function searchEndpoint(query: string): string {
    return `/api/v2/search?q=${encodeURIComponent(query)}`;
}
