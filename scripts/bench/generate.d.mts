// Types of the benchmark's model generator (generate.mjs), for the TypeScript that uses it.
export const GENERATOR_VERSION: number;
export const DEFAULT_SEED: number;
export const GROUPS: number;

export interface GeneratedModel {
    n: number;
    seed: number;
    regions: { name: string; label: string }[];
    infra: { name: string; kind: string; availability?: string }[];
    sites: { name: string; label: string; region: string; infra: string; availability?: string }[];
    services: { name: string; label: string; group: number; placements: { site: string; replicas: number }[]; depends: string[]; users: string }[];
    groups: number;
}

export function mulberry32(seed: number): () => number;
export function generateModel(n: number, seed?: number, options?: { minSites?: number }): GeneratedModel;
