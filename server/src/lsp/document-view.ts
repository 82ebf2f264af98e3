/**
 * What one file sees of a closure analysis: the names declared in its own import closure (a
 * closure analysis covers a maximal closure, which may hold more).
 */
import type { ClosureAnalysis } from './closure-analysis.js';

export class DocumentView {
    constructor(readonly analysis: ClosureAnalysis, readonly closure: ReadonlySet<string>) {}

    sees(name: string): boolean {
        const uri = this.analysis.uriOf(name);
        return uri !== undefined && this.closure.has(uri);
    }

    only(names: readonly string[]): string[] {
        return names.filter(n => this.sees(n));
    }

    users(names: readonly string[]): number {
        let sum = 0;
        for (const n of names) sum += this.analysis.elements.get(n)?.users ?? 0;
        return sum;
    }
}
