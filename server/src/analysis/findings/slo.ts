/**
 * `slo-unreachable`: the computed availability is below the SLO (null counts as 1, note 11).
 * Past the BDD budget only bounds are known: unreachable when even the upper bound is below
 * the SLO, `slo-undecided` (information) when the SLO lies between the bounds.
 */

import { formatDowntime, formatPercent, joinAnd, MINUTES_PER_YEAR } from '../../common/format.js';
import type { Finding, Related } from '../results.js';
import { newFinding } from './codes.js';
import { sloAdvice } from './slo-advice.js';
import type { FindingContext } from './context.js';

export function sloFindings(ctx: FindingContext): Finding[] {
    const { cm, sweep } = ctx;
    const out: Finding[] = [];
    for (const s of ctx.services) {
        const slo = cm.elements[s].slo;
        if (slo === undefined || Number.isNaN(slo)) continue;
        const name = cm.names[s];
        const subject = { element: name, tier: cm.elements[s].tier };
        const related: Related[] = [];
        // SPOFs whose own availability is already below the SLO
        const cappers = sweep.spofsOf(s).filter(d => cm.availability[d] < slo).map(d => cm.names[d]).sort();
        for (const c of cappers) related.push({ element: c, message: `${c} alone allows at most ${formatPercent(cm.availability[cm.index.get(c)!])}` });
        const capping = cappers.length > 0
            ? ` ${joinAnd(cappers)} alone ${cappers.length === 1 ? 'caps' : 'cap'} it below the SLO.` : '';
        const fix = cappers.length > 0
            ? `Fix: remove ${joinAnd(cappers)} as ${cappers.length === 1 ? 'a single point' : 'single points'} of failure, ` +
              `or raise ${cappers.length === 1 ? 'its' : 'their'} availability.`
            : 'Fix: add replicas on independent sites, or make its dependencies redundant.';
        const availability = ctx.availability();
        const bounds = availability.bounds.get(s);
        const value = availability.value[s];
        if (bounds !== undefined) {
            const [low, high] = bounds;
            if (high < slo) {
                out.push(newFinding('slo-unreachable', subject,
                    `${name} is up at most ${formatPercent(high)} of the time by the model, below its SLO of ` +
                    `${formatPercent(slo)} (the exact value was too large to compute).${capping} ${fix}`, [], related));
            } else if (low < slo) {
                out.push(newFinding('slo-undecided', subject,
                    `${name} is up between ${formatPercent(low)} and ${formatPercent(high)} of the time by the model; ` +
                    `the exact value was too large to compute, so its SLO of ${formatPercent(slo)} may or may not be met. ` +
                    'Fix: raise the availability budget, or split the model.', [], related));
            }
            continue;
        }
        const a = value ?? 1;
        if (a < slo) {
            const downtime = formatDowntime((1 - a) * MINUTES_PER_YEAR);
            const said = `${name} is up ${formatPercent(a)} of the time by the model (${downtime} down a year), ` +
                `below its SLO of ${formatPercent(slo)} (${formatDowntime((1 - slo) * MINUTES_PER_YEAR, false)} a year at most).`;
            const advice = sloAdvice(cm, availability, s, slo, sweep.spofsOf(s));
            out.push(advice
                ? newFinding('slo-unreachable', subject, `${said}${advice.sources} ${advice.fix}`, [], advice.related)
                : newFinding('slo-unreachable', subject, `${said}${capping} ${fix}`, [], related));
        }
    }
    return out;
}
