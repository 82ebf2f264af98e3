/**
 * `survival-policy`: a service asked to `survive N` failures that some set of at most N failure
 * domains, failing together, takes down. Its minimal cut sets up to order N (cut-sets.ts) are
 * computed for these services only; the message names the smallest (the first by name among
 * the smallest) with the path that makes it fatal, the other sets, and the fix.
 */

import { formatUsers, joinAnd, plural, shortList } from '../../common/format.js';
import { namesOf } from '../compile.js';
import { serviceCutSets } from '../cut-sets.js';
import { MAX_PATH_STEPS, pathText, pathToFailure } from '../paths.js';
import type { Finding } from '../results.js';
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
        engine.fail(first);
        let steps;
        try {
            steps = pathToFailure(engine, s, MAX_PATH_STEPS);
        } finally {
            engine.restore();
        }
        const together = members.length === 1 ? `${members[0]} fails alone` : `${joinAnd(members)} fail together`;
        const others = sets.slice(1).map(set => namesOf(cm, set).join(' + '));
        const also = others.length > 0 ? ` Also: ${shortList(others, LISTED)}${others.length > LISTED ? ` (${others.length + 1} sets in all)` : ''}.` : '';
        const related = new RelatedList();
        const when = members.length === 1 ? `${members[0]} fails` : together;
        for (const m of members) related.add(m, `if ${when}, ${name} goes down`);
        addStepsToRelated(related, name, steps);
        const causes = namesOf(cm, new Set(sets.flat()));
        const required = `it must survive any ${plural(target.value, 'failure')} at once${target.fromPolicy ? ' (from the tier policy)' : ''}`;
        out.push(placed(newFinding('survival-policy', { element: name, tier: cm.elements[s].tier },
            `${name} goes down if ${together}: ${pathText(name, steps)}; ${required}${usersClause(cm.users[s], formatUsers)}.${also} ` +
            `Fix: run ${name} also on a failure domain outside ${joinAnd(members)}, or make what the path needs redundant there.`,
            causes.slice(0, MAX_LISTED_CAUSES), related.items, causes.length), target));
    }
    return out;
}
