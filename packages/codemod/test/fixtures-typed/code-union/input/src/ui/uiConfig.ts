/** The flags the server sends to the browser. */
export interface UiFlags {
    newNav?: boolean;
    darkMode?: boolean;
    betaSearch?: boolean;
}

export interface UiConfig {
    version: string;
    flags: UiFlags;
}
