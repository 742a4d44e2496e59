// Per-pack input adapters (docs/rule-packs.md "Input shapes"). A pack's rules read Palisade's model
// (the default), Conftest's input, or the raw parsed document. Packs with another shape than the
// model run as external rules: each holds the pack's own prepared policy and is evaluated once per
// document of the unit (a Terraform file as Conftest presents HCL, a YAML/JSON document), and its
// results are placed on the document, or on a resource the result names.
import { EvaluationSession, fromJS, toJS, type PreparedPolicy } from '../rego';
import type { SourceMapNode, SourceRange } from '../iac/model';
import { isRuleModule, packagePathOf, readRuleMetadata, ruleFromFields } from './metadata';
import { placeOnResource } from './placement';
import type { ExternalRule, Finding, PolicyDiagnostic, RuleMetadata, RuleSeverity } from './types';

export const INPUT_SHAPES = ['palisade', 'conftest', 'raw'] as const;
export type InputShape = (typeof INPUT_SHAPES)[number];
/** Shapes that are documents rather than the unit's model. */
export type DocumentShape = Exclude<InputShape, 'palisade'>;

export function isInputShape(v: unknown): v is InputShape {
  return typeof v === 'string' && (INPUT_SHAPES as readonly string[]).includes(v);
}

/** One input of a document-shaped rule: a Terraform file converted, or one YAML/JSON document. */
export interface AdapterDocument {
  /** Workspace-relative file, as the model's files. */
  file: string;
  /** Index of the document in its file (multi-document YAML). */
  index: number;
  input: unknown;
  /** Where file-level findings go: the document's first character. */
  start: number;
}

/** What a scan supplies for document-shaped rules: its documents in that shape. */
export type DocumentsOf = (shape: DocumentShape) => AdapterDocument[];

/** How a pack asked to run: its shape, and for rules without METADATA which packages count. */
export interface AdapterOptions {
  shape: DocumentShape;
  /** Packages whose `deny`/`violation`/`warn` rules run (Conftest's `--namespace`, default `main`); `all`: every package. */
  namespaces: string[] | 'all';
  /** Severity of `deny`/`violation` results of rules without METADATA (default high). */
  severity: RuleSeverity;
  /** Severity of `warn` results (default low). */
  warnSeverity: RuleSeverity;
  /** Each rule's max steps / milliseconds per document and rule document. */
  budget: { maxSteps: number; maxMillis: number };
}

const DOCUMENT_RULE = /^(deny|violation|warn)(_[A-Za-z0-9_]*)?$/;

/** Rule documents of a package, by Conftest's naming: `deny`, `violation`, `warn`, and `deny_*` etc. */
function documentRules(policy: PreparedPolicy): Map<string, { file: string; names: Set<string>; hasMetadata: boolean; module: (typeof policy.modules)[number]['module'] }> {
  const out = new Map<string, { file: string; names: Set<string>; hasMetadata: boolean; module: (typeof policy.modules)[number]['module'] }>();
  for (const { file, module } of policy.modules) {
    const pkg = packagePathOf(module);
    for (const rule of module.rules) {
      const head = rule.head.ref[0]?.value;
      if (rule.head.ref.length !== 1 || head?.type !== 'var' || !DOCUMENT_RULE.test(head.name)) continue;
      let entry = out.get(pkg);
      if (!entry) out.set(pkg, (entry = { file, names: new Set(), hasMetadata: false, module }));
      entry.names.add(head.name);
      if (isRuleModule(module)) {
        entry.hasMetadata = true;
        entry.file = file;
        entry.module = module;
      }
    }
  }
  return out;
}

/** Conftest-style detection: no METADATA rule, but `deny`/`violation`/`warn` rules in one of the namespaces. */
export function looksLikeConftest(policy: PreparedPolicy, namespaces: string[] | 'all'): boolean {
  const packages = documentRules(policy);
  if ([...packages.values()].some((p) => p.hasMetadata)) return false;
  return [...packages.keys()].some((pkg) => namespaces === 'all' || namespaces.includes(pkg));
}

/**
 * The rules of a document-shaped pack. Packages with METADATA are rules as usual; packages without
 * it in the namespaces get the id `<pack>/<package>` and the source's severities. `file` names a
 * pack file in the combined pack.
 */
export function adaptedRules(packName: string, policy: PreparedPolicy, options: AdapterOptions, file: (path: string) => string): { rules: RuleMetadata[]; external: Map<string, ExternalRule>; diagnostics: PolicyDiagnostic[] } {
  const rules: RuleMetadata[] = [];
  const external = new Map<string, ExternalRule>();
  const diagnostics: PolicyDiagnostic[] = [];
  for (const [pkg, entry] of documentRules(policy)) {
    let rule: RuleMetadata | undefined;
    if (entry.hasMetadata) {
      const read = readRuleMetadata(entry.module, entry.file);
      diagnostics.push(...read.diagnostics);
      rule = read.rule;
    } else if (options.namespaces === 'all' || options.namespaces.includes(pkg)) {
      const onlyWarns = [...entry.names].every((n) => n.startsWith('warn'));
      const fields = { title: `${pkg} (${packName})`, custom: { id: `${packName}/${pkg}`, severity: onlyWarns ? options.warnSeverity : options.severity } };
      rule = ruleFromFields(fields, pkg, entry.file, (message) => diagnostics.push({ code: 'pack-metadata', severity: 'error', message: `${packName}: ${pkg}: ${message}`, file: entry.file }));
    }
    if (!rule || external.has(rule.id)) continue;
    rule.file = file(rule.file);
    rules.push(rule);
    external.set(rule.id, new PolicyDocumentRule(policy, pkg, [...entry.names].sort(), options));
  }
  return { rules, external, diagnostics };
}

/** A package's `deny`/`violation`/`warn` rules evaluated on the pack's own policy over one document. */
class PolicyDocumentRule implements ExternalRule {
  readonly input: DocumentShape;
  readonly warnSeverity: RuleSeverity;
  private session?: { input: unknown; session: EvaluationSession };

  constructor(
    private readonly policy: PreparedPolicy,
    private readonly pkg: string,
    private readonly names: string[],
    private readonly options: AdapterOptions,
  ) {
    this.input = options.shape;
    this.warnSeverity = options.warnSeverity;
  }

  evaluate(kind: 'deny' | 'warn', input: unknown): { value?: unknown; error?: string } {
    // One session per document: `deny` and `warn` share the memoised helper rules.
    if (!this.session || this.session.input !== input) this.session = { input, session: new EvaluationSession(this.policy, { input: fromJS(input), budget: this.options.budget }) };
    const session = this.session.session;
    const results: unknown[] = [];
    for (const name of this.names) {
      if ((kind === 'warn') !== name.startsWith('warn')) continue;
      const { value, errors } = session.evalRule(`data.${this.pkg}.${name}`);
      if (errors.length > 0) return { error: `${this.pkg}.${name}: ${errors[0].message}` };
      if (value === undefined) continue;
      const js = toJS(value);
      // A set of results; a complete rule (`deny := "msg"`, `deny = true`) counts as one when it is a message.
      if (Array.isArray(js)) results.push(...js);
      else if (typeof js === 'string' || (typeof js === 'object' && js !== null)) results.push(js);
    }
    return { value: results };
  }
}

export interface AdaptedRun {
  findings: Finding[];
  diagnostics: PolicyDiagnostic[];
}

export interface AdaptedContext {
  sourceMaps: Map<string, SourceMapNode>;
  /** Effective severity of the rule's deny results (config overrides applied). */
  severity: RuleSeverity;
  fingerprint: (ruleId: string, resource: string, path: readonly unknown[], extra: string) => string;
}

/** Runs one document-shaped rule over every document of the unit. */
export function evaluateAdapted(rule: RuleMetadata, external: ExternalRule, documents: AdapterDocument[], context: AdaptedContext): AdaptedRun {
  const out: AdaptedRun = { findings: [], diagnostics: [] };
  for (const doc of documents) {
    for (const kind of ['deny', 'warn'] as const) {
      const { value, error } = external.evaluate(kind, doc.input);
      if (error !== undefined) {
        out.diagnostics.push({ code: 'rule-error', severity: 'warning', message: `${rule.id} (${kind}) failed on ${doc.file}: ${error}; its findings are missing for this file`, file: rule.file, ruleId: rule.id });
        break;
      }
      if (!Array.isArray(value)) continue;
      const severity = kind === 'deny' ? context.severity : (external.warnSeverity ?? 'low');
      for (const raw of value) {
        const finding = documentFinding(rule, kind, severity, raw, doc, context);
        if ('message' in finding) out.findings.push(finding);
        else out.diagnostics.push(finding.problem);
      }
    }
  }
  return out;
}

function documentFinding(rule: RuleMetadata, kind: 'deny' | 'warn', severity: RuleSeverity, raw: unknown, doc: AdapterDocument, context: AdaptedContext): Finding | { problem: PolicyDiagnostic } {
  const record = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
  const message = typeof raw === 'string' ? raw : typeof record?.msg === 'string' ? record.msg : typeof record?.message === 'string' ? record.message : undefined;
  if (message === undefined) return { problem: { code: 'rule-result', severity: 'warning', message: `${rule.id} produced a result without msg: ${JSON.stringify(raw).slice(0, 200)}`, file: rule.file, ruleId: rule.id } };
  const named = typeof record?.resource === 'string' ? record.resource : undefined;
  const resource = named !== undefined && context.sourceMaps.has(named) ? named : addressIn(message, context.sourceMaps, doc.file);
  const placed = resource !== undefined ? placeOnResource(context.sourceMaps, resource, []) : undefined;
  // On the resource's header (the placement of an empty path), else at the document's start.
  const range: SourceRange = placed ? placed.range : { file: doc.file, start: doc.start, end: doc.start };
  const fingerprint = context.fingerprint(rule.id, resource ?? '', [], `${doc.file}#${doc.index}\u0000${message}`);
  const finding: Finding = { ruleId: rule.id, severity, kind, message, range, fingerprint };
  if (resource !== undefined && placed) {
    finding.resource = resource;
    finding.path = [];
  }
  return finding;
}

/** The longest resource address (`aws_s3_bucket.logs`, `module.m.aws_x.y`) the message names, preferring the document's file. */
function addressIn(message: string, sourceMaps: Map<string, SourceMapNode>, file: string): string | undefined {
  let best: string | undefined;
  let bestInFile = false;
  for (const [address, node] of sourceMaps) {
    if (!address.includes('.') || !containsWord(message, address)) continue;
    const inFile = node.range.file === file;
    if (best === undefined || (inFile && !bestInFile) || (inFile === bestInFile && address.length > best.length)) {
      best = address;
      bestInFile = inFile;
    }
  }
  return best;
}

function containsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1];
    const after = text[at + word.length];
    if ((before === undefined || !/[A-Za-z0-9_.]/.test(before)) && (after === undefined || !/[A-Za-z0-9_]/.test(after))) return true;
  }
  return false;
}
