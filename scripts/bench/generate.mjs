// The benchmark's model generator: pinned, seeded, dependency-free, so anyone can rerun it and
// get byte-identical workspaces. Definition (also in docs/bench.md):
//
//   N services; S = N/10 sites; R = max(2, N/200) regions; I = max(2, N/100) infra.
//   - every site is `in` a random region and `depends on` one random infra;
//   - each site and each infra declares an `availability` with probability 0.1;
//   - services are grouped in 100 groups of N/100 (one file each in the multi-file layout);
//   - every service `runs on` 1–3 distinct random sites with 1–4 replicas each, and
//     `depends on` 3 distinct services drawn from those declared before it in its own group or
//     the previous two groups (fewer for the first two services; the graph is acyclic);
//   - every service has random `users` (log-uniform in [100, 10M), written as 950, 12k, 3.4M).
//   Layouts: "files" = sites.topo (regions, infra, sites) + services-000.topo … services-099.topo,
//   each importing sites.topo and the previous two service files; "one" = the same model in
//   one file, model.topo.
//
// The PRNG is mulberry32 with a fixed seed; every draw happens in one fixed order, so the model
// depends only on N and the seed (the layout does not change the model).
//
// Usage: node scripts/bench/generate.mjs N files|one OUT_DIR [--seed S]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 0x7070_2025;
export const GROUPS = 100;

/** mulberry32: a tiny 32-bit PRNG with a good enough spread for workload generation. */
export function mulberry32(seed) {
    let a = seed >>> 0;
    return function next() {
        a = (a + 0x6D2B79F5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const pad = (n, width) => String(n).padStart(width, '0');

/** Builds the model as plain records (no text yet). */
export function generateModel(n, seed = DEFAULT_SEED, { minSites = 1 } = {}) {
    if (!Number.isInteger(n) || n < GROUPS || n % GROUPS !== 0) throw new Error(`N must be a multiple of ${GROUPS}, got ${n}`);
    const rand = mulberry32(seed);
    const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)); // inclusive
    const pick = (array) => array[Math.floor(rand() * array.length)];
    const AVAILABILITIES = ['99.9%', '99.95%', '99.99%'];
    const INFRA_KINDS = ['power', 'network', 'dns', 'provider'];

    const siteCount = n / 10, regionCount = Math.max(2, Math.floor(n / 200)), infraCount = Math.max(2, Math.floor(n / 100));
    const sw = String(siteCount).length, rw = String(regionCount).length, iw = String(infraCount).length, nw = String(n).length;

    const regions = [];
    for (let r = 0; r < regionCount; r++) regions.push({ name: `region-${pad(r, rw)}`, label: `Region ${r}` });
    const infra = [];
    for (let i = 0; i < infraCount; i++) {
        infra.push({ name: `infra-${pad(i, iw)}`, kind: pick(INFRA_KINDS), availability: rand() < 0.1 ? pick(AVAILABILITIES) : undefined });
    }
    const sites = [];
    for (let s = 0; s < siteCount; s++) {
        sites.push({
            name: `site-${pad(s, sw)}`, label: `Site ${s}`, region: pick(regions).name, infra: pick(infra).name,
            availability: rand() < 0.1 ? pick(AVAILABILITIES) : undefined
        });
    }

    const perGroup = n / GROUPS;
    const services = [];
    for (let i = 0; i < n; i++) {
        const group = Math.floor(i / perGroup);
        // placement: 1–3 distinct sites, 1–4 replicas each
        const placements = [];
        const placeCount = int(minSites, 3);
        while (placements.length < placeCount) {
            const site = pick(sites).name;
            if (!placements.some(p => p.site === site)) placements.push({ site, replicas: int(1, 4) });
        }
        // hard dependencies: 3 distinct services declared earlier in this group or the previous two
        const windowStart = Math.max(0, group - 2) * perGroup;
        const candidates = i - windowStart;
        const depends = [];
        const want = Math.min(3, candidates);
        while (depends.length < want) {
            const j = windowStart + Math.floor(rand() * candidates);
            if (!depends.includes(j)) depends.push(j);
        }
        const users = Math.floor(100 * Math.pow(10, 5 * rand()));
        services.push({
            name: `svc-${pad(i, nw)}`, label: `Service ${i}`, group, placements,
            depends: depends.map(j => `svc-${pad(j, nw)}`), users: formatUsers(users)
        });
    }
    return { n, seed, regions, infra, sites, services, groups: GROUPS };
}

function formatUsers(users) {
    if (users < 10_000) return String(users);
    if (users < 1_000_000) return `${Math.round(users / 1000)}k`;
    return `${(Math.round(users / 100_000) / 10)}M`;
}

function domainsText(model) {
    const out = [];
    for (const r of model.regions) out.push(`region ${r.name} "${r.label}"`);
    out.push('');
    for (const i of model.infra) {
        out.push(`infra ${i.name} { kind ${i.kind}${i.availability ? ` availability ${i.availability}` : ''} }`);
    }
    out.push('');
    for (const s of model.sites) {
        out.push(`site ${s.name} "${s.label}" in ${s.region} {`);
        out.push(`    depends on ${s.infra}`);
        if (s.availability) out.push(`    availability ${s.availability}`);
        out.push('}');
    }
    return out.join('\n') + '\n';
}

function serviceText(s) {
    const runs = s.placements.map(p => p.replicas === 1 ? p.site : `${p.site} (${p.replicas})`).join(', ');
    const lines = [`service ${s.name} "${s.label}" {`, `    runs on ${runs}`];
    if (s.depends.length > 0) lines.push(`    depends on ${s.depends.join(', ')}`);
    lines.push(`    users ${s.users}`, '}');
    return lines.join('\n');
}

/**
 * The size of the answer, computed independently of topo (bitsets over failure domains, in
 * declaration order, which is a topological order: every dependency is declared earlier).
 * Valid for what this generator writes: `depends on a, b, c` terms, quorum 1, sites `in` a
 * region and depending on one infra. Failing domain d takes down site x iff d is x, x's region
 * or x's infra; a service's placement goes down iff all its sites do; a service goes down iff
 * its placement or any dependency does. So SPOF(s) = placement SPOFs ∪ ⋃ SPOF(dependency).
 * Nearest (spec section 4): a site is always nearest; a region or infra is nearest unless one of
 * the sites it brings down is also in SPOF(s).
 */
export function spofStats(model) {
    const sites = model.sites, regions = model.regions, infra = model.infra;
    const S = sites.length, R = regions.length;
    const D = S + R + infra.length;
    const words = (D + 31) >>> 5;
    const siteId = new Map(sites.map((x, i) => [x.name, i]));
    const regionId = new Map(regions.map((r, i) => [r.name, S + i]));
    const infraId = new Map(infra.map((f, i) => [f.name, S + R + i]));
    const siteRegion = Int32Array.from(sites, x => regionId.get(x.region));
    const siteInfra = Int32Array.from(sites, x => infraId.get(x.infra));
    const index = new Map(model.services.map((s, i) => [s.name, i]));
    const bits = new Uint32Array(model.services.length * words);
    const covered = new Uint8Array(D);
    let spofs = 0, nearest = 0, maxNearest = 0, withSpof = 0;
    let causeChars = 0;
    const nameLength = new Int32Array(D);
    sites.forEach((x, i) => { nameLength[i] = x.name.length; });
    regions.forEach((r, i) => { nameLength[S + i] = r.name.length; });
    infra.forEach((f, i) => { nameLength[S + R + i] = f.name.length; });
    model.services.forEach((s, i) => {
        const base = i * words;
        const set = (d) => { bits[base + (d >>> 5)] |= 1 << (d & 31); };
        const ids = s.placements.map(p => siteId.get(p.site));
        if (ids.length === 1) { set(ids[0]); set(siteRegion[ids[0]]); set(siteInfra[ids[0]]); }
        else {
            if (ids.every(x => siteRegion[x] === siteRegion[ids[0]])) set(siteRegion[ids[0]]);
            if (ids.every(x => siteInfra[x] === siteInfra[ids[0]])) set(siteInfra[ids[0]]);
        }
        for (const dep of s.depends) {
            const from = index.get(dep) * words;
            for (let w = 0; w < words; w++) bits[base + w] |= bits[from + w];
        }
        // count SPOFs and nearest ones
        covered.fill(0);
        let count = 0, near = 0;
        const members = [];
        for (let w = 0; w < words; w++) {
            let v = bits[base + w];
            while (v !== 0) {
                const low = v & -v;
                const d = (w << 5) + 31 - Math.clz32(low);
                v ^= low;
                count++;
                members.push(d);
                if (d < S) { covered[siteRegion[d]] = 1; covered[siteInfra[d]] = 1; }
            }
        }
        for (const d of members) {
            if (d < S || !covered[d]) { near++; causeChars += nameLength[d] + 3; }
        }
        spofs += count;
        nearest += near;
        if (near > maxNearest) maxNearest = near;
        if (count > 0) withSpof++;
    });
    const n = model.services.length;
    return {
        domains: D, servicesWithSpof: withSpof, spofPairs: spofs, nearestPairs: nearest,
        meanNearest: nearest / n, maxNearest,
        /** bytes of the `causes` arrays alone in `topo check --format json` (names, quotes, commas) */
        causesJsonBytes: causeChars
    };
}

export const groupFile = (g) => `services-${pad(g, 3)}.topo`;

/** Writes the workspace; returns { dir, files, entry } where entry is what `topo check` is given. */
export function writeWorkspace(model, layout, dir) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const header = `// generated by scripts/bench/generate.mjs v${GENERATOR_VERSION}: N=${model.n}, seed=0x${model.seed.toString(16)}, layout=${layout}\n`;
    const files = [];
    if (layout === 'one') {
        const text = header + domainsText(model) + '\n' + model.services.map(serviceText).join('\n') + '\n';
        writeFileSync(join(dir, 'model.topo'), text);
        files.push('model.topo');
        return { dir, files, entry: join(dir, 'model.topo') };
    }
    if (layout !== 'files') throw new Error(`layout must be files or one, got ${layout}`);
    writeFileSync(join(dir, 'sites.topo'), header + domainsText(model));
    files.push('sites.topo');
    for (let g = 0; g < model.groups; g++) {
        const imports = ['import "sites.topo"'];
        if (g >= 2) imports.push(`import "${groupFile(g - 2)}"`);
        if (g >= 1) imports.push(`import "${groupFile(g - 1)}"`);
        const text = header + imports.join('\n') + '\n\n'
            + model.services.filter(s => s.group === g).map(serviceText).join('\n') + '\n';
        writeFileSync(join(dir, groupFile(g)), text);
        files.push(groupFile(g));
    }
    return { dir, files, entry: dir };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    const [nText, layout, out] = process.argv.slice(2);
    const seedIndex = process.argv.indexOf('--seed');
    const seed = seedIndex > 0 ? Number(process.argv[seedIndex + 1]) : DEFAULT_SEED;
    const sitesIndex = process.argv.indexOf('--min-sites');
    const minSites = sitesIndex > 0 ? Number(process.argv[sitesIndex + 1]) : 1;
    if (!nText || !layout || !out) {
        process.stderr.write('usage: node scripts/bench/generate.mjs N files|one OUT_DIR [--seed S] [--min-sites M]\n');
        process.exit(2);
    }
    const written = writeWorkspace(generateModel(Number(nText), seed, { minSites }), layout, out);
    process.stdout.write(`seed 0x${seed.toString(16)}: wrote ${written.files.length} file(s) to ${out}\n`);
}
