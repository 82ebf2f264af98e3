/**
 * Importance (analysis/importance.ts) against the brute-force reference: every state of small
 * random models enumerated, per service and user-weighted, all four measures, nulls included.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { importanceOf, measuresOf, type ImportanceMeasures } from '../../server/src/analysis/importance.js';
import { modelsOf } from './arbitrary-model.js';
import { conditionedBF } from './brute-force-beyond.js';
import { printTopo } from './print-topo.js';

const RUNS = Number(process.env.FC_RUNS ?? 400);
const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;
const KEYS = ['birnbaum', 'fussellVesely', 'raw', 'rrw'] as const;

function close(a: number | null, b: number | null): boolean {
    if (a === null || b === null) return a === b;
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function differences(where: string, got: ImportanceMeasures, want: ImportanceMeasures): string[] {
    return KEYS.filter(k => !close(got[k], want[k])).map(k => `${where} ${k}: got ${got[k]}, brute force ${want[k]}`);
}

describe('importance vs brute force (random models)', function () {
    this.timeout(120_000);

    it('Birnbaum, Fussell–Vesely, RAW and RRW per service and for users', () => {
        fc.assert(fc.property(modelsOf(9), gm => {
            const { cm, importance } = importanceOf(gm.model);
            const bf = conditionedBF(gm.model);
            const problems: string[] = [];
            assert.deepEqual(importance.domains.map(d => cm.names[d.domain]).sort(), [...bf.measured].sort(), 'the measured domains');
            assert.deepEqual(importance.leftOut, []);
            for (const d of importance.domains) {
                const domain = cm.names[d.domain];
                const pFail = 1 - d.availability;
                const listed = new Map(d.services.map(x => [cm.names[x.service], x]));
                let r = 0, r0 = 0, r1 = 0;
                for (const [service, q] of bf.q) {
                    const q0 = bf.q0.get(`${service}|${domain}`) ?? 0;
                    const q1 = bf.q1.get(`${service}|${domain}`) ?? 0;
                    const w = importance.weights[cm.index.get(service)!];
                    r += w * q; r0 += w * q0; r1 += w * q1;
                    const entry = listed.get(service);
                    if (entry === undefined) {
                        if (q0 !== q1) problems.push(`${service}/${domain}: not listed, but brute force P(down|fails) ${q0} ≠ P(down|up) ${q1}`);
                        continue;
                    }
                    if (!close(entry.unavailability, q)) problems.push(`${service}: P(down) ${entry.unavailability}, brute force ${q}`);
                    problems.push(...differences(`${service}/${domain}`, entry.measures, measuresOf(pFail, q, q0, q1)));
                }
                problems.push(...differences(`users/${domain}`, d.users, measuresOf(pFail, r, r0, r1)));
            }
            // weights: users' shares (equal when nobody has users), summing to 1
            const total = [...bf.q.keys()].reduce((sum, s) => sum + importance.weights[cm.index.get(s)!], 0);
            if (bf.q.size > 0 && Math.abs(total - 1) > 1e-12) problems.push(`weights sum to ${total}`);
            assert.deepEqual(problems, [], `on the model:\n${printTopo(gm.model)}`);
        }), { numRuns: RUNS, seed: SEED, includeErrorInReport: true });
    });

    it('ranks by user-weighted RAW, most important first', () => {
        fc.assert(fc.property(modelsOf(9), gm => {
            const { importance } = importanceOf(gm.model);
            const ranked = importance.domains.filter(d => d.rank !== null);
            ranked.forEach((d, i) => {
                assert.equal(d.rank, i + 1);
                if (i > 0) assert.ok(ranked[i - 1].users.raw! >= d.users.raw!);
            });
            assert.ok(importance.domains.slice(ranked.length).every(d => d.rank === null && d.users.raw === null));
        }), { numRuns: Math.max(40, Math.floor(RUNS / 10)), seed: SEED });
    });
});
