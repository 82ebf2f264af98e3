/**
 * Why an element is down with nothing failed, in words ("quorum 5 exceeds its 3 replicas",
 * "it needs auth, which is never up"), with what would fix it. Only the direct reason: the
 * element it names has its own never-up finding saying why.
 */

import { TermForm } from './compile.js';
import { plural, shortList, sortNames } from '../common/format.js';
import type { StateEngine } from './state.js';

export interface NeverUpReason {
    why: string;
    fix: string;
    /** the elements the reason names */
    blame: number[];
}

export function whyNeverUp(engine: StateEngine, x: number): string {
    return neverUpReason(engine, x).why;
}

export function neverUpReason(engine: StateEngine, x: number): NeverUpReason {
    const cm = engine.cm;
    const up = engine.baseUp;
    const name = cm.names[x];
    const from = cm.depStart[x];
    const to = cm.depStart[x + 1];
    const q = cm.quorum[x];
    if (to > from) {
        const total = cm.totalReplicas[x];
        if (total < q) {
            return {
                why: `quorum ${q} exceeds its ${plural(total, 'replica')}`,
                fix: `lower quorum to at most ${total}, or add ${plural(q - total, 'replica')}`,
                blame: []
            };
        }
        let onUp = 0;
        const domains = new Set<number>();
        const lost: number[] = [];
        for (let d = from; d < to; d++) {
            domains.add(cm.depDomain[d]);
            if (up[cm.depDomain[d]]) onUp += cm.depReplicas[d];
            else if (!lost.includes(cm.depDomain[d])) lost.push(cm.depDomain[d]);
        }
        if (onUp < q) {
            const names = sortNames([...domains].map(d => cm.names[d]));
            const lostNames = sortNames(lost.map(d => cm.names[d]));
            const fix = `make ${shortList(lostNames)} come up first, or run ${name} elsewhere`;
            if (domains.size === 1) return { why: `it runs only on ${names[0]}, which is never up`, fix, blame: lost };
            if (onUp === 0) return { why: `it runs on ${shortList(names)}, which are never up`, fix, blame: lost };
            return {
                why: `only ${plural(onUp, 'replica')} of its ${total} are on domains that are ever up, below quorum ${q}`,
                fix, blame: lost
            };
        }
    }
    const c = cm.container[x];
    if (c >= 0 && !up[c]) {
        return { why: `it is in ${cm.names[c]}, which is never up`, fix: `make ${cm.names[c]} come up first`, blame: [c] };
    }
    for (let t = cm.termStart[x]; t < cm.termStart[x + 1]; t++) {
        const members: number[] = [];
        for (let j = cm.termMembers.start[t]; j < cm.termMembers.start[t + 1]; j++) members.push(cm.termMembers.targets[j]);
        const k = cm.termK[t];
        const upCount = members.filter(m => up[m]).length;
        if (upCount >= k) continue;
        const list = shortList(members.map(m => cm.names[m]));
        const down = members.filter(m => !up[m]);
        const downNames = shortList(sortNames(down.map(m => cm.names[m])));
        if (members.length < k) {
            return {
                why: `it needs ${k} of (${list}), which has only ${plural(members.length, 'member')}`,
                fix: `lower ${k} to at most ${members.length}, or name more alternatives`,
                blame: []
            };
        }
        const fix = `make ${downNames} come up first, or remove the dependency`;
        if (cm.termForm[t] === TermForm.One || members.length === 1) {
            return { why: `it needs ${cm.names[members[0]]}, which is never up`, fix, blame: down };
        }
        if (cm.termForm[t] === TermForm.Any || upCount === 0) {
            return { why: `it needs ${k === 1 ? 'any' : k} of (${list}), which are all never up`, fix, blame: down };
        }
        return {
            why: `it needs ${k} of (${list}), but only ${upCount} of them ${upCount === 1 ? 'is' : 'are'} ever up`,
            fix, blame: down
        };
    }
    return { why: 'something it needs is never up', fix: 'check what it depends on', blame: [] };
}
