/**
 * Files that are not models: a directory, a binary file, text that is not UTF-8, a symbolic
 * link loop, a file without read permission, a named pipe. Imported, each is one clear error on
 * its `import` (checked with `loadWorkspace`), and the rest of the model is still read and
 * analysed; named on the command line, each makes `topo` exit 2 with one line naming the file.
 *
 * The tests may run as root, which reads anything: the unreadable file is then read by a child
 * process that dropped its privileges (`setpriv --reuid=65534 …`). Without setpriv, as root, those
 * two checks are skipped.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT, TOPO_BIN } from '../helpers/run-topo.js';
import type { LoadReport } from './load-and-report.js';

const isRoot = process.getuid?.() === 0;
const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;
const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;
/** Runs a command as the nobody user when we are root (so that permissions apply). */
const unprivileged = (command: string[]) => isRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...command] : command;
const canDropPrivileges = !isRoot || hasSetpriv;

function run(command: string[], options: { cwd?: string } = {}) {
    return spawnSync(command[0], command.slice(1), { cwd: options.cwd ?? PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 });
}

interface Bad { file: string; problem: RegExp; onlyUnprivileged?: boolean }

describe('bad files: imported, and named on the command line', function () {
    this.timeout(120_000);
    let dir: string;
    const bad: Bad[] = [
        { file: 'folder', problem: /is a directory, not a file/ },
        { file: 'dir.topo', problem: /is a directory, not a file/ },
        { file: 'binary.topo', problem: /is a binary file, not a \.topo model/ },
        { file: 'latin1.topo', problem: /is not UTF-8 text/ },
        { file: 'loop-a.topo', problem: /is a symbolic link loop/ },
        { file: 'secret.topo', problem: /cannot be read \(permission denied\)/, onlyUnprivileged: true },
        ...(hasMkfifo ? [{ file: 'fifo.topo', problem: /is not a regular file/ }] : [])
    ];
    const main = () => [
        'import "good.topo"',
        ...bad.map(b => `import "${b.file}"`),
        '',
        'service web {',
        '  runs on dc1, dc2',
        '}',
        'service api {',
        '  runs on dc1',
        '}',
        ''
    ].join('\n');

    before(() => {
        dir = mkdtempSync(join(tmpdir(), 'topo-bad-files-'));
        chmodSync(dir, 0o755);
        writeFileSync(join(dir, 'good.topo'), 'site dc1\nsite dc2\n');
        mkdirSync(join(dir, 'folder'));
        mkdirSync(join(dir, 'dir.topo'));
        writeFileSync(join(dir, 'binary.topo'), Buffer.from([0x73, 0x69, 0x74, 0x65, 0x20, 0x78, 0x00, 0x01, 0xff, 0xfe]));
        writeFileSync(join(dir, 'latin1.topo'), Buffer.from('site caf\xe9\n', 'latin1'));
        symlinkSync(join(dir, 'loop-b.topo'), join(dir, 'loop-a.topo'));
        symlinkSync(join(dir, 'loop-a.topo'), join(dir, 'loop-b.topo'));
        writeFileSync(join(dir, 'secret.topo'), 'site hidden\n', { mode: 0o000 });
        chmodSync(join(dir, 'secret.topo'), 0o000);
        if (hasMkfifo) spawnSync('mkfifo', [join(dir, 'fifo.topo')]);
        writeFileSync(join(dir, 'main.topo'), main());
    });

    after(() => {
        if (dir) rmSync(dir, { recursive: true, force: true });
    });

    describe('imported: one clear error on each import, the rest still analysed', () => {
        let report: LoadReport;

        before(function () {
            if (!canDropPrivileges) this.skip();
            const r = run(unprivileged([process.execPath, '--import', 'tsx', join(PROJECT_ROOT, 'test', 'pathological', 'load-and-report.ts'), join(dir, 'main.topo')]));
            assert.equal(r.status, 0, r.stderr);
            report = JSON.parse(r.stdout) as LoadReport;
        });

        for (const b of bad) {
            it(`import "${b.file}": ${b.problem.source.replace(/\\/g, '')}`, () => {
                const line = 2 + bad.indexOf(b);
                const onLine = report.diagnostics['main.topo'].filter(d => d.line === line);
                assert.equal(onLine.length, 1, JSON.stringify(report.diagnostics['main.topo']));
                assert.equal(onLine[0].severity, 'error');
                assert.equal(onLine[0].code, 'missing-import');
                assert.match(onLine[0].message, new RegExp(`^Cannot import "${b.file}": ${b.file.replace('.', '\\.')} ${b.problem.source}\\.$`));
            });
        }

        it('nothing else: no other diagnostic, the good import loaded, the model analysed', () => {
            assert.equal(report.diagnostics['main.topo'].length, bad.length, JSON.stringify(report.diagnostics['main.topo']));
            assert.deepEqual(report.diagnostics['good.topo'], []);
            assert.deepEqual(Object.keys(report.diagnostics).sort(), ['good.topo', 'main.topo']);
            assert.deepEqual(report.spofs, { api: ['dc1'], web: [] });
        });

        it('the binary: `topo check` exits 1 with the import errors as diagnostics, no stack trace', () => {
            const r = run(unprivileged([process.execPath, TOPO_BIN, 'check', join(dir, 'main.topo')]));
            assert.equal(r.status, 1, r.stderr + r.stdout);
            assert.doesNotMatch(r.stdout + r.stderr, /^\s+at |internal error/m);
            const importErrors = r.stdout.split('\n').filter(l => /error missing-import: Cannot import/.test(l));
            assert.equal(importErrors.length, bad.length, r.stdout);
        });
    });

    describe('named on the command line: exit 2, one line naming the file and the problem', () => {
        for (const b of bad) {
            for (const command of [['check'], ['analyze'], ['simulate', '--fail', 'dc1']]) {
                const isDirectory = b.file === 'folder' || b.file === 'dir.topo';
                const expected = isDirectory && command[0] === 'check' ? /no \.topo files in / : b.problem;
                it(`topo ${command[0]} ${b.file}`, function () {
                    if (b.onlyUnprivileged && !canDropPrivileges) this.skip();
                    const args = [process.execPath, TOPO_BIN, command[0], join(dir, b.file), ...command.slice(1)];
                    const r = run(b.onlyUnprivileged ? unprivileged(args) : args, { cwd: dir });
                    assert.equal(r.status, 2, r.stderr + r.stdout);
                    assert.equal(r.stdout, '');
                    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
                    assert.match(r.stderr, /^topo: /);
                    assert.ok(r.stderr.includes(b.file), r.stderr);
                    assert.match(r.stderr, expected);
                });
            }
        }
    });
});
