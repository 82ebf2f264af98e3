/**
 * `survival-policy`: a service asked to `survive N` failures that some set of at most N failure
 * domains, failing together, takes down. Its minimal cut sets up to order N (cut-sets.ts) are
 * computed for these services only; the message names the smallest (the first by name among
 * the smallest) with the path through which each member reaches the service (member-paths.ts),
 * said once when the members share it, the other sets, and the fix.
 */

import { formatUsers, joinAnd, plural, shortList } from '../../common/format.js';
import { namesOf } from '../compile.js';
import { serviceCutSets } from '../cut-sets.js';
import { memberPaths } from '../member-paths.js';
import { MAX_PATH_STEPS, pathText, pathToFailure } from '../paths.js';
import type { Finding, PathStep } from '../results.js';
import { withTarget, targetOf } from '../targets.js';
import { MAX_LISTED_CAUSES, newFinding } from './codes.js';
import { RelatedList, usersClause, type FindingContext } from './context.js';
import { placed } from './recovery-targets.js';
import { addStepsToRelated } from './spof.js';

const LISTED = 4;

export function survivalFindings(ctx: FindingContext): Finding[] {
    const { cm, engine, sweep } = ctx;
    const out: Finding[] = [];
    for (const s of withTarget(cm, ctx.services, 'survive')) {
        const target = targetOf(cm, s, 'survive')!;
        const sets = serviceCutSets(engine, s, target.value, sweep.sets);
        if (sets.length === 0) continue;
        const name = cm.names[s];
        const first = sets[0];
        const members = namesOf(cm, first);
        const paths = memberPaths(engine, s, first) ?? [simulatedPath(ctx, s, first)];
        const together = members.length === 1 ? `${members[0]} fails alone` : `${joinAnd(members)} fail together`;
        const others = sets.slice(1).map(set => namesOf(cm, set).join(' + '));
        const also = others.length > 0 ? ` Also: ${shortList(others, LISTED)}${others.length > LISTED ? ` (${others.length + 1} sets in all)` : ''}.` : '';
        const related = new RelatedList();
        const when = members.length === 1 ? `${members[0]} fails` : together;
        for (const m of members) related.add(m, `if ${when}, ${name} goes down`);
        for (const steps of paths) addStepsToRelated(related, name, steps);
        const causes = namesOf(cm, new Set(sets.flat()));
        const required = `it must survive any ${plural(target.value, 'failure')} at once${target.fromPolicy ? ' (from the tier policy)' : ''}`;
        out.push(placed(newFinding('survival-policy', { element: name, tier: cm.elements[s].tier },
            `${name} goes down if ${together}${howText(name, members, paths)}; ${required}${usersClause(cm.users[s], formatUsers)}.${also} ` +
            `Fix: run ${name} also on a failure domain outside ${joinAnd(members)}, or make what the path needs redundant there.`,
            causes.slice(0, MAX_LISTED_CAUSES), related.items, causes.length), target));
    }
    return out;
}

/**
 * ": talk → …" when every member reaches the service through the same path (or one path stands
 * for the set), else " (zone-a: talk → …; db-site: talk → db → …)", members with the same path
 * named together.
 */
function howText(name: string, members: readonly string[], paths: readonly PathStep[][]): string {
    const texts = paths.map(steps => pathText(name, steps));
    const distinct = [...new Set(texts)];
    if (distinct.length === 1) return `: ${distinct[0]}`;
    const parts = distinct.map(text => `${joinAnd(members.filter((_, i) => texts[i] === text))}: ${text}`);
    return ` (${parts.join('; ')})`;
}

/** The path of one simulation of the set, for when the per-member walk finds none (a cycle). */
function simulatedPath(ctx: FindingContext, s: number, set: readonly number[]): PathStep[] {
    const { engine } = ctx;
    engine.fail(set);
    try {
        return pathToFailure(engine, s, MAX_PATH_STEPS);
    } finally {
        engine.restore();
    }
}
