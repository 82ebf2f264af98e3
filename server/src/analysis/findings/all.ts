/** Every finding of spec section 5 (plus `quorum-unplaced`, `slo-undecided`). */

import type { Finding } from '../results.js';
import { capacityFindings } from './capacity.js';
import type { FindingContext } from './context.js';
import { cycleFindings } from './cycle.js';
import { asyncReplicationFindings, backupFindings } from './data.js';
import { observerFindings } from './observer.js';
import { placementFindings } from './placement.js';
import { sloFindings } from './slo.js';
import { spofFindings } from './spof.js';
import { recoveryTargetFindings } from './recovery-targets.js';
import { survivalFindings } from './survival.js';

export function allFindings(ctx: FindingContext): Finding[] {
    return [
        ...placementFindings(ctx),
        ...spofFindings(ctx),
        ...capacityFindings(ctx),
        ...backupFindings(ctx),
        ...asyncReplicationFindings(ctx),
        ...observerFindings(ctx),
        ...sloFindings(ctx),
        ...cycleFindings(ctx),
        ...recoveryTargetFindings(ctx),
        ...survivalFindings(ctx)
    ];
}

export type { FindingContext } from './context.js';
