export declare const BUILD_SOURCES: string[];
export declare const BUILD_OUTPUTS: string[];
export declare function buildStaleness(root?: string): string | null;
