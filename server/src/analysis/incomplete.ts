/**
 * Which elements the analysis can say something true about. An element the language layer could
 * not read completely (`Element.incomplete`: a syntax error, a bad value or a reference that did
 * not resolve in its declaration) lacks part of what decides it; so does everything that needs
 * it — contained in it, deployed on it, depending on it or using it, transitively. Findings
 * about those would be built on the missing part, so none are reported (docs/language.md, "When
 * a file has errors").
 */

import type { CompiledModel } from './compile.js';

/** Per id: 1 when neither the element nor anything it needs is incomplete; undefined when every element is complete. */
export function reliableElements(cm: CompiledModel): Uint8Array | undefined {
    const queue: number[] = [];
    for (let x = 0; x < cm.n; x++) if (cm.elements[x].incomplete) queue.push(x);
    if (queue.length === 0) return undefined;
    const reliable = new Uint8Array(cm.n).fill(1);
    for (const x of queue) reliable[x] = 0;
    const mark = (y: number) => {
        if (reliable[y] === 1) {
            reliable[y] = 0;
            queue.push(y);
        }
    };
    for (let head = 0; head < queue.length; head++) {
        const x = queue[head];
        for (let j = cm.containedBy.start[x]; j < cm.containedBy.start[x + 1]; j++) mark(cm.containedBy.targets[j]);
        for (let j = cm.deployedOn.start[x]; j < cm.deployedOn.start[x + 1]; j++) mark(cm.depOwner[cm.deployedOn.targets[j]]);
        for (let j = cm.memberOf.start[x]; j < cm.memberOf.start[x + 1]; j++) mark(cm.termOwner[cm.memberOf.targets[j]]);
        for (let j = cm.usedBy.start[x]; j < cm.usedBy.start[x + 1]; j++) mark(cm.usedBy.targets[j]);
    }
    return reliable;
}
