// The language server's state and behaviour, independent of the transport: open documents,
// the overlay host, the scheduler, settings and publishing. server.ts only wires LSP events here.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type FileEvent,
  type Hover,
  type HoverParams,
  type PublishDiagnosticsParams,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { FileHost } from '../iac/model';
import { SETTINGS_SECTION, type PalisadeInitializationOptions } from '../shared/settings';
import type { AnalysisDone, ComplianceReportParams, ComplianceReportResult, ServerInfo, SuppressionCommandArgs } from '../shared/messages';
import { complianceReport } from './compliance';
import type { FolderPacks, PackStatusResult } from '../shared/packs-messages';
import { packLocations, problemsInFile } from './pack-statuses';
import { CodeActionProvider, type CodeActionClientSupport } from './code-actions';
import type { UnitAnalysis } from './analysis';
import { documentDiagnostics, PolicySupport } from './policy-support';
import { isDocumentFile } from '../iac/documents';
import { withFindingHover } from './finding-hover';
import { WorkspaceFolders } from './folders';
import type { Logger } from './guard';
import { hoverFor } from './hover';
import { LineIndex } from './line-index';
import { OverlayHost, type BufferSource } from './overlay-host';
import { dirOf, fileKind, isInside, joinPath, pathToUri, uriToPath } from './paths';
import { DiagnosticsPublisher } from './publisher';
import { AnalysisScheduler, type RunTiming } from './scheduler';
import { SettingsStore, type ConfigurationPull } from './settings';
import { parseTerraform } from '../iac/terraform/index';
import { RegoDiagnostics } from './rego-diagnostics';
import { RegoFeatures } from './rego-features';
import { IacModelStore } from './iac-model-summary';

export interface SessionOptions {
  disk: FileHost;
  log: Logger;
  sendDiagnostics(params: PublishDiagnosticsParams): void;
  sendAnalysisDone?(params: AnalysisDone): void;
  /** Undefined when the client cannot answer workspace/configuration. */
  pullConfiguration?: ConfigurationPull;
  /** True when the client will report disk changes (so disk reads may be cached). */
  fileEventsReported: boolean;
  initializationOptions?: PalisadeInitializationOptions;
  /** What the client can do with code actions (defaults: plain edits, no resolve, no prompt). */
  codeActionSupport?: CodeActionClientSupport;
}

/** A lone edit is analysed at once; bursts of changes are coalesced by the scheduler. */
const DEFAULT_DEBOUNCE_MS = 0;
/** YAML/JSON files checked by Conftest/raw packs: one run per pause in typing. */
const DOCUMENT_DEBOUNCE_MS = 150;

interface Prepared {
  root: string;
  varFiles: string[];
  packs?: unknown;
}

export class Session implements BufferSource {
  readonly folders = new WorkspaceFolders();
  readonly trusted: boolean;
  private readonly openDocs = new Map<string, TextDocument>();
  /** The `palisade.packs` setting last read per workspace folder (team packs it adds). */
  private readonly packSettings = new Map<string, unknown>();
  /** The folders' packs as last compiled; open pack files read their problems from it on every Rego run. */
  private folderPacksCache: FolderPacks[] | undefined;
  private readonly host: OverlayHost;
  private readonly publisher: DiagnosticsPublisher;
  private readonly scheduler: AnalysisScheduler;
  private readonly settings: SettingsStore;
  private evaluated = false;
  private readonly policy: PolicySupport;
  private readonly rego: RegoDiagnostics;
  /** Rego authoring requests (formatting, hover, navigation, completion) on .rego documents. */
  readonly regoFeatures: RegoFeatures;
  private readonly codeActionProvider: CodeActionProvider;
  /** The latest model of each analysed Terraform unit, summarised for Rego completion. */
  private readonly iacModels = new IacModelStore();

  constructor(private readonly options: SessionOptions) {
    const init = options.initializationOptions ?? {};
    this.trusted = init.workspaceTrusted !== false;
    this.host = new OverlayHost(options.disk, this);
    this.host.cacheDisk = options.fileEventsReported;
    this.settings = new SettingsStore(options.pullConfiguration, options.log);
    this.policy = new PolicySupport(options.log, undefined, { trusted: this.trusted });
    this.publisher = new DiagnosticsPublisher(options.sendDiagnostics, {
      textOf: (path) => this.host.readFile(path),
      versionOf: (path) => this.openDocs.get(path)?.version,
    });
    const debounce = typeof init.debounceMs === 'number' && init.debounceMs >= 0 ? Math.min(init.debounceMs, 2000) : DEFAULT_DEBOUNCE_MS;
    this.rego = new RegoDiagnostics({
      host: this.host,
      documents: this.openDocs,
      rootOf: (path) => this.folders.folderOf(dirOf(path)),
      send: options.sendDiagnostics,
      log: options.log,
      debounceMs: debounce,
      extra: (path, text) => this.packProblemDiagnostics(path, text),
    });
    this.regoFeatures = new RegoFeatures({
      workspace: this.rego.workspace,
      textOf: (path) => this.host.readFile(path),
      rootOf: (path) => this.folders.folderOf(dirOf(path)),
      openPaths: () => this.openDocs.keys(),
      roots: () => this.folders.list(),
      iac: this.iacModels,
    });
    this.scheduler = new AnalysisScheduler(
      {
        prepare: (dir) => this.prepare(dir),
        analyze: (dir, prepared, isCancelled) => {
          const { root, varFiles, packs } = prepared as Prepared;
          return this.policy.analyze(this.host, { dir, root, varFiles, packs, isCancelled });
        },
        publish: (dir, result, timing) => this.publish(dir, result, timing),
        keepResult: (dir) => [...this.openDocs.keys()].some((path) => dirOf(path) === dir),
        log: options.log,
      },
      debounce,
    );
    this.codeActionProvider = new CodeActionProvider(
      {
        currentResult: (path) => this.currentResult(path),
        host: this.host,
        versionOf: (path) => this.openDocs.get(path)?.version,
        documentsKey: () => [...this.openDocs.values()].map((d) => `${d.uri}@${d.version}`).join('|'),
      },
      options.codeActionSupport ?? { documentChanges: false, resolveEdits: false, promptsForReason: false },
    );
  }

  // --- BufferSource (open editor buffers by absolute path) ---

  textOf(path: string): string | undefined {
    return this.openDocs.get(path)?.getText();
  }

  openPaths(): Iterable<string> {
    return this.openDocs.keys();
  }

  // --- document events ---

  /** didOpen and didChange alike: the buffer's new content overrides disk. */
  documentChanged(doc: TextDocument): void {
    const path = uriToPath(doc.uri);
    if (path === undefined) return this.checkUntitled(doc);
    this.openDocs.set(path, doc);
    this.fileTouched(path, true);
  }

  documentClosed(doc: TextDocument): void {
    const path = uriToPath(doc.uri);
    if (path === undefined) {
      this.options.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
      return;
    }
    this.openDocs.delete(path);
    this.rego.closed(path);
    this.regoFeatures.closed(path);
    // The buffer may differ from disk; re-read disk and re-run what used the buffer. The re-run
    // republishes (without a version), or clears the file if it exists only as the closed buffer.
    this.host.invalidate(path);
    this.fileTouched(path, false);
  }

  documentSaved(doc: TextDocument): void {
    const path = uriToPath(doc.uri);
    if (path) this.host.invalidate(path);
  }

  // --- workspace events ---

  watchedFilesChanged(changes: FileEvent[]): void {
    for (const change of changes) {
      const path = uriToPath(change.uri);
      if (!path) continue;
      this.host.invalidate(path);
      this.fileTouched(path, false);
    }
  }

  configurationChanged(pushed: unknown): void {
    const section = isRecord(pushed) ? pushed[SETTINGS_SECTION] : undefined;
    this.settings.changed(section);
    this.folderPacksCache = undefined;
    this.scheduler.touchAll();
  }

  // --- requests ---

  async hover(params: HoverParams, token?: CancellationToken): Promise<Hover | null> {
    if (this.regoFeatures.handles(params.textDocument.uri)) return this.regoFeatures.hover(params);
    const path = uriToPath(params.textDocument.uri);
    if (!path || fileKind(path) !== 'terraform') return null;
    const dir = dirOf(path);
    if (!this.scheduler.has(dir)) this.scheduler.touch(dir);
    const result = await this.scheduler.current(dir);
    if (!result || token?.isCancellationRequested) return null;
    const text = this.host.readFile(path);
    if (text === undefined) return null;
    const index = new LineIndex(text);
    const offset = index.offsetAt(params.position);
    const description = result.describeAt(path, offset);
    return withFindingHover(description ? hoverFor(description, index) : null, result.findingHover?.(path, offset), index);
  }

  codeActions(params: CodeActionParams, token?: CancellationToken): Promise<CodeAction[]> {
    return this.codeActionProvider.provide(params, token);
  }

  resolveCodeAction(action: CodeAction, token?: CancellationToken): Promise<CodeAction> {
    return this.codeActionProvider.resolve(action, token);
  }

  /** The edit APPLY_SUPPRESSION_COMMAND applies, or undefined when the finding is gone. */
  suppressionEdit(args: SuppressionCommandArgs): Promise<WorkspaceEdit | undefined> {
    return this.codeActionProvider.suppressionFor(args);
  }

  /** The extra variable files (absolute) applied to the Terraform module holding `path`. */
  async varFilesOf(path: string): Promise<string[]> {
    return (await this.prepare(dirOf(path))).varFiles;
  }

  /** The dashboard's compliance report of a workspace folder (lsp/compliance.ts). */
  complianceReport(params: ComplianceReportParams, version: string, token?: CancellationToken): Promise<ComplianceReportResult> {
    return complianceReport(params, {
      host: this.host,
      folderOf: (path) => this.folders.folderOf(path),
      rulePack: async (folder) => this.policy.folderRulePack(this.host, folder, (await this.prepare(folder)).packs),
      varFiles: async (folder) => (await this.prepare(folder)).varFiles,
      isCancelled: () => token?.isCancellationRequested === true,
      version,
    });
  }

  /** Every workspace folder's rule packs (built-in and team), for the Rule Packs view. */
  async packStatuses(): Promise<PackStatusResult> {
    const folders: FolderPacks[] = [];
    for (const folder of this.folders.list()) {
      const { packs } = await this.prepare(folder);
      folders.push(this.policy.folderPacks(this.host, folder, packs));
    }
    return { folders };
  }

  info(): ServerInfo {
    const mem = process.memoryUsage();
    return {
      rssBytes: mem.rss,
      heapUsedBytes: mem.heapUsed,
      units: this.scheduler.knownUnits().length,
      openDocuments: this.openDocs.size,
      evaluator: this.evaluated,
    };
  }

  // --- internals ---

  /** The packs of every folder, with the last `palisade.packs` setting seen for it (compiled packs are cached). */
  private folderPacksNow(): FolderPacks[] {
    return (this.folderPacksCache ??= this.folders.list().map((folder) => this.policy.folderPacks(this.host, folder, this.packSettings.get(folder))));
  }

  private inTeamPack(path: string): boolean {
    if (!this.trusted || (fileKind(path) !== 'rego' && !/(^|\/)(data\.(json|ya?ml)|\.manifest)$/.test(path))) return false;
    return packLocations(this.folderPacksNow()).some((location) => isInside(path, location));
  }

  /** A team pack's own problems (metadata, roots, data) on its open file; parse/compile errors the Rego editor reports itself. */
  private packProblemDiagnostics(path: string, text: string): Diagnostic[] {
    if (!this.trusted) return [];
    const problems = problemsInFile(this.folderPacksNow(), path);
    if (problems.length === 0) return [];
    const index = new LineIndex(text);
    const severity = { error: 1, warning: 2, info: 3 } as const;
    return problems.map((p) => ({
      range: index.rangeOf(Math.min(p.start ?? 0, text.length), Math.min(p.end ?? p.start ?? 0, text.length)),
      severity: severity[p.severity],
      code: p.code,
      source: 'palisade',
      message: p.message,
    }));
  }

  /** The current analysis of the Terraform unit holding `path` (starting one if the unit is new). */
  private currentResult(path: string): Promise<UnitAnalysis | undefined> {
    if (fileKind(path) !== 'terraform') return Promise.resolve(undefined);
    const dir = dirOf(path);
    if (!this.scheduler.has(dir)) this.scheduler.touch(dir);
    return this.scheduler.current(dir);
  }

  /** Re-runs every unit a changed file belongs to or was read by. */
  private fileTouched(path: string, isOpen: boolean): void {
    const kind = fileKind(path);
    this.rego.fileTouched(path);
    if (kind === 'palisade-config' || (!isOpen && this.inTeamPack(path))) {
      // Saving `.palisade.yaml`, or a file of a folder/git team pack (packs are read from disk, so
      // on disk events only, not on buffer edits), re-reads the team packs.
      this.policy.reloadPacks();
      this.folderPacksCache = undefined;
      this.rego.refresh();
      for (const open of this.openDocs.keys()) if (isDocumentFile(open) && fileKind(open) === 'other') this.documentTouched(open);
      return this.scheduler.touchAll();
    }
    if (kind === 'other' && isDocumentFile(path) && (isOpen || this.openDocs.has(path) || this.documentUnits.has(path))) this.documentTouched(path);
    if (kind !== 'terraform' && kind !== 'tfvars') {
      for (const dir of this.scheduler.unitsDependingOn(path)) this.scheduler.touch(dir);
      return;
    }
    const units = new Set(this.scheduler.unitsDependingOn(path));
    const dir = dirOf(path);
    // An open .tf file makes its directory a unit; other changes only refresh known units.
    if (this.scheduler.has(dir) || (isOpen && kind === 'terraform')) units.add(dir);
    for (const unit of units) this.scheduler.touch(unit);
  }

  /** Open YAML/JSON files: checked by Conftest/raw packs only (lsp/policy-support.ts documentDiagnostics), debounced. */
  private readonly documentUnits = new Map<string, ReturnType<typeof setTimeout> | undefined>();

  private documentTouched(path: string): void {
    const pending = this.documentUnits.get(path);
    if (pending) clearTimeout(pending);
    this.documentUnits.set(path, setTimeout(() => void this.checkDocument(path), DOCUMENT_DEBOUNCE_MS));
  }

  private async checkDocument(path: string): Promise<void> {
    this.documentUnits.set(path, undefined);
    try {
      const prepared = await this.prepare(dirOf(path));
      const open = this.openDocs.has(path);
      const diagnostics = open ? documentDiagnostics(this.policy, this.host, path, prepared.root, prepared.packs) : undefined;
      this.publisher.publishUnit(`documents:${path}`, [path], diagnostics ?? []);
      if (!open) this.documentUnits.delete(path);
    } catch (err) {
      this.options.log.error(`palisade: checking ${path} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private async prepare(dir: string): Promise<Prepared> {
    const folder = this.folders.folderOf(dir);
    const root = folder ?? dir;
    const settings = await this.settings.get(root, pathToUri(dir));
    if (JSON.stringify(this.packSettings.get(root)) !== JSON.stringify(settings.packs)) this.folderPacksCache = undefined;
    this.packSettings.set(root, settings.packs);
    return { root, varFiles: settings.terraform.varFiles.map((f) => joinPath(root, f)), packs: settings.packs };
  }

  private publish(dir: string, result: UnitAnalysis, timing: RunTiming): void {
    this.evaluated = result.evaluated;
    if (!result.cancelled) this.iacModels.update(dir, result.model);
    const files = new Set(result.files);
    for (const d of result.diagnostics) files.add(d.file);
    const count = this.publisher.publishUnit(dir, files, result.diagnostics);
    const round = (ms: number) => Math.round(ms * 100) / 100;
    this.options.sendAnalysisDone?.({
      unit: dir,
      durationMs: round(timing.analysisMs),
      sinceChangeMs: round(timing.sinceChangeMs),
      diagnostics: count,
    });
  }

  /** Untitled Terraform buffers have no module: report their syntax on their own. */
  private checkUntitled(doc: TextDocument): void {
    if (doc.languageId !== 'terraform') return;
    const text = doc.getText();
    const parsed = parseTerraform(text, doc.uri);
    const index = new LineIndex(text);
    this.options.sendDiagnostics({
      uri: doc.uri,
      version: doc.version,
      diagnostics: parsed.diagnostics.map((d) => ({
        range: index.rangeOf(d.start, d.end),
        severity: d.severity === 'warning' ? 2 : 1,
        code: 'hcl-syntax',
        source: 'palisade',
        message: d.message,
      })),
    });
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
