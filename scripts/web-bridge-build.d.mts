export declare const rendererOut: string;
export declare function buildRenderer(options?: { quiet?: boolean }): Promise<string>;
export declare function rendererIsStale(): boolean;
export declare function ensureRenderer(options?: { quiet?: boolean }): Promise<string>;
