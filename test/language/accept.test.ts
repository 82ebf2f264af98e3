/**
 * `accept`: the statement as the language reads it (grammar, validation, the model), and the
 * findings it turns into hints, from text (the analysis step itself: test/analysis/acceptances.test.ts).
 */
import { strict as assert } from 'node:assert';
import { analyzeFindings, applyAcceptances, compileModel } from '../../server/src/analysis/index.js';
import { closureModel } from '../../server/src/language/closure-model.js';
import { findingDiagnostics } from '../../server/src/language/diagnostics.js';
import { buildFiles, diagnosticsOf, messages } from '../helpers/language.js';

async function errorsOf(text: string): Promise<string[]> {
    return messages(await diagnosticsOf(text));
}

async function checked(text: string, today = '2027-01-01') {
    const { services, docs } = await buildFiles({ 'main.topo': text });
    const built = closureModel(services, docs['main.topo']);
    const findings = applyAcceptances(analyzeFindings(compileModel(built.model)), built.model, today);
    return { built, findings, diagnostics: findingDiagnostics(findings, built.sources), language: docs['main.topo'].diagnostics ?? [] };
}

const TALK = `site pangyo
site ansan
service talk {
  runs on pangyo (200)
  accept spof from pangyo "Second active site with the Ansan build-out, INFRA-1234" until 2027-03-31
}
`;

describe('accept: the statement', () => {
    it('parses with and without `from` and `until`, and builds the model field', async () => {
        const text = `site a\nsite b\nservice s {\n  runs on a\n  accept spof "known"\n  accept never-up from a, b "r2" until 2030-01-31\n}\n`;
        assert.deepEqual(await errorsOf(text), []);
        const { built } = await checked(text);
        assert.deepEqual(built.model.elements.find(e => e.name === 's')!.accepts, [
            { code: 'spof', from: [], reason: 'known' },
            { code: 'never-up', from: ['a', 'b'], reason: 'r2', until: '2030-01-31' }
        ]);
        assert.equal(built.sources.get('s')!.accepts.length, 2);
        assert.equal(built.sources.get('s')!.accepts[1].start.line, 5);
    });

    it('requires a reason, with a message that shows how to write one', async () => {
        const errors = await errorsOf('site a\nservice s { runs on a\n accept spof }\n');
        assert.equal(errors.length, 1, errors.join('\n'));
        assert.match(errors[0], /`accept spof` needs a reason in quotes, such as `accept spof "Second site/);
        assert.match((await errorsOf('site a\nservice s { runs on a\n accept spof "  " }\n'))[0], /needs a reason: the quotes are empty/);
    });

    it('names an unknown code, with the closest one', async () => {
        assert.deepEqual(await errorsOf('site a\nservice s { runs on a\n accept spf "r" }\n'),
            ['`spf` is not a finding code that can be accepted; did you mean `spof`? The codes are listed in docs/findings/.']);
        assert.deepEqual(await errorsOf('site a\nservice s { runs on a\n accept unused-acceptance "r" }\n'),
            ['`unused-acceptance` is not a finding code that can be accepted. The codes are listed in docs/findings/.']);
    });

    it('rejects a date that is not on the calendar, a cause that is not a failure domain, and `accept` in a site', async () => {
        assert.deepEqual(await errorsOf('site a\nservice s { runs on a\n accept spof "r" until 2027-02-30 }\n'),
            ['Bad until: `2027-02-30` is not a date of the calendar; write YYYY-MM-DD, like 2027-03-31.']);
        assert.deepEqual(await errorsOf('site a\nservice t { runs on a }\nservice s { runs on a\n accept spof from t "r" }\n'),
            ['`accept … from` expects a failure domain (region, site or infra), but `t` is a service.']);
        assert.deepEqual(await errorsOf('site a { accept spof "r" }\n'), ['`accept` is not allowed in a site.']);
    });

    it('a rejected `accept` accepts nothing, and leaves the element\'s findings as they are', async () => {
        const { findings } = await checked('site a\nservice s { runs on a\n accept spof }\n');
        assert.deepEqual(findings.map(f => [f.code, f.severity]), [['spof', 'warning']]);
    });
});

describe('accept: findings from text', () => {
    it('an accepted finding is a hint that says why, placed where it was', async () => {
        const { diagnostics } = await checked(TALK);
        assert.deepEqual(diagnostics.map(d => [d.code, d.severity, d.range.start.line]), [['spof', 'hint', 2]]);
        const [d] = diagnostics;
        assert.match(d.message, /^accepted until 2027-03-31: Second active site with the Ansan build-out, INFRA-1234 — /);
        assert.deepEqual(d.accepted, { reason: 'Second active site with the Ansan build-out, INFRA-1234', until: '2027-03-31' });
    });

    it('after `until`: the finding is back at its severity, and `acceptance-expired` sits on the accept line', async () => {
        const onTheDay = await checked(TALK, '2027-03-31');
        assert.equal(onTheDay.findings[0].severity, 'hint', 'the `until` day itself is still covered');
        const { diagnostics } = await checked(TALK, '2027-04-01');
        assert.deepEqual(diagnostics.map(d => [d.code, d.severity, d.range.start.line]), [['spof', 'warning', 2], ['acceptance-expired', 'warning', 4]]);
        assert.match(diagnostics[0].message, /Its acceptance expired on 2027-03-31\.\)$/);
        assert.match(diagnostics[1].message, /^`accept spof from pangyo` on talk expired on 2027-03-31 \(today is 2027-04-01\)/);
    });

    it('a new cause is reported again; the message names the cause the `accept` does not list', async () => {
        const text = TALK.replace('runs on pangyo (200)', 'runs on pangyo (200)\n  depends on ansan');
        const { diagnostics } = await checked(text);
        assert.deepEqual(diagnostics.map(d => [d.code, d.severity]), [['spof', 'warning']]);
        assert.match(diagnostics[0].message, /\(Not accepted: the `accept` does not list ansan\.\)$/);
    });

    it('an `accept` that matches nothing is `unused-acceptance` on its line', async () => {
        const text = TALK.replace('runs on pangyo (200)', 'runs on pangyo (200), ansan (200)');
        const { diagnostics } = await checked(text);
        assert.deepEqual(diagnostics.map(d => [d.code, d.severity, d.range.start.line, d.range.start.character]), [['unused-acceptance', 'warning', 4, 2]]);
        assert.equal(diagnostics[0].message, '`accept spof from pangyo` on talk matches nothing: talk has no spof finding caused by pangyo (any more). Remove it.');
    });

    it('an element with a syntax error reports no `unused-acceptance` (its findings are not computed)', async () => {
        const { findings } = await checked('site a\nservice s { runs on a (\n accept spof "r" }\n');
        assert.deepEqual(findings.map(f => f.code), []);
    });
});
