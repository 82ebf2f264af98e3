/**
 * The preview webview's page: a strict Content-Security-Policy (scripts only with this
 * page's nonce, styles and images only from the extension, workers only from blob: — the
 * layout worker, see media/src/layout/elk-runner.ts — and nothing else), one stylesheet, one
 * script, and an empty #app that the script fills. No inline handlers, no inline styles.
 * Pure (no `vscode` import) so that the browser tests load exactly this page.
 */
export interface PreviewPage {
    /** `webview.cspSource` */
    cspSource: string;
    nonce: string;
    scriptUri: string;
    styleUri: string;
}

export function contentSecurityPolicy(page: Pick<PreviewPage, 'cspSource' | 'nonce'>): string {
    return [
        "default-src 'none'",
        `img-src ${page.cspSource} data:`,
        `style-src ${page.cspSource}`,
        `font-src ${page.cspSource}`,
        `script-src 'nonce-${page.nonce}'`,
        'worker-src blob:'
    ].join('; ');
}

const escapeAttr = (s: string): string =>
    s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function previewHtml(page: PreviewPage): string {
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy(page))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(page.styleUri)}">
<title>Topo preview</title>
</head>
<body>
<div id="app"></div>
<script nonce="${escapeAttr(page.nonce)}" src="${escapeAttr(page.scriptUri)}"></script>
</body>
</html>`;
}

/** A fresh nonce: 32 characters from [A-Za-z0-9]. */
export function makeNonce(random: (n: number) => Uint8Array): string {
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    return [...random(32)].map(b => chars[b % chars.length]).join('');
}
