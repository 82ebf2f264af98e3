/**
 * The JSON Schemas of the CLI's outputs (schemas/*.schema.json, JSON Schema draft 2020-12),
 * compiled once with ajv in strict mode (but for `strictRequired`, which would refuse the
 * `then` that requires a finding's `subject` and `causes`). Each schema is registered under
 * its file's URL, so a `$ref` to "definitions.schema.json#/…" resolves as it would for anyone
 * reading the files.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { PROJECT_ROOT } from '../helpers/run-topo.js';

export const SCHEMA_DIR = join(PROJECT_ROOT, 'schemas');

/** The outputs that have a schema: `<name>.schema.json`. */
export type OutputName = 'check' | 'analyze' | 'simulate' | 'drill';

/** Every schema of schemas/ but the shared definitions: the outputs, and the files topo reads and writes. */
export type SchemaName = OutputName | 'baseline' | 'topo-config' | 'diff';

/** Every schema file, parsed, by file name. */
export function schemaFiles(): Map<string, Record<string, unknown>> {
    const files = new Map<string, Record<string, unknown>>();
    for (const name of readdirSync(SCHEMA_DIR).filter(n => n.endsWith('.schema.json')).sort()) {
        files.set(name, JSON.parse(readFileSync(join(SCHEMA_DIR, name), 'utf8')));
    }
    return files;
}

let ajv: Ajv2020 | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

function validator(output: SchemaName): ValidateFunction {
    let validate = compiled.get(output);
    if (validate) return validate;
    if (!ajv) {
        ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true });
        for (const [name, schema] of schemaFiles()) ajv.addSchema(schema, urlOf(name));
    }
    validate = ajv.getSchema(urlOf(`${output}.schema.json`));
    assert.ok(validate, `no schema for ${output}`);
    compiled.set(output, validate);
    return validate;
}

function urlOf(fileName: string): string {
    return pathToFileURL(join(SCHEMA_DIR, fileName)).href;
}

/** Fails with every violation (path and message) when `json` does not match `output`'s schema. */
export function assertMatchesSchema(output: SchemaName, json: unknown, what: string = output): void {
    const validate = validator(output);
    if (validate(json)) return;
    const errors = (validate.errors ?? []).slice(0, 20)
        .map(e => `  ${e.instancePath || '/'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`);
    assert.fail(`${what}: the output does not match schemas/${output}.schema.json:\n${errors.join('\n')}`);
}
