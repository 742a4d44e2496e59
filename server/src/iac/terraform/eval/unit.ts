// State shared by one analysis run: the host, diagnostics, parse cache, work budget, cancellation.
import type { FileHost, FrontEndDiagnostic, Severity } from '../../model';
import type { TerraformUnitOptions } from '../api';
import type { ParsedFile, Span } from '../ast';
import { parseTerraformFile } from '../json-config';
import type { EvaluationTracker, ReportCall } from './eval-tracker';
import { relativePath } from './text';

/** Most instances one count/for_each (or dynamic block) may expand to before we give up on it. */
export const MAX_INSTANCES_PER_BLOCK = 10_000;
/** Most instances (resources, module calls, dynamic blocks) one unit may evaluate in total. */
export const MAX_INSTANCES_PER_UNIT = 50_000;
/** Deepest module nesting evaluated (guards `module "a" { source = "./" }` recursion). */
export const MAX_MODULE_DEPTH = 16;

/**
 * Parse trees shared between analysis runs, keyed by path and checked against the text: a module
 * called from many units (or re-analysed on every keystroke) is parsed once. Trees are never
 * mutated, so sharing is safe. Each path keeps its two latest texts, so verifying a fix (the
 * edited text) does not push out the text every other unit still reads. Least recently used
 * paths are dropped past the size bound.
 */
const PARSE_CACHE_MAX_CHARS = 64 * 1024 * 1024;
const VERSIONS_PER_PATH = 2;
const parseCache = new Map<string, ParsedFile[]>();
let parseCacheChars = 0;

/** The parse tree of `text` as the file `path` (`parseTerraform`), shared with every analysis run. */
export function parseCached(text: string, path: string): ParsedFile {
  const versions = parseCache.get(path) ?? [];
  parseCache.delete(path);
  const i = versions.findIndex((f) => f.text === text);
  let file: ParsedFile;
  if (i >= 0) {
    file = versions[i];
    versions.splice(i, 1);
  } else {
    file = parseTerraformFile(text, path);
    parseCacheChars += text.length;
  }
  versions.unshift(file);
  while (versions.length > VERSIONS_PER_PATH) parseCacheChars -= versions.pop()!.text.length;
  parseCache.set(path, versions);
  for (const [p, fs] of parseCache) {
    if (parseCacheChars <= PARSE_CACHE_MAX_CHARS || p === path) break;
    parseCache.delete(p);
    for (const f of fs) parseCacheChars -= f.text.length;
  }
  return file;
}

/**
 * Offsets where each line of a parsed file starts. Kept with the (immutable) tree rather than per
 * run: every unit that reads a module asks for the same file's lines, and a scan has 225 units.
 */
const lineStartsByFile = new WeakMap<ParsedFile, number[]>();

function lineStartsOf(file: ParsedFile): number[] {
  let starts = lineStartsByFile.get(file);
  if (!starts) {
    starts = [0];
    const text = file.text;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStartsByFile.set(file, starts);
  }
  return starts;
}

/**
 * Root-relative paths by absolute path, one map per root, shared by every run with that root:
 * the units of a scan share a root and each used to relativise the same files again. A pure
 * function of the two paths, so sharing is safe; bounded by clearing.
 */
const relativePathsByRoot = new Map<string, Map<string, string>>();
const RELATIVE_PATH_ROOTS_MAX = 64;
const RELATIVE_PATHS_PER_ROOT_MAX = 50_000;

function relativePathsFrom(root: string): Map<string, string> {
  let paths = relativePathsByRoot.get(root);
  if (paths === undefined) {
    if (relativePathsByRoot.size >= RELATIVE_PATH_ROOTS_MAX) relativePathsByRoot.clear();
    relativePathsByRoot.set(root, (paths = new Map()));
  } else if (paths.size >= RELATIVE_PATHS_PER_ROOT_MAX) paths.clear();
  return paths;
}

/** Diagnostics kept per file (syntax and evaluation together); the parser stops at 1,000 syntax errors too. */
export const MAX_FILE_DIAGNOSTICS = 1001;

/** Thrown (and caught in analyze.ts only) to unwind when the caller cancels. */
export class CancelledSignal {}

export class UnitContext {
  readonly diagnostics: FrontEndDiagnostic[] = [];
  readonly dependencies = new Set<string>();
  private readonly parsed = new Map<string, ParsedFile | null>();
  private readonly seenDiagnostics = new Set<string>();
  private instancesUsed = 0;
  /** While > 0 (hover re-evaluation, `try` arguments) diagnostics are not recorded. */
  muted = 0;
  /** Evaluation errors so far, recorded even while muted (how `try`/`can` notice a failure). */
  evalErrors = 0;
  /**
   * Errors Terraform finds before evaluating (an undeclared variable, local, resource or module, a
   * misplaced `each`/`count`), so far, even while muted: `try`/`can` cannot catch them (calls.ts).
   */
  staticErrors = 0;
  /** Set by runs that may reuse child modules (child-reuse.ts): what each evaluated object used. */
  tracker?: EvaluationTracker;

  constructor(
    readonly host: FileHost,
    readonly options: TerraformUnitOptions,
  ) {
    this.relCache = relativePathsFrom(options.root);
  }

  get root(): string {
    return this.options.root;
  }

  private readonly relCache: Map<string, string>;

  rel(abs: string): string {
    let r = this.relCache.get(abs);
    if (r === undefined) this.relCache.set(abs, (r = relativePath(this.options.root, abs)));
    return r;
  }

  /** `file:line` (root-relative, 1-based line) for provenance strings. */
  location(file: ParsedFile, offset: number): string {
    const starts = lineStartsOf(file);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return `${this.rel(file.path)}:${lo + 1}`;
  }

  checkCancelled(): void {
    if (this.options.isCancelled?.()) throw new CancelledSignal();
  }

  /** Consume `n` units of the instance budget; false when the unit's budget is exhausted. */
  takeInstances(n: number): boolean {
    if (this.instancesUsed + n > MAX_INSTANCES_PER_UNIT) {
      if (this.tracker) this.tracker.refused = true;
      return false;
    }
    this.instancesUsed += n;
    return true;
  }

  /** Instances evaluated so far (the unit's budget used). */
  get instancesTaken(): number {
    return this.instancesUsed;
  }

  /** How many times something was answered "depends on itself" in this run. */
  cycles = 0;

  /** Something was answered "depends on itself" (see EvaluationTracker.cyclic). */
  noteCycle(): void {
    this.cycles++;
    if (this.tracker) this.tracker.cyclic = true;
  }

  private readonly dirCache = new Map<string, string[] | undefined>();

  /** Directory listing, memoized for the run. */
  listDir(path: string): string[] | undefined {
    let names: string[] | undefined;
    if (this.dirCache.has(path)) names = this.dirCache.get(path);
    else this.dirCache.set(path, (names = this.host.listDir(path)));
    this.tracker?.listed(path, names);
    return names;
  }

  readText(path: string): string | undefined {
    this.dependencies.add(path);
    const text = this.host.readFile(path);
    this.tracker?.readFile(path, text);
    return text;
  }

  /** Parse a file once per run; parse errors become diagnostics. */
  parse(path: string): ParsedFile | undefined {
    const cached = this.parsed.get(path);
    if (cached !== undefined) {
      // Parsed earlier in this run: still a read of the file by whoever asks now.
      this.tracker?.readFile(path, cached?.text);
      return cached ?? undefined;
    }
    const text = this.readText(path);
    if (text === undefined) {
      this.parsed.set(path, null);
      return undefined;
    }
    const file = parseCached(text, path);
    for (const d of file.diagnostics) this.report(path, d, d.severity, path.endsWith('.json') ? 'json-syntax' : 'hcl-syntax', d.message);
    this.parsed.set(path, file);
    return file;
  }

  /** While true (hover re-evaluation) nothing is reported, whatever `muted` says. */
  quiet = false;

  /**
   * Evaluate a named object (local, variable, resource, output) on its own terms: its errors are
   * reported even when the first reader is inside `try`, and do not count as the reader's errors.
   */
  isolated<T>(fn: () => T, guard?: { file: string; span: Span; fallback: () => T }): T {
    const muted = this.muted;
    const errors = this.evalErrors;
    this.muted = 0;
    try {
      return fn();
    } catch (err) {
      // A bug in the evaluator must cost one object, not the whole analysis.
      if (err instanceof CancelledSignal || !guard) throw err;
      this.report(guard.file, guard.span, 'error', 'tf-internal-error',
        `Palisade could not evaluate this (internal error: ${err instanceof Error ? err.message : String(err)})`);
      return guard.fallback();
    } finally {
      this.muted = muted;
      this.evalErrors = errors;
    }
  }

  /** Reports asked for so far, kept or not (muted, quiet, held): whether an evaluation reported anything. */
  reportCalls = 0;

  report(file: string, span: Span, severity: Severity, code: string, message: string): void {
    this.reportCalls++;
    if (this.muted > 0 || this.quiet) return;
    this.tracker?.reported([file, span, severity, code, message]);
    if (this.held) this.held.push([file, span, severity, code, message]);
    else this.record(file, span, severity, code, message);
  }

  /** While set, reports are held here instead of kept (ModuleInstance.tentativeVariable). */
  private held?: ReportCall[];

  /** Whether a report made now is kept in `diagnostics` (not muted, quiet or held back). */
  get reportsKept(): boolean {
    return this.muted === 0 && !this.quiet && this.held === undefined;
  }

  /** Runs `fn` with its reports held in `into`, to be kept later with `replayReport` or dropped. */
  holdingReports<T>(into: ReportCall[], fn: () => T): T {
    const outer = this.held;
    this.held = into;
    try {
      return fn();
    } finally {
      this.held = outer;
    }
  }

  /** A diagnostic a reused evaluation made (child-reuse.ts): kept like a report, not attributed again. */
  replayReport(file: string, span: Span, severity: Severity, code: string, message: string): void {
    this.record(file, span, severity, code, message);
  }

  private record(file: string, span: Span, severity: Severity, code: string, message: string): void {
    const rel = this.rel(file);
    const key = `${rel}\0${span.start}\0${span.end}\0${code}\0${message}`;
    if (this.seenDiagnostics.has(key)) return;
    this.seenDiagnostics.add(key);
    // Like the parser's cap: a generated or broken file can hold 500,000 failing references, and
    // the editor and the report would each carry every one of them.
    const count = (this.diagnosticsPerFile.get(rel) ?? 0) + 1;
    this.diagnosticsPerFile.set(rel, count);
    if (count > MAX_FILE_DIAGNOSTICS + 1) return;
    if (count === MAX_FILE_DIAGNOSTICS + 1) {
      this.diagnostics.push({ file: rel, start: span.start, end: span.end, severity: 'warning', code: 'tf-too-many-diagnostics', message: `Too many problems in this file: only the first ${MAX_FILE_DIAGNOSTICS} are shown.` });
      return;
    }
    this.diagnostics.push({ file: rel, start: span.start, end: span.end, severity, code, message });
  }

  private readonly diagnosticsPerFile = new Map<string, number>();
}
