/**
 * Every code of the language's own errors, in one table: an example message for the docs (the
 * "Language errors" table of docs/language.md and the JSON Schema's list are generated from it by
 * `npm run generate`). The validator and the CLI name codes through `LanguageErrorCode`, so a
 * code that is not here does not compile.
 */

export interface LanguageErrorInfo {
    /** an example of its message, as the docs show it */
    readonly example: string;
}

export const LANGUAGE_ERRORS = {
    'syntax': {
        example: "one line: what was expected, after what, and what was found, e.g. ``Expected a failure domain's name after `runs on`, found the keyword `service`.``; one typo does not hide the rest of the file's diagnostics"
    },
    'unresolved-reference': {
        example: '`` `seoul` is declared in sites/korea.topo, which this file does not import: add `import "sites/korea.topo"`. ``'
    },
    'wrong-kind': { example: '`` `runs on` expects a failure domain (region, site or infra), but `auth` is a service. ``' },
    'duplicate-name': { example: '`` Duplicate name `a`: already declared on line 1. Names are unique across the model. ``' },
    'keyword-name': { example: '`` `low` is a keyword and cannot be used as a name; choose another, such as `low-site`. ``' },
    'bad-value': { example: '`` Bad availability: `101%` is above 100%: write a percentage between 0% and 100%, like 99.95%. ``' },
    'statement-not-allowed': { example: '`` `quorum` is not allowed in a site. ``' },
    'statement-repeated': { example: '`` `tier` is given twice in s; keep one. ``' },
    'containment-cycle': { example: '`` `r` is contained in itself through `in`; containment cannot loop. ``' },
    'import-order': { example: '`` An `import` must come before the file\'s first element. ``' },
    'missing-import': { example: '`` Cannot import "gone.topo": gone.topo does not exist. ``' },
    'unreadable-file': {
        example: '`` This file is a binary file, not a .topo model, so it was not checked; if it is not a model, give it a name that does not end in .topo. `` (on line 1 of the file)'
    },
    'missing-reason': {
        example: '`` `accept spof` needs a reason in quotes, such as `accept spof "Second site with the Ansan build-out, INFRA-1234"`: whoever reads the model later must know why the risk was accepted. ``'
    },
    'bad-drill': {
        example: '`` `expect talk down` needs a limit: `expect talk down at most 30m` (to say it must stay up, `expect talk up`). ``'
    },
    'unknown-finding-code': {
        example: '`` `spf` is not a finding code that can be accepted; did you mean `spof`? The codes are listed in docs/findings/. ``'
    }
} as const satisfies Record<string, LanguageErrorInfo>;

export type LanguageErrorCode = keyof typeof LANGUAGE_ERRORS;

export const LANGUAGE_ERROR_CODES = Object.keys(LANGUAGE_ERRORS) as LanguageErrorCode[];
