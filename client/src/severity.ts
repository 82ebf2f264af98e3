/**
 * The user's severity overrides (`topo.severity.<code>`), applied to the diagnostics the
 * server publishes. Idempotent, so it is harmless when the server applies them too; it makes
 * a change of setting take effect at once, without waiting for the server to re-publish.
 */
import * as vscode from 'vscode';

/** null (unset): the severity the server gives. */
export type SeveritySetting = null | 'error' | 'warning' | 'information' | 'hint' | 'off';

const LEVELS: Record<Exclude<SeveritySetting, null | 'off'>, vscode.DiagnosticSeverity> = {
    error: vscode.DiagnosticSeverity.Error,
    warning: vscode.DiagnosticSeverity.Warning,
    information: vscode.DiagnosticSeverity.Information,
    hint: vscode.DiagnosticSeverity.Hint
};

export class SeverityOverrides {
    private readonly original = new WeakMap<vscode.Diagnostic, vscode.DiagnosticSeverity>();
    /** what the server last published, per document, before overrides */
    private readonly published = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();

    apply(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
        this.published.set(uri.toString(), { uri, diagnostics });
        return this.map(diagnostics);
    }

    /** Re-applies the settings to everything published (after a settings change). */
    reapply(collection: vscode.DiagnosticCollection | undefined): void {
        if (!collection) return;
        for (const { uri, diagnostics } of this.published.values()) collection.set(uri, this.map(diagnostics));
    }

    forget(uri: vscode.Uri): void {
        this.published.delete(uri.toString());
    }

    private map(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
        const config = vscode.workspace.getConfiguration('topo.severity');
        const out: vscode.Diagnostic[] = [];
        for (const d of diagnostics) {
            if (!this.original.has(d)) this.original.set(d, d.severity);
            const code = codeOf(d);
            const setting = code ? config.get<SeveritySetting>(code, null) : null;
            if (setting === 'off') continue;
            d.severity = typeof setting === 'string' && setting in LEVELS ? LEVELS[setting as keyof typeof LEVELS] : this.original.get(d)!;
            out.push(d);
        }
        return out;
    }
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
    const code = d.code;
    if (code === undefined) return undefined;
    if (typeof code === 'string' || typeof code === 'number') return String(code);
    return String(code.value);
}
