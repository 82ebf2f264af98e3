import fc from 'fast-check';
import { modelArb } from './arbitrary-model.js';
import { printTopo } from './print-topo.js';
import { analyzeBF, simulateBF } from './brute-force.js';
const ms = fc.sample(modelArb, { numRuns: 400, seed: 42 });
const t0 = Date.now();
const stats: Record<string, number> = {};
const inc = (k: string) => stats[k] = (stats[k] ?? 0) + 1;
for (const gm of ms) {
  const a = analyzeBF(gm.model);
  inc('elements=' + Math.min(12, gm.model.elements.length));
  for (const f of a.findings) inc('finding ' + f.code);
  if (a.services.some(s => s.availability !== null)) inc('has availability');
  if (a.services.some(s => s.spofs.length > 0)) inc('has spof');
  if (a.services.some(s => s.nearest.length < s.spofs.length)) inc('nearest<spofs');
  if (a.domains.some(d => d.degraded.length > 0)) inc('degraded in blast');
  const sim = simulateBF(gm.model, gm.model.elements.filter(e => e.kind !== 'service').slice(0, 1).map(e => e.name));
  for (const v of Object.values(sim.outages)) inc(v === null ? 'outage null' : 'outage finite');
}
console.log(Date.now() - t0, 'ms');
console.log(Object.entries(stats).sort());
console.log(printTopo(ms[7].model)); console.log(printTopo(ms[100].model));
