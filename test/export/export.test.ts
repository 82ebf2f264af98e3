/**
 * The exports (server/src/export/): MEF names, what the fault tree refuses, and hostile labels in
 * every format. DOT is rendered by Graphviz (`dot -Tsvg`), which must print no warning; where
 * `dot` or `scram` is missing, the test that needs it says so and is skipped.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Model } from '../../server/src/analysis/model.js';
import { dotGraph, ExportError, mefName, mermaidGraph, openPsaFaultTree, topoName } from '../../server/src/export/index.js';
import { any, datastore, infra, kof, on, one, region, service, site } from '../analysis/build.js';

const HOSTILE = [
    'say "hi" \\ to <b>you</b> & co',
    'ends with a backslash \\',
    '\\N \\G \\l \\n are not escapes here',
    'line\nbreak\r\ttab\u0000nul\u001b[31m',
    '# #quot; `code` | [x] {y} (z) --> end',
    '판교 데이터센터 🔥 \u202Eevil\u202C \u2028sep',
    '<!-- not a comment --> ]]> <![CDATA[x]]>'
];

/** Every kind of element and edge, each with a hostile label. */
function hostileModel(): Model {
    let i = 0;
    const label = () => HOSTILE[i++ % HOSTILE.length];
    return {
        elements: [
            region('end', { label: label() }),
            site('o-x', { label: label(), container: 'end' }),
            site('s2', { label: label(), container: 'end' }),
            infra('grid-', { label: label(), container: 'o-x', availability: 0.999 }),
            site('s3', { label: label(), dependsOn: [one('grid-')] }),
            datastore('db', { label: label(), deployments: [on('o-x', 2), on('s2', 3, true)], backups: ['s3'] }),
            service('a--b', { label: label(), deployments: [on('s2'), on('s3')], quorum: 2, dependsOn: [kof(2, 'db', 's3', 'o-x'), any('s2', 's3')] }),
            service('watch', { label: label(), deployments: [on('s3')], monitors: ['a--b'], uses: ['db'] })
        ]
    };
}

function dotAvailable(): boolean {
    return spawnSync('dot', ['-V'], { encoding: 'utf8' }).status === 0;
}

function scramAvailable(): boolean {
    return spawnSync('scram', ['--version'], { encoding: 'utf8' }).status === 0;
}

describe('exports', () => {
    describe('MEF names', () => {
        const names = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_-]{0,8}$/);

        it('are MEF identifiers, one-to-one, and read back', () => {
            fc.assert(fc.property(names, names, (a, b) => {
                assert.match(mefName(a), /^[A-Za-z][^\-.]*(-[^\-.]+)*$/);
                assert.equal(topoName(mefName(a)), a);
                if (a !== b) assert.notEqual(mefName(a), mefName(b));
            }), { numRuns: 2000 });
        });

        it('never equal a gate name', () => {
            fc.assert(fc.property(names, names, fc.constantFrom('_is_down', '_lost_0_3', '_lost_12_240'), (a, b, suffix) => {
                assert.notEqual(mefName(a), mefName(b) + suffix);
            }), { numRuns: 2000 });
            assert.equal(mefName('a--b'), 'a_d-b');
            assert.equal(mefName('grid-'), 'grid_d');
            assert.equal(mefName('x_down'), 'x__down');
        });
    });

    describe('open-psa', () => {
        it('refuses an unknown service and a cone with a dependency cycle, naming the cycle', () => {
            const model: Model = {
                elements: [
                    site('dc'),
                    service('network', { deployments: [on('dc')], dependsOn: [one('monitoring')] }),
                    service('monitoring', { deployments: [on('dc')], dependsOn: [one('network')] }),
                    service('apart', { deployments: [on('dc')] })
                ]
            };
            assert.throws(() => openPsaFaultTree(model, 'nope'), (e: unknown) => e instanceof ExportError && /`nope` is not in the model/.test(e.message));
            assert.throws(() => openPsaFaultTree(model, 'network'), (e: unknown) => e instanceof ExportError &&
                e.message.includes('(network → monitoring → network)') && !e.message.includes('\n'));
            // a cycle elsewhere does not stop a service whose cone is acyclic
            assert.match(openPsaFaultTree(model, 'apart'), /<define-gate name="apart_is_down">/);
        });

        it('writes the gates of quorum, `K of` and unequal replica groups', () => {
            const model: Model = {
                elements: [
                    site('a', { availability: 0.99 }), site('b', { availability: 0.99 }), site('c', { availability: 0.99 }),
                    service('q', { deployments: [on('a'), on('b'), on('c')], quorum: 2 }),
                    service('k', { dependsOn: [kof(2, 'a', 'b', 'c')] }),
                    service('w', { deployments: [on('a', 3), on('b', 2), on('c', 1)], quorum: 3 })
                ]
            };
            assert.match(openPsaFaultTree(model, 'q'), /<atleast min="2"><basic-event name="a"\/><basic-event name="b"\/><basic-event name="c"\/><\/atleast>/);
            assert.match(openPsaFaultTree(model, 'k'), /<atleast min="2">/);
            const w = openPsaFaultTree(model, 'w');
            assert.match(w, /<define-gate name="w_lost_0_4">/);
            assert.doesNotMatch(w, /<atleast/);
        });

        it('escapes hostile labels: only well-formed XML text', function () {
            const model = hostileModel();
            const xml = openPsaFaultTree(model, 'watch');
            for (const m of xml.matchAll(/<label>([^<]*)<\/label>/g)) {
                assert.doesNotMatch(m[1], /[\u0000-\u001f"]|&(?!amp;|lt;|gt;|quot;)/, m[1]);
            }
            const comment = /<!--([\s\S]*?)-->/.exec(xml)![1];
            assert.doesNotMatch(comment, /--/);
            if (!scramAvailable()) {
                console.warn('      SKIPPED (part): `scram` is not installed: the export is not validated against the MEF schema.');
                this.skip();
            }
            const dir = mkdtempSync(join(tmpdir(), 'topo-mef-'));
            writeFileSync(join(dir, 'tree.xml'), xml);
            const run = spawnSync('scram', ['--validate', join(dir, 'tree.xml')], { encoding: 'utf8' });
            assert.equal(run.status, 0, run.stderr + run.stdout);
        });
    });

    describe('dot', () => {
        it('renders with Graphviz without a warning, every hostile label intact', function () {
            if (!dotAvailable()) {
                console.warn('      SKIPPED: Graphviz `dot` is not installed (apt-get install -y graphviz): the DOT export is not rendered.');
                this.skip();
            }
            const model = hostileModel();
            for (const text of [dotGraph(model), dotGraph(model, { service: 'watch' })]) {
                const run = spawnSync('dot', ['-Tsvg'], { input: text, encoding: 'utf8' });
                assert.equal(run.status, 0, run.stderr);
                assert.equal(run.stderr, '', 'no warnings');
                const shown = [...run.stdout.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(m => m[1]
                    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#45;/g, '-').replace(/&#160;/g, ' ').replace(/&amp;/g, '&'));
                for (const e of model.elements.filter(x => text.includes(`"${x.name}" [`))) {
                    const expected = e.label!.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
                    assert.ok(shown.some(line => line.trim().replace(/ +/g, ' ') === expected.trim().replace(/ +/g, ' ')), `label of ${e.name} shown as written: ${JSON.stringify(expected)}\n${JSON.stringify(shown)}`);
                }
            }
        });

        it('draws a service\'s cone only with --service', () => {
            const text = dotGraph(hostileModel(), { service: 'db' });
            assert.match(text, /"db" -> "o-x"/);
            assert.doesNotMatch(text, /"watch"/);
            assert.throws(() => dotGraph(hostileModel(), { service: 'nope' }), ExportError);
        });
    });

    describe('mermaid', () => {
        it('uses plain ids and entity codes: no label can end its string or open markup', () => {
            const text = mermaidGraph(hostileModel());
            const lines = text.trimEnd().split('\n');
            assert.equal(lines[0], 'flowchart TD');
            for (const line of lines.slice(1)) {
                const node = /^ {2}n\d+(\[\[|\[\(|\{\{|\[|\()"([^"]*)"(\]\]|\)\]|\}\}|\]|\))$/.exec(line);
                const edge = /^ {2}n\d+ (-->|-\.->|==>)\|"([^"]*)"\| n\d+$/.exec(line);
                assert.ok(node || edge, `a node or an edge: ${JSON.stringify(line)}`);
                const label = (node?.[2] ?? edge![2]).replace(/<br\/>/g, '');
                assert.doesNotMatch(label, /[<>`\u0000-\u001f]|#(?!35;|38;|quot;|lt;|gt;|96;)/, label);
            }
            assert.match(text, /n0\[\["end<br\/>/, 'an element named `end` is a label, not the keyword');
        });
    });
});
