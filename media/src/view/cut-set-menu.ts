/**
 * "Cut sets…" in the context menu of a service: asks the extension for the service's minimal cut
 * sets of at most two failure domains (`cutSetsRequest`), lists them in the same menu when they
 * arrive (`cutSets`), and simulates the one chosen: exactly its members fail, and the preview
 * shows them failed and what goes down, as for any simulation. Names are shown as text only.
 * The hover card's cut set links (`cutSetOfLink`) simulate the same way.
 */
import { SHOW_CUT_SET_COMMAND, type CutSetsToPreview } from '../../../server/src/common/protocol.js';
import type { ContextMenu, MenuItem } from './context-menu.js';

export interface CutSetActions {
    /** asks the extension for the cut sets of `name` (it answers with `received`) */
    ask(name: string): void;
    /** simulates exactly these elements failing together */
    simulate(names: string[]): void;
}

interface Pending {
    name: string;
    x: number;
    y: number;
    returnTo: HTMLElement | SVGElement | null;
    neverUp: boolean;
}

export class CutSetMenu {
    private pending: Pending | null = null;

    constructor(private readonly menu: ContextMenu, private readonly actions: CutSetActions) {}

    /** Asks for the cut sets of `name`; the menu opens at (x, y) when they arrive. */
    open(name: string, x: number, y: number, returnTo: HTMLElement | SVGElement | null, neverUp = false): void {
        this.pending = { name, x, y, returnTo, neverUp };
        this.actions.ask(name);
    }

    /** The extension's answer: shown when it is the one asked for last (and not given up since). */
    received(message: CutSetsToPreview): void {
        const p = this.pending;
        if (!p || p.name !== message.name) return;
        this.pending = null;
        this.menu.show(p.x, p.y, this.items(p, message), p.returnTo, `Cut sets of ${p.name}`);
    }

    private items(p: Pending, message: CutSetsToPreview): MenuItem[] {
        const close = (): void => undefined;
        if (message.error !== undefined) return [{ label: `No cut sets: ${message.error}`, run: close }];
        if (message.tooLarge) return [{ label: 'Too many pairs to look at here: topo analyze --order 2 lists them', run: close }];
        if (p.neverUp) return [{ label: `${p.name} is down with nothing failed`, run: close }];
        if (message.sets.length === 0) return [{ label: `${p.name} survives any one or two failures`, run: close }];
        return message.sets.map(set => ({
            label: set.length === 1 ? `${set[0]} alone` : set.join(' + '),
            run: () => this.actions.simulate([...set])
        }));
    }
}

/**
 * The failure domains of a hover's cut set link (`command:topo.showCutSet?<URI-encoded JSON of
 * [uri, names]>`), read as data; undefined for any other link or a malformed one.
 */
export function cutSetOfLink(target: string): string[] | undefined {
    const prefix = `command:${SHOW_CUT_SET_COMMAND}?`;
    if (!target.startsWith(prefix)) return undefined;
    let args: unknown;
    try {
        args = JSON.parse(decodeURIComponent(target.slice(prefix.length)));
    } catch {
        return undefined;
    }
    if (!Array.isArray(args) || !Array.isArray(args[1])) return undefined;
    const names = (args[1] as unknown[]).filter((n): n is string => typeof n === 'string');
    return names.length > 0 && names.length === (args[1] as unknown[]).length ? names : undefined;
}
