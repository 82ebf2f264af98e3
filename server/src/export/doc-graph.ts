/**
 * The dependency graph as documentation draws it: one node per element, one edge per `in`,
 * `runs on` entry, `depends on` term member, `uses`, `monitors` and `backup on` target, from the
 * element that needs to what it needs. The DOT and Mermaid writers read this; model text (names
 * are safe, labels are not) is escaped by each writer for its own syntax.
 */

import { TermForm, type CompiledModel } from '../analysis/compile.js';
import type { ElementKind } from '../analysis/model.js';
import { hardCone } from './cone.js';
import { ExportError } from './export-error.js';

export interface DocNode {
    id: number;
    name: string;
    kind: ElementKind;
    label?: string;
}

export type DocEdgeKind = 'in' | 'runs-on' | 'standby' | 'depends-on' | 'uses' | 'monitors' | 'backup';

export interface DocEdge {
    from: number;
    to: number;
    kind: DocEdgeKind;
    /** short text on the edge: "in", "runs on (30)", "any of 2", "2 of 3", "uses", … */
    text: string;
}

export interface DocGraph {
    nodes: DocNode[];
    edges: DocEdge[];
}

/** The whole model's graph, or with `service` that element's hard cone (and the edges among it). */
export function docGraph(cm: CompiledModel, service?: string): DocGraph {
    let include: Uint8Array | undefined;
    if (service !== undefined) {
        const root = cm.index.get(service);
        if (root === undefined) throw new ExportError(`\`${service}\` is not in the model`);
        include = new Uint8Array(cm.n);
        for (const x of hardCone(cm, root)) include[x] = 1;
    }
    const kept = (x: number) => include === undefined || include[x] === 1;
    const ids = [...Array(cm.n).keys()].filter(kept);
    const nodes: DocNode[] = ids.map(x => {
        const e = cm.elements[x];
        return { id: x, name: e.name, kind: e.kind, ...(e.label !== undefined && e.label !== '' ? { label: e.label } : {}) };
    });
    const edges: DocEdge[] = [];
    const add = (from: number, to: number, kind: DocEdgeKind, text: string) => {
        if (kept(from) && kept(to)) edges.push({ from, to, kind, text });
    };
    for (const x of ids) {
        if (cm.container[x] >= 0) add(x, cm.container[x], 'in', 'in');
        for (let d = cm.depStart[x]; d < cm.depStart[x + 1]; d++) {
            const standby = cm.depStandby[d] === 1;
            const replicas = cm.depReplicas[d];
            const detail = standby ? ` (${replicas}, standby)` : replicas === 1 ? '' : ` (${replicas})`;
            add(x, cm.depDomain[d], standby ? 'standby' : 'runs-on', `runs on${detail}`);
        }
        for (let t = cm.termStart[x]; t < cm.termStart[x + 1]; t++) {
            const m = cm.termMembers.start[t + 1] - cm.termMembers.start[t];
            const text = cm.termForm[t] === TermForm.One ? 'depends on'
                : cm.termForm[t] === TermForm.Any ? `depends on any of ${m}`
                    : `depends on ${cm.termK[t]} of ${m}`;
            for (let j = cm.termMembers.start[t]; j < cm.termMembers.start[t + 1]; j++) add(x, cm.termMembers.targets[j], 'depends-on', text);
        }
        for (let j = cm.uses.start[x]; j < cm.uses.start[x + 1]; j++) add(x, cm.uses.targets[j], 'uses', 'uses');
        for (let j = cm.monitors.start[x]; j < cm.monitors.start[x + 1]; j++) add(x, cm.monitors.targets[j], 'monitors', 'monitors');
        for (let j = cm.backups.start[x]; j < cm.backups.start[x + 1]; j++) add(x, cm.backups.targets[j], 'backup', 'backup on');
    }
    return { nodes, edges };
}

/** Model text with the characters no writer wants turned into spaces: control characters, line and paragraph separators. */
export function plainText(text: string): string {
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}
