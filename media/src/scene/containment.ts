/**
 * Containment of failure domains as drawn: regions and sites are containers, and an element
 * `in` one of them is drawn inside it. The chains guard against containment loops (an error
 * in the model, but the graph may still carry them).
 */
import type { GraphElement } from '../../../server/src/common/protocol.js';
import { CONTAINER_KINDS } from './scene.js';

export class Containment {
    private readonly chains = new Map<string, string[]>();

    constructor(private readonly elements: ReadonlyMap<string, GraphElement>) {}

    /** The region or site `name` is declared in, or null. */
    containerOf(name: string): string | null {
        const e = this.elements.get(name);
        if (!e?.container) return null;
        const c = this.elements.get(e.container);
        return c && CONTAINER_KINDS.has(c.kind) ? c.name : null;
    }

    /** `name` and the containers around it, innermost first (each once, even in a loop). */
    chain(name: string | null): string[] {
        if (name === null) return [];
        const cached = this.chains.get(name);
        if (cached) return cached;
        const out: string[] = [];
        const seen = new Set<string>();
        let cur: string | null = name;
        while (cur !== null && !seen.has(cur)) {
            seen.add(cur);
            out.push(cur);
            cur = this.containerOf(cur);
        }
        this.chains.set(name, out);
        return out;
    }

    /** The innermost container holding both (or being one of them), or null. */
    commonContainer(a: string | null, b: string | null): string | null {
        if (a === null || b === null) return null;
        const ancestorsOfA = new Set(this.chain(a));
        for (const c of this.chain(b)) if (ancestorsOfA.has(c)) return c;
        return null;
    }

    /** The outermost container on `name`'s chain that is in `set` (a collapsed one hides everything below it), or null. */
    outermostIn(name: string | null, set: ReadonlySet<string>): string | null {
        let found: string | null = null;
        for (const c of this.chain(name)) if (set.has(c)) found = c;
        return found;
    }
}
