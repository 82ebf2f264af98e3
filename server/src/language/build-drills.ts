/** The drills of a set of documents, as the analysis's `Model.drills` holds them, and where each is written. */
import type { LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { isDomainKind, type Drill, type ElementKind, type Expectation } from '../analysis/model.js';
import * as ast from '../generated/ast.js';
import { rangeOf, target } from './ast-access.js';
import { readCount, readDuration } from './values.js';

/** Where one drill and its `expect`s are written. */
export interface DrillSource {
    uri: string;
    /** the drill's name (the quoted string) */
    name: Range;
    /** its `expect`s, in order (as `Drill.expects`) */
    expects: Range[];
}

/**
 * The drills of `documents`: the first drill of a name wins (the validator reports the others);
 * a drill with a name that does not resolve, or a value that does not read, is incomplete.
 */
export function drillsOf(documents: readonly LangiumDocument[]): { drills: Drill[]; places: Map<string, DrillSource> } {
    const drills: Drill[] = [];
    const places = new Map<string, DrillSource>();
    for (const document of documents) {
        const root = document.parseResult.value;
        if (!ast.isModel(root)) continue;
        for (const node of root.drills) {
            if (!node.name || places.has(node.name)) continue;
            const source: DrillSource = { uri: document.uri.toString(), name: rangeOf(node, 'name'), expects: [] };
            const drill: Drill = { name: node.name, fail: [], expects: [] };
            for (const step of node.steps) {
                if (ast.isFail(step)) {
                    for (const ref of step.targets) {
                        const t = target(ref);
                        if (t) { if (!drill.fail.includes(t.name)) drill.fail.push(t.name); } else drill.incomplete = true;
                    }
                } else if (ast.isExpect(step)) {
                    const expectation = toExpectation(step);
                    if (expectation) drill.expects.push(expectation); else drill.incomplete = true;
                    source.expects.push(rangeOf(step));
                }
            }
            if (drill.fail.length === 0 || !drill.expects.length) drill.incomplete = true;
            drills.push(drill);
            places.set(node.name, source);
        }
    }
    return { drills, places };
}

/** An `expect` as the model holds it; undefined when it does not read (the validator says why). */
function toExpectation(step: ast.Expect): Expectation | undefined {
    const state = step.state;
    if (state !== 'up' && state !== 'degraded' && state !== 'down') return undefined;
    const limited = step.limit !== undefined;
    if (limited && (step.at !== 'at' || step.most !== 'most')) return undefined;
    if (step.users) {
        if (state !== 'down' || !limited) return undefined;
        const n = readCount(step.limit!);
        return 'value' in n ? { state, atMost: n.value } : undefined;
    }
    const t = target(step.target);
    if (!t || isDomainKind(t.kind as ElementKind)) return undefined;
    if (state === 'down') {
        if (!limited) return undefined;
        const d = readDuration(step.limit!);
        return 'value' in d ? { service: t.name, state, atMost: d.value } : undefined;
    }
    return limited ? undefined : { service: t.name, state };
}
