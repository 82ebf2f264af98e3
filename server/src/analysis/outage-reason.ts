/**
 * The reason of an outage in plain words, read from the determiners the outage engine kept:
 *   "until pangyo recovers"
 *   "until pangyo recovers; no recovery time is given for pangyo"
 *   "until kr recovers (seoul is in kr)"
 *   "needs auth, down until pangyo recovers"
 *   "fails over to ansan (30m)"
 *   "needs auth, which fails over to ansan (30m)"
 *   "failed itself; a failed service has no recovery time"
 *   "never up: quorum 5 exceeds its 3 replicas"
 * At most three "needs" hops are named; the root (what the time comes from) is found with a
 * memoised walk, so long chains cost little.
 */

import { formatDuration } from '../common/format.js';
import { whyNeverUp } from './never-up.js';
import { Det, type OutageEngine } from './outage.js';
import type { StateEngine } from './state.js';

const MAX_HOPS = 3;

export class OutageReasons {
    private readonly roots = new Map<number, number>();

    constructor(private readonly oe: OutageEngine, private readonly engine: StateEngine) {}

    reason(x: number): string {
        const { det, detRef } = this.oe;
        const cm = this.oe.cm;
        if (this.isRoot(x)) return this.own(x, false);
        const hops: number[] = [];
        let cur = x;
        while (det[cur] === Det.Term && hops.length < MAX_HOPS) {
            cur = detRef[cur];
            hops.push(cur);
            if (this.isRoot(cur)) break;
        }
        if (hops.length === 0) return this.domainTail(x);
        let text = `needs ${hops.map(h => cm.names[h]).join(', which needs ')}`;
        if (this.isRoot(cur)) {
            return det[cur] === Det.FailedDomain ? `${text}, down ${this.own(cur, false)}` : `${text}, ${this.own(cur, true)}`;
        }
        if (det[cur] === Det.Term) {
            // more hops than we name: jump to the root
            const root = this.rootOf(cur);
            if (root < 0) return `${text}, …`;
            text += ', …';
            return det[root] === Det.FailedDomain
                ? `${text} down ${this.own(root, false)}`
                : `${text} which needs ${cm.names[root]}, ${this.own(root, true)}`;
        }
        const tail = this.domainTail(cur);
        return tail.startsWith('until ') ? `${text}, down ${tail}` : `${text}, ${tail}`;
    }

    private isRoot(x: number): boolean {
        const d = this.oe.det[x];
        return d === Det.FailedDomain || d === Det.FailedService || d === Det.NeverUp || d === Det.Failover || d === Det.None;
    }

    /** The element following x's determiner, or -1 at a root. */
    private next(x: number): number {
        const { det, detRef } = this.oe;
        switch (det[x]) {
            case Det.Container:
            case Det.Term:
                return detRef[x];
            case Det.Placement:
                return this.oe.cm.depDomain[detRef[x]];
            default:
                return -1;
        }
    }

    /** The root the time of x comes from; -1 on a cycle of determiners. Memoised, iterative. */
    rootOf(x: number): number {
        const walked: number[] = [];
        const seen = new Set<number>();
        let cur = x;
        let root = -1;
        for (;;) {
            const known = this.roots.get(cur);
            if (known !== undefined) { root = known; break; }
            if (this.isRoot(cur)) { root = cur; break; }
            if (seen.has(cur)) { root = -1; break; }
            seen.add(cur);
            walked.push(cur);
            cur = this.next(cur);
            if (cur < 0) { root = -1; break; }
        }
        for (const w of walked) this.roots.set(w, root);
        return root;
    }

    /** The phrase of a root element; `which` for the form after "needs X, ". */
    private own(r: number, which: boolean): string {
        const cm = this.oe.cm;
        const name = cm.names[r];
        switch (this.oe.det[r]) {
            case Det.FailedDomain:
                return `until ${name} recovers${this.unknownRecovery(r)}`;
            case Det.FailedService:
                return `${which ? 'which failed' : 'failed itself'}; a failed service has no recovery time`;
            case Det.NeverUp:
                return which ? 'which is never up' : `never up: ${whyNeverUp(this.engine, r)}`;
            case Det.Failover: {
                const dep = this.oe.detRef[r];
                const to = cm.names[cm.depDomain[dep]];
                const f = cm.failover[r];
                const phrase = Number.isNaN(f)
                    ? `fails over to ${to}; no failover time is given for ${name}`
                    : `fails over to ${to} (${formatDuration(f)})`;
                return which ? `which ${phrase}` : phrase;
            }
            default:
                return which ? 'which is interrupted' : 'interrupted';
        }
    }

    private unknownRecovery(r: number): string {
        const cm = this.oe.cm;
        return Number.isNaN(cm.recovery[r]) ? `; no recovery time is given for ${cm.names[r]}` : '';
    }

    /** For an element whose time comes from its placement or container: where it waits. */
    private domainTail(y: number): string {
        const cm = this.oe.cm;
        const root = this.rootOf(y);
        if (root < 0) return 'until what it needs recovers';
        const first = this.next(y);
        let via = '';
        if (first >= 0 && first !== root) {
            via = this.sharedLink(y, root) ?? this.link(first);
            if (via !== '' && this.next(first) !== root) via += ', …';
            if (via !== '') via = ` (${via})`;
        }
        if (this.oe.det[root] === Det.FailedDomain) {
            return `until ${cm.names[root]} recovers${via}${this.unknownRecovery(root)}`;
        }
        return `needs ${cm.names[root]}${via}, ${this.own(root, true)}`;
    }

    /**
     * When several of y's deployment domains wait for the same root, all of them, not the one
     * that happens to complete the quorum: "use1-az1, use1-az2 and use1-az3 are in us-east-1".
     */
    private sharedLink(y: number, root: number): string | undefined {
        const cm = this.oe.cm;
        if (this.oe.det[y] !== Det.Placement) return undefined;
        const waiting: number[] = [];
        for (let d = cm.depStart[y]; d < cm.depStart[y + 1]; d++) {
            const domain = cm.depDomain[d];
            if (domain !== root && this.oe.T[domain] > 0 && this.next(domain) === root && !waiting.includes(domain)) waiting.push(domain);
        }
        if (waiting.length < 2) return undefined;
        const names = waiting.length > 3 ? [...waiting.slice(0, 2).map(w => cm.names[w]), `${waiting.length - 2} more`] : waiting.map(w => cm.names[w]);
        const list = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
        const dets = new Set(waiting.map(w => this.oe.det[w]));
        const verb = dets.size === 1 && dets.has(Det.Container) ? 'are in' : dets.size === 1 && dets.has(Det.Term) ? 'depend on' : 'need';
        return `${list} ${verb} ${cm.names[root]}`;
    }

    /** "seoul is in kr", "east depends on grid" */
    private link(x: number): string {
        const cm = this.oe.cm;
        const ref = this.oe.detRef[x];
        switch (this.oe.det[x]) {
            case Det.Container:
                return `${cm.names[x]} is in ${cm.names[ref]}`;
            case Det.Term:
                return `${cm.names[x]} depends on ${cm.names[ref]}`;
            case Det.Placement:
                return `${cm.names[x]} runs on ${cm.names[cm.depDomain[ref]]}`;
            default:
                return '';
        }
    }
}
