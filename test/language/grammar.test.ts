import { strict as assert } from 'node:assert';
import { parseHelper } from 'langium/test';
import type { Model } from '../../server/src/generated/ast.js';
import { freshServices, diagnosticsOf, messages } from '../helpers/language.js';

const parse = parseHelper<Model>(freshServices());

describe('grammar', () => {
    it('parses every element and statement of the spec\'s example', async () => {
        const doc = await parse(`
            // Kakao, simplified
            region capital "Seoul Capital Area"
            infra kepco-seongnam "KEPCO Seongnam grid" { kind power }
            site pangyo "SK C&C Pangyo data center" in capital {
              operator "SK C&C"
              depends on kepco-seongnam
              recovery 10h
              availability 99.95%
            }
            site ansan "Kakao Ansan" in capital
            service auth "Kakao Account" { runs on pangyo (30) tier critical }
            service talk "KakaoTalk" {
              runs on pangyo (200), ansan (40, standby)
              capacity 180 failover 30m
              depends on auth, messages
              uses media /* soft */
              users 43.2M tier critical slo 99.99%
              owner "talk-team" description "the messenger" tags chat, core
            }
            datastore messages "Message store" { runs on pangyo, ansan replication async backup on pangyo }
            service media { runs on pangyo }
            service status { runs on pangyo monitors talk }
            service portal { depends on any (auth, media), 2 of (talk, media, status) quorum 1 }
        `);
        assert.deepEqual(doc.parseResult.lexerErrors, []);
        assert.deepEqual(doc.parseResult.parserErrors, []);
        const model = doc.parseResult.value;
        assert.deepEqual(model.elements.map(e => `${e.kind} ${e.name}`), [
            'region capital', 'infra kepco-seongnam', 'site pangyo', 'site ansan', 'service auth', 'service talk',
            'datastore messages', 'service media', 'service status', 'service portal'
        ]);
        const talk = model.elements[5];
        assert.equal(talk.label, 'KakaoTalk');
        assert.deepEqual(talk.statements.map(s => s.$type), [
            'RunsOn', 'Capacity', 'Failover', 'DependsOn', 'Uses', 'Users', 'Tier', 'Slo', 'Owner', 'Description', 'Tags'
        ]);
    });

    it('allows statements on one line with no separators', async () => {
        const doc = await parse('infra grid { kind power availability 99.9% }');
        assert.deepEqual(doc.parseResult.parserErrors, []);
        assert.deepEqual(doc.parseResult.value.elements[0].statements.map(s => s.$type), ['InfraKind', 'Availability']);
    });

    it('keeps names with dashes and keyword prefixes as one name', async () => {
        const doc = await parse('site pangyo-power-room\nservice low-tier { runs on pangyo-power-room }\nservice status { runs on pangyo-power-room }');
        assert.deepEqual(doc.parseResult.parserErrors, []);
        assert.deepEqual(doc.parseResult.value.elements.map(e => e.name), ['pangyo-power-room', 'low-tier', 'status']);
    });

    it('rejects a keyword as a name, saying so', async () => {
        const errors = messages(await diagnosticsOf('site low'));
        assert.equal(errors.length, 1);
        assert.match(errors[0], /`low` is a keyword and cannot be used as a name/);
    });

    it('recovers from a typo: the rest of the file is still checked', async () => {
        const diagnostics = await diagnosticsOf(`
            site a
            service x { runs onn a }
            service y { runs on nowhere }
            service z { availability 120% }
        `);
        const errors = messages(diagnostics);
        assert.ok(errors.length >= 3, errors.join('\n'));
        assert.ok(errors.some(m => /nowhere/.test(m)), 'the unresolved reference after the typo is reported');
        assert.ok(errors.some(m => /above 100%/.test(m)), 'the bad percentage after the typo is reported');
    });

    it('reports an unclosed block and still parses what follows', async () => {
        const diagnostics = await diagnosticsOf('site a {\n  recovery 1h\nservice b { runs on zz }');
        assert.ok(messages(diagnostics).length >= 1);
    });

    it('accepts comments anywhere', async () => {
        const doc = await parse('/* a */ site /* b */ a // c\n// d\nservice s { runs /* e */ on a (2 /* f */) }');
        assert.deepEqual(doc.parseResult.parserErrors, []);
    });

    it('accepts imports only before the first element', async () => {
        const errors = messages(await diagnosticsOf('site a\nimport "b.topo"'));
        assert.ok(errors.some(m => /must come before the file's first element/.test(m)), errors.join('\n'));
    });
});
