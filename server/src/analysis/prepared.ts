/**
 * A compiled model with its baseline state, computed once and shared by every analysis and
 * simulation of that compiled model (the language server can keep it between requests).
 */

import { compileModel, type CompiledModel } from './compile.js';
import type { Model } from './model.js';
import { OutageEngine } from './outage.js';
import { StateEngine } from './state.js';

export interface Prepared {
    cm: CompiledModel;
    engine: StateEngine;
    outages(): OutageEngine;
}

const cache = new WeakMap<CompiledModel, Prepared>();

export function prepare(input: Model | CompiledModel): Prepared {
    const cm = isCompiled(input) ? input : compileModel(input);
    let p = cache.get(cm);
    if (p === undefined) {
        const engine = new StateEngine(cm);
        let outage: OutageEngine | undefined;
        p = { cm, engine, outages: () => (outage ??= new OutageEngine(engine)) };
        cache.set(cm, p);
    }
    return p;
}

export function isCompiled(x: Model | CompiledModel): x is CompiledModel {
    return (x as CompiledModel).termMembers !== undefined && (x as CompiledModel).index instanceof Map;
}
