/**
 * Syntax errors in one line of plain words: what was expected, after what, and what was found
 * ("Expected a failure domain's name after `runs on`, found the keyword `service`."), instead of
 * the parser's list of every token sequence it could have taken.
 */
import { AbstractParserErrorMessageProvider } from 'langium';
import { STATEMENTS, type StatementType } from './statements.js';

type Options<K extends keyof AbstractParserErrorMessageProvider> = Parameters<AbstractParserErrorMessageProvider[K]>[0];
type IToken = Options<'buildMismatchTokenMessage'>['actual'];
type TokenType = Options<'buildMismatchTokenMessage'>['expected'];

/** What a name stands for, by the rule that expects it. */
const NAME_IN: Record<string, string> = {
    Element: 'a name',
    Name: 'a name',
    Deployment: "a failure domain's name",
    RunsOn: "a failure domain's name",
    BackupOn: "a failure domain's name",
    Uses: "a service's name",
    Monitors: "an element's name",
    DependsOn: "an element's name",
    DependencyTerm: "an element's name",
    SingleTerm: "an element's name",
    AnyTerm: "an element's name",
    CountTerm: "an element's name",
    InfraKind: 'one word (like power or network)',
    Tags: 'a tag'
};

/** What a number stands for, by the statement that expects it. */
const NUMBER_OF: Record<string, string> = {
    whole: 'a whole number (like 3)',
    duration: 'a duration (like 30m or 10h)',
    percentage: 'a percentage (like 99.95%)',
    count: 'a count (like 5000 or 43.2M)'
};

function isStatement(rule: string): rule is StatementType {
    return Object.prototype.hasOwnProperty.call(STATEMENTS, rule);
}

function keywordOf(type: TokenType): string | undefined {
    return type.name.endsWith(':KW') ? type.name.slice(0, -3) : /^[a-z{}(),]+$/.test(type.name) ? type.name : undefined;
}

/** What a token of `type` would have been, in words, in rule `rule`. */
function expectedText(type: TokenType, rule: string): string {
    const keyword = keywordOf(type);
    if (keyword !== undefined) return `\`${keyword}\``;
    switch (type.name) {
        case 'ID': return NAME_IN[rule] ?? 'a name';
        case 'QUANTITY': {
            const shape = isStatement(rule) ? STATEMENTS[rule].value : rule === 'Deployment' ? 'whole' : rule === 'CountTerm' ? 'whole' : undefined;
            return (shape && NUMBER_OF[shape]) ?? 'a number';
        }
        case 'STRING': return rule === 'Import' ? 'a file path in quotes' : 'a text in quotes';
        default: return type.name;
    }
}

/** The token found, in words. */
function foundText(token: IToken | undefined): string {
    if (!token || token.tokenType?.name === 'EOF' || token.image === undefined) return 'the end of the file';
    const name = token.tokenType.name;
    const image = shorten(token.image);
    if (name === 'ID') return `\`${image}\``;
    if (name === 'QUANTITY') return `the number \`${image}\``;
    if (name === 'STRING') return `the text ${image}`;
    return /^[a-z]/.test(image) ? `the keyword \`${image}\`` : `\`${image}\``;
}

/** " after `runs on`": the statement's keyword when the token before is its last word, else that token. */
function afterText(previous: IToken | undefined, rule: string): string {
    if (!previous || previous.image === undefined || previous.tokenType?.name === 'EOF') return '';
    if (isStatement(rule) || rule === 'Deployment') {
        const keyword = STATEMENTS[rule === 'Deployment' ? 'RunsOn' : rule].keyword;
        if (keyword.endsWith(previous.image)) return ` after \`${keyword}\``;
    }
    const image = shorten(previous.image);
    return ` after ${previous.tokenType.name === 'STRING' ? image : `\`${image}\``}`;
}

/** At most 40 characters of a token, on one line. */
function shorten(text: string): string {
    const line = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
    if (line.length <= 40) return line;
    return `${line.slice(0, 37)}…${line.startsWith('"') ? '"' : ''}`;
}

const STATEMENT_SUMMARY = 'a statement (like `runs on` or `depends on`)';

/** At most four alternatives by name; more are summed up by what they start. */
function alternatives(types: readonly TokenType[], rule: string): string {
    const texts = [...new Set(types.map(t => expectedText(t, rule)))];
    const statementStarts = new Set(Object.values(STATEMENTS).map(s => `\`${s.keyword.split(' ')[0]}\``));
    const starts = texts.filter(t => statementStarts.has(t));
    if (starts.length >= 4) {
        const rest = texts.filter(t => !statementStarts.has(t) && !/^`[a-z]/.test(t));
        return oneOf([STATEMENT_SUMMARY, ...rest]);
    }
    const kinds = ['`region`', '`site`', '`infra`', '`service`', '`datastore`'];
    if (kinds.every(k => texts.includes(k))) {
        const rest = texts.filter(t => !kinds.includes(t) && !/^`[a-z]/.test(t));
        return oneOf(['an element (`region`, `site`, `infra`, `service` or `datastore`)', ...rest]);
    }
    const named = texts.filter(t => !/^`[a-z]/.test(t));
    if (texts.length > 4 && named.length > 0) return oneOf(named);
    return oneOf(texts.slice(0, 4));
}

function oneOf(texts: readonly string[]): string {
    if (texts.length <= 1) return texts[0] ?? 'something else';
    return `${texts.slice(0, -1).join(', ')} or ${texts[texts.length - 1]}`;
}

/** Langium's rule names carry an invisible suffix: `Quorum\u200B`. */
function ruleOf(name: string): string {
    return name.replace(/[^A-Za-z]/g, '');
}

function sentence(expected: string, previous: IToken | undefined, rule: string, actual: IToken | undefined): string {
    return `Expected ${expected}${afterText(previous, rule)}, found ${foundText(actual)}.`;
}

export class TopoSyntaxMessages extends AbstractParserErrorMessageProvider {
    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const rule = ruleOf(options.ruleName);
        if (options.expected.name === 'EOF') return `Expected an element or an import, found ${foundText(options.actual)}.`;
        const expected = rule === 'Element' && keywordOf(options.expected) === '}' ? `${STATEMENT_SUMMARY} or \`}\``
                : expectedText(options.expected, rule);
        return sentence(expected, options.previous, rule, options.actual);
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return `Expected an element or an import, found ${foundText(options.firstRedundant)}.`;
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; ruleName: string }): string {
        const rule = ruleOf(options.ruleName);
        const firsts = options.expectedPathsPerAlt.flatMap(alt => alt.map(path => path[0]).filter((t): t is TokenType => t !== undefined));
        const name = options.previous?.image === 'kind' ? NAME_IN.InfraKind : 'a name';
        return sentence(rule === 'Name' ? name : alternatives(firsts, rule), options.previous, rule, options.actual[0]);
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; ruleName: string }): string {
        const rule = ruleOf(options.ruleName);
        const firsts = options.expectedIterationPaths.map(path => path[0]).filter((t): t is TokenType => t !== undefined);
        return sentence(alternatives(firsts, rule), options.previous, rule, options.actual[0]);
    }
}
