/** The box of a region or a site: a header (kind, name, label, toggle), or, collapsed, a card saying how much it hides. */
import type { GraphElement } from '../../../server/src/common/protocol.js';
import type { SceneNode } from './scene.js';
import { elementId } from './scene.js';
import type { ServicesInside } from './services-inside.js';
import { insideText } from './services-inside.js';
import { SIZES } from './sizes.js';
import type { Measure } from './text.js';
import { fit } from './text.js';

/** `inside`: the services running in it (the collapsed card says how many, and how many have a SPOF). */
export function containerNode(e: GraphElement, parent: string | null, collapsed: boolean, size: number, measure: Measure, inside?: ServicesInside): SceneNode {
    const kindW = measure(e.kind.toUpperCase(), 'chip') + 8;
    const title = fit(e.name, 'header', 220, measure);
    const subtitle = e.label ? fit(e.label, 'body', 260, measure) : undefined;
    const toggleW = 22;
    const headerW = SIZES.pad + kindW + 6 + measure(title, 'header') + (subtitle ? 8 + measure(subtitle, 'body') : 0) + 8 + toggleW + SIZES.pad;
    const width = Math.ceil(Math.max(collapsed ? 170 : 150, headerW));
    const meta = collapsed ? insideText(inside, size) : undefined;
    // the card's count is drawn as large as its name (preview.css), readable as long as the name is
    const metaW = meta ? SIZES.pad * 2 + measure(meta, 'header') : 0;
    return {
        id: elementId(e.name), type: 'container', parent: parent === null ? null : elementId(parent),
        width: Math.max(width, Math.ceil(metaW)), height: collapsed ? SIZES.collapsedHeight : SIZES.headerHeight + 34,
        element: e, collapsed, hidden: collapsed ? size : undefined, title, subtitle, meta,
        ...(collapsed && inside ? { services: inside } : {})
    };
}
