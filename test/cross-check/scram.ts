/**
 * SCRAM (Debian's `scram`, an Open-PSA fault-tree tool) as an independent judge: run it on several
 * exported fault trees at once and read its report back.
 *
 * SCRAM costs ~0.15 s per start, so the trees of many services go into one run: each tree's names
 * get a prefix `t<i>-` (a valid MEF identifier: one hyphen between non-hyphens), which keeps the
 * trees apart; every tree's top gate is then a top gate of the run, reported on its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { topoName } from '../../server/src/export/index.js';
import { runProcess } from '../helpers/run-process.js';

export function scramVersion(): string | undefined {
    const probe = spawnSync('scram', ['--version'], { encoding: 'utf8' });
    return probe.status === 0 ? probe.stdout.split('\n')[0].trim() : undefined;
}

export interface ScramImportance { MIF: number; CIF: number; DIF: number; RAW: number; RRW: number }

export interface ScramResult {
    /** top-event probability (absent without --probability) */
    probability?: number;
    /** minimal cut sets as element names (the prefix removed) */
    products: string[][];
    /** importance factors by element name */
    importance: Map<string, ScramImportance>;
}

/** Runs SCRAM once over `trees` (MEF documents); results by tree index. */
export async function runScram(trees: string[], args: string[]): Promise<ScramResult[]> {
    const dir = mkdtempSync(join(tmpdir(), 'topo-scram-'));
    try {
        const files = trees.map((xml, i) => {
            const file = join(dir, `t${i}.xml`);
            writeFileSync(file, prefixNames(xml, `t${i}-`));
            return file;
        });
        const report = await run('scram', [...args, ...files]);
        return trees.map((xml, i) => readTree(report, `t${i}-`, topGateOf(xml)));
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

function topGateOf(xml: string): string {
    const m = /The top event is the gate\s+(\S+)\./.exec(xml);
    if (!m) throw new Error('no top gate named in the export');
    return m[1];
}

function prefixNames(xml: string, prefix: string): string {
    return xml.replace(/(<(?:define-fault-tree|define-gate|gate|basic-event|define-basic-event) name=")/g, `$1${prefix}`);
}

function readTree(report: string, prefix: string, top: string): ScramResult {
    const name = `${prefix}${top}`;
    const sop = new RegExp(`<sum-of-products name="${name}"([^>]*?)(/>|>([\\s\\S]*?)</sum-of-products>)`).exec(report);
    if (!sop) throw new Error(`SCRAM reported nothing for ${name}:\n${report.slice(0, 2000)}`);
    const probability = /probability="([^"]+)"/.exec(sop[1]);
    const products: string[][] = [];
    for (const p of (sop[3] ?? '').matchAll(/<product [^>]*?(?:\/>|>([\s\S]*?)<\/product>)/g)) {
        products.push([...(p[1] ?? '').matchAll(/<basic-event name="([^"]+)"\/>/g)].map(e => topoName(e[1].slice(prefix.length))));
    }
    const importance = new Map<string, ScramImportance>();
    const imp = new RegExp(`<importance name="${name}"[^>]*?(?:/>|>([\\s\\S]*?)</importance>)`).exec(report);
    for (const e of (imp?.[1] ?? '').matchAll(/<basic-event name="([^"]+)"([^>]*)\/>/g)) {
        const attr = (k: string) => Number(new RegExp(`${k}="([^"]+)"`).exec(e[2])?.[1]);
        importance.set(topoName(e[1].slice(prefix.length)), { MIF: attr('MIF'), CIF: attr('CIF'), DIF: attr('DIF'), RAW: attr('RAW'), RRW: attr('RRW') });
    }
    return { probability: probability ? Number(probability[1]) : undefined, products, importance };
}

async function run(command: string, args: string[]): Promise<string> {
    const { code, stdout, stderr } = await runProcess(command, args);
    if (code !== 0) throw new Error(`${command} exited ${code}: ${stderr.trim().split('\n').slice(0, 5).join(' | ')}`);
    return stdout;
}
