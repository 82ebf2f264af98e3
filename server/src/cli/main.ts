/**
 * The `topo` command: check, diff, analyze, simulate, drill, export, render, fmt (documented in docs/cli.md). Exit
 * codes (exit-codes.ts): 0 fine; 1 an error diagnostic (check) or language errors (analyze,
 * simulate, export); 2 bad usage or an unreadable file named on the command line — always one
 * line on stderr, never a stack trace.
 */
import { Command, CommanderError, Option } from 'commander';
import packageJson from '../../../package.json' with { type: 'json' };
import { runAnalyze } from './analyze-command.js';
import { parseOrder, runAnalyzeBeyond } from './analyze-beyond-command.js';
import { runCheck, type CheckOptions, type CommandOutput } from './check-command.js';
import { FAIL_ON_VALUES } from './fail-on.js';
import { runDiff, type DiffOptions } from './diff-command.js';
import { runExport, type ExportFormat } from './export-command.js';
import { commandExitCodes, programExitCodes, type CommandName } from './exit-codes.js';
import { runFmt } from './fmt-command.js';
import { runDrills } from './drill-command.js';
import { isCalendarDate } from '../analysis/index.js';
import { colorsFor, type OutputColors } from './output-style.js';
import { parseHops, runRender } from './render-command.js';
import { runSimulate } from './simulate-command.js';
import { UsageError } from './usage-error.js';

type Format = 'text' | 'json';

function formatOption(): Option {
    return new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text');
}

function failOnOption(): Option {
    return new Option('--fail-on <severity>', 'exit 1 when a diagnostic reported is of this severity or above (hints and accepted findings never count) [default: error, or failOn of topo.json]')
        .choices([...FAIL_ON_VALUES]);
}

function configOption(): Option {
    return new Option('--config <file>', 'the config file (default: the nearest topo.json from the working directory upwards)');
}

function buildProgram(emit: (output: CommandOutput) => void): Command {
    const program = new Command('topo')
        .description('Find the single failures that would take your services down.')
        .version(packageJson.version, '-V, --version', 'print the version')
        .helpOption('-h, --help', 'show help')
        .showSuggestionAfterError(true)
        .exitOverride()
        .configureOutput({
            writeOut: text => process.stdout.write(text),
            writeErr: text => process.stderr.write(text),
            outputError: (text, write) => write(`topo: ${text.replace(/^error: /, '').trim().split('\n')[0]}\n`)
        });

    const colors: OutputColors = { out: colorsFor(process.stdout), err: colorsFor(process.stderr) };

    program.command('check')
        .description('check files or directories (with what they import): language errors and findings')
        .argument('[paths...]', '.topo files or directories (default: "files" of topo.json)')
        .addOption(new Option('-f, --format <format>', 'output format (sarif: SARIF 2.1.0, for code scanning)').choices(['text', 'json', 'sarif']).default('text'))
        .addOption(failOnOption())
        .addOption(new Option('--baseline <file>', 'report only the findings that are not in this baseline (matched by fingerprint, not by line)').conflicts('writeBaseline'))
        .option('--write-baseline <file>', 'write every current finding to this baseline file, then report against it')
        .addOption(configOption())
        .option('--today <date>', 'the date `accept … until` is compared with, YYYY-MM-DD (default: today\'s date)', parseToday)
        .action(async (paths: string[], options: CheckOptions) => {
            emit(await runCheck(paths, options, colors));
        });

    program.command('diff')
        .description('what a change does to resilience: findings added and removed, services and failure domains that changed')
        .usage('[options] OLD NEW | --git REF PATH...')
        .argument('[paths...]', 'OLD and NEW (two .topo files or two directories); with --git, the files or directories to compare with REF')
        .option('--git <ref>', 'compare the paths with themselves at this git revision (git show REF:path)')
        .addOption(new Option('-f, --format <format>', 'output format (markdown: for a pull-request comment)').choices(['text', 'json', 'markdown']).default('text'))
        .addOption(failOnOption())
        .addOption(configOption())
        .action(async (paths: string[], options: DiffOptions) => {
            emit(await runDiff(paths, options, colors));
        });

    program.command('analyze')
        .description('SPOFs and availability of every service, blast radius of every failure domain')
        .argument('<file>', 'a .topo file (its imports are followed)')
        .addOption(formatOption())
        .option('--order <k>', 'also list each service\'s minimal cut sets: sets of up to K (1-3) failure domains that take it down together', parseOrder)
        .option('--importance', 'also rank the failure domains that declare an availability: Birnbaum, Fussell-Vesely, RAW, RRW')
        .action(async (file: string, options: { format: Format; order?: number; importance?: boolean }) => {
            const beyond = options.order !== undefined || options.importance === true;
            emit(beyond
                ? await runAnalyzeBeyond(file, options.format, { order: options.order, importance: options.importance === true }, colors)
                : await runAnalyze(file, options.format, colors));
        });

    program.command('simulate')
        .description('what goes down, what degrades, and for how long, when elements fail together')
        .argument('<file>', 'a .topo file (its imports are followed)')
        .requiredOption('--fail <names>', 'names of the elements that fail together, comma-separated; repeat --fail to add more', addNames)
        .addOption(formatOption())
        .action(async (file: string, options: { fail: string[]; format: Format }) => {
            emit(await runSimulate(file, options.fail, options.format, colors));
        });

    program.command('drill')
        .description('run the failure drills of a model (all, or those named): each one\'s simulation and whether each expect holds')
        .argument('<file>', 'a .topo file (its imports are followed)')
        .argument('[names...]', 'the names of the drills to run (default: every drill)')
        .addOption(formatOption())
        .action(async (file: string, names: string[], options: { format: Format }) => {
            emit(await runDrills(file, names, options.format, colors));
        });

    program.command('export')
        .description('write the model for other tools: a service\'s fault tree (Open-PSA) or the dependency graph (DOT, Mermaid)')
        .argument('<file>', 'a .topo file (its imports are followed)')
        .addOption(new Option('-f, --format <format>', 'open-psa (needs --service), dot or mermaid').choices(['open-psa', 'dot', 'mermaid']).makeOptionMandatory())
        .option('-s, --service <name>', 'open-psa: the service whose outage is the top event; dot, mermaid: draw only its cone')
        .action(async (file: string, options: { format: ExportFormat; service?: string }) => {
            emit(await runExport(file, options.format, options.service, colors));
        });

    program.command('render')
        .description('draw the model as the preview does, as a standalone SVG picture (light colours)')
        .argument('<file>', 'a .topo file (its imports are followed)')
        .addOption(new Option('-f, --format <format>', 'the picture\'s format').choices(['svg']).default('svg'))
        .option('--focus <name>', 'draw only this element, what it depends on and what depends on it')
        .option('--hops <k>', 'with --focus: how many steps away (1-3)', parseHops, 1)
        .option('--fail <names>', 'draw what happens when these elements fail together, comma-separated; repeat to add more', addNames)
        .option('--collapse <names>', 'draw these regions and sites closed, comma-separated (all: every one); repeat to add more', namesOf('--collapse'))
        .option('--timeline', 'with --fail: draw the outage over time (services and users) under the graph')
        .option('-o, --output <file>', 'write the picture into this file instead of stdout')
        .action(async (file: string, options: { focus?: string; hops: number; fail?: string[]; collapse?: string[]; timeline?: boolean; output?: string }) => {
            emit(await runRender(file, { focus: options.focus, hops: options.hops, fail: options.fail ?? [], collapse: options.collapse ?? [], timeline: options.timeline, out: options.output }, colors));
        });

    program.command('fmt')
        .description('format files in place (one statement a line, two-space indent); --check changes nothing')
        .argument('<paths...>', '.topo files or directories')
        .option('--check', 'write nothing; exit 1 when a file would change (for CI)')
        .action(async (paths: string[], options: { check?: boolean }) => {
            emit(await runFmt(paths, options.check === true, colors));
        });

    for (const command of program.commands) {
        command.exitOverride().configureOutput(program.configureOutput()).showSuggestionAfterError(true)
            .addHelpText('after', commandExitCodes(command.name() as CommandName));
    }
    program.addHelpText('after', programExitCodes());
    return program;
}

/** `--today`: a date of the calendar, YYYY-MM-DD. */
function parseToday(value: string): string {
    if (!isCalendarDate(value)) throw new UsageError(`--today takes a date written YYYY-MM-DD, such as 2027-03-31, not \`${value}\``);
    return value;
}

/** Each `--fail` adds its comma-separated names to those of the `--fail`s before it, each name once. */
const addNames = namesOf('--fail');

/** A repeatable flag of comma-separated names: each adds its names to those before it, each once. */
function namesOf(flag: string): (value: string, previous: string[] | undefined) => string[] {
    return (value, previous) => {
        const names = value.split(',').map(n => n.trim()).filter(n => n.length > 0);
        if (names.length === 0) throw new UsageError(`${flag} needs at least one element name`);
        return [...new Set([...(previous ?? []), ...names])];
    };
}

/** Writes the pieces in order, waiting for the stream to drain when its buffer is full. */
async function writeAll(pieces: Iterable<string>): Promise<void> {
    for (const piece of pieces) {
        if (!process.stdout.write(piece)) await new Promise(resolve => process.stdout.once('drain', resolve));
    }
}

export async function main(argv: string[]): Promise<number> {
    let exitCode = 0;
    let pending: Promise<void> | undefined;
    const program = buildProgram(output => {
        if (typeof output.stdout === 'string') process.stdout.write(output.stdout);
        else pending = writeAll(output.stdout);
        if (output.stderr) process.stderr.write(output.stderr);
        exitCode = output.exitCode;
    });
    if (argv.length <= 2) {
        process.stderr.write('topo: missing command: check, diff, analyze, simulate, drill, export, render or fmt (see topo --help)\n');
        return 2;
    }
    try {
        await program.parseAsync(argv);
        await pending;
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) {
            const fine = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
            return fine ? 0 : 2;
        }
        if (error instanceof UsageError) {
            process.stderr.write(`topo: ${error.message}\n`);
            return 2;
        }
        const message = error instanceof Error ? error.message : String(error);
        process.stderr.write(`topo: internal error: ${message.split('\n')[0]} (please report this with the model that caused it)\n`);
        return 2;
    }
}
