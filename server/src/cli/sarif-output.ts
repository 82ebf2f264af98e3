/**
 * `topo check --format sarif`: SARIF 2.1.0 (OASIS), the format of code-scanning tools (GitHub
 * code scanning, GitLab, Azure DevOps). One run; the tool's rules are every finding code and
 * every language error code; each diagnostic is a result at its place, with its related places,
 * a fingerprint that survives moved lines, and — for an accepted finding — an in-source
 * suppression carrying the reason written in the model.
 */
import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import packageJson from '../../../package.json' with { type: 'json' };
import type { TopoDiagnostic } from '../language/diagnostics.js';
import { FINGERPRINT_NAME, fingerprints } from './fingerprint.js';
import { displayPath } from './paths.js';
import { allRules, otherRule, sarifLevel, type SarifRule } from './sarif-rules.js';

/** The base the result's URIs are relative to: the directory topo ran in. */
export const SOURCE_ROOT = '%SRCROOT%';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

interface Region { startLine: number; startColumn: number; endLine: number; endColumn: number }
interface PhysicalLocation { artifactLocation: { uri: string; uriBaseId?: string }; region: Region }

/** `prints`: the diagnostics' fingerprints when they were taken among more diagnostics than these (a baseline hid some). */
export function sarifLog(diagnostics: readonly TopoDiagnostic[], cwd = process.cwd(), prints = fingerprints(diagnostics, cwd)): object {
    const rules = allRules();
    const index = new Map(rules.map((r, i) => [r.id, i]));
    const ruleIndex = (code: string): number => {
        let i = index.get(code);
        if (i === undefined) {
            i = rules.push(otherRule(code)) - 1;
            index.set(code, i);
        }
        return i;
    };
    const results = diagnostics.map((d, i) => sarifResult(d, ruleIndex(d.code), prints[i], cwd));
    const driver: Record<string, unknown> = {
        name: 'topo',
        fullName: packageJson.displayName,
        version: packageJson.version,
        semanticVersion: packageJson.version,
        informationUri: informationUri(packageJson)
    };
    driver.rules = rules satisfies SarifRule[];
    return {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [{
            tool: { driver },
            originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(cwd) } },
            columnKind: 'utf16CodeUnits',
            results
        }]
    };
}

function sarifResult(d: TopoDiagnostic, ruleIndex: number, fingerprint: string, cwd: string): object {
    const result: Record<string, unknown> = {
        ruleId: d.code,
        ruleIndex,
        level: sarifLevel(d.severity),
        message: { text: d.message },
        locations: [{ physicalLocation: physicalLocation(d.uri, d.range, cwd) }]
    };
    if (d.related.length > 0) {
        result.relatedLocations = d.related.map((r, id) => ({
            id,
            physicalLocation: physicalLocation(r.uri, r.range, cwd),
            message: { text: r.message }
        }));
    }
    result.partialFingerprints = { [FINGERPRINT_NAME]: fingerprint };
    if (d.accepted) {
        result.suppressions = [{ kind: 'inSource', status: 'accepted', justification: d.accepted.reason }];
    }
    const properties: Record<string, unknown> = {};
    if (d.subject !== undefined) properties.subject = d.subject;
    if (d.causes !== undefined) properties.causes = d.causes;
    if (d.accepted?.until !== undefined) properties.acceptedUntil = d.accepted.until;
    if (Object.keys(properties).length > 0) result.properties = properties;
    return result;
}

function physicalLocation(uri: string, range: TopoDiagnostic['range'], cwd: string): PhysicalLocation {
    const path = displayPath(uri, cwd);
    const artifactLocation = isAbsolute(path)
        ? { uri }
        : { uri: path.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
    // SARIF's regions are 1-based; an empty range still covers one column
    const region: Region = {
        startLine: range.start.line + 1,
        startColumn: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1
    };
    if (region.endLine === region.startLine && region.endColumn <= region.startColumn) region.endColumn = region.startColumn + 1;
    return { artifactLocation, region };
}

function directoryUri(dir: string): string {
    const href = pathToFileURL(dir).href;
    return href.endsWith('/') ? href : href + '/';
}

/**
 * Where to read about topo: the package's `homepage` when it has one, else the page the
 * extension has on the Visual Studio Marketplace under the publisher and name it is packaged with.
 */
export function informationUri(pkg: { homepage?: string; publisher: string; name: string }): string {
    return pkg.homepage ?? `https://marketplace.visualstudio.com/items?itemName=${encodeURIComponent(pkg.publisher)}.${encodeURIComponent(pkg.name)}`;
}
