// The evaluator's door: prepare a module set once, then evaluate queries or rules over many inputs.
// Nothing here throws on bad policies or inputs; problems come back as OPA-shaped errors.
import type { Module, RegoError } from '../syntax/ast';
import { lineIndex, type LineIndex } from '../syntax/line-index';
import { parseModule, parseQuery } from '../syntax';
import { compileModules, type CompiledModule, type RuleNode, type RuleOutline } from './compile';
import { BodyCompiler, Frame, Scope, type ModuleScope } from './compile-body';
import { builtinArity } from './compile';
import { EvalError, toRegoError } from './errors';
import { Evaluator, type Slots } from './evaluator';
import { evaluatorOptions } from './evaluator-options';
import type { Body, T } from './ir';
import type { RegoValue } from './values';
import type { ReadLog } from './reads';

export interface EvalOptions {
  input?: RegoValue;
  /** Base documents under `data`. */
  data?: RegoValue;
  strictBuiltinErrors?: boolean;
  /** Stops evaluation with an `eval_cancel_error` when exceeded. */
  budget?: { maxSteps?: number; maxMillis?: number };
  isCancelled?: () => boolean;
  print?: (msg: string) => void;
  nowNs?: bigint;
  /** Explicit opt-in: what `opa.runtime()` returns (refused when absent). */
  runtime?: RegoValue;
  /** Collects what each evaluation reads of an input made with `trackedInput` (incremental re-evaluation). */
  reads?: ReadLog;
}

export interface ModuleSource {
  file: string;
  text: string;
  regoVersion?: 'v0' | 'v1';
  /** `text` already parsed without errors with this `file` and `regoVersion`: not parsed again. */
  parsed?: Module;
  /** With `parsed`: its rules' outline, so that registering them does not read `parsed.rules`. */
  outline?: RuleOutline[];
}

export interface PrepareOptions {
  /**
   * Compile each rule when evaluation first needs it (see `CompileOptions.lazy`). Only for a module
   * set whose eager compilation is known to be clean: errors are then not reported here.
   */
  lazyCompile?: boolean;
}

/** A compiled module set; immutable, reusable across inputs and queries. */
export class PreparedPolicy {
  /** @internal */
  constructor(
    readonly root: RuleNode,
    readonly modules: readonly { file: string; module: Module }[],
    private readonly texts: Map<string, string>,
  ) {}

  /** Line indexes, built for the files an error is reported in. */
  private readonly lines = new Map<string, LineIndex>();

  /** @internal */
  rowCol(file: string | undefined, offset: number): { row: number; col: number } {
    const text = file !== undefined ? this.texts.get(file) : undefined;
    if (file === undefined || text === undefined) return { row: 0, col: 0 };
    let li = this.lines.get(file);
    if (!li) this.lines.set(file, (li = lineIndex(text)));
    return li.position(offset);
  }
}

export function prepare(modules: ModuleSource[], options: PrepareOptions = {}): { policy?: PreparedPolicy; errors: RegoError[] } {
  const errors: RegoError[] = [];
  const parsed: { file: string; module: Module }[] = [];
  const outlined: CompiledModule[] = [];
  const texts = new Map<string, string>();
  for (const m of modules) {
    texts.set(m.file, m.text);
    const r = m.parsed ? { module: m.parsed, errors: [] } : parseModule(m.text, { regoVersion: m.regoVersion ?? 'v1', file: m.file });
    for (const e of r.errors) errors.push({ ...e, file: e.file ?? m.file });
    if (r.module && r.errors.length === 0) {
      parsed.push({ file: m.file, module: r.module });
      outlined.push({ file: m.file, module: r.module, ...(m.parsed && m.outline ? { outline: m.outline } : {}) });
    }
  }
  if (errors.length > 0) return { errors };
  const { root, issues } = compileModules(outlined, { lazy: options.lazyCompile });
  const policy = new PreparedPolicy(root, parsed, texts);
  for (const i of issues) {
    const rc = policy.rowCol(i.file, i.loc.start);
    errors.push({ code: i.code ?? 'rego_compile_error', message: i.message, loc: i.loc, row: rc.row, col: rc.col, file: i.file });
  }
  if (errors.length > 0) return { errors };
  return { policy, errors };
}


/** Compiles a query against a policy (names resolve as in a module without a package). */
function compileQuery(policy: PreparedPolicy, body: import('../syntax/ast').Body): { body: Body; frame: Frame; vars: Map<string, number> } {
  const scope: ModuleScope = {
    file: '<query>',
    pkgPath: [],
    ruleNames: new Set(),
    imports: new Map(),
    functionArity: (path) => {
      const n = policy.root.find(path);
      const f = n?.funcs[0] ?? (n?.defaultRule?.args ? n.defaultRule : undefined);
      return f?.args?.length;
    },
    builtinArity,
    report: (message) => {
      throw new EvalError('rego_type_error', message);
    },
  };
  const frame = new Frame();
  const s = new Scope(frame);
  const compiled = new BodyCompiler(scope).body(body, s);
  return { body: compiled, frame, vars: s.vars };
}

export function evalQuery(policy: PreparedPolicy, query: string, options: EvalOptions = {}): { results: Record<string, RegoValue>[]; errors: RegoError[] } {
  const parsed = parseQuery(query);
  if (parsed.errors.length > 0 || !parsed.body) return { results: [], errors: parsed.errors };
  const results: Record<string, RegoValue>[] = [];
  try {
    const q = compileQuery(policy, parsed.body);
    const ev = new Evaluator(policy.root, evaluatorOptions(options));
    const env: Slots = new Array(q.frame.slots);
    const named = [...q.vars].filter(([name]) => !name.startsWith('__') && name !== '_');
    ev.evalBody(q.body, 0, env, () => {
      const r: Record<string, RegoValue> = {};
      for (const [name, slot] of named) {
        const v = env[slot];
        if (v !== undefined) r[name] = v;
      }
      results.push(r);
      return undefined;
    });
    return { results, errors: [] };
  } catch (e) {
    return { results: [], errors: [toRegoError(e, (f, o) => policy.rowCol(f, o))] };
  }
}

/** The value of a rule or any document under data (`data.x.deny`), with any errors. */
export function evalRuleWithErrors(policy: PreparedPolicy, path: string, options: EvalOptions = {}): { value?: RegoValue; errors: RegoError[] } {
  return new EvaluationSession(policy, options).evalRule(path);
}

/**
 * Several rules over one input with shared memoisation: rule values and function results computed
 * for one rule (a shared library, say) are reused by the next. Each call gets its own budget.
 */
export class EvaluationSession {
  private readonly ev: Evaluator;

  constructor(
    private readonly policy: PreparedPolicy,
    private readonly options: EvalOptions = {},
  ) {
    this.ev = new Evaluator(policy.root, evaluatorOptions(options));
  }

  evalRule(path: string): { value?: RegoValue; errors: RegoError[] } {
    const b = this.options.budget;
    this.ev.restartBudget(b?.maxSteps, b?.maxMillis !== undefined ? Date.now() + b.maxMillis : undefined);
    const terms = dataPathTerms(this.policy, path);
    try {
      let value: RegoValue | undefined;
      this.ev.docs.evalDataRef(terms, [], (v) => {
        value = v;
        return true;
      });
      return { value, errors: [] };
    } catch (e) {
      return { errors: [toRegoError(e, (f, o) => this.policy.rowCol(f, o))] };
    }
  }
}

/**
 * The constant terms of a rule's data path, made once per policy and path: the policy layer asks
 * for `data.<package>.deny` and `.warn` of every applicable rule on every unit. (IR terms are never modified.)
 */
const pathTermsByPolicy = new WeakMap<PreparedPolicy, Map<string, T[]>>();

function dataPathTerms(policy: PreparedPolicy, path: string): T[] {
  let byPath = pathTermsByPolicy.get(policy);
  if (!byPath) pathTermsByPolicy.set(policy, (byPath = new Map()));
  let terms = byPath.get(path);
  if (!terms) byPath.set(path, (terms = dataPath(path).map((p): T => ({ k: 'val', v: p }))));
  return terms;
}

function dataPath(path: string): string[] {
  const parts = path.split('.');
  if (parts[0] === 'data') parts.shift();
  return parts;
}

/** Fast path for the policy layer: the value of `data.<path>`, undefined when undefined or on error. */
export function evalRule(policy: PreparedPolicy, path: string, options: EvalOptions = {}): RegoValue | undefined {
  return evalRuleWithErrors(policy, path, options).value;
}

export { EvalError };
export { ruleOutlines, type RuleOutline } from './compile';
export { ReadLog, type Reads } from './reads';
export { explainRuleFailure } from './explain';
export type { FailureExplanation, ExplainedTerm } from './explain';
