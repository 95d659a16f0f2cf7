export declare const SOURCE: string;
export declare function renderIcons(): Map<string, Buffer>;
