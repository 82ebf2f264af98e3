/**
 * A service's fault tree in the Open-PSA Model Exchange Format: the top event is "S is down",
 * read off the rules of the analysis (docs/language.md, "What the analysis concludes") over S's
 * cone, so that any fault-tree tool (SCRAM, XFTA, …) can check topo's availability and cut sets.
 *
 * - Basic events: the failure of each failure domain in the cone (probability 1 − availability,
 *   0 when none is declared: the domain then only matters to the cut sets) and of each service in
 *   the cone that declares an availability. Named as the elements are (see mef-names.ts).
 * - Gate `<x>_is_down` for every element whose down state is more than its own basic event:
 *   the OR of its own failure, its container being down, its placement being lost and each of its
 *   `depends on` terms failing.
 * - Placement: down when the replicas on down domains exceed total − quorum; deployments on one
 *   domain add up (each replica group is one argument, `atleast` takes no argument twice). Equal
 *   replica counts give `or`, `and` or `atleast`; unequal ones a chain of gates
 *   `<x>_lost_<i>_<r>` ("at least r replicas lost among groups i…").
 * - A term of m members needing k: down when more than m − k members are down (`or` for one
 *   needed of several, `and` for all, else `atleast`).
 * - Something never up is the constant true; something that cannot go down is left out (or is
 *   the constant false).
 *
 * A cone with a dependency cycle has no fault tree (a fault tree is acyclic): `ExportError`.
 */

import { compileModel, type CompiledModel } from '../analysis/compile.js';
import type { Model } from '../analysis/model.js';
import { isCompiled } from '../analysis/prepared.js';
import { cycleIn, hardCone } from './cone.js';
import { ExportError } from './export-error.js';
import { mefName } from './mef-names.js';

/** A formula: a constant, a reference to an event (basic event or gate), or an operator written out. */
type Formula = { kind: 'const'; value: boolean } | { kind: 'ref'; xml: string } | { kind: 'op'; xml: string };

const TRUE: Formula = { kind: 'const', value: true };
const FALSE: Formula = { kind: 'const', value: false };

export function openPsaFaultTree(input: Model | CompiledModel, service: string): string {
    const cm = isCompiled(input) ? input : compileModel(input);
    const top = cm.index.get(service);
    if (top === undefined) throw new ExportError(`\`${service}\` is not in the model`);
    const cone = hardCone(cm, top);
    const cycle = cycleIn(cm, cone);
    if (cycle !== undefined) {
        throw new ExportError(`cannot export the fault tree of ${service}: its dependencies form a cycle (${cycle.join(' → ')}), and a fault tree cannot loop`);
    }
    return new FaultTreeWriter(cm).write(top, cone);
}

class FaultTreeWriter {
    private readonly down = new Map<number, Formula>();
    private readonly gates: string[] = [];
    private readonly events: number[] = [];

    constructor(private readonly cm: CompiledModel) {}

    write(top: number, cone: readonly number[]): string {
        const cm = this.cm;
        for (const x of cone) this.down.set(x, this.downOf(x));
        const topGate = `${mefName(cm.names[top])}_is_down`;
        const topFormula = this.down.get(top)!;
        if (formulaXml(topFormula) !== `<gate name="${topGate}"/>`) {
            this.gates.push(gate(topGate, `${describe(cm, top)} is down`, formulaXml(topFormula)));
        }
        const lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<!--',
            '  A fault tree exported by topo (format open-psa). The top event is the gate',
            `  ${topGate}. Basic events are the failures of elements, with probability 1 - availability`,
            '  (0 where the model declares none); the gates follow topo\'s rules for "down".',
            '-->',
            '<opsa-mef>',
            `  <define-fault-tree name="${mefName(cm.names[top])}">`,
            `    <label>${xmlText(`${describe(cm, top)} is down`)}</label>`,
            ...this.gates,
            '  </define-fault-tree>',
            '  <model-data>'
        ];
        for (const x of [...this.events].sort((a, b) => cm.rank[a] - cm.rank[b])) {
            const a = cm.availability[x];
            // 1 − availability, rounded to 12 significant digits: 0.0005, not 0.0004999999999999449
            const p = Number.isNaN(a) ? 0 : Number((1 - a).toPrecision(12));
            lines.push(
                `    <define-basic-event name="${mefName(cm.names[x])}">`,
                `      <label>${xmlText(`${describe(cm, x)} fails`)}</label>`,
                `      <float value="${String(p)}"/>`,
                '    </define-basic-event>'
            );
        }
        lines.push('  </model-data>', '</opsa-mef>');
        return lines.join('\n') + '\n';
    }

    /** x's down state from its inputs' (already known: the cone comes dependencies first). */
    private downOf(x: number): Formula {
        const cm = this.cm;
        const args: Formula[] = [];
        if (cm.isDomain[x] || !Number.isNaN(cm.availability[x])) {
            this.events.push(x);
            args.push({ kind: 'ref', xml: `<basic-event name="${mefName(cm.names[x])}"/>` });
        }
        if (cm.container[x] >= 0) args.push(this.down.get(cm.container[x])!);
        args.push(this.placement(x));
        for (let t = cm.termStart[x]; t < cm.termStart[x + 1]; t++) {
            const members: Formula[] = [];
            for (let j = cm.termMembers.start[t]; j < cm.termMembers.start[t + 1]; j++) members.push(this.down.get(cm.termMembers.targets[j])!);
            args.push(atLeast(members.length - cm.termK[t] + 1, members));
        }
        const f = or(args);
        // a constant, or its own basic event alone: no gate
        if (f.kind === 'const' || f.xml === `<basic-event name="${mefName(cm.names[x])}"/>`) return f;
        const name = `${mefName(cm.names[x])}_is_down`;
        this.gates.push(gate(name, `${describe(cm, x)} is down`, formulaXml(f)));
        return { kind: 'ref', xml: `<gate name="${name}"/>` };
    }

    /** x's placement is lost: the replicas on down domains exceed total − quorum. */
    private placement(x: number): Formula {
        const cm = this.cm;
        const from = cm.depStart[x], to = cm.depStart[x + 1];
        const quorum = cm.quorum[x];
        if (from === to || !(quorum > 0)) return FALSE;
        const lostAtLeast = cm.totalReplicas[x] - quorum + 1;
        if (lostAtLeast <= 0) return TRUE;
        // one argument per domain, its replicas added up, capped at what alone loses the placement
        const byDomain = new Map<number, number>();
        for (let d = from; d < to; d++) byDomain.set(cm.depDomain[d], (byDomain.get(cm.depDomain[d]) ?? 0) + cm.depReplicas[d]);
        const items = [...byDomain]
            .filter(([, r]) => r > 0)
            .sort(([a], [b]) => cm.rank[a] - cm.rank[b])
            .map(([d, r]) => ({ f: this.down.get(d)!, w: Math.min(r, lostAtLeast), domain: d }));
        if (items.length === 0) return FALSE;
        const w = items[0].w;
        if (items.every(item => item.w === w)) return atLeast(Math.ceil(lostAtLeast / w), items.map(item => item.f));
        if (items.reduce((sum, item) => sum + item.w, 0) === lostAtLeast) return and(items.map(item => item.f)); // every replica needed lost
        return this.weighted(x, items, lostAtLeast);
    }

    /** "At least `needed` replicas lost" over groups of unequal sizes: T(i, r) = (lost_i and T(i+1, r − w_i)) or T(i+1, r). */
    private weighted(x: number, items: { f: Formula; w: number; domain: number }[], needed: number): Formula {
        const n = items.length;
        const suffix = new Array<number>(n + 1).fill(0);
        for (let i = n - 1; i >= 0; i--) suffix[i] = suffix[i + 1] + items[i].w;
        const memo = new Map<string, Formula>();
        const prefix = mefName(this.cm.names[x]);
        // iterative: the states reachable from (0, needed), solved deepest first
        const states: [number, number][] = [];
        const seen = new Set<string>();
        const pending: [number, number][] = [[0, needed]];
        while (pending.length > 0) {
            const [i, r] = pending.pop()!;
            const key = `${i}_${r}`;
            if (r <= 0 || r > suffix[i] || seen.has(key)) continue;
            seen.add(key);
            states.push([i, r]);
            pending.push([i + 1, r - items[i].w], [i + 1, r]);
        }
        const value = (i: number, r: number): Formula => (r <= 0 ? TRUE : r > suffix[i] ? FALSE : memo.get(`${i}_${r}`)!);
        states.sort((a, b) => b[0] - a[0]);
        for (const [i, r] of states) {
            let f = or([and([items[i].f, value(i + 1, r - items[i].w)]), value(i + 1, r)]);
            if (f.kind === 'op') {
                const name = `${prefix}_lost_${i}_${r}`;
                const on = items.slice(i).map(item => this.cm.names[item.domain]).join(', ');
                this.gates.push(gate(name, `${this.cm.names[x]}: at least ${r} replicas lost among those on ${on}`, f.xml));
                f = { kind: 'ref', xml: `<gate name="${name}"/>` };
            }
            memo.set(`${i}_${r}`, f);
        }
        return value(0, needed);
    }
}

function or(args: readonly Formula[]): Formula {
    if (args.some(f => f.kind === 'const' && f.value)) return TRUE;
    const rest = distinct(args.filter(f => f.kind !== 'const'));
    if (rest.length === 0) return FALSE;
    if (rest.length === 1) return rest[0];
    return { kind: 'op', xml: `<or>${rest.map(formulaXml).join('')}</or>` };
}

function and(args: readonly Formula[]): Formula {
    if (args.some(f => f.kind === 'const' && !f.value)) return FALSE;
    const rest = distinct(args.filter(f => f.kind !== 'const'));
    if (rest.length === 0) return TRUE;
    if (rest.length === 1) return rest[0];
    return { kind: 'op', xml: `<and>${rest.map(formulaXml).join('')}</and>` };
}

/** At least `k` of `args` true (args are distinct events: members and domains are each named once). */
function atLeast(k: number, args: readonly Formula[]): Formula {
    const trues = args.filter(f => f.kind === 'const' && f.value).length;
    const rest = args.filter(f => f.kind !== 'const');
    const need = k - trues;
    if (need <= 0) return TRUE;
    if (need > rest.length) return FALSE;
    if (need === 1) return or(rest);
    if (need === rest.length) return and(rest);
    return { kind: 'op', xml: `<atleast min="${need}">${rest.map(formulaXml).join('')}</atleast>` };
}

function distinct(args: Formula[]): Formula[] {
    const seen = new Set<string>();
    return args.filter(f => {
        const key = formulaXml(f);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}

function formulaXml(f: Formula): string {
    return f.kind === 'const' ? `<constant value="${f.value}"/>` : f.xml;
}

function gate(name: string, label: string, formula: string): string {
    return `    <define-gate name="${name}">\n      <label>${xmlText(label)}</label>\n      ${formula}\n    </define-gate>`;
}

/** "talk (service “KakaoTalk”)" — the name, the kind and the label, for labels. */
function describe(cm: CompiledModel, x: number): string {
    const e = cm.elements[x];
    return e.label ? `${e.name} (${e.kind} "${e.label}")` : `${e.name} (${e.kind})`;
}

/**
 * Text for an XML element's content that is also a MEF label (a normalised string): markup
 * characters escaped, characters XML cannot hold and line breaks as spaces.
 */
export function xmlText(text: string): string {
    return text
        .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ' ')
        .replace(/[\t\r\n]/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;');
}
