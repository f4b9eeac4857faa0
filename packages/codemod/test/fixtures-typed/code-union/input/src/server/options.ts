import type { Flags } from '../types/flags';

export interface ServerOptions {
    port: number;
    flags?: Flags;
}

export function startServer(options: ServerOptions): string {
    return `listening on ${options.port} with ${Object.keys(options.flags ?? {}).length} overrides`;
}
