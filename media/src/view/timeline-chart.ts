/**
 * The outage over time, under the graph during a simulation that has a timeline: services out
 * (down and degraded) and users affected, as steps from the failure until everything is back
 * (an outage of unknown length is drawn hatched to the edge, marked "unknown", never as 0).
 * Moving along it — the slider's arrows, or the pointer on the chart — shows the graph at that
 * moment (`moment`: minutes since the failure).
 */
import type { SimulationResult } from '../../../server/src/common/protocol.js';
import type { Timeline } from '../../../server/src/common/results.js';
import { formatMinutes, formatUsers } from '../../../server/src/common/format.js';
import { clear, html, svg } from '../dom.js';

const HEIGHT = 84;
const LEFT = 62;
const RIGHT = 16;
const ROW = 24;
const TOP = 6;

export class TimelineChart {
    private readonly el: HTMLElement;
    private readonly readout: HTMLElement;
    private readonly chart: SVGSVGElement;
    private readonly slider: HTMLInputElement;
    private timeline: Timeline | null = null;
    private index = 0;
    private width = 600;

    /** `moved`: the user moved to minutes `at` (the graph is to show that moment) */
    constructor(parent: HTMLElement, private readonly moved: (at: number) => void) {
        this.el = html('section', { class: 'timeline', 'aria-label': 'Outage over time' }, parent);
        this.el.hidden = true;
        const head = html('div', { class: 'timeline-head' }, this.el);
        html('span', { class: 'sim-label' }, head, 'Over time');
        this.readout = html('span', { class: 'timeline-readout', 'aria-live': 'polite' }, head);
        this.slider = html('input', { type: 'range', class: 'timeline-slider', min: '0', max: '0', step: '1', value: '0', 'aria-label': 'Moment of the outage' }, this.el);
        this.chart = svg('svg', { class: 'timeline-chart', height: HEIGHT, role: 'img' }, this.el);
        this.slider.addEventListener('input', () => this.select(Number(this.slider.value)));
        const fromPointer = (event: PointerEvent): void => {
            if (!this.timeline) return;
            const r = this.chart.getBoundingClientRect();
            this.select(this.stepAtX(event.clientX - r.left));
        };
        this.chart.addEventListener('pointerdown', event => {
            this.chart.setPointerCapture(event.pointerId);
            fromPointer(event);
        });
        this.chart.addEventListener('pointermove', event => {
            if (event.buttons & 1) fromPointer(event);
        });
        new ResizeObserver(() => {
            const w = Math.round(this.el.getBoundingClientRect().width);
            if (w > 0 && w !== this.width) {
                this.width = w;
                this.draw();
            }
        }).observe(this.el);
    }

    /** Shows the simulation's timeline (hidden without one); starts at the failure. */
    show(result: SimulationResult | null): void {
        const timeline = result?.timeline;
        this.timeline = timeline && timeline.steps.length > 0 ? timeline : null;
        this.el.hidden = this.timeline === null;
        this.index = 0;
        if (!this.timeline) return;
        this.slider.max = String(this.timeline.steps.length - 1);
        this.slider.value = '0';
        this.width = Math.round(this.el.getBoundingClientRect().width) || this.width;
        this.draw();
    }

    private select(index: number): void {
        if (!this.timeline) return;
        const i = Math.max(0, Math.min(this.timeline.steps.length - 1, index));
        this.index = i;
        this.slider.value = String(i);
        this.draw();
        this.moved(this.timeline.steps[i].at);
    }

    /** The chart's time axis: square-root, so that the first minutes are not squeezed by the last hours. */
    private span(): number {
        const t = this.timeline!;
        const last = t.steps[t.steps.length - 1].at;
        return t.end ?? (last > 0 ? last * 1.25 : 60);
    }

    private x(minutes: number): number {
        const w = Math.max(40, this.width - LEFT - RIGHT);
        return LEFT + w * Math.sqrt(Math.min(1, Math.max(0, minutes / this.span())));
    }

    private stepAtX(px: number): number {
        const steps = this.timeline!.steps;
        let found = 0;
        steps.forEach((s, i) => {
            if (this.x(s.at) <= px + 2) found = i;
        });
        return found;
    }

    private draw(): void {
        const t = this.timeline;
        clear(this.chart);
        if (!t) return;
        const steps = t.steps;
        const step = steps[this.index];
        const unknown = step.unknown.length > 0 ? `, ${step.unknown.length} for an unknown time` : '';
        const text = `${formatAt(step.at)}: ${plural(step.down.length, 'service')} down, ${step.degraded.length} degraded, ${formatUsers(step.users)} users${unknown}`;
        this.readout.textContent = text;
        this.slider.setAttribute('aria-valuetext', text);
        this.chart.setAttribute('aria-label', `Services out and users affected over time; ${text}`);
        this.chart.setAttribute('width', String(this.width));
        const maxOut = Math.max(1, ...steps.map(s => s.down.length + s.degraded.length));
        const maxUsers = Math.max(1, ...steps.map(s => s.users));
        const rows: { label: string; value(s: typeof step): number; max: number; cls: string; y: number }[] = [
            { label: 'services', value: s => s.down.length + s.degraded.length, max: maxOut, cls: 'tl-services', y: TOP },
            { label: 'users', value: s => s.users, max: maxUsers, cls: 'tl-users', y: TOP + ROW + 6 }
        ];
        const right = this.width - RIGHT;
        for (const row of rows) {
            svg('text', { class: 'tl-row-label', x: 4, y: row.y + ROW / 2 + 4 }, this.chart, row.label);
            svg('line', { class: 'tl-base', x1: LEFT, x2: right, y1: row.y + ROW, y2: row.y + ROW }, this.chart);
            steps.forEach((s, i) => {
                const x0 = this.x(s.at);
                const x1 = i + 1 < steps.length ? this.x(steps[i + 1].at) : t.end === null ? right : this.x(t.end);
                const h = (row.value(s) / row.max) * ROW;
                if (h <= 0 || x1 <= x0) return;
                const open = i + 1 === steps.length && t.end === null;
                svg('rect', { class: `tl-bar ${row.cls}${open ? ' tl-unknown' : ''}`, x: x0, y: row.y + ROW - h, width: x1 - x0, height: h }, this.chart);
            });
        }
        // the time axis: each step's start, where there is room
        const axisY = TOP + 2 * ROW + 6 + 14;
        let lastX = -Infinity;
        const back = (at: number): string => `${formatAt(at)} all back`;
        steps.forEach((s, i) => {
            const x = this.x(s.at);
            if (x - lastX < 46) return;
            const last = i === steps.length - 1 && s.at === t.end;
            svg('text', { class: 'tl-tick', x, y: axisY, 'text-anchor': x === LEFT ? 'start' : last ? 'end' : 'middle' }, this.chart, last ? back(s.at) : formatAt(s.at));
            lastX = x;
        });
        if (t.end === null) svg('text', { class: 'tl-tick tl-unknown-label', x: right, y: axisY, 'text-anchor': 'end' }, this.chart, 'unknown →');
        else if (t.end > steps[steps.length - 1].at && this.x(t.end) - lastX >= 46) svg('text', { class: 'tl-tick', x: this.x(t.end), y: axisY, 'text-anchor': 'end' }, this.chart, back(t.end));
        const cx = this.x(step.at);
        svg('line', { class: 'tl-cursor', x1: cx, x2: cx, y1: 2, y2: TOP + 2 * ROW + 8 }, this.chart);
    }
}

function formatAt(minutes: number): string {
    return minutes === 0 ? 'failure' : `+${formatMinutes(minutes)}`;
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
