/**
 * topo against an independent fault-tree tool: SCRAM (Debian `scram`) reads the Open-PSA export
 * of every service of the conformance models (as they are, and with an availability on every
 * failure domain), the examples and random acyclic models, and must find
 *   - the top-event probability 1 − topo's availability (relative difference under 1e-5, SCRAM
 *     prints six digits);
 *   - with `--bdd --limit-order K` (K = 1, 2, 3), restricted to failure domains, exactly topo's
 *     minimal cut sets of order K;
 *   - its importance factors (MIF, DIF, RAW, RRW) equal to topo's Birnbaum, Fussell–Vesely, RAW and
 *     RRW wherever topo gives a number.
 * A service whose cone has a dependency cycle has no fault tree: the export refuses it, and the
 * test checks that it is exactly those.
 *
 * Without `scram` on the PATH the suite says so and is skipped (CI installs it: `.ci/run`).
 */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyzeCompiled } from '../../server/src/analysis/analyze.js';
import { compileModel, type CompiledModel } from '../../server/src/analysis/compile.js';
import { computeCutSets } from '../../server/src/analysis/cut-sets.js';
import { computeImportance, type ImportanceMeasures } from '../../server/src/analysis/importance.js';
import type { Model } from '../../server/src/analysis/model.js';
import { prepare } from '../../server/src/analysis/prepared.js';
import { ExportError, openPsaFaultTree } from '../../server/src/export/index.js';
import { closureModel } from '../../server/src/language/closure-model.js';
import { loadWorkspace } from '../../server/src/node/load-workspace.js';
import { conformanceCases } from '../helpers/conformance-cases.js';
import { PROJECT_ROOT } from '../helpers/run-topo.js';
import { modelsOf } from '../property/arbitrary-model.js';
import { printTopo } from '../property/print-topo.js';
import { runScram, scramVersion, type ScramResult } from './scram.js';

interface Tree {
    where: string;
    model: Model;
    cm: CompiledModel;
    service: string;
    xml: string;
    /** topo's cut sets of order 3 (names) */
    cutSets: string[][];
    neverUp: boolean;
    availability: number | null;
    /** topo's measures for this service, by domain name (absent: the service does not depend on it) */
    measures: Map<string, ImportanceMeasures>;
    /** declared availabilities of the measured domains */
    measured: Map<string, number>;
    unavailability: number;
}

const RANDOM_MODELS = 150;

async function loadModel(file: string): Promise<Model> {
    const workspace = await loadWorkspace([file]);
    return closureModel(workspace.services, workspace.roots[0]).model;
}

/** Every domain without an availability gets one (99%, 99.5%, 99.9% in turn). */
function withAvailabilities(model: Model): Model {
    let i = 0;
    const values = [0.99, 0.995, 0.999];
    return {
        elements: model.elements.map(e => (['region', 'site', 'infra'].includes(e.kind) && e.availability === undefined
            ? { ...e, availability: values[i++ % values.length] } : e))
    };
}

/** Does `name`'s hard cone hold a cycle? A plain depth-first search, independent of the engine. */
function coneHasCycle(model: Model, name: string): boolean {
    const byName = new Map(model.elements.map(e => [e.name, e]));
    const next = (n: string) => {
        const e = byName.get(n)!;
        return [e.container, ...e.deployments.map(d => d.domain), ...e.dependsOn.flatMap(t => t.members)]
            .filter((x): x is string => x !== undefined && byName.has(x));
    };
    const state = new Map<string, 1 | 2>();
    const visit = (n: string): boolean => {
        state.set(n, 1);
        for (const m of next(n)) {
            if (state.get(m) === 1) return true;
            if (!state.has(m) && visit(m)) return true;
        }
        state.set(n, 2);
        return false;
    };
    return visit(name);
}

function treesOf(where: string, model: Model, refused: string[]): Tree[] {
    const cm = compileModel(model);
    const { engine } = prepare(cm);
    const cuts = computeCutSets(engine, 3);
    const analysis = analyzeCompiled(cm);
    const importance = computeImportance(engine);
    const measured = new Map(importance.domains.map(d => [cm.names[d.domain], d.availability]));
    const trees: Tree[] = [];
    for (const s of cm.services) {
        const service = cm.names[s];
        let xml: string;
        try {
            xml = openPsaFaultTree(cm, service);
        } catch (error) {
            if (!(error instanceof ExportError)) throw error;
            assert.ok(coneHasCycle(model, service), `${where}: export of ${service} refused without a cycle: ${error.message}`);
            refused.push(`${where}/${service}`);
            continue;
        }
        assert.ok(!coneHasCycle(model, service), `${where}: ${service}'s cone has a cycle, yet it was exported`);
        const measures = new Map<string, ImportanceMeasures>();
        for (const d of importance.domains) {
            const entry = d.services.find(x => x.service === s);
            if (entry) measures.set(cm.names[d.domain], entry.measures);
        }
        trees.push({
            where, model, cm, service, xml,
            cutSets: (cuts.sets[s] ?? []).map(set => set.map(d => cm.names[d])),
            neverUp: cuts.neverUp[s] === 1,
            availability: analysis.services.find(r => r.name === service)!.availability,
            measures, measured, unavailability: importance.unavailability[s]
        });
    }
    return trees;
}

const sortSets = (sets: string[][]) =>
    sets.map(set => [...set].sort()).sort((a, b) => a.length - b.length || (a.join('\u0000') < b.join('\u0000') ? -1 : a.join('\u0000') > b.join('\u0000') ? 1 : 0));

function close(a: number, b: number, relative = 1e-5, absolute = 1e-15): boolean {
    return Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b)) + absolute;
}

function report(problems: string[], trees: Tree[]): string {
    const shown = problems.slice(0, 8);
    const models = new Set<string>();
    for (const p of shown) {
        const where = p.split(' ')[0].split('/')[0];
        const tree = trees.find(t => t.where === where);
        if (tree && where.startsWith('random')) models.add(`----- ${where} -----\n${printTopo(tree.model)}`);
    }
    return `${problems.length} difference(s):\n  ${shown.join('\n  ')}\n${[...models].join('\n')}`;
}

describe('cut sets, availability and importance against SCRAM', function () {
    this.timeout(120_000);
    const version = scramVersion();
    let trees: Tree[] = [];
    const refused: string[] = [];
    let byOrder: ScramResult[][] = [];
    let quantitative: ScramResult[] = [];

    before(async function () {
        if (version === undefined) {
            console.warn('      SKIPPED: `scram` is not installed (apt-get install -y scram): topo is not checked against SCRAM here.');
            this.skip();
        }
        for (const c of conformanceCases()) {
            const model = await loadModel(c.file);
            trees.push(...treesOf(`conformance:${c.name}`, model, refused));
            trees.push(...treesOf(`conformance+availability:${c.name}`, withAvailabilities(model), refused));
        }
        const examples = join(PROJECT_ROOT, 'examples');
        for (const file of readdirSync(examples).filter(f => f.endsWith('.topo')).sort()) {
            trees.push(...treesOf(`example:${file}`, await loadModel(join(examples, file)), refused));
        }
        fc.sample(modelsOf(12), { seed: 20261207, numRuns: RANDOM_MODELS }).forEach((gm, i) => {
            trees.push(...treesOf(`random${i}`, gm.model, refused));
        });
        const xml = trees.map(t => t.xml);
        [byOrder, quantitative] = await Promise.all([
            Promise.all([1, 2, 3].map(k => runScram(xml, ['--bdd', '--limit-order', String(k)]))),
            runScram(xml, ['--bdd', '--probability', 'true', '--importance', 'true'])
        ]);
    });

    it(`exports every service whose cone is acyclic (and refuses the others)`, () => {
        assert.ok(trees.length > 150, `only ${trees.length} fault trees`);
        assert.ok(refused.some(r => r.startsWith('conformance:08-cycle')), 'the cycle case is refused');
    });

    it('top-event probability = 1 − availability', () => {
        const problems: string[] = [];
        trees.forEach((t, i) => {
            const got = quantitative[i].probability;
            const want = t.availability === null ? (t.neverUp ? 1 : 0) : 1 - t.availability;
            if (got === undefined || !close(got, want)) problems.push(`${t.where}/${t.service} SCRAM ${got}, topo 1 − ${t.availability} = ${want}`);
            if (got !== undefined && !close(got, t.unavailability)) problems.push(`${t.where}/${t.service} SCRAM ${got}, topo's importance P(down) ${t.unavailability}`);
        });
        assert.deepEqual(problems, [], report(problems, trees));
    });

    for (const k of [1, 2, 3]) {
        it(`minimal cut sets of order ${k} (SCRAM --bdd --limit-order ${k}, failure domains only)`, () => {
            const problems: string[] = [];
            trees.forEach((t, i) => {
                const domains = new Set(t.model.elements.filter(e => ['region', 'site', 'infra'].includes(e.kind)).map(e => e.name));
                const products = byOrder[k - 1][i].products;
                if (t.neverUp) {
                    // the top event is the constant true: one empty product; topo lists none
                    if (JSON.stringify(products) !== '[[]]' || t.cutSets.length !== 0) problems.push(`${t.where}/${t.service} never up: SCRAM ${JSON.stringify(products)}`);
                    return;
                }
                const scram = sortSets(products.filter(p => p.every(e => domains.has(e))));
                const topo = sortSets(t.cutSets.filter(set => set.length <= k));
                if (JSON.stringify(scram) !== JSON.stringify(topo)) {
                    problems.push(`${t.where}/${t.service} SCRAM ${JSON.stringify(scram)} topo ${JSON.stringify(topo)}`);
                }
            });
            assert.deepEqual(problems, [], report(problems, trees));
        });
    }

    it('importance: Birnbaum = MIF, Fussell–Vesely = DIF, RAW, RRW', () => {
        const problems: string[] = [];
        let compared = 0;
        trees.forEach((t, i) => {
            for (const [domain, scram] of quantitative[i].importance) {
                const availability = t.measured.get(domain);
                if (availability === undefined) continue; // not a domain with a declared availability
                const q = t.unavailability;
                // a domain the service does not depend on changes nothing
                const ours = t.measures.get(domain) ?? {
                    birnbaum: 0, fussellVesely: q > 0 ? 1 - availability : null, raw: q > 0 ? 1 : null, rrw: q > 0 ? 1 : null
                };
                const pairs: [string, number | null, number][] = [
                    ['Birnbaum/MIF', ours.birnbaum, scram.MIF], ['FV/DIF', ours.fussellVesely, scram.DIF],
                    ['RAW', ours.raw, scram.RAW], ['RRW', ours.rrw, scram.RRW]
                ];
                for (const [what, a, b] of pairs) {
                    if (a === null) continue;
                    compared++;
                    if (!close(a, b, 1e-5, 1e-12)) problems.push(`${t.where}/${t.service} ${domain} ${what}: topo ${a}, SCRAM ${b}`);
                }
            }
        });
        assert.ok(compared > 500, `only ${compared} measures compared`);
        assert.deepEqual(problems, [], report(problems, trees));
    });
});
