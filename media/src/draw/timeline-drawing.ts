/**
 * The outage over time as a drawing (no DOM): services out (down and degraded) and users
 * affected, as steps from the failure until everything is back, on a square-root time axis (so
 * that the first minutes are not squeezed by the last hours); an outage of unknown length is
 * drawn hatched to the edge and marked "unknown →", never as over. The preview's timeline chart
 * (view/timeline-chart.ts) and `topo render --timeline` draw with it.
 */
import type { Timeline } from '../../../server/src/common/results.js';
import { formatMinutes, formatUsers } from '../../../server/src/common/format.js';
import { el, type SvgNode } from './svg-tree.js';

export const TIMELINE_HEIGHT = 84;
const LEFT = 62;
const RIGHT = 16;
const ROW = 24;
const TOP = 6;

/** The chart's time axis over `width` pixels. */
export class TimelineAxis {
    constructor(private readonly timeline: Timeline, private readonly width: number) {}

    private span(): number {
        const t = this.timeline;
        const last = t.steps[t.steps.length - 1].at;
        return t.end ?? (last > 0 ? last * 1.25 : 60);
    }

    x(minutes: number): number {
        const w = Math.max(40, this.width - LEFT - RIGHT);
        return Math.round((LEFT + w * Math.sqrt(Math.min(1, Math.max(0, minutes / this.span())))) * 10) / 10;
    }

    /** The step drawn at `px` (the last that starts at or before it). */
    stepAtX(px: number): number {
        let found = 0;
        this.timeline.steps.forEach((s, i) => {
            if (this.x(s.at) <= px + 2) found = i;
        });
        return found;
    }
}

/** The moment of step `index` in words ("+1h: 9 services down, 0 degraded, 43.2M users"). */
export function timelineText(timeline: Timeline, index: number): string {
    const step = timeline.steps[index];
    const unknown = step.unknown.length > 0 ? `, ${step.unknown.length} for an unknown time` : '';
    return `${formatAt(step.at)}: ${plural(step.down.length, 'service')} down, ${step.degraded.length} degraded, ${formatUsers(step.users)} users${unknown}`;
}

/** The chart's elements, `width` pixels wide and TIMELINE_HEIGHT high, with a cursor at step `index`. */
export function drawTimeline(t: Timeline, index: number, width: number): SvgNode[] {
    const axis = new TimelineAxis(t, width);
    const out: SvgNode[] = [];
    const add = (node: SvgNode): SvgNode => (out.push(node), node);
    const steps = t.steps;
    const maxOut = Math.max(1, ...steps.map(s => s.down.length + s.degraded.length));
    const maxUsers = Math.max(1, ...steps.map(s => s.users));
    const rows: { label: string; value(s: (typeof steps)[number]): number; max: number; cls: string; y: number }[] = [
        { label: 'services', value: s => s.down.length + s.degraded.length, max: maxOut, cls: 'tl-services', y: TOP },
        { label: 'users', value: s => s.users, max: maxUsers, cls: 'tl-users', y: TOP + ROW + 6 }
    ];
    const right = width - RIGHT;
    for (const row of rows) {
        add(el('text', { class: 'tl-row-label', x: 4, y: row.y + ROW / 2 + 4 }, undefined, row.label));
        add(el('line', { class: 'tl-base', x1: LEFT, x2: right, y1: row.y + ROW, y2: row.y + ROW }));
        steps.forEach((s, i) => {
            const x0 = axis.x(s.at);
            const x1 = i + 1 < steps.length ? axis.x(steps[i + 1].at) : t.end === null ? right : axis.x(t.end);
            const h = Math.round((row.value(s) / row.max) * ROW * 10) / 10;
            if (h <= 0 || x1 <= x0) return;
            const open = i + 1 === steps.length && t.end === null;
            add(el('rect', { class: `tl-bar ${row.cls}${open ? ' tl-unknown' : ''}`, x: x0, y: row.y + ROW - h, width: x1 - x0, height: h }));
        });
    }
    // the time axis: each step's start, where there is room
    const axisY = TOP + 2 * ROW + 6 + 14;
    let lastX = -Infinity;
    const back = (at: number): string => `${formatAt(at)} all back`;
    steps.forEach((s, i) => {
        const x = axis.x(s.at);
        if (x - lastX < 46) return;
        const last = i === steps.length - 1 && s.at === t.end;
        add(el('text', { class: 'tl-tick', x, y: axisY, 'text-anchor': x === LEFT ? 'start' : last ? 'end' : 'middle' }, undefined, last ? back(s.at) : formatAt(s.at)));
        lastX = x;
    });
    if (t.end === null) add(el('text', { class: 'tl-tick tl-unknown-label', x: right, y: axisY, 'text-anchor': 'end' }, undefined, 'unknown →'));
    else if (t.end > steps[steps.length - 1].at && axis.x(t.end) - lastX >= 46) add(el('text', { class: 'tl-tick', x: axis.x(t.end), y: axisY, 'text-anchor': 'end' }, undefined, back(t.end)));
    const cx = axis.x(steps[index].at);
    add(el('line', { class: 'tl-cursor', x1: cx, x2: cx, y1: 2, y2: TOP + 2 * ROW + 8 }));
    return out;
}

function formatAt(minutes: number): string {
    return minutes === 0 ? 'failure' : `+${formatMinutes(minutes)}`;
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
