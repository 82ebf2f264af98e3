/**
 * Formatting from the outside: `textDocument/formatting` over a real LSP connection, and the real
 * `topo fmt` binary (`--check` for CI, in-place rewriting, errors and exit codes). Both give the
 * same text.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { runTopo } from '../helpers/run-topo.js';
import { tempFolder, writeFiles } from '../helpers/temp-files.js';
import { TestClient } from '../lsp/lsp-client.js';
import { applyEdits, SITES } from './fixtures.js';

const MESSY = `import "sites.topo"
// the login service
service auth "Kakao Account" { runs on pangyo (30) , ansan(10,standby)   // two sites
tier critical capacity 20 }
datastore store{runs on pangyo
  replication async}
`;

const FORMATTED = `import "sites.topo"

// the login service
service auth "Kakao Account" {
  runs on pangyo (30), ansan (10, standby)   // two sites
  tier critical
  capacity 20
}

datastore store {
  runs on pangyo
  replication async
}
`;

describe('editing: formatting in the editor and `topo fmt`', function () {
    let folder: string;

    before(() => {
        folder = tempFolder('topo-fmt-');
    });

    it('formats a document over LSP: the edits give the canonical text; nothing on a syntax error', async () => {
        const uris = writeFiles(folder, { 'sites.topo': SITES, 'lsp/messy.topo': MESSY, 'lsp/bad.topo': 'site a {\n  runs on # x\n}\n' });
        const client = await TestClient.start({ folder });
        try {
            assert.equal(client.initializeResult.capabilities.documentFormattingProvider, true);
            await client.open(uris['lsp/messy.topo'], MESSY, 1);
            const options = { tabSize: 4, insertSpaces: true };
            const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: uris['lsp/messy.topo'] }, options });
            assert.equal(applyEdits(MESSY, edits), FORMATTED);
            const again = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: uris['sites.topo'] }, options });
            assert.deepEqual(again, [], 'a formatted file gets no edits');
            const ranged = await client.request<TextEdit[]>('textDocument/rangeFormatting', {
                textDocument: { uri: uris['lsp/messy.topo'] }, options, range: { start: { line: 4, character: 0 }, end: { line: 6, character: 0 } }
            });
            assert.equal(applyEdits(MESSY, ranged), MESSY.replace('}\ndatastore store{runs on pangyo\n  replication async}', '}\n\ndatastore store {\n  runs on pangyo\n  replication async\n}'));
            await client.open(uris['lsp/bad.topo'], 'site a {\n  runs on # x\n}\n', 1);
            assert.deepEqual(await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: uris['lsp/bad.topo'] }, options }), []);
        } finally {
            await client.stop();
        }
    });

    it('`topo fmt --check` names the files that would change and exits 1, changing nothing', async () => {
        writeFiles(folder, { 'check/a.topo': MESSY, 'check/b.topo': FORMATTED });
        const r = await runTopo(['fmt', '--check', 'check'], { cwd: folder });
        assert.equal(r.code, 1, r.stderr);
        assert.equal(r.stdout, `would reformat ${join('check', 'a.topo')}\n1 file would be reformatted, 1 file already formatted.\n`);
        assert.equal(r.stderr, '');
        assert.equal(readFileSync(join(folder, 'check', 'a.topo'), 'utf8'), MESSY, 'untouched');
        const clean = await runTopo(['fmt', '--check', join('check', 'b.topo')], { cwd: folder });
        assert.equal(clean.code, 0);
        assert.equal(clean.stdout, '1 file already formatted.\n');
    });

    it('`topo fmt` rewrites the files in place and says which changed; the result is what the editor gives', async () => {
        writeFiles(folder, { 'write/a.topo': MESSY, 'write/b.topo': FORMATTED, 'write/c.topo': 'site x{}\n' });
        const r = await runTopo(['fmt', join('write', 'a.topo'), join('write', 'b.topo'), join('write', 'c.topo')], { cwd: folder });
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stdout, `reformatted ${join('write', 'a.topo')}\nreformatted ${join('write', 'c.topo')}\n2 files reformatted, 1 file already formatted.\n`);
        assert.equal(readFileSync(join(folder, 'write', 'a.topo'), 'utf8'), FORMATTED);
        assert.equal(readFileSync(join(folder, 'write', 'c.topo'), 'utf8'), 'site x\n');
        const again = await runTopo(['fmt', '--check', 'write'], { cwd: folder });
        assert.equal(again.code, 0, again.stdout);
    });

    it('`topo fmt` leaves a file with a syntax error alone (exit 1, the error in the diagnostic form)', async () => {
        writeFiles(folder, { 'bad/bad.topo': 'site a {\n  runs on # x\n}\n', 'bad/ok.topo': 'site   b\n' });
        const r = await runTopo(['fmt', 'bad'], { cwd: folder });
        assert.equal(r.code, 1);
        assert.equal(r.stderr, `${join('bad', 'bad.topo')}:2:11: error syntax: unexpected character: ->#<- at offset: 19, skipped 1 characters. (not formatted)\n`);
        assert.match(r.stdout, /reformatted bad\/ok\.topo\n1 file reformatted, 1 file not formatted \(syntax errors\)\.\n$/);
        assert.equal(readFileSync(join(folder, 'bad', 'bad.topo'), 'utf8'), 'site a {\n  runs on # x\n}\n');
        assert.equal(readFileSync(join(folder, 'bad', 'ok.topo'), 'utf8'), 'site b\n');
    });

    it('`topo fmt` on bad usage: one line, exit 2, nothing written', async () => {
        writeFileSync(join(folder, 'keep.topo'), MESSY);
        const missing = await runTopo(['fmt', 'keep.topo', 'missing.topo'], { cwd: folder });
        assert.equal(missing.code, 2);
        assert.equal(missing.stderr, 'topo: cannot read missing.topo: it does not exist\n');
        assert.equal(readFileSync(join(folder, 'keep.topo'), 'utf8'), MESSY, 'nothing written');
        const flag = await runTopo(['fmt', '--chek', 'keep.topo'], { cwd: folder });
        assert.equal(flag.code, 2);
        assert.equal(flag.stderr.trim().split('\n').length, 1, flag.stderr);
        assert.match(flag.stderr, /^topo: unknown option '--chek'/);
        const none = await runTopo(['fmt'], { cwd: folder });
        assert.equal(none.code, 2);
        assert.match(none.stderr, /^topo: missing required argument 'paths'\n$/);
    });
});
