/**
 * `spof`: a service that one failure domain takes down. Names the nearest SPOFs, the path
 * that makes each fatal, the users, the other SPOFs ("Also"), and what would fix it.
 */

import { namesOf, sortByName, type CompiledModel } from '../compile.js';
import { formatUsers, joinOr } from '../format.js';
import { pathText, stepOwners } from '../paths.js';
import type { Finding, PathStep } from '../results.js';
import { RelatedList, tierSeverity, usersClause, type FindingContext } from './context.js';

export function spofFindings(ctx: FindingContext): Finding[] {
    const { cm, sweep } = ctx;
    const out: Finding[] = [];
    for (const s of cm.services) {
        const spofs = sweep.spofs[s];
        if (spofs.length === 0) continue;
        const name = cm.names[s];
        const nearest = sortByName(cm, [...ctx.nearest[s]]);
        const nearestSet = new Set(nearest);
        const others = namesOf(cm, spofs.filter(d => !nearestSet.has(d)));
        const related = new RelatedList();
        const paths: string[] = [];
        const fixes: string[] = [];
        for (const d of nearest) {
            const steps = sweep.paths[s].get(d) ?? [];
            related.add(cm.names[d], `if ${cm.names[d]} fails, ${name} goes down`);
            paths.push(pathText(name, steps));
            addStepsToRelated(related, name, steps);
            const fix = fixFor(cm, name, steps, d);
            if (!fixes.includes(fix)) fixes.push(fix);
        }
        const causes = nearest.map(d => cm.names[d]);
        const also = others.length > 0 ? ` Also: ${others.join(', ')}.` : '';
        out.push({
            code: 'spof',
            severity: tierSeverity(cm.elements[s].tier),
            subject: name,
            causes,
            message: `${name} goes down if ${joinOr(causes)} fails (${paths.join('; ')})` +
                `${usersClause(cm.users[s], formatUsers)}.${also} Fix: ${fixes.join('; ')}.`,
            anchor: { element: name, part: 'name' },
            related: related.items
        });
    }
    return out;
}

/** One related entry per step: "talk depends on auth", "auth runs only on pangyo". */
export function addStepsToRelated(related: RelatedList, subject: string, steps: readonly PathStep[]): void {
    const owners = stepOwners(subject, steps);
    steps.forEach((step, i) => {
        if (step.via === '…') return;
        const owner = owners[i];
        let message: string;
        if (step.text.startsWith(`${owner} `)) message = step.text;
        else if (step.via === 'depends on') message = `${owner} depends on ${step.text}`;
        else message = `${owner} ${step.text}`;
        related.add(step.element, message);
    });
}

const PLACEMENT_VIAS = new Set(['runs only on', 'runs on']);

/** What would make this path harmless: fix the last placement on it, or else its last dependency. */
function fixFor(cm: CompiledModel, subject: string, steps: readonly PathStep[], d: number): string {
    const owners = stepOwners(subject, steps);
    const domain = cm.names[d];
    for (let i = steps.length - 1; i >= 0; i--) {
        if (!PLACEMENT_VIAS.has(steps[i].via)) continue;
        const owner = owners[i];
        const id = cm.index.get(owner);
        if (steps[i].text.startsWith('needs quorum') && id !== undefined) {
            return `spread ${owner}'s replicas so that quorum ${cm.quorum[id]} survives the loss of ${domain}`;
        }
        switch (cm.elements[d].kind) {
            case 'site': return `run ${owner} on a second site outside ${domain}, or add a standby deployment there`;
            case 'region': return `run ${owner} on a site outside ${domain}, or add a standby deployment there`;
            default: return `run ${owner} on a site that does not depend on ${domain}, or add a standby deployment there`;
        }
    }
    for (let i = steps.length - 1; i >= 0; i--) {
        if (steps[i].via !== 'depends on') continue;
        const m = steps[i].element;
        return `give ${owners[i]} an alternative to ${m} (depends on any (${m}, …)), or remove that dependency`;
    }
    return `remove the dependency on ${domain}, or make it redundant`;
}
