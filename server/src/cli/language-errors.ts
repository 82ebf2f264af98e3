/** `analyze` and `simulate` refuse a model with language errors: exit 1, the errors on stderr. */
import { diagnosticLine, sortDiagnostics } from './diagnostic-output.js';
import type { CommandOutput } from './check-command.js';
import { hasLanguageErrors, type RootModel } from './load-models.js';
import type { Colors } from './output-style.js';

export function languageErrorOutput(model: RootModel, colors: Colors): CommandOutput | undefined {
    if (!hasLanguageErrors(model)) return undefined;
    const errors = sortDiagnostics(model.language.filter(d => d.severity === 'error'));
    return { stdout: '', stderr: errors.map(d => diagnosticLine(d, colors)).join('\n') + '\n', exitCode: 1 };
}
