/**
 * The outage over time, under the graph during a simulation that has a timeline: services out
 * (down and degraded) and users affected, as steps from the failure until everything is back
 * (an outage of unknown length is drawn hatched to the edge, marked "unknown", never as 0).
 * Moving along it — the slider's arrows, or the pointer on the chart — shows the graph at that
 * moment (`moment`: minutes since the failure). The drawing itself is draw/timeline-drawing.ts
 * (`topo render --timeline` draws it too).
 */
import type { SimulationResult } from '../../../server/src/common/protocol.js';
import type { Timeline } from '../../../server/src/common/results.js';
import { clear, html, svg, toDom } from '../dom.js';
import { drawTimeline, TIMELINE_HEIGHT, TimelineAxis, timelineText } from '../draw/timeline-drawing.js';

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
        this.chart = svg('svg', { class: 'timeline-chart', height: TIMELINE_HEIGHT, role: 'img' }, this.el);
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

    private stepAtX(px: number): number {
        return new TimelineAxis(this.timeline!, this.width).stepAtX(px);
    }

    private draw(): void {
        const t = this.timeline;
        clear(this.chart);
        if (!t) return;
        const text = timelineText(t, this.index);
        this.readout.textContent = text;
        this.slider.setAttribute('aria-valuetext', text);
        this.chart.setAttribute('aria-label', `Services out and users affected over time; ${text}`);
        this.chart.setAttribute('width', String(this.width));
        for (const node of drawTimeline(t, this.index, this.width)) toDom(node, this.chart);
    }
}
