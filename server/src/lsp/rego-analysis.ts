// Rego diagnostics for one open document: parse errors, OPA compile errors (the document checked
// together with the other .rego files of its tree) and lint violations. Reads only through the
// FileHost it is given; the surface decides when to run it and publishes the result.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { FileHost } from '../iac/model';
import { CheckCache, checkModules, lineIndex, opaErrors, type CheckSource, type RegoError } from '../rego/index';
import { Linter, loadConfig, type Violation } from '../lint/index';
import { LineIndex } from './line-index';
import { baseName, dirOf, isInside, joinPath } from './paths';
import { detectedRegoVersion, RegoWorkspace, type ParsedFile } from './rego-workspace';
import { relocatedErrorsForLayoutEdit, shiftedErrorsForStringEdit } from './rego-check-reuse';

/** Where a run's time went (the benchmark's per-phase figures); `ms` is wall-clock time. */
export type PhaseTimer = (phase: 'parse' | 'workspace' | 'check' | 'lint', ms: number) => void;

export interface RegoDocument {
  path: string;
  text: string;
  /** The workspace folder holding the document (the walk and config search stop there). */
  root?: string;
  /** Other open .rego buffers (their text comes through the host). */
  openRegoPaths: Iterable<string>;
}

/**
 * Diagnostics for one document per run. Keystroke cost is kept to the edited document: parses of
 * other files are cached by text, the folder's file list is learned once (RegoWorkspace), the
 * compile check covers only the document's dependency closure (reused whole while those parses
 * are unchanged, per rule otherwise), and the linter recomputes per-file results only for changed
 * files.
 */
export class RegoAnalyzer {
  private linter: { configText: string | undefined; linter: Linter } | undefined;
  /** The last compile run, keyed by the parses it used (same objects = same texts). */
  private lastCheck: { inputs: ParsedFile[]; errors: RegoError[] } | undefined;
  /** Per-rule results of the last compile run: a code edit re-checks only the rules it touched. */
  private readonly checkCache = new CheckCache();

  constructor(
    private readonly host: FileHost,
    readonly workspace: RegoWorkspace = new RegoWorkspace(host),
  ) {}

  analyze(doc: RegoDocument, timer?: PhaseTimer): Diagnostic[] {
    let mark = performance.now();
    const lap = (phase: Parameters<PhaseTimer>[0]): void => {
      const now = performance.now();
      timer?.(phase, now - mark);
      mark = now;
    };
    const index = new LineIndex(doc.text);
    const own = this.workspace.parse(doc.path, doc.text);
    lap('parse');
    const syntax = opaErrors(own.errors);
    // A document that does not parse cannot be compiled or linted: its syntax errors are all there is.
    if (syntax.length > 0 || !own.module) return syntax.map((e) => errorDiagnostic(e, index, doc.text));

    const treeRoot = doc.root && isInside(doc.path, doc.root) ? doc.root : dirOf(doc.path);
    const all = this.workspace.parsedUnder(treeRoot, doc.openRegoPaths).filter((p) => p.path !== doc.path);
    all.push(own);
    this.workspace.prune(new Set(all.map((p) => p.path)));

    const closure = this.workspace.dependencyClosure(own, all);
    lap('workspace');
    const diagnostics = this.check(closure)
      .filter((e) => e.file === undefined || e.file === doc.path)
      .map((e) => errorDiagnostic(e, index, doc.text));
    lap('check');
    diagnostics.push(...this.lint(doc, all, treeRoot, index));
    lap('lint');
    return diagnostics;
  }

  /** Open documents of one tree compile the same set: the second and later reuse the first run. */
  private check(inputs: ParsedFile[]): RegoError[] {
    const key = [...inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const last = this.lastCheck;
    if (last && sameParses(last.inputs, key)) return last.errors;
    const reused = last && this.reuseAfterNeutralEdit(last, key);
    if (reused) {
      this.lastCheck = { inputs: key, errors: reused };
      return reused;
    }
    const sources: CheckSource[] = key.map((p) => ({ file: p.path, text: p.text, module: p.module }));
    const errors = checkModules(sources, { strict: false, maxErrors: 0, cache: this.checkCache });
    this.lastCheck = { inputs: key, errors };
    return errors;
  }

  /**
   * The last errors, moved, when the one changed file differs only inside a string literal or
   * only in layout and comments (same syntax tree).
   */
  private reuseAfterNeutralEdit(last: { inputs: ParsedFile[]; errors: RegoError[] }, key: ParsedFile[]): RegoError[] | undefined {
    if (last.inputs.length !== key.length) return undefined;
    const changed = key.map((p, i) => i).filter((i) => key[i] !== last.inputs[i]);
    if (changed.length !== 1) return undefined;
    const [before, after] = [last.inputs[changed[0]], key[changed[0]]];
    if (before.path !== after.path) return undefined;
    return (
      shiftedErrorsForStringEdit(after.path, before, after, last.errors) ??
      relocatedErrorsForLayoutEdit(after.path, before, after, last.errors)
    );
  }

  private lint(doc: RegoDocument, files: ParsedFile[], treeRoot: string, index: LineIndex): Diagnostic[] {
    const found = findLintConfig(this.host, dirOf(doc.path), treeRoot);
    const linter = this.linterFor(found?.text);
    // Regal matches ignore globs against paths relative to the project root (the config's home).
    const base = found?.projectRoot ?? treeRoot;
    const relative = (path: string) => (isInside(path, base) && path !== base ? path.slice(base.length + 1) : path);
    const docFile = relative(doc.path);
    // The version is read only for the files the linter analyses again (a getter: lazy).
    const report = linter.lint(files.map((f) => ({ path: relative(f.path), text: f.text, parsedV1: f.result, get regoVersion() { return detectedRegoVersion(f); } })));
    const rows = lineIndex(doc.text);
    return report.violations.filter((v) => v.location.file === docFile).map((v) => lintDiagnostic(v, rows, index));
  }

  private linterFor(configText: string | undefined): Linter {
    if (!this.linter || this.linter.configText !== configText) {
      this.linter = { configText, linter: new Linter(loadConfig(configText).config, undefined, { incremental: true }) };
    }
    return this.linter.linter;
  }
}

function sameParses(a: ParsedFile[], b: ParsedFile[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

/** `.regal/config.yaml` or `.regal.yaml`, searched from `dir` upward, stopping at `stop`. */
export function findLintConfig(host: FileHost, dir: string, stop: string): { text: string; projectRoot: string } | undefined {
  for (let current = dir; ; current = dirOf(current)) {
    for (const candidate of [joinPath(current, '.regal/config.yaml'), joinPath(current, '.regal.yaml')]) {
      const text = host.readFile(candidate);
      if (text !== undefined) return { text, projectRoot: current };
    }
    if (current === stop || dirOf(current) === current) return undefined;
  }
}

/** True for files whose change alters the lint configuration. */
export function isLintConfigPath(path: string): boolean {
  const name = baseName(path);
  return name === '.regal.yaml' || (name === 'config.yaml' && baseName(dirOf(path)) === '.regal');
}

function errorDiagnostic(e: RegoError, index: LineIndex, text: string): Diagnostic {
  const { start, end } = narrowToNamedVariable(e, text);
  return {
    range: index.rangeOf(start, end),
    severity: DiagnosticSeverity.Error,
    code: e.code,
    source: 'palisade',
    message: e.message,
  };
}

/**
 * OPA locates "var x is unsafe" (and "var x is undeclared") at the whole expression; the editor
 * underlines the variable itself when it occurs once, as a whole word, inside that expression.
 * The CLI keeps OPA's location, so `palisade rego check` output stays byte-identical to OPA's.
 */
function narrowToNamedVariable(e: RegoError, text: string): { start: number; end: number } {
  const named = /^var (\S+) is (?:unsafe|undeclared)/.exec(e.message);
  if (!named) return e.loc;
  const span = text.slice(e.loc.start, e.loc.end);
  const word = new RegExp(`(?<![\\w.$])${named[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`, 'g');
  const hits = [...span.matchAll(word)];
  if (hits.length !== 1) return e.loc;
  const start = e.loc.start + hits[0].index!;
  return { start, end: start + named[1].length };
}

function lintDiagnostic(v: Violation, rows: ReturnType<typeof lineIndex>, index: LineIndex): Diagnostic {
  // Violations carry OPA-style 1-based rows and code-point columns; LSP wants UTF-16 positions.
  const start = rows.offset(v.location.row, v.location.col);
  const end = v.location.end ? rows.offset(v.location.end.row, v.location.end.col) : start;
  const href = v.related_resources.find((r) => r.description === 'documentation')?.ref;
  return {
    range: index.rangeOf(start, end),
    severity: v.level === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
    code: v.title,
    ...(href ? { codeDescription: { href } } : {}),
    source: 'palisade',
    message: v.description,
  };
}
