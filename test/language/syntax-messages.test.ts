/**
 * Syntax errors read as one line of plain words: what was expected, after what, what was found.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { EmptyFileSystem, URI } from 'langium';
import { createTopoServices } from '../../server/src/language/topo-module.js';
import { tokenSoup } from '../fuzz/generators.js';

const services = createTopoServices(EmptyFileSystem).Topo;
let counter = 0;

function syntaxErrors(text: string): string[] {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///syntax-${++counter}.topo`));
    return [...document.parseResult.lexerErrors.map(e => e.message), ...document.parseResult.parserErrors.map(e => e.message)];
}

describe('syntax error messages', () => {
    const cases: Array<[string, string]> = [
        ['site b\nservice low-x { runs on service }', "Expected a failure domain's name after `runs on`, found the keyword `service`."],
        ['service a { runs on }', "Expected a failure domain's name after `runs on`, found `}`."],
        ['service a { quorum }', 'Expected a whole number (like 3) after `quorum`, found `}`.'],
        ['service a { failover x }', 'Expected a duration (like 30m or 10h) after `failover`, found `x`.'],
        ['service { }', 'Expected a name after `service`, found `{`.'],
        ['service a { bogus }', 'Expected a statement (like `runs on` or `depends on`) or `}` after `{`, found `bogus`.'],
        ['import', 'Expected a file path in quotes after `import`, found the end of the file.'],
        ['service a { tier }', 'Expected `critical`, `high`, `normal` or `low` after `tier`, found `}`.'],
        ['service a { uses }', "Expected a service's name after `uses`, found `}`."],
        ['infra a { kind }', 'Expected one word (like power or network) after `kind`, found `}`.'],
        ['servce a', 'Expected an element or an import, found `servce`.'],
        ['site a }', 'Expected an element or an import, found `}`.']
    ];
    for (const [text, message] of cases) {
        it(`says what was expected: ${JSON.stringify(text)}`, () => {
            assert.equal(syntaxErrors(text)[0], message);
        });
    }

    it('is always one short line (random token soup)', () => {
        fc.assert(fc.property(tokenSoup, input => {
            for (const message of syntaxErrors(input.files['main.topo'])) {
                if (message.includes('\n') || message.length > 300) throw new Error(`not one short line: ${JSON.stringify(message)}`);
            }
        }), { numRuns: 300 });
    });
});
