/**
 * Pathological models, generated (nothing large is committed). Each returns files by relative
 * path and the root to load.
 */

export interface Generated {
    files: Record<string, string>;
    root: string;
}

/** `svc{i} depends on svc{i-1}`, n long, svc0 on one site. */
export function dependsChain(n: number): Generated {
    const lines = ['site root { recovery 90m availability 99.9% }', 'service svc0 { runs on root }'];
    for (let i = 1; i < n; i++) lines.push(`service svc${i} { depends on svc${i - 1} }`);
    return { files: { 'main.topo': lines.join('\n') + '\n' }, root: 'main.topo' };
}

/** `front depends on any (s0, …, s{n-1})`, each s{i} on its own site. */
export function anyOver(n: number): Generated {
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(`site dc${i} { availability 99% }`, `service s${i} { runs on dc${i} }`);
    const members = Array.from({ length: n }, (_, i) => `s${i}`).join(', ');
    lines.push(`service front {\n  depends on any (${members})\n  slo 99.99%\n}`);
    return { files: { 'main.topo': lines.join('\n') + '\n' }, root: 'main.topo' };
}

/** n files, f{i} importing f{i+1} (the last importing the first); each a site and a service on it needing the next file's. */
export function importCycle(n: number): Generated {
    const files: Record<string, string> = {};
    for (let i = 0; i < n; i++) {
        const next = (i + 1) % n;
        files[`f${i}.topo`] = `import "f${next}.topo"\nsite dc${i}\nservice svc${i} {\n  runs on dc${i}\n${i === n - 1 ? '' : `  depends on svc${next}\n`}}\n`;
    }
    return { files, root: 'f0.topo' };
}

/** region r0; r{i} in r{i-1}, n deep; a site in the deepest and a service on it. */
export function nestedRegions(n: number): Generated {
    const lines = ['region r0'];
    for (let i = 1; i < n; i++) lines.push(`region r${i} in r${i - 1}`);
    lines.push(`site dc in r${n - 1}`, 'service app { runs on dc }');
    return { files: { 'main.topo': lines.join('\n') + '\n' }, root: 'main.topo' };
}

/** A small deterministic generator (mulberry32): the same text every run. */
export function random(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6D2B79F5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** Valid model text of at least `bytes`: regions, sites, power, services in tiers depending on the tier below. */
export function validModel(bytes: number): Generated {
    const rnd = random(1);
    const pick = (n: number) => Math.floor(rnd() * n);
    const parts: string[] = ['// generated: a large valid model'];
    let size = 0;
    const push = (text: string) => { parts.push(text); size += text.length + 1; };
    const sites: string[] = [];
    const services: string[] = [];
    let r = 0;
    while (size < bytes) {
        const region = `region-${r}`;
        push(`region ${region} "Region ${r}" { availability 99.99% recovery 2d }`);
        push(`infra grid-${r} "Grid ${r}" in ${region} {\n  kind power\n  availability 99.95%\n  recovery 4h\n}`);
        for (let s = 0; s < 4; s++) {
            const site = `dc-${r}-${s}`;
            sites.push(site);
            push(`site ${site} "Data center ${r}.${s}" in ${region} {\n  depends on grid-${r}\n  operator "Ops ${s}"\n  availability 99.9%\n  recovery 10h\n}`);
        }
        for (let k = 0; k < 12; k++) {
            const name = `svc-${r}-${k}`;
            const a = sites[sites.length - 1 - pick(4)], b = sites[pick(sites.length)];
            const deps: string[] = [];
            if (services.length > 3) {
                deps.push(services[services.length - 1 - pick(Math.min(40, services.length))]);
                if (rnd() < 0.3) deps.push(`any (${services[pick(services.length)]}, ${services[pick(services.length)]})`);
                if (rnd() < 0.2) deps.push(`2 of (${services[pick(services.length)]}, ${services[pick(services.length)]}, ${services[pick(services.length)]})`);
            }
            const kind = rnd() < 0.2 ? 'datastore' : 'service';
            const body = [
                `runs on ${a} (${1 + pick(5)}), ${b} (${1 + pick(3)}, standby)`,
                ...(deps.length ? [`depends on ${[...new Set(deps)].join(', ')}`] : []),
                ...(services.length > 0 && rnd() < 0.3 ? [`uses ${services[pick(services.length)]}`] : []),
                `capacity ${1 + pick(4)}`,
                `failover ${1 + pick(30)}m`,
                `users ${1 + pick(900)}k`,
                `tier ${['critical', 'high', 'normal', 'low'][pick(4)]}`,
                ...(rnd() < 0.3 ? ['slo 99.9%'] : []),
                ...(kind === 'datastore' ? ['replication async', `backup on ${b}`] : []),
                `owner "team-${pick(50)}"`,
                'tags generated, large'
            ];
            push(`${kind} ${name} "Service ${r}.${k}" {\n  ${body.join('\n  ')}\n}`);
            services.push(name);
        }
        r++;
    }
    return { files: { 'main.topo': parts.join('\n') + '\n' }, root: 'main.topo' };
}

/** At least `bytes` of garbage: random characters (no NUL, so it is read as text), with shards of the language mixed in. */
export function garbage(bytes: number): Generated {
    const rnd = random(2);
    const shards = ['service', 'site', 'region', 'depends on', 'runs on', 'any (', '2 of (', '{', '}', '(', ')', ',', '"', '/*', '*/', '//', '99.9%', '10h', 'in', 'import "'];
    const out: string[] = [];
    let size = 0;
    while (size < bytes) {
        let chunk: string;
        const x = rnd();
        if (x < 0.35) chunk = shards[Math.floor(rnd() * shards.length)] + ' ';
        else if (x < 0.7) chunk = String.fromCharCode(1 + Math.floor(rnd() * 126));
        else if (x < 0.9) chunk = String.fromCharCode(0x80 + Math.floor(rnd() * 0x7000));
        else chunk = Math.floor(rnd() * 1e6).toString(36) + (rnd() < 0.5 ? '\n' : ' ');
        out.push(chunk);
        size += Buffer.byteLength(chunk);
    }
    return { files: { 'main.topo': out.join('') }, root: 'main.topo' };
}
