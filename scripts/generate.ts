/**
 * Writes what is derived from the project's tables, so that each fact has one place:
 * - from the finding codes (server/src/analysis/findings/codes.ts): the `topo.severity.*`
 *   settings in package.json, the findings tables of docs/language.md and
 *   docs/findings/README.md, and the JSON Schema's list (schemas/definitions.schema.json);
 * - from the language error codes (server/src/language/error-codes.ts): the "Language errors"
 *   table of docs/language.md and the JSON Schema's list;
 * - from the grammar's keywords (server/src/language/keywords.ts) and the statements table
 *   (server/src/language/statements.ts): the list of reserved words in docs/language.md and the
 *   keywords the TextMate grammar highlights (syntaxes/topo.tmLanguage.json).
 *
 * Usage: `npm run generate` (writes), `npm run generate -- --check` (exits 1 when a file is out of
 * date). test/docs/generated.test.ts checks the same.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FINDING_CODES, FINDING_CODE_LIST, type FindingCodeInfo } from '../server/src/analysis/findings/codes.js';
import { WORD_KEYWORDS } from '../server/src/language/keywords.js';
import { LANGUAGE_ERROR_CODES, LANGUAGE_ERRORS } from '../server/src/language/error-codes.js';
import { ELEMENT_KINDS } from '../server/src/language/element-rules.js';
import { STATEMENTS, STATEMENT_TYPES, type StatementInfo } from '../server/src/language/statements.js';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');

/** The marked region of a Markdown file that a generator owns. */
function region(name: string): { begin: string; end: string } {
    return {
        begin: `<!-- generated: ${name} (npm run generate); edit the source, not this -->`,
        end: `<!-- end of generated: ${name} -->`
    };
}

function replaceRegion(text: string, name: string, body: string, file: string): string {
    const { begin, end } = region(name);
    const from = text.indexOf(begin);
    const to = text.indexOf(end);
    if (from < 0 || to < from) throw new Error(`${file} has no generated region "${name}"`);
    return `${text.slice(0, from + begin.length)}\n${body}\n${text.slice(to)}`;
}

function severityText(info: FindingCodeInfo): string {
    if (info.severity !== 'tier') return info.severity;
    return info.tierOf ? `tier (${info.tierOf})` : 'tier';
}

function defaultText(info: FindingCodeInfo): string {
    if (info.severity !== 'tier') return info.severity;
    return info.tierOf ? `by ${info.tierOf} tier` : "by the service's tier";
}

function findingsTable(link: (code: string) => string): string {
    const rows = FINDING_CODE_LIST.map(code => {
        const info: FindingCodeInfo = FINDING_CODES[code];
        return `| ${link(code)} | ${severityText(info)} | ${info.on} | ${info.summary} |`;
    });
    return ['| code | severity | reported on | when |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

const LEVELS = ['error', 'warning', 'information', 'hint', 'off'];

function severitySetting(code: string, info: FindingCodeInfo): object {
    return {
        type: ['string', 'null'],
        enum: [null, ...LEVELS],
        enumItemLabels: ['as specified', ...LEVELS],
        enumDescriptions: [
            "As the language reference says (tier-based findings follow the service's `tier`)",
            'Always an error',
            'Always a warning',
            'Always information',
            'Always a hint (shown faintly, not in the Problems panel)',
            'Not reported'
        ],
        default: null,
        scope: 'resource',
        markdownDescription: `Severity of the \`${code}\` finding: ${info.summary} (default: ${defaultText(info)}). ` +
            'Unset (the default) keeps the severity the language reference gives; `off` hides the finding.'
    };
}

function packageJson(text: string): string {
    const pkg = JSON.parse(text);
    const properties: Record<string, unknown> = pkg.contributes.configuration.properties;
    const rest = Object.entries(properties).filter(([key]) => !key.startsWith('topo.severity.'));
    const severities = FINDING_CODE_LIST.map(code => [`topo.severity.${code}`, severitySetting(code, FINDING_CODES[code])]);
    pkg.contributes.configuration.properties = Object.fromEntries([...severities, ...rest]);
    return `${JSON.stringify(pkg, null, 2)}\n`;
}

function languageErrorsTable(): string {
    const rows = LANGUAGE_ERROR_CODES.map(code => `| \`${code}\` | ${LANGUAGE_ERRORS[code].example} |`);
    return ['| code | example message |', '| --- | --- |', ...rows].join('\n');
}

/** The code lists of the JSON Schemas' shared definitions. */
function schemaDefinitions(text: string): string {
    const schema = JSON.parse(text);
    schema.$defs.findingCode.enum = [...FINDING_CODE_LIST];
    schema.$defs.languageErrorCode.enum = [...LANGUAGE_ERROR_CODES];
    return `${JSON.stringify(schema, null, 2)}\n`;
}

function keywordList(): string {
    return WORD_KEYWORDS.map(k => `\`${k}\``).join(' ');
}

/** The words TextMate colours: element kinds, values (the choices of statements), and the other keywords. */
export function textMateWords(): { kinds: string[]; values: string[]; keywords: string[]; all: string[] } {
    const kinds = Object.keys(ELEMENT_KINDS);
    const values = [...new Set(STATEMENT_TYPES.flatMap(type => (STATEMENTS[type] as StatementInfo).choices ?? []))];
    const keywords = WORD_KEYWORDS.filter(k => !kinds.includes(k) && !values.includes(k));
    return { kinds, values, keywords, all: [...keywords, ...values, ...kinds] };
}

const WORD_START = '(?<![A-Za-z0-9_-])';
const WORD_END = '(?![A-Za-z0-9_-])';

function textMateGrammar(text: string): string {
    const { kinds, values, keywords, all } = textMateWords();
    const grammar = JSON.parse(text);
    const notAKeyword = `(?!(?:${all.join('|')})${WORD_END})`;
    const named = `(?:\\s+${notAKeyword}([A-Za-z][A-Za-z0-9_-]*))?`;
    const repository = grammar.repository;
    repository.declaration.patterns[0].match = `${WORD_START}(${kinds.join('|')})${WORD_END}${named}`;
    repository.kind.patterns[0].match = `${WORD_START}(kind)${WORD_END}${named}`;
    repository.keywords.patterns[0].match = `${WORD_START}(?:${keywords.join('|')})${WORD_END}`;
    repository.constants.patterns[0].match = `${WORD_START}(?:${values.join('|')})${WORD_END}`;
    return `${JSON.stringify(grammar, null, 2)}\n`;
}

/** Every generated file: its path (from the repository root) and what it must hold, given what it holds now. */
export const GENERATED: ReadonlyArray<{ path: string; generate(current: string): string }> = [
    { path: 'package.json', generate: packageJson },
    { path: 'syntaxes/topo.tmLanguage.json', generate: textMateGrammar },
    { path: 'schemas/definitions.schema.json', generate: schemaDefinitions },
    {
        path: 'docs/language.md',
        generate: text => replaceRegion(replaceRegion(
            replaceRegion(text, 'findings table', findingsTable(code => `\`${code}\``), 'docs/language.md'),
            'keywords', keywordList(), 'docs/language.md'),
            'language errors table', languageErrorsTable(), 'docs/language.md')
    },
    {
        path: 'docs/findings/README.md',
        generate: text => replaceRegion(text, 'findings table', findingsTable(code => `[\`${code}\`](${code}.md)`), 'docs/findings/README.md')
    }
];

/** The generated files that differ from what is on disk (after writing them, unless `check`). */
export function generate(check: boolean): string[] {
    const stale: string[] = [];
    for (const file of GENERATED) {
        const path = join(ROOT, file.path);
        const current = readFileSync(path, 'utf8');
        const wanted = file.generate(current);
        if (wanted === current) continue;
        stale.push(file.path);
        if (!check) writeFileSync(path, wanted);
    }
    return stale;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    const check = process.argv.includes('--check');
    const stale = generate(check);
    if (check && stale.length > 0) {
        process.stderr.write(`out of date (run npm run generate): ${stale.join(', ')}\n`);
        process.exit(1);
    }
    if (!check) process.stdout.write(stale.length > 0 ? `wrote ${stale.join(', ')}\n` : 'nothing to write\n');
}
