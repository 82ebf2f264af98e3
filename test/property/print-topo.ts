/**
 * Prints a `Model` as `.topo` source (spec section 3), so that a shrunk counterexample of a
 * property reads like a model someone could have written.
 */

import type { Element, Model, Term } from '../../server/src/analysis/model.js';

/** minutes → the shortest exact duration literal: 45s, 30m, 10h, 2d */
export function formatDuration(minutes: number): string {
    if (minutes > 0 && minutes % 1440 === 0) return `${minutes / 1440}d`;
    if (minutes > 0 && minutes % 60 === 0) return `${minutes / 60}h`;
    if (Number.isInteger(minutes)) return `${minutes}m`;
    const seconds = Math.round(minutes * 60 * 1e6) / 1e6;
    return `${seconds}s`;
}

/** 0.9995 → 99.95% */
export function formatPercent(p: number): string {
    return `${Math.round(p * 100 * 1e8) / 1e8}%`;
}

function formatTerm(t: Term): string {
    if (t.form === 'one') return t.members[0];
    if (t.form === 'any') return `any (${t.members.join(', ')})`;
    return `${t.k} of (${t.members.join(', ')})`;
}

function statements(e: Element): string[] {
    const out: string[] = [];
    if (e.meta.infraKind !== undefined) out.push(`kind ${e.meta.infraKind}`);
    if (e.deployments.length > 0) {
        out.push('runs on ' + e.deployments.map(d => {
            if (d.standby) return d.replicas === 1 ? `${d.domain} (standby)` : `${d.domain} (${d.replicas}, standby)`;
            return d.replicas === 1 ? d.domain : `${d.domain} (${d.replicas})`;
        }).join(', '));
    }
    if (e.quorum !== undefined) out.push(`quorum ${e.quorum}`);
    if (e.capacity !== undefined) out.push(`capacity ${e.capacity}`);
    if (e.failover !== undefined) out.push(`failover ${formatDuration(e.failover)}`);
    if (e.dependsOn.length > 0) out.push('depends on ' + e.dependsOn.map(formatTerm).join(', '));
    if (e.uses.length > 0) out.push('uses ' + e.uses.join(', '));
    if (e.monitors.length > 0) out.push('monitors ' + e.monitors.join(', '));
    if (e.replication !== undefined) {
        out.push(`replication ${e.replication}${e.replicationLag !== undefined ? ` lag ${formatDuration(e.replicationLag)}` : ''}`);
    }
    if (e.backups.length > 0) {
        // one statement per backup when some have an interval (each `every` covers its statement's domains)
        const every = e.backupEvery;
        if (every === undefined) out.push('backup on ' + e.backups.join(', '));
        else for (const b of e.backups) out.push(`backup on ${b}${every[b] !== undefined ? ` every ${formatDuration(every[b])}` : ''}`);
    }
    if (e.recovery !== undefined) out.push(`recovery ${formatDuration(e.recovery)}`);
    if (e.availability !== undefined) out.push(`availability ${formatPercent(e.availability)}`);
    if (e.users !== 0) out.push(`users ${e.users}`);
    if (e.tier !== 'normal') out.push(`tier ${e.tier}`);
    if (e.slo !== undefined) out.push(`slo ${formatPercent(e.slo)}`);
    if (e.rto !== undefined) out.push(`rto ${formatDuration(e.rto)}`);
    if (e.rpo !== undefined) out.push(`rpo ${formatDuration(e.rpo)}`);
    if (e.survive !== undefined) out.push(`survive ${e.survive}`);
    if (e.meta.owner !== undefined) out.push(`owner ${JSON.stringify(e.meta.owner)}`);
    if (e.meta.description !== undefined) out.push(`description ${JSON.stringify(e.meta.description)}`);
    if (e.meta.operator !== undefined) out.push(`operator ${JSON.stringify(e.meta.operator)}`);
    if (e.meta.tags.length > 0) out.push(`tags ${e.meta.tags.join(', ')}`);
    return out;
}

export function printElement(e: Element): string {
    let head = `${e.kind} ${e.name}`;
    if (e.label !== undefined) head += ` ${JSON.stringify(e.label)}`;
    if (e.container !== undefined) head += ` in ${e.container}`;
    const body = statements(e);
    if (body.length === 0) return head;
    if (body.length === 1 && head.length + body[0].length < 70) return `${head} { ${body[0]} }`;
    return `${head} {\n${body.map(s => `  ${s}`).join('\n')}\n}`;
}

export function printTopo(model: Model): string {
    // an incomplete element (one the language layer could not read completely) is marked with a comment
    const policies = (model.policies ?? []).map(p => {
        const body = [
            ...(p.rto !== undefined ? [`rto ${formatDuration(p.rto)}`] : []),
            ...(p.rpo !== undefined ? [`rpo ${formatDuration(p.rpo)}`] : []),
            ...(p.survive !== undefined ? [`survive ${p.survive}`] : [])
        ];
        return body.length === 0 ? `policy tier ${p.tier}` : `policy tier ${p.tier} { ${body.join('  ')} }`;
    });
    return [...model.elements.map(e => (e.incomplete ? `// incomplete: ${e.name}\n` : '') + printElement(e)), ...policies].join('\n') + '\n';
}
