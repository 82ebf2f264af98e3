/**
 * `spof`: a service that one failure domain takes down. Names the nearest SPOFs, the path
 * that makes each fatal, the users, the other SPOFs ("Also"), and what would fix it.
 */

import type { CompiledModel } from '../compile.js';
import { formatUsers, joinOr, possessive, shortList } from '../../common/format.js';
import { hasBit } from '../down-sets.js';
import { countBits, domainsOf } from '../nearest.js';
import { pathText, stepOwners } from '../paths.js';
import type { Finding, PathStep } from '../results.js';
import { MAX_LISTED_CAUSES, newFinding } from './codes.js';
import { RelatedList, usersClause, type FindingContext } from './context.js';

/** How many nearest SPOFs a message spells out with their paths. */
const SHOWN = 3;
/** How many names a list in a message gives before "…". */
const LISTED = 8;

export function spofFindings(ctx: FindingContext): Finding[] {
    const { cm, sweep } = ctx;
    const nearestSpofs = ctx.nearest();
    const { words } = sweep.sets;
    // which nearest SPOFs each message spells out: those it runs on directly first, then by name
    const shown = new Map<number, number[]>();
    const requests = new Map<number, number[]>();
    for (const s of ctx.services) {
        const row = nearestSpofs.row(s);
        if (countBits(row) === 0) continue;
        const direct = new Set<number>();
        for (let d = cm.depStart[s]; d < cm.depStart[s + 1]; d++) direct.add(cm.depDomain[d]);
        // nearest is in name order: the first SHOWN it runs on directly, then the first others
        const directNearest = [...direct].filter(d => sweep.sets.bitOf[d] >= 0 && hasBit(row, words, 0, sweep.sets.bitOf[d]))
            .sort((a, b) => sweep.sets.bitOf[a] - sweep.sets.bitOf[b]);
        const pick = directNearest.slice(0, SHOWN);
        const head = domainsOf(sweep, row, SHOWN + direct.size);
        for (let i = 0; i < head.length && pick.length < SHOWN; i++) if (!direct.has(head[i])) pick.push(head[i]);
        shown.set(s, pick);
        for (const d of pick) {
            let list = requests.get(d);
            if (list === undefined) requests.set(d, list = []);
            list.push(s);
        }
    }
    // their paths (walked over the down sets; one simulation per domain only through a cycle)
    const paths = new Map<number, Map<number, PathStep[]>>();
    for (const [d, services] of requests) {
        for (const [s, steps] of ctx.paths.batch(d, services)) {
            let m = paths.get(s);
            if (m === undefined) paths.set(s, m = new Map());
            m.set(d, steps);
        }
    }

    const out: Finding[] = [];
    for (const s of ctx.services) {
        const pick = shown.get(s);
        if (pick === undefined) continue;
        const name = cm.names[s];
        const row = nearestSpofs.row(s);
        const nearestCount = countBits(row);
        // only the first few nearest, in name order: enough for the causes listed and the rest named
        const head = domainsOf(sweep, row, MAX_LISTED_CAUSES + pick.length + LISTED + 1);
        // only the causes a finding lists (no string per (service, cause) pair on a large model)
        const causes = head.slice(0, MAX_LISTED_CAUSES).map(d => cm.names[d]);
        // the others, in name order (only the first few are named)
        const othersRow = nearestSpofs.othersRow(s, row);
        const othersCount = countBits(othersRow);
        const others = domainsOf(sweep, othersRow, LISTED + 1);
        const related = new RelatedList();
        const fixes = new Map<string, { fix: Fix; domains: string[] }>();
        const described: string[] = [];
        for (const d of pick) {
            const steps = paths.get(s)?.get(d) ?? [];
            const domain = cm.names[d];
            related.add(domain, `if ${domain} fails, ${name} goes down`);
            addStepsToRelated(related, name, steps);
            described.push(pick.length === nearestCount ? pathText(name, steps) : `${domain} (${pathText(name, steps)})`);
            const fix = fixFor(cm, name, steps, d);
            const group = fixes.get(fix.key);
            if (group === undefined) fixes.set(fix.key, { fix, domains: [domain] });
            else group.domains.push(domain);
        }
        for (const d of head.slice(0, MAX_LISTED_CAUSES)) related.add(cm.names[d], `if ${cm.names[d]} fails, ${name} goes down`);
        let what: string;
        if (pick.length === nearestCount) {
            what = `${name} goes down if ${joinOr(causes)} fails (${described.join('; ')})`;
        } else {
            const rest = head.filter(d => !pick.includes(d));
            what = `${name} goes down if any one of ${nearestCount} failure domains fails, e.g. ${described.join('; ')}; ` +
                `and ${nearestCount - pick.length} more: ${shortList(firstNames(cm, rest), LISTED)}`;
        }
        const also = othersCount === 0 ? ''
            : ` Also: ${shortList(firstNames(cm, others), LISTED)}${othersCount > LISTED ? ` (${othersCount} in all)` : ''}.`;
        const likewise = pick.length < nearestCount ? ` (and likewise for the other ${nearestCount - pick.length})` : '';
        const fixText = [...fixes.values()].map(g => g.fix.say(joinOr(g.domains))).join('; ');
        out.push(newFinding('spof', { element: name, tier: cm.elements[s].tier },
            `${what}${usersClause(cm.users[s], formatUsers)}.${also} Fix: ${fixText}${likewise}.`, causes, related.items, nearestCount));
    }
    return out;
}

/** The names of the first LISTED + 1 of `ids` (enough for `shortList` to say "…"). */
function firstNames(cm: CompiledModel, ids: readonly number[]): string[] {
    return ids.slice(0, LISTED + 1).map(d => cm.names[d]);
}

/** One related entry per step: "talk depends on auth", "auth runs only on pangyo". */
export function addStepsToRelated(related: RelatedList, subject: string, steps: readonly PathStep[]): void {
    const owners = stepOwners(subject, steps);
    steps.forEach((step, i) => {
        if (step.via === '…') return;
        const owner = owners[i];
        let message: string;
        if (step.text.startsWith(`${owner} `)) message = step.text;
        else if (step.via === 'depends on' && !step.text.startsWith('depends on ')) message = `${owner} depends on ${step.text}`;
        else message = `${owner} ${step.text}`;
        related.add(step.element, message);
    });
}

const PLACEMENT_VIAS = new Set(['runs only on', 'runs on']);

/** A fix, said for one or more domains that the same change protects against. */
interface Fix {
    key: string;
    say(where: string): string;
}

/** What would make this path harmless: fix the last placement on it, or else its last dependency. */
function fixFor(cm: CompiledModel, subject: string, steps: readonly PathStep[], d: number): Fix {
    const owners = stepOwners(subject, steps);
    for (let i = steps.length - 1; i >= 0; i--) {
        if (!PLACEMENT_VIAS.has(steps[i].via)) continue;
        const owner = owners[i];
        const id = cm.index.get(owner);
        if (steps[i].text.startsWith('needs quorum') && id !== undefined) {
            return {
                key: `quorum ${owner}`,
                say: where => `spread ${possessive(owner)} replicas so that quorum ${cm.quorum[id]} survives the loss of ${where}`
            };
        }
        const kind = cm.elements[d].kind;
        const standby = ', or add a standby deployment there';
        switch (kind) {
            case 'site':
                return { key: `site ${owner}`, say: where => `run ${owner} on a second site outside ${where}${standby}` };
            case 'region':
                return { key: `region ${owner}`, say: where => `run ${owner} on a site outside ${where}${standby}` };
            default:
                return { key: `infra ${owner}`, say: where => `run ${owner} on a site that does not depend on ${where}${standby}` };
        }
    }
    for (let i = steps.length - 1; i >= 0; i--) {
        if (steps[i].via !== 'depends on') continue;
        const m = steps[i].element;
        const owner = owners[i];
        return {
            key: `dependency ${owner} ${m}`,
            say: () => `give ${owner} an alternative to ${m} (depends on any (${m}, …)), or remove that dependency`
        };
    }
    return { key: 'generic', say: where => `remove the dependency on ${where}, or make it redundant` };
}
