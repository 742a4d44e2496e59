// Rego unit tests for the editor's Test Explorer: discovery (`test_*` rules of `*_test.rego` files,
// open buffers included) and execution with the engine, one test at a time under a budget, with the
// failing expression and its terms' values for a failure. Same semantics as `palisade test`: a test
// passes when it is defined and not false; `todo_test_*` rules are listed and skipped.
import type { CancellationToken } from 'vscode-languageserver';
import { evalRuleWithErrors, explainRuleFailure, toJSONText, type Module, type RegoError, type RegoValue } from '../rego/index';
import type {
  RegoTermValue,
  RegoTestCase,
  RegoTestFile,
  RegoTestResult,
  RegoTestsParams,
  RegoTestsResult,
  RunRegoTestsParams,
  RunRegoTestsResult,
} from '../shared/messages';
import { LineIndex } from './line-index';
import { isInside, pathToUri, uriToPath } from './paths';
import type { RegoFeatureHost } from './rego-features';
import { ClosureCompiler, type CompiledClosure } from './rego-tests-compile';
import { dataProblemsMessage, type FolderData, type FolderDataDocuments } from './rego-tests-data';
import type { ParsedFile } from './rego-workspace';

export interface RegoTestHost extends RegoFeatureHost {
  /** The workspace folders (absolute paths). */
  roots(): readonly string[];
}

/** Per-test evaluation budget, as `palisade test --timeout` defaults. */
export const TEST_BUDGET_MS = 5000;

export function isTestFile(path: string): boolean {
  return path.toLowerCase().endsWith('_test.rego');
}

export class RegoTests {
  /** Per test file, its last parse that produced a module: a half-typed file keeps its tests listed. */
  private readonly lastGood = new Map<string, ParsedFile>();

  constructor(
    private readonly host: RegoTestHost,
    private readonly compiler: ClosureCompiler = new ClosureCompiler(host),
    /** The folder's data documents (as `palisade test <folder>` loads them); none without it. */
    private readonly dataDocuments?: FolderDataDocuments,
  ) {}

  discover(params: RegoTestsParams = {}): RegoTestsResult {
    const only = params.uri !== undefined ? uriToPath(params.uri) : undefined;
    const paths = only !== undefined ? (isTestFile(only) ? [only] : []) : this.testFiles();
    const files: RegoTestFile[] = [];
    for (const path of paths) {
      const file = this.discoverFile(path);
      if (file) files.push(file);
    }
    return { files };
  }

  async run(params: RunRegoTestsParams = {}, token?: CancellationToken): Promise<RunRegoTestsResult> {
    const results: RegoTestResult[] = [];
    // Loaded once per folder and run: a data document edited mid-run does not mix two versions.
    const dataByRoot = new Map<string, FolderData>();
    for (const { file, tests } of this.selected(params)) {
      const path = uriToPath(file.uri)!;
      const compiled = params.wholeFolder ? this.compiler.compileFolder(path) : this.compiler.compile(path);
      let data: FolderData | undefined;
      if (compiled && this.dataDocuments) {
        data = dataByRoot.get(compiled.root);
        if (!data) dataByRoot.set(compiled.root, (data = this.dataDocuments.load(compiled.root)));
      }
      for (const test of tests) {
        if (token?.isCancellationRequested) return { results };
        // Let other requests (a keystroke's diagnostics) in between tests.
        await new Promise((r) => setImmediate(r));
        results.push(runOne(file, test, compiled, data, token));
      }
    }
    return { results };
  }

  /** Every selected test errored with `message` (nothing is evaluated). */
  refused(params: RunRegoTestsParams, message: string): RegoTestResult[] {
    return this.selected(params).flatMap(({ file, tests }) =>
      tests.map((t) => ({ id: t.id, uri: file.uri, name: t.name, fullName: t.fullName, status: 'errored' as const, durationMs: 0, message })),
    );
  }

  private selected(params: RunRegoTestsParams): { file: RegoTestFile; tests: RegoTestCase[] }[] {
    const names = params.names && params.names.length > 0 ? new Set(params.names) : undefined;
    const out: { file: RegoTestFile; tests: RegoTestCase[] }[] = [];
    for (const file of this.discover({ uri: params.uri }).files) {
      if (params.package !== undefined && file.package !== params.package) continue;
      const tests = file.tests.filter((t) => !names || names.has(t.name) || names.has(t.fullName));
      if (tests.length > 0) out.push({ file, tests });
    }
    return out;
  }

  closed(path: string): void {
    this.lastGood.delete(path);
  }

  private testFiles(): string[] {
    const roots = this.host.roots();
    const out = new Set<string>();
    for (const root of roots) for (const p of this.host.workspace.filesUnder(root, this.host.openPaths())) if (isTestFile(p)) out.add(p);
    // Open test files outside every folder count too.
    for (const p of this.host.openPaths()) if (isTestFile(p) && !roots.some((r) => isInside(p, r))) out.add(p);
    return [...out].sort();
  }

  private discoverFile(path: string): RegoTestFile | undefined {
    const text = this.host.textOf(path);
    if (text === undefined) return undefined;
    const parsed = this.host.workspace.parse(path, text);
    if (parsed.module) this.lastGood.set(path, parsed);
    const source = parsed.module ? parsed : this.lastGood.get(path);
    const uri = pathToUri(path);
    const parseError = parsed.ok ? undefined : (parsed.errors[0]?.message ?? 'the file does not parse');
    if (!source?.module) return { uri, package: '', packageRange: zeroRange(), tests: [], parseError };
    const index = new LineIndex(source.text);
    const module = source.module;
    return {
      uri,
      package: source.pkg,
      packageRange: index.rangeOf(module.package.loc.start, module.package.loc.end),
      tests: testsOf(module, source.pkg, uri, index),
      ...(parseError ? { parseError } : {}),
    };
  }
}

/** The tests of a module in source order, one per name (the first definition's range). */
export function testsOf(module: Module, pkg: string, uri: string, index: LineIndex): RegoTestCase[] {
  const seen = new Set<string>();
  const out: RegoTestCase[] = [];
  for (const rule of module.rules) {
    const head = rule.head.ref[0];
    if (rule.head.ref.length !== 1 || head?.value.type !== 'var' || (rule.head.args?.length ?? 0) > 0) continue;
    const name = head.value.name;
    const skip = name.startsWith('todo_test_');
    if ((!skip && !name.startsWith('test_')) || seen.has(name)) continue;
    seen.add(name);
    const fullName = `${pkg}.${name}`;
    out.push({ id: `${uri}#${fullName}`, name, fullName, range: index.rangeOf(rule.loc.start, rule.loc.end), skip });
  }
  return out;
}

function runOne(file: RegoTestFile, test: RegoTestCase, compiled: CompiledClosure | undefined, data: FolderData | undefined, token?: CancellationToken): RegoTestResult {
  const base = { id: test.id, uri: file.uri, name: test.name, fullName: test.fullName };
  if (test.skip) return { ...base, status: 'skipped', durationMs: 0 };
  if (!compiled) return { ...base, status: 'errored', durationMs: 0, message: 'the file cannot be read' };
  if (!compiled.policy) {
    const e = compiled.errors[0];
    return { ...base, status: 'errored', durationMs: 0, message: e ? errorText(e) : 'the policy does not compile', location: errorLocation(e, compiled, file.uri, test) };
  }
  // As `palisade test`, a data document that does not load stops every test of the folder.
  if (data && data.problems.length > 0) {
    const first = data.problems[0];
    return { ...base, status: 'errored', durationMs: 0, message: dataProblemsMessage(data.problems), location: { uri: pathToUri(first.path), range: zeroRange() } };
  }
  const options = { data: data?.data, budget: { maxMillis: TEST_BUDGET_MS }, isCancelled: () => token?.isCancellationRequested === true };
  const t0 = performance.now();
  const r = evalRuleWithErrors(compiled.policy, test.fullName, options);
  const durationMs = performance.now() - t0;
  if (r.errors.length > 0) {
    const e = r.errors[0];
    return { ...base, status: 'errored', durationMs, message: errorText(e), location: errorLocation(e, compiled, file.uri, test) };
  }
  if (r.value !== undefined && r.value !== false) return { ...base, status: 'passed', durationMs };
  return { ...base, status: 'failed', durationMs, ...explainFailure(compiled, test, r.value, options) };
}

/** The failing expression of a failed test, its terms' values and, for a comparison, expected/actual. */
function explainFailure(
  compiled: CompiledClosure,
  test: RegoTestCase,
  value: RegoValue | undefined,
  options: { data?: RegoValue; budget: { maxMillis: number } },
): Pick<RegoTestResult, 'message' | 'location' | 'terms' | 'expected' | 'actual'> {
  const fallback = { message: `${test.name} is ${value === false ? 'false' : 'undefined'}`, location: { uri: pathToUri(compiled.doc.path), range: test.range } };
  const why = explainRuleFailure(compiled.policy!, test.fullName, options);
  const source = why && compiled.files.find((f) => f.path === why.file);
  if (!why?.expr || !source) return fallback;
  const index = new LineIndex(source.text);
  const exprText = source.text.slice(why.expr.start, why.expr.end);
  const terms: RegoTermValue[] = why.terms.map((t) => ({
    text: t.loc ? source.text.slice(t.loc.start, t.loc.end) : '?',
    ...(t.value !== undefined ? { value: toJSONText(t.value, { escapeHTML: false }) } : {}),
    ...(t.loc ? { range: index.rangeOf(t.loc.start, t.loc.end) } : {}),
  }));
  // Terms that are their own value (`1`, `"a"`) say nothing.
  const shown = terms.filter((t) => t.value === undefined || t.value !== t.text);
  const values = shown.map((t) => (t.value === undefined ? `\`${t.text}\` is undefined` : `\`${t.text}\` = ${t.value}`));
  const message = `\`${exprText.split('\n')[0]}\` failed${values.length > 0 ? `: ${values.join(', ')}` : ''}`;
  const out: Pick<RegoTestResult, 'message' | 'location' | 'terms' | 'expected' | 'actual'> = {
    message,
    location: { uri: pathToUri(source.path), range: index.rangeOf(why.expr.start, why.expr.end) },
    terms,
  };
  const [left, right] = why.terms;
  if (!why.negated && why.terms.length === 2 && left.loc && right.loc && /^={1,2}$/.test(source.text.slice(left.loc.end, right.loc.start).trim())) {
    // A diff only when both sides have a value (an undefined side is in the message).
    if (left.value !== undefined && right.value !== undefined) {
      out.expected = pretty(right.value);
      out.actual = pretty(left.value);
    }
  }
  return out;
}

function pretty(v: RegoValue | undefined): string | undefined {
  return v === undefined ? undefined : toJSONText(v, { indent: '  ', escapeHTML: false });
}

function errorText(e: RegoError): string {
  return `${e.code}: ${e.message}`;
}

function errorLocation(e: RegoError | undefined, compiled: CompiledClosure, uri: string, test: RegoTestCase): RegoTestResult['location'] {
  const source = e?.file !== undefined ? compiled.files.find((f) => f.path === e.file) : undefined;
  if (!e || !source || !e.loc) return { uri, range: test.range };
  const index = new LineIndex(source.text);
  return { uri: pathToUri(source.path), range: index.rangeOf(e.loc.start, e.loc.end) };
}

function zeroRange(): RegoTestFile['packageRange'] {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
