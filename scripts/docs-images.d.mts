/** Types of docs-images.mjs for the tests. */
export declare const ROOT: string;
/** file in docs/images → the arguments of `topo render` */
export declare const PICTURES: Record<string, string[]>;
