/**
 * Not a test: loads the files named on the command line with `loadWorkspace` and prints, as
 * JSON, every document's language diagnostics and the SPOFs of the first file's model. The
 * bad-files test runs it as an unprivileged user (so that a file without read permission
 * really cannot be read, even when the tests run as root).
 *
 *   node --import tsx test/pathological/load-and-report.ts FILE…
 */
import { analyze } from '../../server/src/analysis/index.js';
import { closureModel } from '../../server/src/language/closure-model.js';
import { languageDiagnostics } from '../../server/src/language/diagnostics.js';
import { loadWorkspace } from '../../server/src/node/load-workspace.js';

export interface LoadReport {
    diagnostics: Record<string, Array<{ line: number; code: string; message: string; severity: string }>>;
    spofs: Record<string, string[]>;
}

export async function loadAndReport(paths: string[]): Promise<LoadReport> {
    const workspace = await loadWorkspace(paths);
    const diagnostics: LoadReport['diagnostics'] = {};
    for (const document of workspace.documents) {
        diagnostics[document.uri.path.split('/').pop()!] = languageDiagnostics(document)
            .map(d => ({ line: d.range.start.line + 1, code: d.code, message: d.message, severity: d.severity }));
    }
    const result = analyze(closureModel(workspace.services, workspace.roots[0]).model);
    return { diagnostics, spofs: Object.fromEntries(result.services.map(s => [s.name, s.spofs])) };
}

if (process.argv[1]?.endsWith('load-and-report.ts')) {
    loadAndReport(process.argv.slice(2)).then(
        report => process.stdout.write(JSON.stringify(report) + '\n'),
        error => { process.stderr.write(`${error}\n`); process.exitCode = 3; });
}
