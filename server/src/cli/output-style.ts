/**
 * Colour only for a person at a terminal: never when piped, with NO_COLOR set, or TERM=dumb;
 * FORCE_COLOR forces it (NO_COLOR still wins). (picocolors' own detection also turns colour on whenever CI is set.)
 */
import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

export function colorsFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): Colors {
    if ('NO_COLOR' in env) return pc.createColors(false);
    const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
    const enabled = forced || (env.TERM !== 'dumb' && stream.isTTY === true);
    return pc.createColors(enabled);
}

/** Colours for what goes to stdout and for what goes to stderr, each decided for its own stream. */
export interface OutputColors {
    out: Colors;
    err: Colors;
}
