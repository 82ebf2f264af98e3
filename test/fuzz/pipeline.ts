/**
 * One fuzz input through everything the CLI does in-process: parse, link and validate every
 * file together (in memory, imports included), build the model of the root's import closure,
 * analyze it, simulate a failure set, and place the findings. A crash is an exception that
 * escapes, or one that Langium caught and turned into a diagnostic or a console.error
 * ("An error occurred during validation: …"): those are bugs too.
 */
import { EmptyFileSystem, URI } from 'langium';
import { analyze, simulate } from '../../server/src/analysis/index.js';
import { buildModel } from '../../server/src/language/build-model.js';
import { closureDocuments } from '../../server/src/language/closure-model.js';
import { findingDiagnostics, languageDiagnostics } from '../../server/src/language/diagnostics.js';
import { createTopoServices } from '../../server/src/language/topo-module.js';
import { analysisJson } from '../../server/src/cli/analyze-command.js';
import { simulationJson } from '../../server/src/cli/simulate-command.js';

export interface FuzzInput {
    /** where it came from ("soup", "structured", "mutated 04-quorum.topo", a crasher's name) */
    kind?: string;
    /** path (relative, `/`-separated) → text */
    files: Record<string, string>;
    /** the file whose closure is analysed */
    root: string;
    /** what fails in the simulation: a name, `*` (the model's first failure domain) or a number (the element at that index) */
    fail: Array<string | number>;
}

export interface PipelineReport {
    elements: number;
    languageErrors: number;
    findings: number;
    /** wall-clock time */
    milliseconds: number;
    /** CPU time of this process (other processes on a loaded machine do not count) */
    cpuMilliseconds: number;
}

/** Under load the wall clock says little and CPU time counts helper threads: the smaller is the honest one. */
export function costOf(report: PipelineReport): number {
    return Math.min(report.milliseconds, report.cpuMilliseconds);
}

/** An exception Langium swallowed (a check or the linker threw), or output that is plainly broken. */
export class HiddenCrash extends Error {}

/** Words that mean a value leaked into a message unchecked, unless the input itself says them. */
const GARBLED = [/[`'"(]undefined[`'")]|: undefined\b|\bundefined (of|in|on)\b/, /\bNaN\b/, /\[object Object\]/];

function checkMessage(message: string, input: string): void {
    for (const word of GARBLED) {
        if (word.test(message) && !word.test(input)) throw new HiddenCrash(`garbled message: ${message.slice(0, 300)}`);
    }
}

function cpuSince(start: NodeJS.CpuUsage): number {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
}

function sane(ok: boolean, what: string): void {
    if (!ok) throw new HiddenCrash(`impossible result: ${what}`);
}

const HIDDEN = /An error occurred (during|while)/;

let counter = 0;

export async function runPipeline(input: FuzzInput): Promise<PipelineReport> {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const errors: unknown[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => { errors.push(args); };
    try {
        const services = createTopoServices(EmptyFileSystem).Topo;
        const base = `file:///fuzz-${++counter}`;
        const factory = services.shared.workspace.LangiumDocumentFactory;
        const documents = services.shared.workspace.LangiumDocuments;
        const docs = Object.entries(input.files).map(([path, text]) => {
            const doc = factory.fromString(text, URI.parse(`${base}/${path}`));
            documents.addDocument(doc);
            return doc;
        });
        await services.shared.workspace.DocumentBuilder.build(docs, { validation: true });
        const root = documents.getDocument(URI.parse(`${base}/${input.root}`)) ?? docs[0];
        const closure = closureDocuments(services, root);
        const language = closure.flatMap(languageDiagnostics);
        const hidden = language.find(d => HIDDEN.test(d.message));
        if (hidden) throw new HiddenCrash(`swallowed exception: ${hidden.message}`);
        const allText = Object.values(input.files).join('\n');
        for (const d of language) checkMessage(d.message, allText);
        const built = buildModel(closure);
        const result = analyze(built.model, { availabilityNodeBudget: 20_000 });
        const placed = findingDiagnostics(result.findings, built.sources);
        for (const d of placed) checkMessage(d.message, allText);
        for (const s of result.services) {
            if (s.availability !== null) sane(s.availability >= -1e-9 && s.availability <= 1 + 1e-9, `availability ${s.availability} of ${s.name}`);
        }
        for (const d of result.domains) sane(Number.isFinite(d.users) && d.users >= 0, `users ${d.users} of ${d.name}`);
        JSON.stringify(analysisJson(result));
        const elements = built.model.elements;
        const fail = input.fail.flatMap(pick => typeof pick === 'number'
            ? elements.length > 0 ? [elements[pick % elements.length].name] : []
            : pick === '*' ? elements.filter(e => e.kind !== 'service' && e.kind !== 'datastore').slice(0, 1).map(e => e.name) : [pick]);
        const simulation = simulate(built.model, fail);
        sane(Number.isFinite(simulation.users) && simulation.users >= 0, `simulated users ${simulation.users}`);
        for (const [name, o] of Object.entries(simulation.outages)) {
            sane(o.minutes === null || (Number.isFinite(o.minutes) && o.minutes > 0), `outage ${o.minutes} of ${name}`);
            checkMessage(o.reason, allText);
        }
        JSON.stringify(simulationJson(simulation));
        if (errors.length > 0) throw new HiddenCrash(`console.error: ${errors.map(e => String((e as unknown[]).join(' '))).join('; ').slice(0, 500)}`);
        return {
            elements: built.model.elements.length,
            languageErrors: language.filter(d => d.severity === 'error').length,
            findings: placed.length,
            milliseconds: performance.now() - started,
            cpuMilliseconds: cpuSince(cpu)
        };
    } finally {
        console.error = originalError;
    }
}
