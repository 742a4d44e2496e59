// The editor's view of the Rego files of a workspace folder: which .rego files exist (walked once
// per folder, then kept up to date by file events), their parses (cached by text, so only an edited
// buffer re-parses), and what each module declares and references. Diagnostics, navigation and
// completion all read from here. Reads only through the FileHost it is given.
import type { FileHost } from '../iac/model';
import { detectRegoVersion, opaErrors, parseModule, reparseModule, type Module, type ParseModuleResult, type RegoError, type RegoVersion, type Term } from '../rego/index';
import { refText, ruleRefName, walkRuleTerms } from '../lint/index';
import { baseName, fileKind, isInside, joinPath } from './paths';

/** Bounds on the directory walk, so a huge workspace cannot stall typing. */
const MAX_REGO_FILES = 1000;
const MAX_DIRS = 2000;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface ParsedFile {
  path: string;
  text: string;
  module?: Module;
  errors: RegoError[];
  /** True when OPA would accept the syntax (no errors it would report). */
  ok: boolean;
  /** `data.a.b` of the package, '' when there is none. */
  pkg: string;
  /** Data paths the module mentions (imports and `data.…` refs), for the dependency closure. */
  dataRefs: string[];
  /** The parser's full result (comments included), handed on to the linter. */
  result: ParseModuleResult;
}

export class RegoWorkspace {
  private readonly parsed = new Map<string, ParsedFile>();
  /** Folder root → the .rego files found under it (learned once, then maintained by events). */
  private readonly filesByRoot = new Map<string, Set<string>>();
  /** The same listings sorted, kept until the listing changes (a keystroke must not re-sort them). */
  private readonly sortedByRoot = new Map<string, string[]>();
  /** The last dependency closure and what it was computed from. */
  private lastClosure: { doc: ParsedFile; refs: string; candidates: ParsedFile[]; closure: ParsedFile[] } | undefined;

  constructor(private readonly host: FileHost) {}

  /** The parse of `text` as file `path`, reused while the text is unchanged. */
  parse(path: string, text: string): ParsedFile {
    const hit = this.parsed.get(path);
    if (hit && hit.text === text) return hit;
    // An edited buffer re-parses only the rules around the edit (same result as a full parse).
    const options = { regoVersion: 'v1' as const, file: path };
    const r = hit ? reparseModule(hit, text, options).result : parseModule(text, options);
    const module = r.module;
    const entry: ParsedFile = {
      path,
      text,
      module,
      errors: r.errors,
      ok: module !== undefined && opaErrors(r.errors).length === 0,
      pkg: module ? refText(module.package.path) : '',
      dataRefs: module ? collectDataRefs(module) : [],
      result: r,
    };
    this.parsed.set(path, entry);
    return entry;
  }

  /** The current parse of a file (buffer or disk), or undefined when it cannot be read. */
  file(path: string): ParsedFile | undefined {
    const text = this.host.readFile(path);
    return text === undefined ? undefined : this.parse(path, text);
  }

  /** .rego files under `root`: disk (walked the first time only) plus the given open buffers. */
  filesUnder(root: string, openPaths: Iterable<string> = []): string[] {
    let known = this.filesByRoot.get(root);
    if (!known) {
      known = this.walk(root);
      this.filesByRoot.set(root, known);
    }
    let sorted = this.sortedByRoot.get(root);
    if (!sorted) this.sortedByRoot.set(root, (sorted = [...known].sort()));
    const extra: string[] = [];
    for (const open of openPaths) if (!known.has(open) && fileKind(open) === 'rego' && isInside(open, root)) extra.push(open);
    return extra.length === 0 ? [...sorted] : [...new Set([...sorted, ...extra])].sort();
  }

  /** Every parse of the files under `root` (unreadable files left out). */
  parsedUnder(root: string, openPaths: Iterable<string> = []): ParsedFile[] {
    const out: ParsedFile[] = [];
    for (const path of this.filesUnder(root, openPaths)) {
      const p = this.file(path);
      if (p) out.push(p);
    }
    return out;
  }

  /** A file was created, changed or deleted: keep the per-folder listings and parses current. */
  fileChanged(path: string): void {
    if (fileKind(path) !== 'rego') {
      // A directory event (created/deleted folder) may add or remove many files: re-walk lazily.
      if (!baseName(path).includes('.')) {
        for (const root of [...this.filesByRoot.keys()]) {
          if (isInside(path, root) || isInside(root, path)) {
            this.filesByRoot.delete(root);
            this.sortedByRoot.delete(root);
          }
        }
      }
      return;
    }
    const exists = this.host.readFile(path) !== undefined;
    for (const [root, files] of this.filesByRoot) {
      if (!isInside(path, root) || files.has(path) === exists) continue;
      if (exists) files.add(path);
      else files.delete(path);
      this.sortedByRoot.delete(root);
    }
    if (!exists) this.parsed.delete(path);
  }

  /**
   * The files `doc` must be compiled with: its own package, the packages it (transitively)
   * references, and packages nested in or enclosing those (a rule `b` in package `a` conflicts
   * with package `a.b`). Files that do not parse are left out: they would stop OPA's compiler.
   */
  dependencyClosure(doc: ParsedFile, candidates: ParsedFile[]): ParsedFile[] {
    // A keystroke inside a rule keeps the package, the references and every other file: the
    // closure is the last one with the edited document's new parse in place of its old one.
    const last = this.lastClosure;
    const refs = doc.dataRefs.join('\n');
    if (last && last.doc.path === doc.path && last.doc.pkg === doc.pkg && last.refs === refs && sameOthers(last.candidates, candidates, doc.path)) {
      const closure = last.closure.map((p) => (p === last.doc ? doc : p));
      this.lastClosure = { ...last, doc, candidates, closure };
      return closure;
    }
    const closure = this.computeClosure(doc, candidates);
    this.lastClosure = { doc, refs, candidates, closure };
    return closure;
  }

  private computeClosure(doc: ParsedFile, candidates: ParsedFile[]): ParsedFile[] {
    const usable = candidates.filter((c) => c.ok && c.path !== doc.path);
    const chosen = new Set<ParsedFile>([doc]);
    const pending = [doc];
    while (pending.length > 0) {
      const current = pending.pop()!;
      const wanted = [current.pkg, ...current.dataRefs];
      for (const c of usable) {
        if (chosen.has(c)) continue;
        if (wanted.some((w) => isPathPrefix(c.pkg, w) || isPathPrefix(w, c.pkg))) {
          chosen.add(c);
          pending.push(c);
        }
      }
    }
    return [...chosen];
  }

  /** Drops parses of files no longer in any listing or open, so memory stays bounded. */
  prune(keep: Set<string>): void {
    if (this.parsed.size <= keep.size + 64) return;
    for (const path of [...this.parsed.keys()]) if (!keep.has(path)) this.parsed.delete(path);
  }

  private walk(root: string): Set<string> {
    const files = new Set<string>();
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
    return files;
  }
}

/** The same parses in the same order, except the one of `path` (the document, compared apart). */
function sameOthers(a: ParsedFile[], b: ParsedFile[], path: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(a[i].path === path && b[i].path === path)) return false;
  return true;
}

/** True when dotted path `prefix` is `path` or one of its ancestors (`data.a` of `data.a.b`). */
export function isPathPrefix(prefix: string, path: string): boolean {
  return prefix !== '' && (path === prefix || path.startsWith(prefix + '.'));
}

/** The static dotted prefix of a ref (`data.lib.net` of `data.lib.net.cidrs[x]`). */
export function staticRefPath(terms: Term[]): string {
  const first = terms[0]?.value;
  if (!first || first.type !== 'var') return '';
  const parts = [first.name];
  for (const t of terms.slice(1)) {
    if (t.value.type !== 'string' || !/^[A-Za-z_]\w*$/.test(t.value.value)) break;
    parts.push(t.value.value);
  }
  return parts.join('.');
}

function collectDataRefs(module: Module): string[] {
  const refs = new Set<string>();
  for (const i of module.imports) {
    if (i.path.value.type === 'ref') {
      const p = staticRefPath(i.path.value.terms);
      if (p.startsWith('data.')) refs.add(p);
    }
  }
  for (const rule of module.rules) {
    walkRuleTerms(rule, (t) => {
      if (t.value.type !== 'ref') return;
      const p = staticRefPath(t.value.terms);
      if (p === 'data') refs.add('data');
      else if (p.startsWith('data.')) refs.add(p);
    });
  }
  // A bare `data` (or a dynamic `data[x]`) reaches every package; keep it, the closure then takes all.
  return [...refs];
}

/** detectRegoVersion of each rule's text (the verdict for a whole file is built from its rules'). */
const ruleVersions = new Map<string, RegoVersion>();
const fileVersions = new WeakMap<ParsedFile, RegoVersion>();

/**
 * `detectRegoVersion(file.text)` without lexing the whole text on every keystroke. For a module
 * that parsed without any error the only tokens outside its rules are the package and import
 * lines, and every rule's brackets balance, so the file's verdict is `import rego.v1` → v1, else
 * v0 when some rule's own text reads as v0. Rules are looked up by text, so an edit costs the
 * detection of the rules it touched.
 */
export function detectedRegoVersion(file: ParsedFile): RegoVersion {
  let version = fileVersions.get(file);
  if (version !== undefined) return version;
  const module = file.module;
  if (!module || file.errors.length > 0) version = detectRegoVersion(file.text);
  else if (module.imports.some((i) => i.path.value.type === 'ref' && staticRefPath(i.path.value.terms) === 'rego.v1')) version = 'v1';
  else {
    version = 'v1';
    if (ruleVersions.size > 20_000) ruleVersions.clear();
    let start = 0;
    for (const [i, rule] of module.rules.entries()) {
      // A chained body (`p if [_] { … }`: a second body of the same head) is a rule of its own whose
      // text starts at its `{`; what precedes that brace decides, so read it with its head's rule.
      if (i === 0 || file.text.charCodeAt(rule.loc.start) !== 123 /* { */) start = rule.loc.start;
      const text = file.text.slice(start, rule.loc.end);
      let v = ruleVersions.get(text);
      if (v === undefined) ruleVersions.set(text, (v = detectRegoVersion(text)));
      if (v === 'v0') {
        version = 'v0';
        break;
      }
    }
  }
  fileVersions.set(file, version);
  return version;
}

/** Full data path of a rule (`data.pkg.rule` / `data.pkg.p.q` for ref heads). */
export function rulePath(pkg: string, rule: Module['rules'][number]): string {
  return `${pkg}.${ruleRefName(rule)}`;
}
