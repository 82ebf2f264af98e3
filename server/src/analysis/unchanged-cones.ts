/**
 * After an edit, which elements stand on exactly what they stood on before for being up: their
 * own placement and dependencies, and, transitively, those of everything they need. For such an
 * element, whatever depends only on that cone — its availability, how long a failure keeps it
 * out — is what it was, so an editor can keep those answers instead of computing them again.
 *
 * An element's cone changed when its own 'up' fields differ (model.ts: `ELEMENT_FIELDS`: kind,
 * container, deployments, `depends on`, quorum, failover, recovery, availability; not users,
 * tier, labels, `uses` or capacity, which only decide health and counts), when it is new, or when something it
 * needs, in the model before or after, changed or was removed. Elements that are the very same
 * objects in both models are not compared field by field.
 */

import type { CompiledModel } from './compile.js';
import { fieldsWithRole, type Element } from './model.js';

/** Per id of `after`: 1 when the element's cone is the same as in `before`. */
export function unchangedCones(before: CompiledModel, after: CompiledModel): Uint8Array {
    const changed = new Uint8Array(after.n);
    const queue: number[] = [];
    const mark = (id: number | undefined) => {
        if (id !== undefined && id >= 0 && changed[id] === 0) {
            changed[id] = 1;
            queue.push(id);
        }
    };
    // elements of `after` that are new or whose own fields differ
    for (let y = 0; y < after.n; y++) {
        const old = before.index.get(after.names[y]);
        const element = after.elements[y];
        if (old === undefined) mark(y);
        else if (before.elements[old] !== element && upSignature(before.elements[old]) !== upSignature(element)) mark(y);
    }
    // elements of `before` gone from `after`: what needed them
    for (let x = 0; x < before.n; x++) {
        if (!after.index.has(before.names[x])) forEachDependent(before, x, d => mark(after.index.get(before.names[d])));
    }
    // and everything that needs a changed element, in either model
    while (queue.length > 0) {
        const y = queue.pop()!;
        forEachDependent(after, y, mark);
        const x = before.index.get(after.names[y]);
        if (x !== undefined) forEachDependent(before, x, d => mark(after.index.get(before.names[d])));
    }
    for (let y = 0; y < after.n; y++) changed[y] ^= 1;
    return changed;
}

/** The fields that decide whether an element is up, and for how long it is out. */
const UP_FIELDS = fieldsWithRole('up');

function upSignature(e: Element): string {
    return JSON.stringify(UP_FIELDS.map(field => e[field] ?? null));
}

/** Every element whose being up reads element x: contained in it, deployed on it, or with it in a term. */
function forEachDependent(cm: CompiledModel, x: number, visit: (id: number) => void): void {
    for (let j = cm.containedBy.start[x]; j < cm.containedBy.start[x + 1]; j++) visit(cm.containedBy.targets[j]);
    for (let j = cm.deployedOn.start[x]; j < cm.deployedOn.start[x + 1]; j++) visit(cm.depOwner[cm.deployedOn.targets[j]]);
    for (let j = cm.memberOf.start[x]; j < cm.memberOf.start[x + 1]; j++) visit(cm.termOwner[cm.memberOf.targets[j]]);
}
