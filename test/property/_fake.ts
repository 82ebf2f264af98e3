import fc from 'fast-check';
import { modelWithFailuresArb } from './arbitrary-model.js';
import { analyzeBF, simulateBF } from './brute-force.js';
import { compareAnalysis, compareSimulation } from './compare.js';
import type { Model } from '../../server/src/analysis/model.js';
import type { AnalysisResult, SimulationResult } from '../../server/src/analysis/results.js';
const mutate = process.argv[2] === 'mutate';
function sim(m: Model, F: string[]): SimulationResult {
  const b = simulateBF(m, F);
  const outages = Object.fromEntries(Object.entries(b.outages).map(([k, v]) => [k, { minutes: mutate && v !== null && v < 1 ? 1 : v, reason: 'x' }]));
  return { failed: b.failed, down: b.down, degraded: b.degraded, up: b.up, domainsDown: b.domainsDown, users: b.users, outages };
}
function an(m: Model): AnalysisResult {
  const b = analyzeBF(m);
  return {
    services: b.services.map(s => ({ ...s, paths: Object.fromEntries(s.spofs.map(x => [x, [{ element: x, via: 'v', text: 't' }]])), downtimeMinutesPerYear: s.availability === null ? null : (1 - s.availability) * 525600 })),
    domains: b.domains,
    findings: b.findings.map(f => ({ code: f.code, severity: f.severity, subject: f.subject, causes: f.causes, message: 'm', related: [],
      anchor: { element: f.subject, part: ({spof:'name','never-up':'name',unplaced:'name','capacity-shortfall':'capacity','backup-colocated':'backup','async-replication':'replication','observer-shares-fate':'monitors','slo-unreachable':'slo','dependency-cycle':'dependsOn','quorum-unplaced':'quorum'} as any)[f.code], target: f.target ?? f.cycleTargets?.[0] } }))
  };
}
const t0 = Date.now();
fc.assert(fc.property(modelWithFailuresArb, ([gm, sets]) => {
  for (const F of [[], ...sets]) { const d = compareSimulation(gm.model, F, sim(gm.model, F)); if (d.length) throw new Error(d.map(x => x.text).join('\n')); }
  const d = compareAnalysis(gm.model, an(gm.model)); if (d.length) throw new Error(d.map(x => x.text).join('\n'));
}), { numRuns: 400, seed: 1 });
console.log('ok', Date.now() - t0, 'ms');
