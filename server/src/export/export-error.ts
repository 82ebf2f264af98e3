/** What an export cannot do with a model, in one line for the person who asked (the CLI exits 2 with it). */
export class ExportError extends Error {}
