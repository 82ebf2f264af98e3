/**
 * Builders for hand-written models (the parser is another layer): `site('pangyo', { recovery: 600 })`,
 * `service('talk', { deployments: [on('pangyo', 200), on('ansan', 40, true)], dependsOn: [one('auth')] })`.
 */

import { existsSync, readFileSync } from 'node:fs';
import { emptyElement, type Deployment, type Element, type ElementKind, type Term } from '../../server/src/analysis/index.js';

type Extra = Partial<Omit<Element, 'name' | 'kind'>>;

const make = (kind: ElementKind) => (name: string, extra: Extra = {}): Element => ({ ...emptyElement(name, kind), ...extra });

export const region = make('region');
export const site = make('site');
export const infra = make('infra');
export const service = make('service');
export const datastore = make('datastore');

export const on = (domain: string, replicas = 1, standby = false): Deployment => ({ domain, replicas, standby });
export const one = (member: string): Term => ({ form: 'one', k: 1, members: [member] });
export const any = (...members: string[]): Term => ({ form: 'any', k: 1, members });
export const kof = (k: number, ...members: string[]): Term => ({ form: 'kof', k, members });
/** `depends on a, b` */
export const all = (...members: string[]): Term[] => members.map(one);

export const HOURS = 60;

/** The expected answers of a conformance case, from shared/ (or the copy under test/fixtures). */
export function expected(file: string): ExpectedCase {
    const candidates = [
        new URL(`../../../shared/conformance/${file}`, import.meta.url),
        new URL(`../fixtures/conformance/${file}`, import.meta.url)
    ];
    for (const url of candidates) {
        if (existsSync(url)) return JSON.parse(readFileSync(url, 'utf8')) as ExpectedCase;
    }
    throw new Error(`conformance case ${file} not found`);
}

export interface ExpectedCase {
    analyze: {
        services: { name: string; spofs: string[]; nearest: string[]; availability: number | null }[];
        domains: { name: string; kind: string; down: string[]; degraded: string[]; users: number }[];
    };
    findings: { code: string; severity: string; subject: string; causes?: string[] }[];
    simulate: {
        fail: string[];
        expect: {
            failed: string[]; down: string[]; degraded: string[]; up: string[]; users: number;
            outages: Record<string, { minutes: number | null }>;
        };
    }[];
}
