/** Bad usage or an unreadable file named on the command line: one line on stderr, exit 2. */
export class UsageError extends Error {}
