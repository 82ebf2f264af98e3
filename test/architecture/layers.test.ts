/**
 * The layers of ARCHITECTURE.md hold: every import of every source file is allowed by the
 * "may import" column of the file's row (its own folder, the folders and packages listed there,
 * `node:*` for Node's built-in modules). The test reads the table itself, so the document and
 * the code cannot drift apart.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { PROJECT_ROOT as root } from '../helpers/run-topo.js';

interface Layer {
    /** folders (ending with /) and single files */
    places: string[];
    /** null: anything */
    allowed: string[] | null;
}

function layers(): Layer[] {
    const text = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8');
    const section = text.slice(text.indexOf('## Layers'), text.indexOf('\n## ', text.indexOf('## Layers') + 3));
    const rows = section.split('\n').filter(line => line.startsWith('| `'));
    return rows.map(row => {
        const cells = row.split(/(?<!\\)\|/).slice(1, -1).map(c => c.trim());
        const code = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map(m => m[1]);
        const last = cells[cells.length - 1];
        return {
            places: code(cells[0]),
            allowed: last === 'anything' ? null : last === 'nothing' ? [] : code(last)
        };
    });
}

function sourceFiles(dir: string): string[] {
    const out: string[] = [];
    for (const name of readdirSync(join(root, dir))) {
        const path = `${dir}/${name}`;
        if (statSync(join(root, path)).isDirectory()) out.push(...sourceFiles(path));
        else if (/\.(ts|mts|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
    }
    return out;
}

function importsOf(text: string): string[] {
    const specs: string[] = [];
    for (const m of text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]/gm)) specs.push(m[1]);
    for (const m of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) specs.push(m[1]);
    for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]);
    return specs;
}

const inside = (path: string, place: string) => (place.endsWith('/') ? path.startsWith(place) : path === place);

describe('layers (ARCHITECTURE.md "may import")', () => {
    const table = layers();

    it('has a row for every layer it checks', () => {
        assert.ok(table.length >= 9, `rows read: ${table.length}`);
        for (const place of ['server/src/common/', 'server/src/analysis/', 'server/src/language/', 'client/src/', 'media/src/']) {
            assert.ok(table.some(l => l.places.includes(place)), place);
        }
    });

    it('every import of server/, client/ and media/ is allowed', () => {
        const wrong: string[] = [];
        for (const file of [...sourceFiles('server/src'), ...sourceFiles('client/src'), ...sourceFiles('media/src')]) {
            const layer = table
                .filter(l => l.places.some(p => inside(file, p)))
                .sort((a, b) => Math.max(...b.places.map(p => (inside(file, p) ? p.length : 0))) - Math.max(...a.places.map(p => (inside(file, p) ? p.length : 0))))[0];
            assert.ok(layer, `${file} is in no layer of ARCHITECTURE.md`);
            if (layer.allowed === null) continue;
            for (const spec of importsOf(readFileSync(join(root, file), 'utf8'))) {
                let ok: boolean;
                if (spec.startsWith('.')) {
                    const target = relative(root, normalize(join(root, dirname(file), spec))).replace(/\\/g, '/');
                    ok = layer.places.some(p => inside(target, p)) || layer.allowed.some(a => inside(target, a));
                } else {
                    ok = layer.allowed.includes(spec) || (spec.startsWith('node:') && layer.allowed.includes('node:*'));
                }
                if (!ok) wrong.push(`${file} imports ${spec}`);
            }
        }
        assert.deepEqual(wrong, []);
    });

    it('catches a forbidden import (the check is not vacuous)', () => {
        const analysis = table.find(l => l.places.includes('server/src/analysis/'))!;
        assert.ok(!analysis.allowed!.includes('langium'));
        assert.deepEqual(importsOf("import { x } from 'langium';\nexport * from '../language/a.js';"), ['langium', '../language/a.js']);
    });
});
