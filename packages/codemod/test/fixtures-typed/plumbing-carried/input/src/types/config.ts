export interface IFlagResolver {
    isEnabled(key: string): boolean;
}

export interface Logger {
    info(message: string): void;
}

export interface IUnleashConfig {
    baseUriPath: string;
    getLogger: (name: string) => Logger;
    flagResolver: IFlagResolver;
}

export type Db = { query(sql: string): string[] };
