// When to analyse open .rego documents and where the results go. A change to any .rego file or
// lint config re-checks every open .rego document (compile errors and aggregate lint rules span
// files); bursts are coalesced into one run, and each result is published with the version it saw.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { FileHost } from '../iac/model';
import { runGuarded, type Logger } from './guard';
import { fileKind, pathToUri } from './paths';
import { isLintConfigPath, RegoAnalyzer } from './rego-analysis';
import type { RegoWorkspace } from './rego-workspace';

export interface RegoDiagnosticsOptions {
  host: FileHost;
  /** Open documents by absolute path (shared with the session, read at run time). */
  documents: ReadonlyMap<string, TextDocument>;
  /** Workspace folder holding a path, if any. */
  rootOf(path: string): string | undefined;
  send(params: PublishDiagnosticsParams): void;
  log: Logger;
  debounceMs: number;
  /** The Rego files and parses shared with navigation and completion. */
  workspace?: RegoWorkspace;
  /** Diagnostics other parts of the server hold for an open .rego file (e.g. its team pack's problems). */
  extra?: (path: string, text: string) => Diagnostic[];
}

export class RegoDiagnostics {
  private readonly analyzer: RegoAnalyzer;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Open paths whose diagnostics were published, so a close can clear them. */
  private readonly published = new Set<string>();

  constructor(private readonly options: RegoDiagnosticsOptions) {
    this.analyzer = new RegoAnalyzer(options.host, options.workspace);
  }

  get workspace(): RegoWorkspace {
    return this.analyzer.workspace;
  }

  /** Any file event: .rego files and lint configs re-check the open .rego documents. */
  fileTouched(path: string): void {
    this.analyzer.workspace.fileChanged(path);
    if (fileKind(path) !== 'rego' && !isLintConfigPath(path)) return;
    this.refresh();
  }

  /** Re-publishes every open .rego document (something besides the Rego files changed, e.g. packs). */
  refresh(): void {
    if (!this.hasOpenRego()) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      runGuarded(this.options.log, 'rego diagnostics', () => this.run());
    }, this.options.debounceMs);
  }

  closed(path: string): void {
    if (!this.published.delete(path)) return;
    this.options.send({ uri: pathToUri(path), diagnostics: [] });
  }

  private hasOpenRego(): boolean {
    for (const path of this.options.documents.keys()) if (fileKind(path) === 'rego') return true;
    return false;
  }

  private run(): void {
    const openRego = [...this.options.documents.keys()].filter((p) => fileKind(p) === 'rego');
    for (const path of openRego) {
      const doc = this.options.documents.get(path);
      if (!doc) continue;
      // Each document separately: one failure must not hide the others' diagnostics.
      runGuarded(this.options.log, `rego diagnostics for ${path}`, () => {
        const text = doc.getText();
        const diagnostics = [...this.analyzer.analyze({ path, text, root: this.options.rootOf(path), openRegoPaths: openRego }), ...(this.options.extra?.(path, text) ?? [])];
        // The run is synchronous, so the document cannot have moved on since it was read.
        this.options.send({ uri: doc.uri, version: doc.version, diagnostics });
        this.published.add(path);
      });
    }
  }
}
