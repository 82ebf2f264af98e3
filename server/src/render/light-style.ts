/**
 * The preview's drawing style in the theme's light colours, for SVG written without a browser.
 * The rules are preview.css's rules for the drawing, as they are (a test checks that each one
 * is still there), minus what only an interactive page needs (hover, focus, cursor); the
 * theme's variables are the light theme's colours, and `color-mix` is worked out here, so the
 * file needs neither the editor's theme nor a browser that knows `color-mix`.
 */

/** The light theme's colours (VS Code "Light Modern") for the variables preview.css uses. */
export const LIGHT_COLOURS: Readonly<Record<string, string>> = {
    '--fg': '#3b3b3b',
    '--bg': '#ffffff',
    '--muted': '#717171',
    '--border': '#c8c8c8',
    '--focus': '#005fb8',
    '--red': '#e51400',
    '--amber': '#d18616',
    '--blue': '#1a85ff',
    '--purple': '#652d90',
    '--green': '#388a34',
    '--error': '#a1260d',
    '--node-bg': 'var(--bg)',
    '--region-bg': 'color-mix(in srgb, var(--fg) 3%, var(--bg))',
    '--site-bg': 'color-mix(in srgb, var(--fg) 6.5%, var(--bg))',
    '--header-bg': 'color-mix(in srgb, var(--fg) 6%, transparent)',
    '--edge': 'color-mix(in srgb, var(--fg) 55%, var(--bg))',
    '--font': 'system-ui, -apple-system, "Segoe UI", Ubuntu, Helvetica, Arial, sans-serif'
};

/** preview.css's rules for the drawing (each line as it is there). */
export const DRAWING_RULES: readonly string[] = [
    'svg text { font-family: var(--font); fill: var(--fg); }',
    '.node .title { font-size: 13px; font-weight: 600; }',
    '.node .subtitle { font-size: 12px; fill: var(--muted); }',
    '.node .meta { font-size: 11px; fill: var(--muted); }',
    '.node .shape { fill: var(--node-bg); stroke: var(--border); stroke-width: 1; }',
    '.node .pattern { fill: none; stroke: none; pointer-events: none; }',
    '.node .outline { fill: none; stroke: none; pointer-events: none; }',
    '.node .accent { fill: var(--blue); }',
    '.k-datastore .shape { stroke: color-mix(in srgb, var(--purple) 70%, var(--border)); }',
    '.k-datastore .cap { fill: none; stroke: color-mix(in srgb, var(--purple) 70%, var(--border)); }',
    '.k-infra .shape { fill: color-mix(in srgb, var(--green) 8%, var(--bg)); stroke: color-mix(in srgb, var(--green) 55%, var(--border)); }',
    '.k-service.tier-critical .accent { fill: var(--blue); }',
    '.k-service.tier-low .accent { fill: var(--muted); }',
    '.t-container > .shape { stroke: var(--border); }',
    '.t-container.k-region > .shape { fill: var(--region-bg); stroke-dasharray: 6 3; }',
    '.t-container.k-site > .shape { fill: var(--site-bg); }',
    '.t-container .header-band { fill: var(--header-bg); pointer-events: none; }',
    '.t-container .title { font-size: 13px; font-weight: 600; }',
    '.t-container .stack { fill: var(--site-bg); stroke: var(--border); }',
    '.kind-tag rect { fill: color-mix(in srgb, var(--fg) 12%, transparent); }',
    '.kind-tag text { font-size: 10px; font-weight: 600; fill: var(--muted); letter-spacing: 0.04em; }',
    '.toggle rect { fill: transparent; stroke: var(--border); }',
    '.toggle path { stroke: var(--fg); stroke-width: 1.6; fill: none; }',
    '.t-junction .shape { fill: var(--bg); stroke: var(--edge); stroke-width: 1.3; }',
    '.t-junction .junction-text { font-size: 10px; font-weight: 700; fill: var(--fg); }',
    '.dtag rect { fill: color-mix(in srgb, var(--fg) 7%, transparent); stroke: color-mix(in srgb, var(--fg) 35%, transparent); stroke-width: 1; }',
    '.dtag text { font-size: 10px; font-weight: 600; fill: var(--fg); }',
    '.dtag.standby rect { stroke-dasharray: 3 2; fill: none; }',
    '.dtag.standby text { fill: var(--muted); }',
    '.dtag.backup rect { stroke-dasharray: 1 2; fill: none; }',
    '.dtag.backup text { fill: var(--muted); font-style: italic; }',
    '.badge rect { fill: color-mix(in srgb, var(--error) 14%, transparent); stroke: var(--error); stroke-width: 1; }',
    '.badge text { font-size: 10px; font-weight: 700; fill: var(--error); letter-spacing: 0.03em; }',
    '.b-never-up rect { fill: var(--error); }',
    '.b-never-up text { fill: var(--bg); }',
    '.spof-domain > .outline { stroke: var(--error); stroke-width: 1.5; stroke-dasharray: 5 3; }',
    '.nearest-of-highlighted > .outline { stroke: var(--error); stroke-width: 3; stroke-dasharray: none; }',
    '.edge { fill: none; stroke: var(--edge); stroke-width: 1.3; }',
    '.e-soft { stroke-dasharray: 6 4; }',
    '.e-monitors { stroke-dasharray: 1.5 3.5; stroke: color-mix(in srgb, var(--purple) 75%, var(--bg)); stroke-width: 1.4; }',
    '.e-any, .e-kof { stroke-width: 1.8; }',
    '.e-member { stroke-width: 1.1; }',
    '.e-placement { stroke: color-mix(in srgb, var(--fg) 30%, var(--bg)); stroke-width: 1; }',
    '.e-placement.standby { stroke-dasharray: 4 3; }',
    '.e-placement.backup { stroke-dasharray: 1 3; }',
    '.placement-dot { fill: color-mix(in srgb, var(--fg) 40%, var(--bg)); }',
    '.arrowhead { fill: var(--edge); stroke: none; }',
    '.arrowhead.open { fill: none; stroke: color-mix(in srgb, var(--purple) 75%, var(--bg)); stroke-width: 1.5; }',
    '.arrowhead.fatal { fill: var(--red); }',
    '.arrowhead.hl { fill: var(--focus); }',
    '.edge.highlighted { stroke: var(--focus); stroke-width: 2.4; }',
    '.edge.fatal { stroke: var(--red); stroke-width: 2; }',
    '.node.highlighted > .outline { stroke: var(--focus); stroke-width: 3; stroke-dasharray: none; }',
    '.node.selected > .shape { stroke: var(--focus); stroke-width: 2.5; }',
    '.node.selected > .outline { stroke: var(--focus); stroke-width: 1.5; stroke-dasharray: 2 2; }',
    '#hatch-down .hatch-line { fill: var(--red); opacity: 0.35; }',
    '#dots-degraded .dot-fill { fill: var(--amber); opacity: 0.7; }',
    '.simulating .node.s-up { opacity: 0.55; }',
    '.simulating .node.t-container.s-up { opacity: 1; }',
    '.node.s-down > .shape, .node.s-failed > .shape { stroke: var(--red); stroke-width: 2; }',
    '.node.s-down > .pattern, .node.s-failed > .pattern { fill: url(#hatch-down); }',
    '.node.s-degraded > .shape { stroke: var(--amber); stroke-width: 2; stroke-dasharray: 5 3; }',
    '.node.s-degraded > .pattern { fill: url(#dots-degraded); }',
    '.node.s-interrupted > .shape { stroke: var(--amber); stroke-width: 2; }',
    '.t-container.s-down > .pattern, .t-container.s-failed > .pattern { opacity: 0.6; }',
    '.node .strike { stroke: none; }',
    '.node.s-failed > .strike { stroke: var(--red); stroke-width: 2; }',
    '.node.s-failed > .title { fill: var(--red); }',
    '.state-tag rect { fill: var(--red); }',
    '.state-tag text { font-size: 10px; font-weight: 700; fill: var(--bg); letter-spacing: 0.03em; }',
    '.s-degraded .state-tag rect, .s-interrupted .state-tag rect { fill: var(--amber); }',
    '.t-junction.s-down .shape { stroke: var(--red); }',
    '.edge-count rect { fill: var(--bg); stroke: var(--edge); stroke-width: 1; }',
    '.edge-count text { font-size: 13px; font-weight: 600; fill: var(--fg); }',
    '.t-container.collapsed > .meta { font-size: 13px; fill: var(--fg); }',
    '.tl-row-label { font-size: 11px; fill: var(--muted); }',
    '.tl-tick { font-size: 10px; fill: var(--muted); }',
    '.tl-base { stroke: var(--border); }',
    '.tl-bar.tl-services { fill: color-mix(in srgb, var(--red) 70%, transparent); }',
    '.tl-bar.tl-users { fill: color-mix(in srgb, var(--amber) 70%, transparent); }',
    '.tl-bar.tl-unknown { fill: url(#hatch-down); stroke: var(--red); stroke-dasharray: 3 2; }',
    '.tl-unknown-label { fill: var(--red); }',
    '.tl-cursor { stroke: var(--focus); stroke-width: 2; }',
];

/** The rules with the light colours: plain CSS for a `<style>` element. */
export function lightStyleSheet(): string {
    return DRAWING_RULES.map(resolve).join('\n');
}

function resolve(text: string): string {
    let out = text;
    for (let i = 0; i < 10 && out.includes('var(--'); i++) {
        out = out.replace(/var\((--[\w-]+)(?:,\s*([^()]*))?\)/g, (_m, name: string, fallback?: string) => LIGHT_COLOURS[name] ?? fallback ?? 'currentColor');
    }
    return out.replace(/color-mix\(in srgb, (#[0-9a-f]{6}) ([\d.]+)%, (#[0-9a-f]{6}|transparent)\)/g,
        (_m, a: string, p: string, b: string) => mix(a, Number(p) / 100, b));
}

function rgb(hex: string): [number, number, number] {
    return [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** `a` at `share`, the rest `b` (transparent: `a` with that opacity). */
function mix(a: string, share: number, b: string): string {
    const x = rgb(a);
    if (b === 'transparent') return `rgba(${x.join(', ')}, ${share})`;
    const y = rgb(b);
    return `#${x.map((v, i) => Math.round(v * share + y[i] * (1 - share)).toString(16).padStart(2, '0')).join('')}`;
}
