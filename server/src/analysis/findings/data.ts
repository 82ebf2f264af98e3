/**
 * Findings about where data lives: `backup-colocated` (note 7), a datastore whose every copy,
 * replicas and backups, one failure domain destroys; `async-replication` (note 10).
 */

import { namesOf, sortByName } from '../compile.js';
import { joinOr, shortList } from '../../common/format.js';
import { nearestOf } from '../nearest.js';
import type { Finding } from '../results.js';
import { newFinding } from './codes.js';
import { RelatedList, awayFrom, type FindingContext } from './context.js';

export function backupFindings(ctx: FindingContext): Finding[] {
    const { cm, sweep } = ctx;
    const out: Finding[] = [];
    for (const s of ctx.services) {
        const triggers = sweep.backupTriggersOf(s);
        if (triggers.length === 0) continue;
        const name = cm.names[s];
        const causes = sortByName(cm, nearestOf(sweep, triggers)).map(d => cm.names[d]);
        const deployed: number[] = [];
        for (let d = cm.depStart[s]; d < cm.depStart[s + 1]; d++) deployed.push(cm.depDomain[d]);
        const backups: number[] = [];
        for (let j = cm.backups.start[s]; j < cm.backups.start[s + 1]; j++) backups.push(cm.backups.targets[j]);
        const replicas = deployed.length > 0 ? `its replicas (on ${shortList(namesOf(cm, new Set(deployed)))}) and ` : '';
        const related = new RelatedList();
        for (const c of causes) related.add(c, `losing ${c} destroys every copy of ${name}`);
        for (const b of namesOf(cm, new Set(backups))) related.add(b, `a backup of ${name}`);
        const where = joinOr(causes);
        out.push(newFinding('backup-colocated', { element: name, tier: cm.elements[s].tier },
            `losing ${where} destroys every copy of ${name}: ${replicas}its backups ` +
            `(on ${shortList(namesOf(cm, new Set(backups)))}) all go down with it. ` +
            `Fix: keep a backup ${awayFrom(cm, causes, where)}.`,
            causes, related.items));
    }
    return out;
}

export function asyncReplicationFindings(ctx: FindingContext): Finding[] {
    const { cm } = ctx;
    const out: Finding[] = [];
    for (let x = 0; x < cm.n; x++) {
        if (cm.elements[x].replication !== 'async' || !ctx.wanted(x)) continue;
        const name = cm.names[x];
        out.push(newFinding('async-replication', { element: name, tier: cm.elements[x].tier },
            `${name} replicates asynchronously: a failover can lose the writes not yet copied to the other replicas. ` +
            `Fix: use "replication sync" if those writes matter, or write down how much loss is acceptable.`));
    }
    return out;
}

