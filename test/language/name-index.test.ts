import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'langium';
import { NameIndex } from '../../server/src/language/topo-scope.js';
import { buildFiles, freshServices } from '../helpers/language.js';

/** What a name index says: every name's declarations (file, name) and the duplicated names, in order. */
function contents(index: NameIndex): { names: Array<[string, string[]]>; duplicated: string[] } {
    const names = [...index.all()].map(([name, decls]) => [name, decls.map(d => `${d.uri}#${d.description.name}`)] as [string, string[]]);
    names.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return { names, duplicated: index.duplicated().map(([name]) => name) };
}

const NAMES = ['a', 'b', 'c', 'd'];
const fileText = (names: string[]) => names.map(n => `site ${n}`).join('\n');

describe('the name index after edits', () => {
    it('is what a fresh index of the same files says (declarations in order, duplicates in order)', async function () {
        this.timeout(120000);
        await fc.assert(fc.asyncProperty(
            fc.array(fc.subarray(NAMES), { minLength: 2, maxLength: 4 }),
            fc.array(fc.tuple(fc.nat(), fc.array(fc.constantFrom(...NAMES), { maxLength: 4 })), { minLength: 1, maxLength: 4 }),
            async (initial, edits) => {
                const services = freshServices();
                const files = Object.fromEntries(initial.map((names, i) => [`f${i}.topo`, fileText(names)]));
                const { docs } = await buildFiles(files, services);
                const index = services.imports.NameIndex;
                const texts = services.shared.workspace.TextDocuments!;
                let version = 1;
                for (const [which, names] of edits) {
                    const path = `f${which % initial.length}.topo`;
                    const uri = docs[path].uri;
                    texts.set(TextDocument.create(uri.toString(), 'topo', ++version, fileText(names)));
                    await services.shared.workspace.DocumentBuilder.update([URI.parse(uri.toString())], []);
                    contents(index); // brought up to date after each edit
                }
                const fresh = new NameIndex(services);
                assert.deepEqual(contents(index), contents(fresh));
            }
        ), { numRuns: 60 });
    });
});
