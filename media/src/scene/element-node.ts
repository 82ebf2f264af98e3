/**
 * The box of an infra, a service or a datastore: its title, label and meta line cut to fit,
 * its badges, its deployment tags wrapped in rows, and the size all that takes.
 */
import type { GraphElement, GraphPlacement } from '../../../server/src/common/protocol.js';
import { formatUsers } from '../../../server/src/common/format.js';
import type { DeploymentTag, SceneNode } from './scene.js';
import { elementId, SERVICE_KINDS } from './scene.js';
import { badgeWidth, SIZES } from './sizes.js';
import type { Measure } from './text.js';
import { fit } from './text.js';

/** The badges on a service's title line. */
export function serviceBadges(e: GraphElement): string[] {
    const out: string[] = [];
    if (e.neverUp) out.push('NEVER UP');
    else if (e.spof) out.push('SPOF');
    return out;
}

export function elementNode(e: GraphElement, parent: string | null, hereText: string | undefined, placements: readonly GraphPlacement[], measure: Measure): SceneNode {
    const id = elementId(e.name);
    const isService = SERVICE_KINDS.has(e.kind);
    const badges = isService ? serviceBadges(e) : [];
    const badgesW = badges.reduce((w, b) => w + badgeWidth(b, measure) + SIZES.badgeGap, 0);
    const extra = e.kind === 'infra' ? SIZES.infraChamfer * 2 : 0;
    const inner = SIZES.maxWidth - 2 * SIZES.pad - extra;
    const title = fit(e.name, 'title', inner - badgesW, measure);
    const subtitle = e.label ? fit(e.label, 'body', inner, measure) : undefined;
    const metaParts: string[] = [];
    if (e.kind === 'infra') {
        if (e.infraKind) metaParts.push(e.infraKind);
        if (e.operator) metaParts.push(e.operator);
    } else if (isService) {
        if (hereText) metaParts.push(hereText);
        if (e.users > 0) metaParts.push(`${formatUsers(e.users)} users`);
        if (e.tier !== 'normal') metaParts.push(e.tier);
    }
    const meta = metaParts.length > 0 ? fit(metaParts.join(' · '), 'meta', inner, measure) : undefined;
    const contentW = Math.max(
        measure(title, 'title') + badgesW,
        subtitle ? measure(subtitle, 'body') : 0,
        meta ? measure(meta, 'meta') : 0
    );
    // Deployment tags: one per placement not implied by where the box is drawn, wrapped in rows.
    const tagTexts = placements.map(p => ({
        p, text: fit(`${p.domain} ${p.backup ? 'backup' : `×${p.replicas}`}${p.standby ? ' standby' : ''}`, 'chip', inner, measure)
    }));
    const tagWidths = tagTexts.map(t => Math.ceil(measure(t.text, 'chip')) + 12);
    let width = Math.min(SIZES.maxWidth, Math.max(SIZES.minWidth, Math.ceil(contentW + 2 * SIZES.pad + extra)));
    // Widen for tags when that saves a row (up to the maximum).
    const tagRowW = tagWidths.reduce((w, t) => w + t + SIZES.tagGap, -SIZES.tagGap);
    if (tagWidths.length > 0 && tagRowW + 2 * SIZES.pad > width) width = Math.min(SIZES.maxWidth, Math.ceil(tagRowW + 2 * SIZES.pad));
    let height = SIZES.vpad * 2 + SIZES.titleLine + (subtitle ? SIZES.subLine : 0) + (meta ? SIZES.metaLine : 0);
    const tags: DeploymentTag[] = [];
    if (tagTexts.length > 0) {
        let x = SIZES.pad;
        let y = height - SIZES.vpad + 4;
        for (let i = 0; i < tagTexts.length; i++) {
            const w = Math.min(tagWidths[i], width - 2 * SIZES.pad);
            if (x > SIZES.pad && x + w > width - SIZES.pad) {
                x = SIZES.pad;
                y += SIZES.tagHeight + SIZES.tagGap;
            }
            const { p, text } = tagTexts[i];
            tags.push({ domain: p.domain, text, replicas: p.replicas, standby: p.standby, backup: p.backup, x, y, width: w });
            x += w + SIZES.tagGap;
        }
        height = y + SIZES.tagHeight + SIZES.vpad;
    }
    if (e.kind === 'datastore') {
        height += SIZES.datastoreCap * 2;
        for (const t of tags) t.y += SIZES.datastoreCap;
    }
    return {
        id, type: 'element', parent: parent === null ? null : elementId(parent), width, height,
        element: e, title, subtitle, meta, here: hereText, tags: tags.length > 0 ? tags : undefined
    };
}
