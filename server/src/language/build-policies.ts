/** The tier policies of a set of documents, as the analysis's `Model.policies` holds them. */
import type { LangiumDocument } from 'langium';
import { MAX_SURVIVE, type TierPolicy } from '../analysis/model.js';
import * as ast from '../generated/ast.js';
import { scalarValue } from './statements.js';

/** The tier policies written in `documents`, in order; a tier's later policies are left out (the validator reports them). */
export function policiesOf(documents: readonly LangiumDocument[]): TierPolicy[] {
    const out: TierPolicy[] = [];
    for (const document of documents) {
        const root = document.parseResult.value;
        if (!ast.isModel(root)) continue;
        for (const node of root.policies) {
            if (!node.tier || out.some(p => p.tier === node.tier)) continue;
            const policy: TierPolicy = { tier: node.tier };
            for (const statement of node.statements) {
                if (statement.$type !== 'Rto' && statement.$type !== 'Rpo' && statement.$type !== 'Survive') continue;
                const value = scalarValue(statement);
                if (value === undefined || (statement.$type === 'Survive' && value > MAX_SURVIVE)) continue;
                if (statement.$type === 'Rto') policy.rto ??= value;
                else if (statement.$type === 'Rpo') policy.rpo ??= value;
                else policy.survive ??= value;
            }
            out.push(policy);
        }
    }
    return out;
}
