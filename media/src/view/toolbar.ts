/** The toolbar: the file's name, and the buttons (simulate, clear, zoom, fit, collapse, re-layout, export, legend). */
import { html } from '../dom.js';

export interface ToolbarActions {
    simulate(): void;
    clearSimulation(): void;
    zoomOut(): void;
    zoomIn(): void;
    fit(): void;
    toggleAll(): void;
    relayout(): void;
    exportSvg(): void;
    toggleLegend(): void;
}

export class Toolbar {
    private readonly title: HTMLElement;
    private readonly simulateBtn: HTMLButtonElement;
    private readonly clearSimBtn: HTMLButtonElement;
    private readonly collapseBtn: HTMLButtonElement;
    private readonly legendBtn: HTMLButtonElement;

    constructor(parent: HTMLElement, actions: ToolbarActions) {
        const bar = html('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Preview' }, parent);
        this.title = html('div', { class: 'file-title' }, bar);
        const tools = html('div', { class: 'tools' }, bar);
        const button = (label: string, title: string, action: () => void, cls = ''): HTMLButtonElement => {
            const b = html('button', { type: 'button', title, class: cls }, tools, label);
            b.addEventListener('click', action);
            return b;
        };
        this.simulateBtn = button('Simulate failure', 'Simulate the failure of the selected elements (F)', () => actions.simulate(), 'primary');
        this.simulateBtn.hidden = true;
        this.clearSimBtn = button('Clear simulation', 'Clear the simulation (Esc)', () => actions.clearSimulation());
        this.clearSimBtn.hidden = true;
        button('−', 'Zoom out (-)', () => actions.zoomOut(), 'icon');
        button('+', 'Zoom in (+)', () => actions.zoomIn(), 'icon');
        button('Fit', 'Fit the graph to the window, as far as its names stay readable (0)', () => actions.fit());
        this.collapseBtn = button('Collapse all', 'Collapse or expand every region and site', () => actions.toggleAll());
        button('Re-layout', 'Lay the graph out again from scratch', () => actions.relayout());
        button('Export SVG', 'Save the graph as an SVG file', () => actions.exportSvg());
        this.legendBtn = button('Legend', 'Show or hide the legend', () => actions.toggleLegend());
    }

    showFile(uri: string): void {
        this.title.textContent = fileName(uri);
        this.title.title = decoded(uri);
    }

    /** The simulate button, for `count` selected elements (hidden with none). */
    showSelection(count: number): void {
        this.simulateBtn.hidden = count === 0;
        this.simulateBtn.textContent = count > 1 ? `Simulate failure of ${count}` : 'Simulate failure';
    }

    showSimulating(active: boolean): void {
        this.clearSimBtn.hidden = !active;
    }

    /** `some`: some region or site is collapsed (the button then expands them all). */
    showCollapsed(some: boolean): void {
        this.collapseBtn.textContent = some ? 'Expand all' : 'Collapse all';
    }

    showLegend(shown: boolean): void {
        this.legendBtn.setAttribute('aria-pressed', String(shown));
    }
}

function fileName(uri: string): string {
    return decoded(uri.split('/').pop() ?? uri);
}

function decoded(text: string): string {
    try {
        return decodeURIComponent(text);
    } catch {
        return text;
    }
}
