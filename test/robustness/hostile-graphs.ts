/**
 * Hostile models for the preview, as the language server would describe them: labels,
 * descriptions, owners and operators with markup, `javascript:` URLs, template syntax,
 * right-to-left overrides and 10,000-character strings; names that are 10,000 characters long
 * (the grammar allows it) and — past what the grammar allows, since the page must not trust
 * its messages either — names with markup in them.
 */
import type { GraphElement, GraphPlacement, ModelGraph, SimulationResult } from '../../server/src/common/protocol.js';

export const HOSTILE = {
    script: '<script>alert("script")</script>',
    img: '<img src=x onerror=alert("img")>',
    svg: '<svg onload=alert("svg")><a xlink:href="javascript:alert(1)">x</a></svg>',
    javascript: 'javascript:alert("url")',
    link: '[click me](javascript:alert("link")) <a href="javascript:alert(1)">a</a>',
    template: '{{constructor.constructor("alert(\\"template\\")")()}} ${alert("tpl")}',
    /** a right-to-left override that is never closed, then text that must stay in its own box */
    rtl: '\u202Egnp.exe \u2067isolate',
    /** 10,000 characters, no space to wrap at */
    long: 'W'.repeat(10_000),
    /** 10,000 UTF-16 code units of characters outside the BMP (each a surrogate pair), and a combining mark */
    astral: `${'\u{1F525}'.repeat(4_999)}e\u0301`,
    /** about 10,000 characters of words */
    words: 'lorem ipsum dolor '.repeat(556).trim()
} as const;

/** A name of 10,000 characters (letters only: a valid topo name). */
export const LONG_NAME = `svc-${'n'.repeat(9_996)}`;
/** A site with a 10,000-character name: its deployment tags must be cut too. */
export const LONG_SITE = `dc-${'s'.repeat(9_997)}`;
/** Names with markup: not valid topo, but the page must not care. */
export const MARKUP_NAME = '<img src=x onerror=alert("name")>';
export const TEMPLATE_NAME = '{{7*7}}>';

const URI = 'file:///work/hostile.topo';

export function hostileGraph(variant = 0): ModelGraph {
    let line = 0;
    const el = (name: string, kind: GraphElement['kind'], extra: Partial<GraphElement> = {}): GraphElement => {
        line += 3;
        return {
            name, kind, uri: URI, range: { start: { line, character: 8 }, end: { line, character: 8 + name.length } },
            tier: 'normal', users: 0, spof: false, nearestSpofs: [], neverUp: false, availability: null, tags: [], ...extra
        };
    };
    const place = (service: string, domain: string, replicas = 1, standby = false, backup = false): GraphPlacement =>
        ({ service, domain, replicas, standby, backup });
    // `variant` changes the long label, as typing in it would
    const edit = (text: string): string => variant === 0 ? text : `${text.slice(0, text.length - variant)}${'x'.repeat(variant % 50)} ${variant}`;
    const long = edit(HOSTILE.long);
    const words = edit(HOSTILE.words);
    const elements: GraphElement[] = [
        el('region-script', 'region', { label: HOSTILE.script, description: HOSTILE.script }),
        el('dc-img', 'site', { label: HOSTILE.img, container: 'region-script', operator: HOSTILE.img }),
        el('dc-rtl', 'site', { label: HOSTILE.rtl, container: 'region-script' }),
        el(LONG_SITE, 'site', { label: words, container: 'region-script' }),
        el('power-template', 'infra', { label: long, infraKind: 'power', operator: words, container: 'dc-img' }),
        el('svc-link', 'service', { label: HOSTILE.link, description: HOSTILE.link, owner: HOSTILE.javascript, tier: 'critical', spof: true, nearestSpofs: ['dc-img'] }),
        el('svc-js', 'service', { label: HOSTILE.javascript, users: 1_200_000 }),
        el('svc-rtl', 'service', { label: HOSTILE.rtl, users: 42_000, tier: 'high' }),
        el('svc-long', 'service', { label: long, owner: HOSTILE.long, description: HOSTILE.words, users: 10, tier: 'critical', spof: true, nearestSpofs: ['dc-img'] }),
        el(LONG_NAME, 'service', { label: words, spof: true, nearestSpofs: [LONG_SITE] }),
        el(MARKUP_NAME, 'service', { label: HOSTILE.svg, tier: 'low' }),
        el(TEMPLATE_NAME, 'datastore', { label: HOSTILE.template, tier: 'high' }),
        el('svc-astral', 'service', { label: HOSTILE.astral, operator: HOSTILE.astral }),
        el('front', 'service', { label: 'Front door', users: 5_000_000, tier: 'critical' })
    ];
    const placements: GraphPlacement[] = [
        place('svc-link', 'dc-img', 3),
        place('svc-js', 'dc-img', 2), place('svc-js', 'dc-rtl', 2, true),
        place('svc-rtl', 'dc-rtl', 4),
        place('svc-long', 'dc-img', 1),
        place(LONG_NAME, LONG_SITE, 3), place(LONG_NAME, 'dc-img', 1, true),
        place(MARKUP_NAME, 'dc-rtl', 1), place(MARKUP_NAME, LONG_SITE, 1),
        place(TEMPLATE_NAME, 'dc-img', 3), place(TEMPLATE_NAME, LONG_SITE, 1, false, true),
        place('svc-astral', 'dc-rtl', 2),
        place('front', 'dc-img', 10), place('front', 'dc-rtl', 10)
    ];
    return {
        uri: URI, version: 1 + variant, elements, placements,
        edges: [
            { from: 'dc-img', to: 'power-template', kind: 'hard' },
            { from: 'front', to: 'svc-link', kind: 'hard' },
            { from: 'front', to: 'svc-js', kind: 'any', group: 'front#1' },
            { from: 'front', to: MARKUP_NAME, kind: 'any', group: 'front#1' },
            { from: 'front', to: LONG_NAME, kind: 'kof', group: 'front#2', k: 1 },
            { from: 'front', to: 'svc-long', kind: 'kof', group: 'front#2', k: 1 },
            { from: 'svc-link', to: TEMPLATE_NAME, kind: 'hard' },
            { from: 'svc-rtl', to: 'svc-long', kind: 'soft' },
            { from: 'svc-js', to: 'svc-rtl', kind: 'monitors' }
        ],
        errors: []
    };
}

/** dc-img burns: what a simulation of it answers, with hostile reasons. */
export function hostileSimulation(): SimulationResult {
    return {
        failed: ['dc-img'],
        down: ['svc-link', 'svc-long', TEMPLATE_NAME, 'front'],
        degraded: [LONG_NAME],
        up: ['svc-js', 'svc-rtl', MARKUP_NAME],
        domainsDown: ['dc-img', 'power-template'],
        users: 5_000_010,
        outages: {
            'svc-link': { minutes: 600, reason: `until dc-img recovers ${HOSTILE.img}`, users: 0 },
            'svc-long': { minutes: 600, reason: HOSTILE.long, users: 0 },
            [TEMPLATE_NAME]: { minutes: null, reason: HOSTILE.words, users: 0 },
            front: { minutes: 600, reason: `needs svc-link ${HOSTILE.rtl}`, users: 0 },
            [LONG_NAME]: { minutes: 5, reason: `fails over to ${LONG_SITE}`, users: 0 }
        }
    };
}
