/**
 * What each exit code means, command by command: shown after `topo --help` and each command's
 * help, and documented in docs/cli.md ("Exit codes"). Keep the three in step.
 */

export type CommandName = 'check' | 'diff' | 'analyze' | 'simulate' | 'export' | 'render' | 'fmt' | 'drill';

const badUsage = (examples = 'unknown command or flag, bad value') =>
    `bad usage (${examples}), or a file named on the command line is missing or unreadable: one line on stderr`;

const EXIT_CODES: Record<CommandName, [string, string, string]> = {
    check: [
        'no diagnostic reported at or above --fail-on (default error; hints, accepted findings and findings of the baseline never count)',
        'a diagnostic at or above --fail-on: with the default, a language error, an unreadable file found in a folder, or a finding of severity error (e.g. the SPOF of a critical service)',
        badUsage('unknown command or flag, bad value, a bad or unreadable topo.json or baseline, no files to check')
    ],
    diff: [
        'the change adds no finding at or above --fail-on (default error; hints and accepted findings never count)',
        'the change adds a finding at or above --fail-on, or one that was accepted is no longer',
        badUsage('unknown command or flag, bad value, not two paths without --git, a bad topo.json, a --git revision or path git cannot show')
    ],
    analyze: [
        'the analysis is printed',
        'the model has language errors (printed on stderr; nothing on stdout)',
        badUsage('unknown command or flag, bad value, an --order other than 1, 2 or 3')
    ],
    simulate: [
        'the simulation is printed',
        'the model has language errors (printed on stderr; nothing on stdout)',
        badUsage('unknown command or flag, bad value, a --fail name not in the model')
    ],
    export: [
        'the export is printed',
        'the model has language errors (printed on stderr; nothing on stdout)',
        badUsage('unknown command or flag, bad value, a --service not in the model, open-psa without --service or on a dependency cycle')
    ],
    drill: [
        'every drill run passes: each of its `expect`s holds',
        'an `expect` of a drill does not hold, or the model has language errors (printed on stderr; nothing on stdout)',
        badUsage('unknown command or flag, bad value, a drill name not in the model, a model without drills')
    ],
    render: [
        'the picture is written (on stdout, or into the --output file)',
        'the model has language errors (printed on stderr; nothing written)',
        badUsage('unknown command or flag, bad value, a --focus, --fail or --collapse name not in the model, a --hops other than 1, 2 or 3, an --output file that cannot be written')
    ],
    fmt: [
        'every file is formatted (with --check: no file would change)',
        'a file has a syntax error or cannot be read (not formatted), or with --check a file would change',
        badUsage()
    ]
};

/** The help text of one command's exit codes. */
export function commandExitCodes(command: CommandName): string {
    const lines = EXIT_CODES[command].map((meaning, code) => wrap(`  ${code}  `, meaning));
    return ['', 'Exit codes:', ...lines, ''].join('\n');
}

/** `lead` then the text, wrapped at 80 columns under its own first column. */
function wrap(lead: string, text: string, width = 80): string {
    const lines: string[] = [];
    let line = lead;
    for (const word of text.split(' ')) {
        if (line.length > lead.length && line.length + 1 + word.length > width) {
            lines.push(line);
            line = ' '.repeat(lead.length) + word;
        } else {
            line += (line.length > lead.length ? ' ' : '') + word;
        }
    }
    lines.push(line);
    return lines.join('\n');
}

/** The help text of `topo --help`: every command's codes in short. */
export function programExitCodes(): string {
    return [
        '',
        'Exit codes:',
        '  0  fine: check found nothing at or above --fail-on, diff added nothing at or above it;',
        '     analyze, simulate, export, render and fmt did their work',
        '  1  check: a diagnostic at or above --fail-on (default: an error); diff: the change adds',
        '     one; analyze, simulate, export, render: the model has language errors;',
        '     drill: an expect does not hold (or language errors);',
        '     fmt: a file not formatted, or with --check a file would change',
        '  2  bad usage, or a file named on the command line cannot be read (one line on stderr)',
        '',
        'Each command\'s help (topo help COMMAND) says more. Every flag, output format and',
        'JSON schema: docs/cli.md.',
        ''
    ].join('\n');
}
