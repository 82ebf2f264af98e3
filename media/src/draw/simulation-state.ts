/**
 * What a simulation means for each thing drawn: the state of an element (failed, down,
 * degraded, failed over, up), of a junction (down with its service), and whether an edge
 * carried the failure (both ends down, and the edge is one that takes its source down).
 */
import type { SimulationResult } from '../../../server/src/common/protocol.js';
import type { SceneEdge } from '../scene/scene.js';

export type NodeState = 'failed' | 'down' | 'degraded' | 'interrupted' | 'up';

export class SimulationStates {
    private readonly failed: ReadonlySet<string>;
    private readonly down: ReadonlySet<string>;
    private readonly degraded: ReadonlySet<string>;

    constructor(private readonly sim: SimulationResult) {
        this.failed = new Set(sim.failed);
        this.down = new Set([...sim.down, ...sim.domainsDown]);
        this.degraded = new Set(sim.degraded);
    }

    ofElement(name: string): NodeState {
        if (this.failed.has(name)) return 'failed';
        if (this.down.has(name)) return 'down';
        if (this.degraded.has(name)) return 'degraded';
        if (Object.hasOwn(this.sim.outages, name)) return 'interrupted';
        return 'up';
    }

    /** A junction is down when the service whose term it is is down (or failed). */
    ofJunction(from: string): 'down' | 'up' {
        return this.isDown(from) ? 'down' : 'up';
    }

    /** How long the element is out, when the simulation says (null: unknown). */
    outageMinutes(name: string): number | null | undefined {
        return Object.hasOwn(this.sim.outages, name) ? this.sim.outages[name].minutes : undefined;
    }

    /** The edge took the failure from its target to its source. */
    isFatal(edge: SceneEdge): boolean {
        return this.isDown(edge.from) && this.isDown(edge.to)
            && edge.kind !== 'soft' && edge.kind !== 'monitors' && !(edge.kind === 'placement' && (edge.standby || edge.backup));
    }

    private isDown(name: string): boolean {
        return this.down.has(name) || this.failed.has(name);
    }
}
