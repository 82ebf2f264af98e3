/**
 * How much data a datastore loses when one failure domain fails (read from the copies that
 * survive it, single-failures.ts): nothing when a synchronous replica survives, the declared lag
 * when only asynchronous replicas do, the backup interval when only backups do, all of it when
 * no copy survives. With several surviving copies, the smallest known bound counts; a surviving
 * copy whose bound is not written (`replication` without `lag`, no `replication` at all, a
 * backup without `every`) gives an unknown loss only when no other copy gives a known one.
 */

import type { CompiledModel } from './compile.js';
import type { SurvivingCopies } from './single-failures.js';

export interface DataLoss {
    domain: number;
    /** minutes of writes lost; Infinity: all of the data; NaN: unknown */
    minutes: number;
    /** the copy the figure comes from, in words: "a synchronous replica survives", "only the backup on gasan (every 1h) survives" */
    from: LossSource;
    /** what would give a surviving copy a known bound */
    lacking: string[];
}

export type LossSource =
    | { kind: 'sync' }
    | { kind: 'async'; lag: number }
    | { kind: 'backup'; domain: string; every: number }
    | { kind: 'nothing' }
    | { kind: 'unknown' };

export function dataLossOf(cm: CompiledModel, x: number, copies: SurvivingCopies): DataLoss {
    const e = cm.elements[x];
    const lacking: string[] = [];
    let best: { minutes: number; from: LossSource } | undefined;
    const offer = (minutes: number, from: LossSource) => {
        if (best === undefined || minutes < best.minutes) best = { minutes, from };
    };
    let survivors = 0;
    if (copies.replicasLeft > 0) {
        survivors++;
        if (e.replication === 'sync') offer(0, { kind: 'sync' });
        else if (e.replication === 'async' && e.replicationLag !== undefined && !Number.isNaN(e.replicationLag)) {
            offer(e.replicationLag, { kind: 'async', lag: e.replicationLag });
        } else if (e.replication === 'async') lacking.push(`the lag of its asynchronous replication (\`replication async lag 30s\`)`);
        else lacking.push('how it replicates (`replication sync`, or `replication async lag 30s`)');
    }
    for (const b of copies.backupsLeft) {
        survivors++;
        const name = cm.names[b];
        const every = e.backupEvery?.[name];
        if (every !== undefined && !Number.isNaN(every)) offer(every, { kind: 'backup', domain: name, every });
        else lacking.push(`how often the backup on ${name} is taken (\`backup on ${name} every 1h\`)`);
    }
    if (best !== undefined) return { domain: copies.domain, minutes: best.minutes, from: best.from, lacking: [] };
    if (survivors > 0) return { domain: copies.domain, minutes: NaN, from: { kind: 'unknown' }, lacking };
    return { domain: copies.domain, minutes: Infinity, from: { kind: 'nothing' }, lacking: [] };
}
