// Rego diagnostics for one open document: parse errors, OPA compile errors (the document checked
// together with the other .rego files of its tree) and lint violations. Reads only through the
// FileHost it is given; the surface decides when to run it and publishes the result.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { FileHost } from '../iac/model';
import { checkModules, lineIndex, opaErrors, parseModule, type CheckSource, type Module, type RegoError } from '../rego/index';
import { Linter, loadConfig, type Violation } from '../lint/index';
import { LineIndex } from './line-index';
import { baseName, dirOf, isInside, joinPath } from './paths';

/** Bounds on the directory walk, so a huge workspace cannot stall typing. */
const MAX_REGO_FILES = 1000;
const MAX_DIRS = 2000;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface RegoDocument {
  path: string;
  text: string;
  /** The workspace folder holding the document (the walk and config search stop there). */
  root?: string;
  /** Other open .rego buffers (their text comes through the host). */
  openRegoPaths: Iterable<string>;
}

interface ParsedFile {
  path: string;
  text: string;
  module?: Module;
  errors: RegoError[];
}

/** Keeps parses of unchanged neighbour files and one linter per config between runs. */
export class RegoAnalyzer {
  private readonly parsed = new Map<string, ParsedFile>();
  private linter: { configText: string | undefined; linter: Linter } | undefined;
  /** The last compile run, keyed by the parses it used (same objects = same texts). */
  private lastCheck: { inputs: ParsedFile[]; errors: RegoError[] } | undefined;

  constructor(private readonly host: FileHost) {}

  analyze(doc: RegoDocument): Diagnostic[] {
    const index = new LineIndex(doc.text);
    const own = this.parse(doc.path, doc.text);
    const syntax = opaErrors(own.errors);
    // A document that does not parse cannot be compiled or linted: its syntax errors are all there is.
    if (syntax.length > 0 || !own.module) return syntax.map((e) => errorDiagnostic(e, index, doc.text));

    const treeRoot = doc.root && isInside(doc.path, doc.root) ? doc.root : dirOf(doc.path);
    const neighbours = this.regoFilesUnder(treeRoot, doc.openRegoPaths).filter((p) => p !== doc.path);
    const sources: CheckSource[] = [{ file: doc.path, text: doc.text, module: own.module }];
    const inputs = [own];
    for (const path of neighbours) {
      const text = this.host.readFile(path);
      if (text === undefined) continue;
      const p = this.parse(path, text);
      // A broken neighbour would stop OPA's compiler before it reaches this document: leave it out.
      if (p.module && opaErrors(p.errors).length === 0) {
        sources.push({ file: path, text, module: p.module });
        inputs.push(p);
      }
    }
    this.forgetParsesOutside(new Set(sources.map((s) => s.file)));

    const diagnostics = this.check(sources, inputs)
      .filter((e) => e.file === undefined || e.file === doc.path)
      .map((e) => errorDiagnostic(e, index, doc.text));
    diagnostics.push(...this.lint(doc, sources, treeRoot, index));
    return diagnostics;
  }

  /** Open documents of one tree compile the same set: the second and later reuse the first run. */
  private check(sources: CheckSource[], inputs: ParsedFile[]): RegoError[] {
    const key = [...inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const last = this.lastCheck;
    if (last && last.inputs.length === key.length && last.inputs.every((p, i) => p === key[i])) return last.errors;
    const errors = checkModules(sources, { strict: false, maxErrors: 0 });
    this.lastCheck = { inputs: key, errors };
    return errors;
  }

  private parse(path: string, text: string): ParsedFile {
    const hit = this.parsed.get(path);
    if (hit && hit.text === text) return hit;
    const r = parseModule(text, { regoVersion: 'v1', file: path });
    const entry: ParsedFile = { path, text, module: r.module, errors: r.errors };
    this.parsed.set(path, entry);
    return entry;
  }

  private forgetParsesOutside(keep: Set<string>): void {
    if (this.parsed.size <= keep.size * 2 + 16) return;
    for (const path of [...this.parsed.keys()]) if (!keep.has(path)) this.parsed.delete(path);
  }

  private lint(doc: RegoDocument, sources: CheckSource[], treeRoot: string, index: LineIndex): Diagnostic[] {
    const found = findLintConfig(this.host, dirOf(doc.path), treeRoot);
    const linter = this.linterFor(found?.text);
    // Regal matches ignore globs against paths relative to the project root (the config's home).
    const base = found?.projectRoot ?? treeRoot;
    const relative = (path: string) => (isInside(path, base) && path !== base ? path.slice(base.length + 1) : path);
    const docFile = relative(doc.path);
    const report = linter.lint(sources.map((s) => ({ path: relative(s.file), text: s.text })));
    const rows = lineIndex(doc.text);
    return report.violations.filter((v) => v.location.file === docFile).map((v) => lintDiagnostic(v, rows, index));
  }

  private linterFor(configText: string | undefined): Linter {
    if (!this.linter || this.linter.configText !== configText) {
      this.linter = { configText, linter: new Linter(loadConfig(configText).config) };
    }
    return this.linter.linter;
  }

  /** .rego files under `root` (disk plus open buffers), breadth first, within the walk's bounds. */
  private regoFilesUnder(root: string, openRegoPaths: Iterable<string>): string[] {
    const files = new Set<string>();
    for (const open of openRegoPaths) if (isInside(open, root)) files.add(open);
    const queue = [root];
    let dirs = 0;
    while (queue.length > 0 && dirs < MAX_DIRS && files.size < MAX_REGO_FILES) {
      const dir = queue.shift()!;
      dirs++;
      for (const name of this.host.listDir(dir) ?? []) {
        const path = joinPath(dir, name);
        if (name.toLowerCase().endsWith('.rego')) files.add(path);
        // Names are all a host gives: anything else may be a directory (listing a file yields nothing).
        else if (!name.startsWith('.') && !SKIPPED_DIRS.has(name)) queue.push(path);
      }
    }
    return [...files].sort();
  }
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
