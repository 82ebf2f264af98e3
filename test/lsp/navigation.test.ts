/**
 * Hovers and navigation over a real LSP connection: hover texts from the analysis, go to
 * definition (also on imports), references, rename across files (and its refusals), outline,
 * workspace symbols, semantic tokens, highlights and folding.
 */
import { strict as assert } from 'node:assert';
import type {
    DocumentHighlight, DocumentSymbol, FoldingRange, Hover, Location, LocationLink, Range, SemanticTokens,
    SemanticTokensLegend, WorkspaceEdit, WorkspaceSymbol
} from 'vscode-languageserver-protocol';
import { startServer } from '../helpers/lsp-server.js';
import { positionOf } from '../helpers/text-position.js';
import { MAIN, SERVICES, SITES } from './fixtures.js';
import type { TestClient } from './lsp-client.js';

const file = (uri: string) => uri.split('/').pop();

describe('language server: hovers and navigation', function () {
    let client: TestClient;
    let uris: Record<string, string>;

    before(async () => {
        ({ client, uris } = await startServer({ 'sites.topo': SITES, 'services.topo': SERVICES, 'main.topo': MAIN }, { open: { 'main.topo': 1, 'sites.topo': 1 } }));
    });

    after(async () => client?.stop());

    const hover = async (uri: string, text: string, needle: string, nth = 0): Promise<string> => {
        const result = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, nth, 1) });
        assert.ok(result, `a hover on ${needle}`);
        return (result.contents as { value: string }).value;
    };

    it('hovers a service: SPOFs with paths and outages, availability, what its failure takes down', async () => {
        const text = await hover(uris['main.topo'], MAIN, 'talk');
        assert.match(text, /\*\*service\*\* `talk` — KakaoTalk/);
        assert.match(text, /tier critical · 43\.2M users/);
        assert.match(text, /\*\*Single point of failure\*\*\n- `pangyo` — talk → auth → runs only on pangyo · outage 10h \(needs auth, down until pangyo recovers\)/);
        assert.match(text, /\*\*Also\*\*\n- `capital` — .*outage of unknown length/);
        assert.match(text, /\*\*Availability:\*\* 99\.95% — about 4\.4 hours down per year \(from 1 element that declares one; 2 failure domains it needs declare none and count as never failing\)/);
        assert.match(text, /\*\*If talk fails:\*\* nothing else goes down · 43\.2M users affected/);
        // the worst single failure (an unknown length before any known one), next to the targets it is checked against
        assert.match(text, /\*\*Worst single failure:\*\* capital — down for an unknown time \(until capital recovers.*\)/);
        assert.match(text, /\*\*Two failures at once:\*\* it goes down if capital or pangyo fails; no other two failures together take it down\./);
    });

    it('hovers a failure domain: blast radius, recovery, contents, dependents', async () => {
        const text = await hover(uris['sites.topo'], SITES, 'pangyo');
        assert.match(text, /\*\*site\*\* `pangyo` — SK C&C Pangyo/);
        assert.match(text, /in `capital` · recovery 10h · availability 99\.95%/);
        // sites.topo sees only itself: no services in its closure
        assert.match(text, /\*\*If pangyo fails:\*\* no service goes down · 0 users affected/);
        assert.match(text, /It also brings down `pangyo-power`/);
        assert.match(text, /\*\*Contains:\*\* `pangyo-power` \(infra\)/);
        // the importance of the domain for the users of the whole workspace's closure
        assert.match(text, /\*\*Importance:\*\* most important of 1 domain for users: RAW 2000\./);
    });

    it('hovers a reference: the target\'s kind, label and place, seen from the referring file', async () => {
        const text = await hover(uris['main.topo'], MAIN, 'pangyo');
        assert.match(text, /^\*\*site\*\* `pangyo` — SK C&C Pangyo\n\ndeclared in \[sites\.topo:4:6\]\(file:\/\/.*sites\.topo#L4,6\)/);
        assert.match(text, /\*\*If pangyo fails:\*\* down: `auth`, `status`, `talk` · 43\.2M users affected/);
        assert.match(text, /\*\*Runs here:\*\* `auth`, `messages`, `status`, `talk`/);
        const auth = await hover(uris['main.topo'], MAIN, 'auth');
        assert.match(auth, /^\*\*service\*\* `auth` — Kakao Account\n\ndeclared in \[services\.topo:3:9\]/);
        assert.match(auth, /\*\*If auth fails:\*\* down: `talk`/);
    });

    it('hovers an import: the file it loads', async () => {
        const text = await hover(uris['main.topo'], MAIN, '"services.topo"');
        assert.match(text, /\*\*import\*\* `services.topo`\n\n\[services\.topo\]\(file:\/\/.*services\.topo\) — 1 element/);
    });

    it('names itself in the initialize result', () => {
        assert.equal(client.initializeResult.serverInfo?.name, 'topo-language-server');
        assert.match(client.initializeResult.serverInfo?.version ?? '', /^\d+\.\d+\.\d+/);
    });

    it('hovers a keyword: what the statement or element kind means, from the tables', async () => {
        assert.equal(await hover(uris['main.topo'], MAIN, 'runs on'),
            '**runs on** — deployments: the sites it runs on, with replicas — `runs on a (3), b (2, standby)`\n\nIn: service, datastore; may be given more than once.');
        assert.match(await hover(uris['main.topo'], MAIN, 'on', 0), /^\*\*runs on\*\*/);
        assert.match(await hover(uris['main.topo'], MAIN, 'service talk'), /^\*\*service\*\* — something that serves requests$/);
    });

    it('goes to the definition of a reference, and from an import to the file', async () => {
        const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: uris['main.topo'] }, position: positionOf(MAIN, 'auth', 0, 2) });
        assert.equal(links.length, 1);
        assert.equal(file(links[0].targetUri), 'services.topo');
        assert.deepEqual(links[0].targetSelectionRange, { start: { line: 2, character: 8 }, end: { line: 2, character: 12 } });
        const toFile = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: uris['main.topo'] }, position: positionOf(MAIN, 'services.topo', 0, 3) });
        assert.equal(toFile.length, 1);
        assert.equal(toFile[0].targetUri, uris['services.topo']);
        assert.deepEqual(toFile[0].originSelectionRange, { start: { line: 0, character: 7 }, end: { line: 0, character: 22 } });
    });

    it('finds references across files', async () => {
        const refs = await client.request<Location[]>('textDocument/references', {
            textDocument: { uri: uris['sites.topo'] }, position: positionOf(SITES, 'pangyo', 0, 2), context: { includeDeclaration: true }
        });
        const places = refs.map(r => `${file(r.uri)}:${r.range.start.line}`).sort();
        assert.deepEqual(places, ['main.topo:10', 'main.topo:15', 'main.topo:3', 'services.topo:3', 'sites.topo:10', 'sites.topo:3']);
    });

    it('renames across files', async () => {
        const prepared = await client.request<Range | null>('textDocument/prepareRename', { textDocument: { uri: uris['main.topo'] }, position: positionOf(MAIN, 'pangyo', 0, 1) });
        assert.deepEqual(prepared, { start: { line: 3, character: 10 }, end: { line: 3, character: 16 } });
        const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
            textDocument: { uri: uris['main.topo'] }, position: positionOf(MAIN, 'pangyo', 0, 1), newName: 'pangyo-dc'
        });
        const changes = Object.entries(edit.changes ?? {}).map(([uri, edits]) => `${file(uri)}: ${edits.length}`).sort();
        assert.deepEqual(changes, ['main.topo: 3', 'services.topo: 1', 'sites.topo: 2']);
        assert.ok(Object.values(edit.changes ?? {}).flat().every(e => e.newText === 'pangyo-dc'));
    });

    it('refuses a rename onto a keyword, an existing name or a non-name, saying why', async () => {
        const rename = (newName: string) => client.request('textDocument/rename', {
            textDocument: { uri: uris['main.topo'] }, position: positionOf(MAIN, 'pangyo', 0, 1), newName
        });
        await assert.rejects(rename('low'), /Cannot rename `pangyo` to `low`: `low` is a keyword/);
        await assert.rejects(rename('ansan'), /Cannot rename `pangyo` to `ansan`: `ansan` is already declared in sites\.topo:9/);
        await assert.rejects(rename('two words'), /a name starts with a letter/);
    });

    it('outlines a file: regions ▸ sites ▸ infra', async () => {
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uris['sites.topo'] } });
        const show = (s: DocumentSymbol): unknown => s.children && s.children.length > 0 ? { [`${s.name} (${s.detail})`]: s.children.map(show) } : `${s.name} (${s.detail})`;
        assert.deepEqual(symbols.map(show), [{
            'capital (region · Seoul Capital Area)': [
                { 'pangyo (site · SK C&C Pangyo)': ['pangyo-power (infra · UPS and batteries)'] },
                'ansan (site · Kakao Ansan)'
            ]
        }]);
        assert.deepEqual([symbols[0].kind, symbols[0].children![0].kind, symbols[0].children![0].children![0].kind], [3, 2, 4]);
        const main = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uris['main.topo'] } });
        assert.deepEqual(main.map(s => [s.name, s.kind]), [['talk', 5], ['messages', 23], ['status', 5]]);
    });

    it('lists workspace symbols with their kinds', async () => {
        const symbols = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'pang' });
        const found = symbols.map(s => `${s.name} ${s.kind} ${s.containerName}`).sort();
        assert.deepEqual(found, ['pangyo 2 site · SK C&C Pangyo · in capital', 'pangyo-power 4 infra · UPS and batteries · in pangyo']);
    });

    it('colours names and references by element kind', async () => {
        const legend = (client.initializeResult.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend }).legend;
        const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: uris['main.topo'] } });
        const decoded: string[] = [];
        let line = 0, character = 0;
        const lines = MAIN.split('\n');
        for (let i = 0; i < tokens.data.length; i += 5) {
            const [dl, dc, length, type, modifiers] = tokens.data.slice(i, i + 5);
            line += dl;
            character = dl === 0 ? character + dc : dc;
            const mods = legend.tokenModifiers.filter((_, bit) => modifiers & (1 << bit));
            decoded.push(`${lines[line].slice(character, character + length)}:${legend.tokenTypes[type]}${mods.length ? `+${mods.join('+')}` : ''}`);
        }
        for (const expected of ['talk:class+declaration', 'pangyo:type', 'ansan:type', 'auth:class', 'messages:struct+declaration', 'async:enumMember', 'critical:enumMember']) {
            assert.ok(decoded.includes(expected), `${expected} in ${decoded.join(' ')}`);
        }
        const sites = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: uris['sites.topo'] } });
        assert.ok(sites.data.length >= 5 * 6, 'region, sites, infra and their containers are coloured');
        assert.ok(legend.tokenTypes.includes('namespace') && legend.tokenTypes.includes('interface'));
    });

    it('highlights the occurrences of a name in a file and folds element blocks', async () => {
        const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri: uris['main.topo'] }, position: positionOf(MAIN, 'talk', 1, 1) });
        assert.deepEqual(highlights.map(h => h.range.start.line).sort((a, b) => a - b), [2, 16]);
        const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: uris['main.topo'] } });
        assert.ok(folds.some(f => f.startLine === 2 && f.endLine >= 6), JSON.stringify(folds));
    });
});
