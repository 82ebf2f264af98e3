/** Types of docs-images.mjs for the tests. */
export declare const ROOT: string;
/** the generated 1,000-service model, relative to ROOT */
export declare const MODEL_1K: string;
/** file in docs/images → the arguments of `topo render` */
export declare const PICTURES: Record<string, string[]>;
/** Writes the generated models the pictures are drawn from. */
export declare function generateDocsModels(): void;
