/**
 * Edits to a file that no other file imports are analysed incrementally (the other files'
 * findings kept, only the edited file's computed): after each edit, what the server publishes
 * must be exactly what `topo check` (a full analysis) says of the same text.
 */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer } from '../helpers/lsp-server.js';
import { runTopo } from '../helpers/run-topo.js';
import { positionOf } from '../helpers/text-position.js';
import type { TestClient } from './lsp-client.js';

const SITES = `region capital
region south
site pangyo in capital
site gasan in capital
site busan in south
infra grid
site daejeon { depends on grid }
`;
const PLATFORM = `import "sites.topo"
service auth { runs on pangyo  users 1M }
service media { runs on pangyo, busan  users 2M }
datastore kv { runs on gasan (2), daejeon  capacity 2  backup on gasan }
service status { runs on busan  monitors auth }
`;
const LEAF_VERSIONS = [
    // a service that needs auth: a new SPOF finding in the leaf only
    `import "platform.topo"\nservice talk { runs on busan  depends on auth  users 43.2M  tier critical }\n`,
    // more of it: any-of, quorum, an observer, a soft dependency
    `import "platform.topo"\nservice talk { runs on busan, gasan (2)  quorum 2  depends on any (auth, media)  uses kv  users 43.2M }\n` +
        `service watch { runs on pangyo  monitors talk }\n`,
    // a name that platform.topo declares too: the incremental path must step aside
    `import "platform.topo"\nservice auth { runs on busan }\nservice talk { runs on busan  depends on auth }\n`,
    // and back
    `import "platform.topo"\nservice talk { runs on busan  depends on kv }\n`,
    // a syntax error, then fixed
    `import "platform.topo"\nservice talk { runs on busan  depends on }\n`,
    `import "platform.topo"\nservice talk { runs on daejeon  depends on media }\n`,
    // a failure domain of its own (the down sets' bits change), then none again
    `import "platform.topo"\nsite ulsan in south\nservice talk { runs on ulsan  depends on media }\n`,
    `import "platform.topo"\nservice talk { runs on daejeon, busan  depends on media  users 5M }\n`,
    `import "platform.topo"\nservice talk { runs on daejeon, busan  depends on auth  users 6M }\n`
];

type Summary = string[];

function fromLsp(p: PublishDiagnosticsParams): Summary {
    return p.diagnostics.filter(d => d.source === 'topo').map(d => {
        return `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`;
    }).sort();
}

async function fromCli(folder: string, file: string): Promise<Record<string, Summary>> {
    const run = await runTopo(['check', file, '--format', 'json'], { cwd: folder });
    const json = JSON.parse(run.stdout) as { diagnostics: Array<{ file: string; line: number; column: number; code: string; message: string }> };
    const out: Record<string, Summary> = {};
    for (const d of json.diagnostics) (out[d.file] ??= []).push(`${d.line}:${d.column} ${d.code} ${d.message}`);
    for (const list of Object.values(out)) list.sort();
    return out;
}

describe('language server: edits to a file nothing imports', function () {
    this.timeout(60_000);
    let client: TestClient;
    after(async () => client?.stop());

    it('publish what a full analysis says, and are analysed for that file only', async () => {
        const started = await startServer({ 'sites.topo': SITES, 'platform.topo': PLATFORM, 'leaf.topo': LEAF_VERSIONS[0] },
            { open: { 'platform.topo': 1, 'leaf.topo': 1 } });
        client = started.client;
        const { folder, uris } = started;
        const platform = started.published['platform.topo'];
        const incremental: string[] = [];
        for (let i = 0; i < LEAF_VERSIONS.length; i++) {
            const version = i + 2;
            const logMark = client.logs.all.length;
            await client.change(uris['leaf.topo'], LEAF_VERSIONS[i], version);
            const leaf = await client.published(uris['leaf.topo'], p => p.version === version);
            writeFileSync(join(folder, 'leaf.topo'), LEAF_VERSIONS[i]);
            const expected = await fromCli(folder, 'leaf.topo');
            assert.deepEqual(fromLsp(leaf), expected['leaf.topo'] ?? [], `leaf.topo, version ${version}`);
            // platform.topo's findings never change (nothing it sees changed), so the server re-sends nothing;
            // but while leaf.topo declares `auth` too, the closure's model takes leaf's (an error either way)
            if (i !== 2) assert.deepEqual(fromLsp(platform), expected['platform.topo'] ?? [], `platform.topo, after version ${version}`);
            incremental.push(...client.logs.all.slice(logMark).filter(l => /analysed leaf\.topo/.test(l)));
        }
        assert.ok(incremental.some(l => /for 1 edited file/.test(l)), incremental.join('\n'));
        // from the second edit on, the unchanged files' rows are copied rather than compiled again
        assert.ok(incremental.some(l => /for 1 edited file.*rows copied/.test(l)), incremental.join('\n'));
        assert.ok(incremental.some(l => /in full/.test(l)), `the duplicate name is analysed in full:\n${incremental.join('\n')}`);
    });

    it('report work-done progress while re-analysing after an edit to a widely imported file, not for a leaf edit', async () => {
        const { client: progressClient, uris } = await startServer({ 'sites.topo': SITES, 'platform.topo': PLATFORM, 'leaf.topo': LEAF_VERSIONS[0] },
            { workDoneProgress: true, env: { TOPO_PROGRESS_AFTER_MS: '0' }, open: { 'leaf.topo': 1 } });
        try {
            const mark = progressClient.progress.all.length;
            const publishMark = progressClient.diagnostics.all.length;
            await progressClient.open(uris['sites.topo'], SITES + 'site incheon in capital\n', 1);
            const begin = await progressClient.progress.next(p => p.value.kind === 'begin', mark);
            assert.ok(progressClient.progressTokens.includes(begin.token), 'the token was created first (window/workDoneProgress/create)');
            assert.match(begin.value.title ?? '', /topo/);
            assert.match(begin.value.message ?? '', /analysing .*\.topo with its imports \(3 files\)/);
            await progressClient.progress.next(p => p.token === begin.token && p.value.kind === 'end', mark);
            await progressClient.published(uris['sites.topo'], p => p.version === 1, publishMark);

            // an edit to the leaf: only its findings are computed, quickly, with no progress
            const leafMark = progressClient.progress.all.length;
            await progressClient.change(uris['leaf.topo'], LEAF_VERSIONS[1], 2);
            await progressClient.published(uris['leaf.topo'], p => p.version === 2);
            assert.equal(progressClient.progress.all.length, leafMark, JSON.stringify(progressClient.progress.all.slice(leafMark)));
        } finally {
            await progressClient.stop();
        }
    });

    it('keep, for a hover right after an edit, the availabilities, outages, worst single failures and pairs of what the edit did not change', async () => {
        const sites = 'site pangyo { availability 99.9%  recovery 10h }\nsite busan { availability 99.5%  recovery 2h }\nsite gasan { availability 99%  recovery 1h }\n';
        const platform = 'import "sites.topo"\nservice auth { runs on pangyo, gasan (standby)  failover 5m }\n';
        const leaf = (users: string, placement: string) => `import "platform.topo"\nservice talk { runs on ${placement}  depends on auth  users ${users} }\n`;
        const texts = [leaf('1M', 'busan'), leaf('2M', 'busan'), leaf('2M', 'busan, gasan')];
        const hoverText = async (c: TestClient, uri: string, text: string): Promise<string> => {
            const hover = await c.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'talk', 0, 1) });
            return hover?.contents.value ?? '';
        };
        const { client: editing, uris } = await startServer({ 'sites.topo': sites, 'platform.topo': platform, 'leaf.topo': texts[0] }, { open: { 'leaf.topo': 1 } });
        try {
            await editing.change(uris['leaf.topo'], texts[0], 2); // the incremental path from here on
            await editing.published(uris['leaf.topo'], p => p.version === 2);
            assert.match(await hoverText(editing, uris['leaf.topo'], texts[0]), /Availability:\*\* 99\./);
            for (let i = 1; i < texts.length; i++) {
                const logMark = editing.logs.all.length;
                await editing.change(uris['leaf.topo'], texts[i], i + 2);
                await editing.published(uris['leaf.topo'], p => p.version === i + 2);
                const log = editing.logs.all.slice(logMark).find(l => /analysed leaf\.topo/.test(l)) ?? '';
                const kept = /kept (\d+) availabilities, (\d+) outages, (\d+) worst failures and (\d+) pair lists/.exec(log);
                const shown = await hoverText(editing, uris['leaf.topo'], texts[i]);
                // what a server that never saw the earlier versions says
                const { client: fresh, uris: freshUris } = await startServer({ 'sites.topo': sites, 'platform.topo': platform, 'leaf.topo': texts[i] }, { open: { 'leaf.topo': 1 } });
                try {
                    assert.equal(shown, await hoverText(fresh, freshUris['leaf.topo'], texts[i]), `hover after version ${i + 2}`);
                } finally {
                    await fresh.stop();
                }
                if (i === 1) {
                    // only talk's users changed: all 5 elements keep theirs, and talk its outages, worst failure and pairs
                    assert.ok(kept && Number(kept[1]) === 5 && Number(kept[2]) > 0 && Number(kept[3]) === 1 && Number(kept[4]) === 1, log);
                } else {
                    // talk runs elsewhere now: its availability and outages are computed again
                    assert.ok(kept && Number(kept[1]) === 4 && Number(kept[2]) === 0 && Number(kept[3]) === 0 && Number(kept[4]) === 0, log);
                }
            }
        } finally {
            await editing.stop();
        }
    });
});
