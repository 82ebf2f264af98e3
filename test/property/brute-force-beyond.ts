/**
 * The reference for what goes beyond single failures, as naive as brute-force.ts (whose `state`
 * it uses, and nothing of the engine):
 *   - minimal cut sets: fail every set of up to K failure domains, smallest first; a set is
 *     minimal when it takes the service down and no smaller set found is inside it;
 *   - importance: enumerate every state of the elements that declare an availability and add up
 *     the probability that each service is down, with each measured domain failed or up.
 */

import type { Model } from '../../server/src/analysis/model.js';
import { isDomain, isService, state } from './brute-force.js';

const byNames = (a: string[], b: string[]) => {
    const x = a.join('\u0000'), y = b.join('\u0000');
    return a.length - b.length || (x < y ? -1 : x > y ? 1 : 0);
};

/** Every service's minimal cut sets of up to `order` domains (names sorted; the list by size then name). */
export function cutSetsBF(model: Model, order: number): Map<string, string[][]> {
    const domains = model.elements.filter(isDomain).map(e => e.name).sort();
    const subsets: string[][] = [];
    const grow = (start: number, current: string[]) => {
        if (current.length > 0) subsets.push([...current]);
        if (current.length === order) return;
        for (let i = start; i < domains.length; i++) {
            current.push(domains[i]);
            grow(i + 1, current);
            current.pop();
        }
    };
    grow(0, []);
    subsets.sort(byNames);
    const upUnder = new Map(subsets.map(set => [set.join(','), state(model, set).upSet]));
    const base = state(model, []).upSet;
    const out = new Map<string, string[][]>();
    for (const s of model.elements.filter(isService).map(e => e.name).sort()) {
        const found: string[][] = [];
        if (base.has(s)) {
            for (const set of subsets) {
                if (upUnder.get(set.join(','))!.has(s)) continue;
                if (found.some(smaller => smaller.every(d => set.includes(d)))) continue;
                found.push(set);
            }
        }
        out.set(s, found);
    }
    return out;
}

export interface ConditionedBF {
    /** P(service down) */
    q: Map<string, number>;
    /** P(service down | domain fails), P(service down | domain up), by `${service}|${domain}` */
    q0: Map<string, number>;
    q1: Map<string, number>;
    /** the failure domains that declare an availability */
    measured: string[];
}

/** The probabilities importance is defined from, by enumerating every state (≤ 16 elements with an availability). */
export function conditionedBF(model: Model): ConditionedBF {
    const vars = model.elements.filter(e => e.availability !== undefined);
    if (vars.length > 16) throw new Error(`brute force: ${vars.length} elements with availability is too many`);
    const measured = vars.filter(isDomain).map(e => e.name);
    const services = model.elements.filter(isService).map(e => e.name);
    const q = new Map<string, number>(services.map(s => [s, 0]));
    const q0 = new Map<string, number>();
    const q1 = new Map<string, number>();
    for (let mask = 0; mask < 1 << vars.length; mask++) {
        const failed = vars.filter((_, i) => mask & (1 << i)).map(e => e.name);
        const factor = (i: number) => (mask & (1 << i) ? 1 - vars[i].availability! : vars[i].availability!);
        const up = state(model, failed).upSet;
        for (const s of services) {
            if (up.has(s)) continue;
            let p = 1;
            vars.forEach((_, i) => { p *= factor(i); });
            q.set(s, q.get(s)! + p);
            // conditioned on a measured domain: the probability of the other elements' states
            vars.forEach((v, i) => {
                if (!measured.includes(v.name)) return;
                let others = 1;
                vars.forEach((_, j) => { if (j !== i) others *= factor(j); });
                const into = mask & (1 << i) ? q0 : q1;
                const key = `${s}|${v.name}`;
                into.set(key, (into.get(key) ?? 0) + others);
            });
        }
    }
    return { q, q0, q1, measured };
}
