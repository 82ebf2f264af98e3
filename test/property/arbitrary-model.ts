/**
 * fast-check arbitraries for small random `.topo` models (2–12 elements).
 *
 * A model is generated as a list of element "specs" whose references are plain numbers; the
 * builder turns each number into a valid reference of the right kind (modulo the candidates),
 * so every shrink of the list is still a valid model: references never dangle, `runs on` /
 * `backup on` / `in` name failure domains, `uses` / `monitors` name services, `depends on`
 * names any element. Containment (`in`) is kept acyclic; `depends on` cycles are allowed.
 */

import fc from 'fast-check';
import type { Deployment, Element, ElementKind, Model, Term, Tier, TierPolicy } from '../../server/src/analysis/model.js';
import { printTopo } from './print-topo.js';

export const MAX_AVAILABILITY_ELEMENTS = 10;

interface TermSpec {
    form: 'one' | 'any' | 'kof';
    /** for a domain: pick among services instead of domains */
    toService: boolean;
    picks: number[];
    k: number;
}

interface DeploymentSpec {
    pick: number;
    replicas: number;
    standby: boolean;
}

interface ElementSpec {
    kind: ElementKind;
    label: boolean;
    container: number | null;
    deps: TermSpec[];
    availability: number | null;
    recovery: number | null;
    deployments: DeploymentSpec[];
    quorum: number | null;
    capacity: number | null;
    failover: number | null;
    uses: number[];
    monitors: number[];
    users: number;
    tier: Tier;
    slo: number | null;
    replication: 'sync' | 'async' | null;
    backups: number[];
    /** as if the language layer could not read all of it (an error in its declaration) */
    incomplete: boolean;
    rto: number | null;
    rpo: number | null;
    /** for `replication async` */
    lag: number | null;
    /** `every` of each backup, in order */
    backupEvery: Array<number | null>;
    survive: number | null;
}

const pick = fc.nat({ max: 1000 });

const termSpec: fc.Arbitrary<TermSpec> = fc.record({
    form: fc.constantFrom<'one' | 'any' | 'kof'>('one', 'one', 'one', 'any', 'kof'),
    toService: fc.boolean(),
    picks: fc.array(pick, { minLength: 1, maxLength: 3 }),
    k: fc.integer({ min: 1, max: 3 })
});

const deploymentSpec: fc.Arbitrary<DeploymentSpec> = fc.record({
    pick,
    replicas: fc.constantFrom(1, 1, 1, 2, 3, 4),
    standby: fc.constantFrom(false, false, false, true)
});

const elementSpec: fc.Arbitrary<ElementSpec> = fc.record({
    kind: fc.constantFrom<ElementKind>('region', 'site', 'site', 'infra', 'service', 'service', 'service', 'datastore'),
    label: fc.boolean(),
    container: fc.option(pick, { freq: 2 }),
    deps: fc.array(termSpec, { maxLength: 2 }),
    availability: fc.option(fc.constantFrom(0.9, 0.99, 0.5, 0.999, 0.95, 1), { freq: 2 }),
    recovery: fc.option(fc.constantFrom(0.75, 30, 240, 600, 2880), { freq: 2 }),
    deployments: fc.array(deploymentSpec, { maxLength: 3 }),
    quorum: fc.option(fc.nat({ max: 20 }), { freq: 3 }),
    capacity: fc.option(fc.nat({ max: 20 }), { freq: 3 }),
    failover: fc.option(fc.constantFrom(0.75, 15, 30, 60), { freq: 2 }),
    uses: fc.array(pick, { maxLength: 2 }),
    monitors: fc.array(pick, { maxLength: 1 }),
    users: fc.constantFrom(0, 0, 1000, 5000, 12000, 1000000, 43200000),
    tier: fc.constantFrom<Tier>('normal', 'normal', 'critical', 'high', 'low'),
    slo: fc.option(fc.constantFrom(0.9, 0.99, 0.999, 0.9999), { freq: 3 }),
    replication: fc.option(fc.constantFrom<'sync' | 'async'>('sync', 'async'), { freq: 2 }),
    backups: fc.array(pick, { maxLength: 2 }),
    incomplete: fc.constantFrom(false, false, false, false, false, false, false, false, false, false, false, true),
    rto: fc.option(fc.constantFrom(0.75, 30, 60, 600, 3000), { freq: 3 }),
    rpo: fc.option(fc.constantFrom(0.5, 5, 30, 60), { freq: 3 }),
    lag: fc.option(fc.constantFrom(0.5, 10, 60), { freq: 2 }),
    backupEvery: fc.array(fc.option(fc.constantFrom(5, 60, 1440), { freq: 2 }), { maxLength: 2 }),
    survive: fc.option(fc.integer({ min: 1, max: 3 }), { freq: 4 })
});

interface PolicySpec {
    tier: Tier;
    rto: number | null;
    rpo: number | null;
    survive: number | null;
}

const policySpec: fc.Arbitrary<PolicySpec> = fc.record({
    tier: fc.constantFrom<Tier>('normal', 'critical', 'high', 'low'),
    rto: fc.option(fc.constantFrom(30, 60, 600), { freq: 2 }),
    rpo: fc.option(fc.constantFrom(5, 60), { freq: 2 }),
    survive: fc.option(fc.integer({ min: 1, max: 2 }), { freq: 2 })
});

/** at most one policy a tier (the first), as the language allows */
function policiesFrom(specs: PolicySpec[]): TierPolicy[] {
    const out: TierPolicy[] = [];
    for (const p of specs) {
        if (out.some(q => q.tier === p.tier)) continue;
        const policy: TierPolicy = { tier: p.tier };
        if (p.rto !== null) policy.rto = p.rto;
        if (p.rpo !== null) policy.rpo = p.rpo;
        if (p.survive !== null) policy.survive = p.survive;
        out.push(policy);
    }
    return out;
}

const policiesArb = fc.array(policySpec, { maxLength: 2 });

const PREFIX: Record<ElementKind, string> = { region: 'reg', site: 'site', infra: 'infra', service: 'svc', datastore: 'db' };

function isDomainKind(k: ElementKind): boolean {
    return k === 'region' || k === 'site' || k === 'infra';
}

/** distinct picks from candidates (each pick indexes what is left) */
function distinctPicks(candidates: string[], picks: number[]): string[] {
    const left = [...candidates];
    const out: string[] = [];
    for (const p of picks) {
        if (left.length === 0) break;
        out.push(left.splice(p % left.length, 1)[0]);
    }
    return out;
}

export function buildModel(specs: ElementSpec[], policySpecs: PolicySpec[] = []): Model {
    const names = specs.map((s, i) => `${PREFIX[s.kind]}${i}`);
    const idx = (pred: (s: ElementSpec, i: number) => boolean) =>
        specs.map((s, i) => (pred(s, i) ? i : -1)).filter(i => i >= 0).map(i => names[i]);
    const domains = idx(s => isDomainKind(s.kind));
    const services = idx(s => !isDomainKind(s.kind));
    const all = names;
    let withAvailability = 0;

    const elements: Element[] = specs.map((s, i): Element => {
        const name = names[i];
        const domain = isDomainKind(s.kind);
        const e: Element = {
            name, kind: s.kind, dependsOn: [], deployments: [], uses: [], monitors: [],
            users: 0, tier: 'normal', backups: [], meta: { tags: [] }
        };
        if (s.label) e.label = `${s.kind} number ${i}`;
        if (s.incomplete) e.incomplete = true;
        // containment: region in an earlier region, site in a region, infra in a site or region
        if (s.container !== null && domain) {
            const cands = s.kind === 'region' ? idx((t, j) => t.kind === 'region' && j < i)
                : s.kind === 'site' ? idx(t => t.kind === 'region')
                    : idx(t => t.kind === 'region' || t.kind === 'site');
            if (cands.length > 0) e.container = cands[s.container % cands.length];
        }
        // depends on
        const terms: Term[] = [];
        const usedOne = new Set<string>();
        for (const ts of s.deps) {
            const cands = domain
                ? (ts.toService && services.length > 0 && ts.picks[0] % 4 === 0 ? services : domains.filter(d => d !== name))
                : all;
            const members = distinctPicks(cands, ts.form === 'one' ? ts.picks.slice(0, 1) : ts.picks);
            if (members.length === 0) continue;
            if (ts.form === 'one') {
                if (usedOne.has(members[0])) continue;
                usedOne.add(members[0]);
                terms.push({ form: 'one', k: 1, members });
            } else if (ts.form === 'any') {
                terms.push({ form: 'any', k: 1, members });
            } else {
                terms.push({ form: 'kof', k: Math.min(ts.k, members.length), members });
            }
        }
        e.dependsOn = terms;
        if (s.availability !== null && withAvailability < MAX_AVAILABILITY_ELEMENTS) {
            e.availability = s.availability;
            withAvailability++;
        }
        if (domain) {
            if (s.recovery !== null) e.recovery = s.recovery;
            if (s.kind === 'infra') e.meta.infraKind = ['power', 'network', 'dns'][i % 3];
            return e;
        }
        // services and datastores
        if (domains.length > 0) {
            e.deployments = s.deployments.map((d): Deployment => ({
                domain: domains[d.pick % domains.length], replicas: d.replicas, standby: d.standby
            }));
        }
        const total = e.deployments.reduce((a, d) => a + d.replicas, 0);
        // 1..total, and one time in five total + 1: an impossible quorum, a capacity above all replicas
        const upTo = (n: number) => (n % 5 === 0 || total === 0 ? total + 1 : (n % total) + 1);
        if (s.quorum !== null) e.quorum = upTo(s.quorum);
        if (s.capacity !== null) e.capacity = upTo(s.capacity);
        if (s.failover !== null) e.failover = s.failover;
        const others = services.filter(x => x !== name);
        e.uses = distinctPicks(others, s.uses);
        e.monitors = distinctPicks([...others, ...domains], s.monitors);
        e.users = s.users;
        e.tier = s.tier;
        if (s.slo !== null) e.slo = s.slo;
        if (s.rto !== null) e.rto = s.rto;
        if (s.survive !== null) e.survive = s.survive;
        if (s.kind === 'datastore') {
            if (s.replication !== null) e.replication = s.replication;
            if (s.replication === 'async' && s.lag !== null) e.replicationLag = s.lag;
            e.backups = distinctPicks(domains, s.backups);
            e.backups.forEach((b, j) => {
                const every = s.backupEvery[j];
                if (every !== null && every !== undefined) (e.backupEvery ??= {})[b] = every;
            });
            if (s.rpo !== null) e.rpo = s.rpo;
        }
        return e;
    });
    const policies = policiesFrom(policySpecs);
    return policies.length > 0 ? { elements, policies } : { elements };
}

/** A generated model that prints itself as `.topo` text in fast-check's reports. */
export class GenModel {
    constructor(public readonly model: Model) {}
    [fc.toStringMethod](): string {
        return '\n----- model.topo -----\n' + printTopo(this.model) + '----------------------\n';
    }
}

/** random models of 2..maxElements elements (12 by default) */
export function modelsOf(maxElements = 12): fc.Arbitrary<GenModel> {
    return fc.tuple(fc.array(elementSpec, { minLength: 2, maxLength: maxElements }), policiesArb)
        .map(([specs, policies]) => new GenModel(buildModel(specs, policies)));
}

export const modelArb: fc.Arbitrary<GenModel> = modelsOf(12);

/** random models of min..max elements, drawn over the whole range (for checks cheaper than brute force) */
export function modelsBetween(min: number, max: number): fc.Arbitrary<GenModel> {
    return fc.tuple(fc.array(elementSpec, { minLength: min, maxLength: max, size: 'max' }), policiesArb)
        .map(([specs, policies]) => new GenModel(buildModel(specs, policies)));
}

/** One failure set from raw picks: names of any elements, domains more often, no duplicates. */
export function failureSetFromPicks(model: Model, picks: [boolean, number][]): string[] {
    const names = model.elements.map(e => e.name);
    const domains = model.elements.filter(e => isDomainKind(e.kind)).map(e => e.name);
    const out = picks.map(([anyElement, p]) =>
        (anyElement || domains.length === 0 ? names[p % names.length] : domains[p % domains.length]));
    return [...new Set(out)];
}

const failurePicks = fc.array(
    fc.tuple(fc.constantFrom(false, false, false, true), fc.nat({ max: 1000 })), { maxLength: 3 });

/** a model with a few failure sets to simulate (the sets are picks, so shrinking stays valid) */
export function modelsWithFailuresOf(maxElements = 12): fc.Arbitrary<[GenModel, string[][]]> {
    return fc.tuple(modelsOf(maxElements), fc.array(failurePicks, { minLength: 1, maxLength: 4 }))
        .map(([gm, sets]) => [gm, sets.map(p => failureSetFromPicks(gm.model, p))] as [GenModel, string[][]]);
}

export const modelWithFailuresArb: fc.Arbitrary<[GenModel, string[][]]> = modelsWithFailuresOf(12);
