// Code actions for rule findings: the fix layer's verified fixes as quick fixes, "Fix all Palisade
// problems in file" (source.fixAll.palisade, also run on save) and "Suppress <ID> with a reason".
// Diagnostics carry data {ruleId, fingerprint}; a request finds the finding again by fingerprint
// in the unit's current result, so nothing is stored per diagnostic. Fixes are computed on
// request (never on the keystroke path), cached per analysis result, and abandoned as soon as
// an open document changes or every request waiting for them was cancelled; verification yields
// to the event loop between candidates and rules, so a cancellation or an edit can land.
// Fix-all is computed at codeAction/resolve when the client can resolve.
import type { CancellationToken, CodeAction, CodeActionParams, Diagnostic, Disposable, WorkspaceEdit } from 'vscode-languageserver';
import type { FileHost } from '../iac/model';
import { fixAllInFile, fixesForFinding, type FixContext, type FixTextEdit, type VerifiedFix } from '../fix';
import { NO_REASON_RULE_ID, type Finding } from '../policy';
import { SUPPRESS_WITH_REASON_CLIENT_COMMAND, type SuppressionCommandArgs } from '../shared/messages';
import { absoluteIn, type UnitAnalysis, type UnitFindings } from './analysis';
import { LineIndex } from './line-index';
import { uriToPath } from './paths';
import { suppressionEdit, toWorkspaceEdit, type OffsetEdit } from './workspace-edits';

export const QUICK_FIX_KIND = 'quickfix';
export const FIX_ALL_KIND = 'source.fixAll.palisade';
/** Advertised kinds: `source.fixAll` too, so a request for every fix-all provider reaches ours. */
export const CODE_ACTION_KINDS = [QUICK_FIX_KIND, 'source.fixAll', FIX_ALL_KIND];
export const FIX_ALL_TITLE = 'Fix all Palisade problems in file';

/** What the client told us in `initialize`. */
export interface CodeActionClientSupport {
  /** workspace.workspaceEdit.documentChanges: send versioned TextDocumentEdits. */
  documentChanges: boolean;
  /** textDocument.codeAction.resolveSupport includes `edit`: fix-all's edit waits for resolve. */
  resolveEdits: boolean;
  /** The client prompts for a suppression's reason (initializationOptions.promptsForSuppressionReason). */
  promptsForReason: boolean;
}

export interface CodeActionEnv {
  /** The unit's analysis for the current text of `path` (waits for a pending run). */
  currentResult(path: string): Promise<UnitAnalysis | undefined>;
  /** Files as the analysis saw them: open buffers over disk. */
  host: FileHost;
  versionOf(path: string): number | undefined;
  /** Changes whenever any open document changes (a cheap staleness key). */
  documentsKey(): string;
}

interface SharedFixState {
  context: FixContext;
  /** The documents key the state was made for. */
  key: string;
  /** Verified fixes by fingerprint (pending or done). */
  fixes: Map<string, Promise<VerifiedFix[]>>;
  /** Finished verifications, kept when the state is replaced after an abandonment. */
  done: Map<string, VerifiedFix[]>;
  /** Requests waiting on this state's work, and verifications still running. */
  waiting: number;
  running: number;
  /** The last waiting request was cancelled while work ran: the work stops (nobody would see it). */
  abandoned: boolean;
}

/** Fresh starts after a change elsewhere stopped the verification, before a request gives up. */
const STALE_STATE_ATTEMPTS = 4;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Carried by the fix-all action between codeAction and codeAction/resolve. */
interface FixAllData {
  palisade: 'fixAll';
  uri: string;
}

export class CodeActionProvider {
  /** Fix state per analysis result; a new result starts afresh. */
  private readonly perResult = new WeakMap<UnitAnalysis, SharedFixState>();

  constructor(
    private readonly env: CodeActionEnv,
    private readonly client: CodeActionClientSupport,
  ) {}

  async provide(params: CodeActionParams, token?: CancellationToken): Promise<CodeAction[]> {
    const path = uriToPath(params.textDocument.uri);
    if (!path) return [];
    const result = await this.env.currentResult(path);
    const unit = result?.policy;
    if (!result || !unit || token?.isCancellationRequested) return [];
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const actions: CodeAction[] = [];

    if (wants(QUICK_FIX_KIND)) {
      for (const diagnostic of params.context.diagnostics) {
        const finding = findingFor(diagnostic, unit, path, this.env.host);
        if (!finding) continue;
        const fixes = await this.verifiedFixes(path, result, unit, finding, token);
        if (fixes === undefined) return [];
        for (const fix of fixes) actions.push(this.quickFix(fix, diagnostic, unit));
        // JSON has no comments: a Terraform JSON file gets no suppression comment (it would not parse).
        const suppress = finding.ruleId !== NO_REASON_RULE_ID ? this.suppressAction(params.textDocument.uri, path, finding, diagnostic) : undefined;
        if (suppress) actions.push(suppress);
      }
    }

    const fileFindings = unit.shown.filter((f) => f.ruleId !== NO_REASON_RULE_ID && absoluteIn(unit.root, f.range.file) === path);
    // Without resolve the edit is computed now: only when fix-all was asked for by kind or by hand,
    // never for the automatic lightbulb request that follows every cursor move.
    const explicit = only !== undefined || params.context.triggerKind === 1;
    if (fileFindings.length > 0 && only?.length !== 0 && wants(FIX_ALL_KIND) && (this.client.resolveEdits || explicit)) {
      const action: CodeAction = { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, data: { palisade: 'fixAll', uri: params.textDocument.uri } satisfies FixAllData };
      actions.push(this.client.resolveEdits ? action : await this.resolve(action, token));
    }
    return actions;
  }

  /** codeAction/resolve: computes fix-all's edit (quick fixes arrive with theirs). */
  async resolve(action: CodeAction, token?: CancellationToken): Promise<CodeAction> {
    const data = action.data as Partial<FixAllData> | undefined;
    if (data?.palisade !== 'fixAll' || typeof data.uri !== 'string') return action;
    const path = uriToPath(data.uri);
    if (!path) return action;
    // An edit to any open document (or one opened or closed) stops the verification; unless this
    // request was cancelled, start again from the then-current result rather than answer without
    // an edit, which VS Code would apply as nothing, silently.
    for (let attempt = 0; attempt < STALE_STATE_ATTEMPTS; attempt++) {
      const result = await this.env.currentResult(path);
      const unit = result?.policy;
      if (!result || !unit || token?.isCancellationRequested) return action;
      const findings = unit.shown.filter((f) => f.ruleId !== NO_REASON_RULE_ID && absoluteIn(unit.root, f.range.file) === path);
      if (findings.length === 0) return { ...action, edit: { changes: {} } };
      const shared = this.sharedFor(result, unit);
      const context = shared.context;
      const fixed = await this.forRequest(shared, token, this.running(shared, fixAllInFile(findings[0].range.file, findings, context)));
      if (fixed === undefined) return action;
      if (context.isCancelled?.()) continue;
      const count = fixed.fixed.length;
      return {
        ...action,
        title: count > 0 ? `${FIX_ALL_TITLE} (${count} of ${findings.length})` : action.title,
        edit: this.workspaceEdit(fixed.edits, unit),
      };
    }
    return action;
  }

  /**
   * A finding's verified fixes for one request; undefined once the request is cancelled or the
   * document's result is replaced. A state stopped by a change elsewhere is started afresh.
   */
  private async verifiedFixes(path: string, result: UnitAnalysis, unit: UnitFindings, finding: Finding, token?: CancellationToken): Promise<VerifiedFix[] | undefined> {
    for (let attempt = 0; attempt < STALE_STATE_ATTEMPTS; attempt++) {
      if (attempt > 0 && (await this.env.currentResult(path)) !== result) return undefined;
      const shared = this.sharedFor(result, unit);
      const fixes = await this.forRequest(shared, token, this.fixesFor(shared, finding));
      if (fixes === undefined || token?.isCancellationRequested) return undefined;
      if (!shared.context.isCancelled?.()) return fixes;
    }
    return undefined;
  }

  /** APPLY_SUPPRESSION_COMMAND: the suppression edit for where the finding is now, if it still is. */
  async suppressionFor(args: SuppressionCommandArgs): Promise<WorkspaceEdit | undefined> {
    const path = uriToPath(args.uri);
    if (!path) return undefined;
    const unit = (await this.env.currentResult(path))?.policy;
    const finding = unit?.shown.find((f) => f.fingerprint === args.fingerprint && absoluteIn(unit.root, f.range.file) === path);
    const text = this.env.host.readFile(path);
    if (!unit || !finding || text === undefined) return undefined;
    const edit = suppressionEdit(path, text, finding.range.start, finding.ruleId, args.reason);
    return edit && toWorkspaceEdit([edit], this.editTarget(), this.client.documentChanges);
  }

  private quickFix(fix: VerifiedFix, diagnostic: Diagnostic, unit: UnitFindings): CodeAction {
    return {
      title: fix.detail ? `${fix.title} — ${fix.detail}` : fix.title,
      kind: QUICK_FIX_KIND,
      diagnostics: [diagnostic],
      ...(fix.preferred ? { isPreferred: true } : {}),
      edit: this.workspaceEdit(fix.edits, unit),
    };
  }

  /** Undefined where no suppression can be written (JSON other than `.tf.json`, a body with a `"//"` already). */
  private suppressAction(uri: string, path: string, finding: Finding, diagnostic: Diagnostic): CodeAction | undefined {
    const base = { kind: QUICK_FIX_KIND, diagnostics: [diagnostic] };
    const text = this.env.host.readFile(path) ?? '';
    const edit = suppressionEdit(path, text, finding.range.start, finding.ruleId);
    if (!edit) return undefined;
    if (this.client.promptsForReason) {
      const args: SuppressionCommandArgs = { uri, ruleId: finding.ruleId, fingerprint: finding.fingerprint };
      const title = `Suppress ${finding.ruleId} with a reason…`;
      return { ...base, title, command: { title, command: SUPPRESS_WITH_REASON_CLIENT_COMMAND, arguments: [args] } };
    }
    // No prompt: the comment ends after the id and PAL-SUPPRESS-NO-REASON marks it until a reason is typed.
    return {
      ...base,
      title: `Suppress ${finding.ruleId} here (type the reason after the id)`,
      edit: toWorkspaceEdit([edit], this.editTarget(), this.client.documentChanges),
    };
  }

  /** Verified fixes for one finding, shared by every request against the same analysis result. */
  private fixesFor(shared: SharedFixState, finding: Finding): Promise<VerifiedFix[]> {
    const cached = shared.fixes.get(finding.fingerprint);
    if (cached) return cached;
    const pending = this.running(shared, fixesForFinding(finding, shared.context)).then(
      (fixes) => {
        if (!shared.context.isCancelled?.()) {
          shared.done.set(finding.fingerprint, fixes);
          return fixes;
        }
        shared.fixes.delete(finding.fingerprint);
        return [];
      },
      () => {
        shared.fixes.delete(finding.fingerprint);
        return [];
      },
    );
    shared.fixes.set(finding.fingerprint, pending);
    return pending;
  }

  /** Counts `work` as running on `shared` until it settles. */
  private running<T>(shared: SharedFixState, work: Promise<T>): Promise<T> {
    shared.running++;
    const settle = () => {
      shared.running--;
    };
    work.then(settle, settle);
    return work;
  }

  /**
   * Waits for shared `work` on behalf of one request: undefined as soon as its token is cancelled.
   * Several requests may wait on the same work (a cursor move cancels one and sends the next);
   * when the last one leaves cancelled while work is running, the work is abandoned.
   */
  private async forRequest<T>(shared: SharedFixState, token: CancellationToken | undefined, work: Promise<T>): Promise<T | undefined> {
    shared.waiting++;
    let listener: Disposable | undefined;
    const cancelled = new Promise<undefined>((resolve) => {
      if (token?.isCancellationRequested) resolve(undefined);
      listener = token?.onCancellationRequested(() => resolve(undefined));
    });
    try {
      const out = await Promise.race([work, cancelled]);
      return token?.isCancellationRequested ? undefined : out;
    } finally {
      listener?.dispose();
      shared.waiting--;
      if (token?.isCancellationRequested && shared.waiting === 0 && shared.running > 0) shared.abandoned = true;
    }
  }

  /**
   * One fix context per analysis result: the fix layer keeps the unit's parsed state per context
   * object, so every finding of the result reuses one front-end pass. An edit to any open document
   * stops its work, since the result it starts from may then be stale; so does the cancellation
   * of every request waiting for it (the next request starts over, keeping what was finished).
   */
  private sharedFor(result: UnitAnalysis, unit: UnitFindings): SharedFixState {
    let shared = this.perResult.get(result);
    // Stale but still the unit's current result (a document outside the unit changed), or abandoned.
    if (!shared || shared.context.isCancelled?.()) {
      const key = this.env.documentsKey();
      const kept = shared && shared.key === key ? shared.done : new Map<string, VerifiedFix[]>();
      let fresh: SharedFixState;
      const context = this.fixContext(unit, () => fresh.abandoned || this.env.documentsKey() !== key);
      fresh = { context, key, fixes: new Map(), done: kept, waiting: 0, running: 0, abandoned: false };
      for (const [fingerprint, fixes] of kept) fresh.fixes.set(fingerprint, Promise.resolve(fixes));
      shared = fresh;
      this.perResult.set(result, shared);
    }
    return shared;
  }

  private fixContext(unit: UnitFindings, isCancelled: () => boolean): FixContext {
    return {
      host: this.env.host,
      root: unit.root,
      dir: unit.dir,
      pack: unit.pack,
      config: unit.config,
      varFiles: unit.varFiles,
      unitFindings: unit.all,
      isCancelled,
      pause: nextTurn,
    };
  }

  private workspaceEdit(edits: FixTextEdit[], unit: UnitFindings): WorkspaceEdit {
    const offsetEdits: OffsetEdit[] = edits.map((e) => ({ path: absoluteIn(unit.root, e.file), start: e.start, end: e.end, newText: e.newText }));
    return toWorkspaceEdit(offsetEdits, this.editTarget(), this.client.documentChanges);
  }

  private editTarget() {
    return { textOf: (path: string) => this.env.host.readFile(path), versionOf: (path: string) => this.env.versionOf(path) };
  }
}

/**
 * The finding a diagnostic shows: by data.fingerprint, else (clients that drop `data`) by rule id
 * and range in the current text.
 */
function findingFor(diagnostic: Diagnostic, unit: UnitFindings, path: string, host: FileHost): Finding | undefined {
  if (diagnostic.source !== undefined && diagnostic.source !== 'palisade') return undefined;
  const inFile = unit.shown.filter((f) => absoluteIn(unit.root, f.range.file) === path);
  const data = diagnostic.data as { fingerprint?: unknown } | undefined;
  if (typeof data?.fingerprint === 'string') return inFile.find((f) => f.fingerprint === data.fingerprint);
  if (diagnostic.code === undefined) return undefined;
  const index = new LineIndex(host.readFile(path) ?? '');
  const same = (a: Diagnostic['range'], b: Diagnostic['range']) =>
    a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
  return inFile.find((f) => f.ruleId === String(diagnostic.code) && same(index.rangeOf(f.range.start, f.range.end), diagnostic.range));
}
