/**
 * Builders for hand-written models (the parser is another layer): `site('pangyo', { recovery: 600 })`,
 * `service('talk', { deployments: [on('pangyo', 200), on('ansan', 40, true)], dependsOn: [one('auth')] })`.
 */

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
