// The dashboard webview's pages, as strings (no VS Code API here, so they are unit-tested in node).
// The report itself is the `palisade report --format html` renderer; this adds the webview's
// locked-down Content-Security-Policy, a nonce, theme colours, a toolbar and the small script
// that turns clicks into messages for the extension (open a location, refresh).
import { formatHtml } from '../../server/src/shared/compliance-html';
import { esc } from '../../server/src/shared/compliance-svg';
import type { ComplianceReport } from '../../server/src/shared/compliance';

export interface PageContext {
  /** A fresh random value per render; the only way a style or script may run. */
  nonce: string;
  /** `webview.cspSource`: the origin of the webview's own resources. */
  cspSource: string;
}

/** Messages the page posts to the extension. */
export type DashboardMessage = { type: 'refresh' } | { type: 'open'; file: string; line: number };

/** No network, no frames, no plugins: nonce'd styles and script, data: images only. */
export function dashboardCsp(context: PageContext): string {
  return `default-src 'none'; img-src data:; style-src ${context.cspSource} 'nonce-${context.nonce}'; script-src 'nonce-${context.nonce}'`;
}

const THEME = `
body{color:var(--vscode-foreground);background:var(--vscode-editor-background);font-family:var(--vscode-font-family);max-width:none;margin:1rem 2rem}
.meta{color:var(--vscode-descriptionForeground)}
th{background:var(--vscode-editorWidget-background)}th,td{border-color:var(--vscode-panel-border,#8884)}
h2{border-bottom-color:var(--vscode-panel-border,#8884)}
.chart text{fill:var(--vscode-foreground)}svg.chart{max-width:100%;height:auto}
.warn{color:#212121}
a.location{color:var(--vscode-textLink-foreground)}
.toolbar{display:flex;gap:1rem;align-items:center}
button{color:var(--vscode-button-foreground);background:var(--vscode-button-background);border:none;padding:.3rem .9rem;cursor:pointer}
button:hover{background:var(--vscode-button-hoverBackground)}
`;

/** Clicks become messages; everything else stays in the extension. */
const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  const link = target.closest('a.location');
  if (link) {
    event.preventDefault();
    vscode.postMessage({ type: 'open', file: link.getAttribute('data-file'), line: Number(link.getAttribute('data-line')) });
    return;
  }
  if (target.closest('#refresh')) vscode.postMessage({ type: 'refresh' });
});
`;

export interface ReportView {
  report: ComplianceReport;
  folderName: string;
  durationMs: number;
  updatedAt: Date;
}

export function reportPage(view: ReportView, context: PageContext): string {
  const time = view.updatedAt.toLocaleTimeString();
  const toolbar = `<div class="toolbar"><button id="refresh" type="button">Refresh</button><span class="meta">Workspace folder <strong>${esc(view.folderName)}</strong> · computed in ${view.durationMs} ms at ${esc(time)} · refreshes when a Terraform file or .palisade.yaml is saved</span></div>`;
  return formatHtml(view.report, {
    contentSecurityPolicy: dashboardCsp(context),
    nonce: context.nonce,
    extraStyle: THEME,
    toolbarHtml: toolbar,
    linkLocations: true,
    script: SCRIPT,
  });
}

/** A page with a title and a line of text (while computing, or when the report failed). */
export function messagePage(title: string, text: string, context: PageContext, withRefresh = false): string {
  const button = withRefresh ? '<div class="toolbar"><button id="refresh" type="button">Refresh</button></div>' : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8"/>',
    `<meta http-equiv="Content-Security-Policy" content="${esc(dashboardCsp(context))}"/>`,
    '<title>Palisade compliance dashboard</title>',
    `<style nonce="${esc(context.nonce)}">${THEME}</style>`,
    '</head>',
    '<body>',
    `<h1>${esc(title)}</h1>`,
    `<p class="meta">${esc(text)}</p>`,
    button,
    `<script nonce="${esc(context.nonce)}">${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * A message from the page, checked: the page is ours, but whatever it sends is treated as input.
 * `file` must be a relative path inside the folder (no `..`, not absolute).
 */
export function parseDashboardMessage(message: unknown): DashboardMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as Record<string, unknown>;
  if (m.type === 'refresh') return { type: 'refresh' };
  if (m.type !== 'open' || typeof m.file !== 'string' || typeof m.line !== 'number') return undefined;
  const line = m.line;
  const segments = m.file.split('/');
  if (!Number.isInteger(line) || line < 1 || m.file === '' || m.file.startsWith('/') || /^[A-Za-z]:/.test(m.file) || m.file.includes('\\')) return undefined;
  if (segments.some((s) => s === '..' || s === '')) return undefined;
  return { type: 'open', file: m.file, line };
}
