/**
 * SARIF's rules: one per finding code and per language error code, described from the same
 * sources as the docs — the findings table (server/src/analysis/findings/codes.ts), the pages
 * docs/findings/<code>.md (read next to the bundle), and the language errors table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINDING_CODES, FINDING_CODE_LIST, isFindingCode } from '../analysis/findings/codes.js';
import type { Severity } from '../analysis/results.js';
import { LANGUAGE_ERRORS, LANGUAGE_ERROR_CODES } from '../language/error-codes.js';
import { docsFolder } from '../node/docs-folder.js';

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export interface SarifRule {
    id: string;
    name: string;
    shortDescription: { text: string };
    fullDescription: { text: string };
    help: { text: string; markdown: string };
    defaultConfiguration: { level: SarifLevel };
    properties: { tags: string[] };
}

export function sarifLevel(severity: Severity): SarifLevel {
    return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** Every rule topo has, findings first, each list in its table's order. */
export function allRules(): SarifRule[] {
    return [...FINDING_CODE_LIST.map(findingRule), ...LANGUAGE_ERROR_CODES.map(languageErrorRule)];
}

/** The rule of a code that is in neither table (none today: a safety net, so that every result names a rule). */
export function otherRule(code: string): SarifRule {
    const text = `topo reports \`${code}\`.`;
    return rule(code, plain(text), plain(text), text, 'warning', ['topo']);
}

function findingRule(code: keyof typeof FINDING_CODES): SarifRule {
    const info = FINDING_CODES[code];
    const page = findingPage(code);
    const short = capitalize(plain(info.summary)) + '.';
    const meaning = page === undefined ? short : firstParagraph(section(page, 'What it means')) || short;
    const markdown = page ?? `${short}\n\nSee docs/findings/README.md.`;
    // 'tier': a service of the default tier (normal) gets a warning
    const level = info.severity === 'tier' ? 'warning' : sarifLevel(info.severity);
    return rule(code, short, plain(meaning), markdown, level, ['topo', 'finding', 'resilience']);
}

function languageErrorRule(code: (typeof LANGUAGE_ERROR_CODES)[number]): SarifRule {
    const example = LANGUAGE_ERRORS[code].example;
    const short = `Language error: ${code.replace(/-/g, ' ')}.`;
    const full = `The model is not valid topo (${code}). Example message: ${plain(example)}`;
    const markdown = `**${code}** — a language error. Example message: ${example}\n\n` +
        'Every language error is listed in docs/language.md, section "Language errors".';
    return rule(code, short, full, markdown, 'error', ['topo', 'language-error']);
}

function rule(id: string, short: string, full: string, markdown: string, level: SarifLevel, tags: string[]): SarifRule {
    return {
        id,
        name: id.split('-').map(capitalize).join(''),
        shortDescription: { text: short },
        fullDescription: { text: full },
        help: { text: plain(markdown), markdown },
        defaultConfiguration: { level },
        properties: { tags }
    };
}

export function isKnownCode(code: string): boolean {
    return isFindingCode(code) || (LANGUAGE_ERROR_CODES as readonly string[]).includes(code);
}

// ------------------------------------------------------------------ the pages of docs/findings


function findingPage(code: string): string | undefined {
    try {
        return readFileSync(join(docsFolder(), 'findings', `${code}.md`), 'utf8').replace(/\r\n/g, '\n').trim();
    } catch {
        return undefined;
    }
}

/** The text under `## heading`, up to the next heading of that level. */
function section(page: string, heading: string): string {
    const start = page.indexOf(`\n## ${heading}\n`);
    if (start < 0) return '';
    return page.slice(start + heading.length + 5).split(/\n## /)[0].trim();
}

function firstParagraph(text: string): string {
    return text.split(/\n\s*\n/)[0]?.replace(/\s*\n\s*/g, ' ').trim() ?? '';
}

/** Markdown as plain text: no backticks, emphasis or link targets. */
function plain(markdown: string): string {
    return markdown
        .replace(/^```.*$/gm, '')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/`+ ?([^`]*?) ?`+/g, '$1')
        .replace(/\*\*([^*]*)\*\*/g, '$1');
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
