export interface IFlagResolver {
    isEnabled(key: string): boolean;
}

export interface IUnleashConfig {
    baseUriPath: string;
    flagResolver: IFlagResolver;
}
