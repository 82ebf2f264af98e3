/** Arrow-key navigation: the box nearest to another in a direction. */
import type { Box, Point } from './layout.js';

/** The node nearest to `from` in a direction (arrow-key navigation), or undefined. */
export function nearestInDirection(boxes: ReadonlyMap<string, Box>, candidates: readonly string[], from: string, dir: 'left' | 'right' | 'up' | 'down'): string | undefined {
    const a = boxes.get(from);
    if (!a) return undefined;
    const ac: Point = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
    let best: string | undefined;
    let bestScore = Number.POSITIVE_INFINITY;
    for (const id of candidates) {
        if (id === from) continue;
        const b = boxes.get(id);
        if (!b) continue;
        const bc: Point = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
        const dx = bc.x - ac.x;
        const dy = bc.y - ac.y;
        const along = dir === 'right' ? dx : dir === 'left' ? -dx : dir === 'down' ? dy : -dy;
        const across = dir === 'right' || dir === 'left' ? Math.abs(dy) : Math.abs(dx);
        if (along <= 1) continue;
        const score = along + across * 2.5;
        if (score < bestScore) {
            bestScore = score;
            best = id;
        }
    }
    return best;
}
