/** The pill on a box's top edge saying what a simulation did to it ("✕ DOWN · 10 h"). */
import type { GraphElement } from '../../../server/src/common/protocol.js';
import { formatOutage } from '../../../server/src/common/simulation-text.js';
import type { Measure } from '../scene/text.js';
import type { NodeState } from './simulation-state.js';
import type { SvgNode } from './svg-tree.js';
import { el } from './svg-tree.js';

const WORDS: Record<Exclude<NodeState, 'up'>, string> = { failed: '✕ FAILED', down: '✕ DOWN', degraded: '◐ DEGRADED', interrupted: '↻ FAILED OVER' };

/** The tag's text, with the outage's length on a service or datastore; null for an element that stays up. */
export function stateTagText(state: NodeState, minutes: number | null | undefined, element: GraphElement | undefined): string | null {
    if (state === 'up') return null;
    let text = WORDS[state];
    if (minutes !== undefined && element && element.kind !== 'region' && element.kind !== 'site' && element.kind !== 'infra') {
        text += ` · ${formatOutage(minutes)}`;
    }
    return text;
}

export function stateTag(text: string, measure: Measure): SvgNode {
    const tag = el('g', { class: 'state-tag', 'data-text': text });
    const w = Math.ceil(measure(text, 'chip')) + 12;
    const y = -9;
    const x = 8;
    el('rect', { x, y, width: w, height: 17, rx: 8.5 }, tag);
    el('text', { x: x + w / 2, y: y + 12.5, 'text-anchor': 'middle' }, tag, text);
    return tag;
}
