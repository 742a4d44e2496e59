// Evaluates a pack's rules over one unit's model: `deny` and `warn` of every applicable rule,
// each under its own budget and guard, so a broken or looping rule costs one diagnostic.
import { createHash, hash } from 'node:crypto';
import type { Model, ModelValue, SourceMapNode, SourceRange } from '../iac/model';
import { EvaluationSession, fromJS, ReadLog, toJS, trackedInput, type RegoValue } from '../rego';
import { convertReusing, modelChange, readsAffected, type EvaluationRecord, type ModelChange, type RuleRecord } from './incremental';
import { evaluateAdapted, type DocumentsOf } from './adapters';
import { isUnknownValue, placeOnResource, resourceIndex, valueAt, type Placement } from './placement';
import type { ExternalRule, Finding, FixOperation, PeerIds, PolicyDiagnostic, RelatedLocation, RuleMetadata, RulePack, RuleSeverity } from './types';

export interface EvaluateOptions {
  sourceMaps: Map<string, SourceMapNode>;
  /** Per rule document (`deny`, `warn`). Defaults: 2,000,000 steps, 2 s. */
  budget?: { maxSteps?: number; maxMillis?: number };
  isCancelled?: () => boolean;
  /** Rules to run (config: enabled); default all. */
  enabled?: (rule: RuleMetadata) => boolean;
  /** Effective severity (config overrides); default the rule's own. */
  severityOf?: (rule: RuleMetadata) => RuleSeverity;
  /** Awaited between rules by `evaluatePack` so a cancellation can land (e.g. `setImmediate`). */
  pause?: () => Promise<void>;
  /** The unit's documents for rules of packs with another input shape (policy/adapters.ts); without it those rules do not run. */
  documents?: DocumentsOf;
  /** Keep what each Rego rule read and returned (`EvaluationResult.record`), for `reuse` later. */
  record?: boolean;
  /** A recorded evaluation of an earlier version of this unit: rules the change cannot affect are not run again (incremental.ts). */
  reuse?: EvaluationRecord;
  /** Fix verification: checked with each finding once its rule has run; true stops the run (`stopped`), the verdict being known. */
  stopWhen?: (finding: Finding, placement: Placement | undefined) => boolean;
  /**
   * Told of each finding the unknown safety net withholds (its path points at a wholly unknown
   * value and the rule does not declare `allow_unknown`): a survey of the pack asks for them
   * (test/policy/unknown-net.test.ts), as a finding placed on the wrong attribute goes silent here.
   */
  onWithheld?: (withheld: WithheldFinding) => void;
}

/** A finding the unknown safety net dropped. */
export interface WithheldFinding {
  ruleId: string;
  resource: string;
  path: (string | number)[];
  message: string;
}

export interface EvaluationResult {
  findings: Finding[];
  diagnostics: PolicyDiagnostic[];
  cancelled: boolean;
  /** Finding placement needs the chain of source-map nodes (suppressions); keyed by fingerprint. */
  placements: Map<string, Placement>;
  /** With `record`: what each Rego rule read and returned. */
  record?: EvaluationRecord;
  /** `stopWhen` answered true: the remaining rules did not run. */
  stopped?: boolean;
}

export const DEFAULT_RULE_BUDGET = { maxSteps: 2_000_000, maxMillis: 2_000 };

/** Asynchronous: pauses between rules when `options.pause` is given. */
export async function evaluatePack(pack: RulePack, model: Model, options: EvaluateOptions): Promise<EvaluationResult> {
  const run = new PackRun(pack, model, options);
  for (const rule of run.applicableRules()) {
    if (options.pause) await options.pause();
    if (!run.runRule(rule) || run.stopRequested()) break;
  }
  return run.result();
}

/** Synchronous variant (tests, batch callers that need no cancellation point). */
export function evaluatePackSync(pack: RulePack, model: Model, options: EvaluateOptions): EvaluationResult {
  const run = new PackRun(pack, model, options);
  for (const rule of run.applicableRules()) if (!run.runRule(rule) || run.stopRequested()) break;
  return run.result();
}

/**
 * The resource types a module call counts as: `module:<source>` with the registry host dropped,
 * plus, for terraform-aws-modules, the registry form of a GitHub source and the module itself for a
 * `//modules/<sub>` path. policies/lib/modules.rego judges those calls as the registry module
 * (opaque_calls), so a rule naming `module:terraform-aws-modules/<name>/aws` must also run on units
 * whose only calls are git-sourced or submodule calls.
 */
export function moduleTypes(source: string): string[] {
  const plain = source.replace(/^registry\.terraform\.io\//, '');
  const types = [`module:${plain}`];
  const git = /github\.com[/:]terraform-aws-modules\/terraform-aws-([a-z0-9-]+?)(?:\.git)?(\/\/[^?]*)?(?:\?.*)?$/.exec(plain);
  const registry = /^(terraform-aws-modules\/[a-z0-9-]+\/aws)(\/\/[^?]*)?$/.exec(plain);
  const root = git ? `terraform-aws-modules/${git[1]}/aws` : registry?.[1];
  const sub = git ? git[2] : registry?.[2];
  if (root) {
    types.push(`module:${root}`);
    if (sub) types.push(`module:${root}${sub}`);
  }
  return types;
}

/** Whether a rule applies to a unit: its formats and resource types (empty lists match all). */
export function ruleApplies(rule: RuleMetadata, model: Model, typesInUnit: Set<string>): boolean {
  if (rule.formats.length > 0 && !rule.formats.includes(model.format)) return false;
  const types = rule.resourceTypes;
  if (types.length === 0) return true;
  // Indexed loop, no closure: this runs for every rule of the pack on every unit and re-scan.
  for (let i = 0; i < types.length; i++) if (typesInUnit.has(types[i])) return true;
  return false;
}

/**
 * SHA-256 of a short string, hex. Every finding of every scan and fix re-scan is fingerprinted:
 * the one-shot `crypto.hash` (Node 20.12+) costs about a quarter of a `createHash` object.
 */
const sha256Hex: (text: string) => string =
  typeof hash === 'function' ? (text) => hash('sha256', text, 'hex') : (text) => createHash('sha256').update(text).digest('hex');

export function fingerprintOf(ruleId: string, resource: string, path: readonly unknown[], extra = ''): string {
  return sha256Hex(`${ruleId}\u0000${resource}\u0000${JSON.stringify(path)}\u0000${extra}`).slice(0, 16);
}

class PackRun {
  private readonly findings: Finding[] = [];
  private readonly diagnostics: PolicyDiagnostic[] = [];
  private readonly placements = new Map<string, Placement>();
  private cancelled = false;
  private stopped = false;
  /** Findings already shown to `stopWhen`. */
  private checked = 0;
  /** One session per unit: library rules and functions evaluated for one rule are reused by the next. */
  private session: EvaluationSession | undefined;
  private readonly index;
  /** With `options.record`: reads of the tracked input, and the record being built. */
  private readonly reads?: ReadLog;
  private readonly record?: EvaluationRecord;
  private readonly change?: ModelChange;

  constructor(
    private readonly pack: RulePack,
    private readonly model: Model,
    private readonly options: EvaluateOptions,
  ) {
    this.index = resourceIndex(model);
    if (options.record) {
      this.reads = new ReadLog();
      this.record = { model, rules: new Map() };
    }
    if (options.reuse) this.change = modelChange(options.reuse.model, model);
  }

  applicableRules(): RuleMetadata[] {
    if (!this.pack.policy && !this.pack.external?.size) return [];
    const types = new Set<string>([...this.model.resources, ...(this.model.data ?? [])].map((r) => r.type));
    // Module calls count as `module:<source>` (see moduleTypes), so rules that read the arguments
    // of opaque registry modules (policies/lib/modules.rego) can name them in resource_types.
    for (const m of this.model.modules ?? []) if (typeof m.source === 'string') for (const t of moduleTypes(m.source)) types.add(t);
    // Provider blocks count as `provider:<name>`, so a rule about provider configuration (static
    // keys in `provider "aws"`) runs only on units that configure that provider.
    for (const p of this.model.providers ?? []) types.add(`provider:${p.name}`);
    const enabled = this.options.enabled ?? (() => true);
    return this.pack.rules.filter((r) => enabled(r) && ruleApplies(r, this.model, types));
  }

  /** Returns false when the run was cancelled. */
  runRule(rule: RuleMetadata): boolean {
    if (this.options.isCancelled?.()) return this.cancel();
    const external = this.pack.external?.get(rule.id);
    if (external?.input === 'conftest' || external?.input === 'raw') return this.runAdapted(rule, external, external.input);
    if (external) return this.runExternal(rule, external);
    const earlier = this.options.reuse?.rules.get(rule.id);
    if (earlier && this.change && !readsAffected(earlier.reads, this.change)) return this.replay(rule, earlier);
    // Input converted once per unit, lazily: a unit no rule applies to costs nothing.
    this.session ??= new EvaluationSession(this.pack.policy!, {
      input: this.reads ? trackedInput(this.convertedInput(), this.reads) : this.convertedInput(),
      budget: { ...DEFAULT_RULE_BUDGET, ...this.options.budget },
      isCancelled: this.options.isCancelled,
      reads: this.reads,
    });
    const frame = this.reads?.begin();
    const outputs: RuleRecord['outputs'] = {};
    let clean = true;
    try {
      clean = this.evaluateRule(rule, outputs);
    } finally {
      const reads = frame === undefined ? undefined : this.reads!.end(frame);
      if (reads && clean) this.record!.rules.set(rule.id, { reads, outputs });
    }
    return clean || !this.cancelled;
  }

  /** The model as a Rego value: an edited model reuses the recorded conversion's unchanged parts; a recording keeps it. */
  private convertedInput(): RegoValue {
    const reuse = this.options.reuse;
    const input = reuse?.input !== undefined && this.change ? convertReusing(reuse, this.change, this.model) : fromJS(this.model);
    if (this.record) this.record.input = input;
    return input;
  }

  /** A rule whose reads the change does not touch: its earlier output, placed on this unit. */
  private replay(rule: RuleMetadata, earlier: RuleRecord): boolean {
    for (const kind of ['deny', 'warn'] as const) for (const item of earlier.outputs[kind] ?? []) this.addFinding(rule, kind, item);
    this.record?.rules.set(rule.id, earlier);
    return true;
  }

  /** Runs `deny` and `warn`; false when a document failed (then nothing is recorded) or the run was cancelled. */
  private evaluateRule(rule: RuleMetadata, outputs: RuleRecord['outputs']): boolean {
    let clean = true;
    for (const kind of ['deny', 'warn'] as const) {
      // Each document gets a fresh budget; the memoised library values carry over.
      const { value, errors } = this.session!.evalRule(`data.${rule.packagePath}.${kind}`);
      if (errors.length > 0) {
        const e = errors[0];
        if (e.code === 'eval_cancel_error' && this.options.isCancelled?.()) return this.cancel();
        const budget = e.code === 'eval_cancel_error';
        // (A failed rule is not recorded, so a re-evaluation runs it again.)
        this.diagnostics.push({
          code: budget ? 'rule-budget' : 'rule-error',
          severity: 'warning',
          message: `${rule.id} (${rule.packagePath}.${kind}) ${budget ? 'was stopped' : 'failed'}: ${e.message}; its findings are missing for this unit`,
          file: e.file ?? rule.file,
          start: e.loc?.start,
          end: e.loc?.end,
          ruleId: rule.id,
        });
        return false; // skip this rule's other document; the remaining rules still run
      }
      if (value === undefined) continue;
      const items = toJS(value);
      if (!Array.isArray(items)) {
        this.diagnostics.push({ code: 'rule-error', severity: 'warning', message: `${rule.id}: ${kind} must be a set of findings`, file: rule.file, ruleId: rule.id });
        clean = false;
        continue;
      }
      outputs[kind] = items;
      for (const item of items) this.addFinding(rule, kind, item);
    }
    return clean;
  }

  /** A rule outside the Rego engine (a wasm entrypoint) gets the model as its input. */
  private runExternal(rule: RuleMetadata, external: ExternalRule): boolean {
    for (const kind of ['deny', 'warn'] as const) {
      const { value, error } = external.evaluate(kind, this.model);
      if (error !== undefined) {
        this.diagnostics.push({ code: 'rule-error', severity: 'warning', message: `${rule.id} (${kind}) failed: ${error}; its findings are missing for this unit`, file: rule.file, ruleId: rule.id });
        return true;
      }
      if (value === undefined) continue;
      if (!Array.isArray(value)) {
        this.diagnostics.push({ code: 'rule-error', severity: 'warning', message: `${rule.id}: ${kind} must be a set of findings`, file: rule.file, ruleId: rule.id });
        continue;
      }
      for (const item of value) this.addFinding(rule, kind, item);
    }
    return true;
  }

  /** A rule of a pack with another input shape runs once per document of the unit (adapters.ts). */
  private runAdapted(rule: RuleMetadata, external: ExternalRule, shape: 'conftest' | 'raw'): boolean {
    const documents = this.options.documents?.(shape) ?? [];
    const severity = this.options.severityOf?.(rule) ?? rule.severity;
    const run = evaluateAdapted(rule, external, documents, { sourceMaps: this.options.sourceMaps, severity, fingerprint: fingerprintOf });
    this.findings.push(...run.findings);
    this.diagnostics.push(...run.diagnostics);
    return true;
  }

  /** Asks `stopWhen` about the findings added since the last call; true once it has answered true. */
  stopRequested(): boolean {
    const stopWhen = this.options.stopWhen;
    if (!stopWhen) return false;
    while (!this.stopped && this.checked < this.findings.length) {
      const finding = this.findings[this.checked++];
      this.stopped = stopWhen(finding, this.placements.get(finding.fingerprint));
    }
    return this.stopped;
  }

  /** Marks the run cancelled; returns false so the caller stops. */
  private cancel(): false {
    this.cancelled = true;
    return false;
  }

  result(): EvaluationResult {
    return { findings: this.findings, diagnostics: this.diagnostics, cancelled: this.cancelled, placements: this.placements, ...(this.record ? { record: this.record } : {}), ...(this.stopped ? { stopped: true } : {}) };
  }

  private addFinding(rule: RuleMetadata, kind: 'deny' | 'warn', raw: unknown): void {
    const severity = this.options.severityOf?.(rule) ?? rule.severity;
    if (typeof raw === 'string') {
      const file = this.model.files[0] ?? '';
      const fingerprint = fingerprintOf(rule.id, '', [], raw);
      this.findings.push({ ruleId: rule.id, severity, kind, message: raw, range: { file, start: 0, end: 0 }, fingerprint });
      return;
    }
    const f = isRecord(raw) ? raw : {};
    const message = typeof f.msg === 'string' ? f.msg : typeof f.message === 'string' ? f.message : undefined;
    const resource = typeof f.resource === 'string' ? f.resource : undefined;
    const path = Array.isArray(f.path) ? f.path.filter((s): s is string | number => typeof s === 'string' || typeof s === 'number') : [];
    if (message === undefined || resource === undefined) {
      this.diagnostics.push({ code: 'rule-result', severity: 'warning', message: `${rule.id} produced a finding without msg or resource: ${JSON.stringify(raw).slice(0, 200)}`, file: rule.file, ruleId: rule.id });
      return;
    }
    const placement = placeOnResource(this.options.sourceMaps, resource, path);
    if (!placement) {
      this.diagnostics.push({ code: 'rule-result', severity: 'warning', message: `${rule.id} reported on ${resource}, which is not in this unit: ${message}`, file: rule.file, ruleId: rule.id });
      return;
    }
    const config = this.index.get(resource)?.config;
    const value = config ? valueAt(config, path) : undefined;
    // Unknown safety net (docs/policy.md): a finding about a wholly unknown value is dropped.
    if (isUnknownValue(value) && !rule.allowUnknown) {
      this.options.onWithheld?.({ ruleId: rule.id, resource, path, message });
      return;
    }
    const fingerprint = fingerprintOf(rule.id, resource, path);
    const finding: Finding = { ruleId: rule.id, severity, kind, message, range: placement.range, resource, path, fingerprint };
    if (value !== undefined) finding.value = value as ModelValue;
    if (Array.isArray(f.fix)) finding.fix = f.fix.filter(isRecord) as FixOperation[];
    const related = Array.isArray(f.related) ? f.related.map((r) => this.relatedLocation(r)).filter((r): r is RelatedLocation => r !== undefined) : [];
    if (related.length > 0) finding.related = related;
    if (f.peers !== undefined) finding.peers = peerParts(f.peers);
    this.placements.set(fingerprint, placement);
    this.findings.push(finding);
  }

  private relatedLocation(raw: unknown): RelatedLocation | undefined {
    if (!isRecord(raw) || typeof raw.resource !== 'string') return undefined;
    const path = Array.isArray(raw.path) ? raw.path.filter((s): s is string | number => typeof s === 'string' || typeof s === 'number') : [];
    const placed = placeOnResource(this.options.sourceMaps, raw.resource, path);
    if (!placed) return undefined;
    const range: SourceRange = placed.range;
    return { message: typeof raw.msg === 'string' ? raw.msg : raw.resource, range, resource: raw.resource, path };
  }
}

/**
 * A finding's `peers` (`result.with_peers`: one object; `result.with_peer_parts`: a list), as
 * lower-cased id lists per tool, tfsec folded into trivy. Anything malformed names no id, so a
 * peer comment never silences more than the rule said.
 */
function peerParts(raw: unknown): PeerIds[] {
  const parts = Array.isArray(raw) ? raw : [raw];
  const ids = (v: unknown): string[] => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []).filter((s): s is string => typeof s === 'string').map((s) => s.toLowerCase());
  return parts.filter(isRecord).map((p) => {
    const part: PeerIds = {};
    if (p.checkov !== undefined) part.checkov = ids(p.checkov);
    if (p.trivy !== undefined || p.tfsec !== undefined) part.trivy = [...ids(p.trivy), ...ids(p.tfsec)];
    if (p.kics !== undefined) part.kics = ids(p.kics);
    return part;
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
