/**
 * Importance of failure domains: for every failure domain that declares an `availability`, how
 * much each service's unavailability depends on it, and the same for the users of all services
 * together. The measures are SCRAM's (its manual, "Importance Analysis"), with S = "the service
 * is down" and e = "the domain fails" (probability 1 − availability):
 *
 *   Birnbaum (MIF)        P(S | e) − P(S | not e)
 *   Fussell–Vesely (DIF)  P(e | S) = P(e) · P(S | e) / P(S)
 *   RAW                   P(S | e) / P(S)
 *   RRW                   P(S) / P(S | not e)
 *
 * null where the quotient is undefined: FV and RAW when P(S) = 0 (the service cannot go down),
 * RRW when P(S | not e) = 0 (it can only go down with this domain).
 *
 * Computed exactly on the BDD that gives availability (availability.ts, bdd.ts), built here with
 * a variable also for every domain that declares an availability of 100% (it never fails, but
 * "what if it did" still has an answer). For a service's BDD: P(S) bottom-up; the Birnbaum measure
 * of every variable at once from the probability of reaching each node (a sum of non-negative
 * terms, as "up" is monotone); then P(S | e) = P(S) + p·MIF and P(S | not e) = P(S) − (1 − p)·MIF.
 * Where the latter is a small difference of large numbers (under a thousandth of P(S)) it is
 * evaluated again exactly with the variable fixed — only the nodes at or above it — so that a
 * zero is a true zero (RRW null) and a small value keeps its digits. A service past the node
 * budget is left out (and listed as such).
 *
 * User-weighted (docs/language.md, "Importance of failure domains"): the event "a user's service
 * is down", with each service weighted by its share of the users of all services (equal weights
 * when no service declares users): R = Σ w_s P(S_s), R(e), R(not e) likewise, and the same four
 * measures of R.
 */

import { solveComponent } from './availability.js';
import { Bdd, BudgetExceeded, FALSE, TRUE } from './bdd.js';
import { Conditioning } from './bdd-conditioning.js';
import type { CompiledModel } from './compile.js';
import { hardGraph } from './hard-graph.js';
import type { Model } from './model.js';
import { prepare } from './prepared.js';
import type { StateEngine } from './state.js';

export const IMPORTANCE_NODE_BUDGET = 2_000_000;

export interface ImportanceMeasures {
    /** P(S | e) − P(S | not e) */
    birnbaum: number;
    /** P(e | S); null when P(S) = 0 */
    fussellVesely: number | null;
    /** risk achievement worth P(S | e) / P(S); null when P(S) = 0 */
    raw: number | null;
    /** risk reduction worth P(S) / P(S | not e); null when P(S | not e) = 0 */
    rrw: number | null;
}

export interface DomainImportance {
    /** the failure domain's id */
    domain: number;
    /** its declared availability */
    availability: number;
    /** the measures for the users of all services together */
    users: ImportanceMeasures;
    /** the measures for each service whose availability depends on it, services in name order */
    services: { service: number; unavailability: number; measures: ImportanceMeasures }[];
    /** 1 = the most important for users (by user-weighted RAW); null when nothing can go down */
    rank: number | null;
}

export interface Importance {
    /** the domains that declare an availability, most important first (unranked ones last, by name) */
    domains: DomainImportance[];
    /** how services are weighted: by their share of the users, or equally when no service has users */
    weighting: 'users' | 'equal';
    /** the weight of each element id (0 for domains and services left out) */
    weights: Float64Array;
    /** R: the user-weighted probability that a service is down */
    risk: number;
    /** per element id: the exact probability that the service is down (NaN for domains and services left out) */
    unavailability: Float64Array;
    /** services whose exact availability was past the node budget: in no measure */
    leftOut: number[];
}

export function computeImportance(engine: StateEngine, budget = IMPORTANCE_NODE_BUDGET): Importance {
    const cm = engine.cm;
    const { bdd, roots, varOf, probs } = importanceBdd(cm, engine, budget);
    const measured = [...cm.domains].filter(d => !Number.isNaN(cm.availability[d])).sort((a, b) => cm.rank[a] - cm.rank[b]);
    const isMeasuredVar = new Uint8Array(probs.length);
    const domainOfVar = new Int32Array(probs.length).fill(-1);
    for (const d of measured) {
        isMeasuredVar[varOf[d]] = 1;
        domainOfVar[varOf[d]] = d;
    }

    // per service: P(down), and for each measured domain it depends on: P(down | e), P(down | not e)
    const services = [...cm.services].sort((a, b) => cm.rank[a] - cm.rank[b]);
    const leftOut: number[] = [];
    const q = new Float64Array(cm.n).fill(NaN);
    const perDomain = new Map<number, { service: number; q0: number; q1: number }[]>();
    const evaluator = new Conditioning(bdd, probs);
    for (const s of services) {
        if (roots[s] < 0) { leftOut.push(s); continue; }
        const result = evaluator.evaluate(roots[s], isMeasuredVar);
        q[s] = result.q;
        for (const [v, q0, q1] of result.conditioned) {
            const d = domainOfVar[v];
            let list = perDomain.get(d);
            if (list === undefined) perDomain.set(d, list = []);
            list.push({ service: s, q0, q1 });
        }
    }

    // weights
    const included = services.filter(s => roots[s] >= 0);
    const totalUsers = included.reduce((sum, s) => sum + cm.users[s], 0);
    const weighting: Importance['weighting'] = totalUsers > 0 ? 'users' : 'equal';
    const weights = new Float64Array(cm.n);
    for (const s of included) weights[s] = weighting === 'users' ? cm.users[s] / totalUsers : 1 / included.length;
    let risk = 0;
    let positive = 0;
    for (const s of included) {
        risk += weights[s] * q[s];
        if (weights[s] > 0 && q[s] > 0) positive++;
    }

    const domains: DomainImportance[] = measured.map(d => {
        const pFail = 1 - cm.availability[d];
        const list = perDomain.get(d) ?? [];
        let insideQ = 0, insideQ0 = 0, insideQ1 = 0, birnbaum = 0, insidePositive = 0;
        const perService: DomainImportance['services'] = [];
        for (const { service: s, q0, q1 } of list) {
            const w = weights[s];
            insideQ += w * q[s];
            insideQ0 += w * q0;
            insideQ1 += w * q1;
            birnbaum += w * (q0 - q1);
            if (w > 0 && q[s] > 0) insidePositive++;
            perService.push({ service: s, unavailability: q[s], measures: measuresOf(pFail, q[s], q0, q1) });
        }
        // the services that do not depend on d keep their probability: counted once, exactly 0 when none can go down
        const outside = positive - insidePositive > 0 ? Math.max(0, risk - insideQ) : 0;
        const users = measuresOf(pFail, risk, outside + insideQ0, outside + insideQ1, birnbaum);
        return { domain: d, availability: cm.availability[d], users, services: perService, rank: null };
    });

    domains.sort((x, y) => {
        const rx = x.users.raw, ry = y.users.raw;
        if (rx !== ry) {
            if (rx === null) return 1;
            if (ry === null) return -1;
            return ry - rx;
        }
        return y.users.birnbaum - x.users.birnbaum || cm.rank[x.domain] - cm.rank[y.domain];
    });
    domains.forEach((d, i) => { if (d.users.raw !== null) d.rank = i + 1; });
    return { domains, weighting, weights, risk, unavailability: q, leftOut };
}

/** The importance of a model's failure domains (see `computeImportance`). */
export function importanceOf(input: Model | CompiledModel, budget = IMPORTANCE_NODE_BUDGET): { cm: CompiledModel; importance: Importance } {
    const { cm, engine } = prepare(input);
    return { cm, importance: computeImportance(engine, budget) };
}

export function measuresOf(pFail: number, q: number, q0: number, q1: number, birnbaum = q0 - q1): ImportanceMeasures {
    return {
        birnbaum,
        fussellVesely: q > 0 ? (pFail * q0) / q : null,
        raw: q > 0 ? q0 / q : null,
        rrw: q1 > 0 ? q / q1 : null
    };
}

/**
 * Every element's "up" function, as availability.ts builds it, with one variable per element
 * that may fail (availability < 1) and per failure domain that declares an availability.
 * Variables are ordered dependents first. Past the node budget the rest stay -1.
 */
function importanceBdd(cm: CompiledModel, engine: StateEngine, budget: number): { bdd: Bdd; roots: Int32Array; varOf: Int32Array; probs: Float64Array } {
    const n = cm.n;
    const { edges, components: { comp, members, selfLoop } } = hardGraph(cm);
    const isVar = (x: number) => cm.availability[x] < 1 || (cm.isDomain[x] === 1 && !Number.isNaN(cm.availability[x]));
    const hasVar = new Uint8Array(members.length);
    members.forEach((group, c) => {
        for (const x of group) {
            if (isVar(x)) hasVar[c] = 1;
            for (let j = edges.start[x]; j < edges.start[x + 1]; j++) {
                const c2 = comp[edges.targets[j]];
                if (c2 !== c) hasVar[c] |= hasVar[c2];
            }
        }
    });
    const varOf = new Int32Array(n).fill(-1);
    const list: number[] = [];
    for (let c = members.length - 1; c >= 0; c--) {
        for (const x of members[c]) {
            if (isVar(x)) {
                varOf[x] = list.length;
                list.push(cm.availability[x]);
            }
        }
    }
    const probs = Float64Array.from(list);
    const bdd = new Bdd(Math.max(0, budget), probs);
    const roots = new Int32Array(n).fill(-1);
    let exhausted = false;
    for (let c = 0; c < members.length; c++) {
        const group = members[c];
        if (!hasVar[c]) {
            for (const x of group) roots[x] = engine.baseUp[x] ? TRUE : FALSE;
            continue;
        }
        if (exhausted) continue;
        try {
            solveComponent(cm, engine, bdd, group, selfLoop, varOf, roots);
        } catch (e) {
            if (!(e instanceof BudgetExceeded)) throw e;
            for (const x of group) roots[x] = -1;
            exhausted = true;
        }
    }
    return { bdd, roots, varOf, probs };
}
