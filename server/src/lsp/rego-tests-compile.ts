// Compiling a .rego document for running its tests or evaluating its rules: the document with its
// dependency closure in the folder tree (the same set the editor's compile check uses), checked as
// OPA checks before evaluating, then prepared. A few recent results are kept, keyed by the parses
// they used, so running the tests of one file after another, or re-evaluating, compiles once.
import { checkModules, prepare, type PreparedPolicy, type RegoError } from '../rego/index';
import { dirOf, isInside } from './paths';
import type { RegoFeatureHost } from './rego-features';
import type { ParsedFile } from './rego-workspace';

export interface CompiledClosure {
  /** The document's parse and the files compiled with it (document included). */
  doc: ParsedFile;
  files: ParsedFile[];
  /** The folder the closure was taken from (where `palisade` commands run). */
  root: string;
  policy?: PreparedPolicy;
  /** Parse errors of the document or compile errors of the closure (then `policy` is absent). */
  errors: RegoError[];
}

const KEEP = 8;

export class ClosureCompiler {
  private readonly recent: { inputs: ParsedFile[]; policy?: PreparedPolicy; errors: RegoError[] }[] = [];

  constructor(private readonly host: RegoFeatureHost) {}

  /** The last whole-folder compile (see `compileFolder`). */
  private folder: { root: string; inputs: ParsedFile[]; policy?: PreparedPolicy; errors: RegoError[] } | undefined;

  /**
   * For runs over many files: every parseable .rego file of the document's folder compiled once
   * (reused while those parses are unchanged), so a "run all" compiles once rather than once per
   * package. Falls back to the document's closure when the folder does not compile as a whole.
   */
  compileFolder(path: string): CompiledClosure | undefined {
    const text = this.host.textOf(path);
    if (text === undefined) return undefined;
    const doc = this.host.workspace.parse(path, text);
    const folder = this.host.rootOf(path);
    const root = folder && isInside(path, folder) ? folder : dirOf(path);
    if (!doc.ok) return this.compile(path);
    const all = this.host.workspace.parsedUnder(root, this.host.openPaths()).filter((f) => f.path !== path && f.ok);
    all.push(doc);
    all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const last = this.folder;
    const same = last && last.root === root && last.inputs.length === all.length && last.inputs.every((f, i) => f === all[i]);
    if (!same) this.folder = { root, inputs: all, ...compileSources(all) };
    const whole = this.folder!;
    return whole.policy ? { doc, files: all, root, policy: whole.policy, errors: [] } : this.compile(path);
  }

  /** Undefined when the document cannot be read. */
  compile(path: string): CompiledClosure | undefined {
    const text = this.host.textOf(path);
    if (text === undefined) return undefined;
    const doc = this.host.workspace.parse(path, text);
    const folder = this.host.rootOf(path);
    const root = folder && isInside(path, folder) ? folder : dirOf(path);
    if (!doc.ok || !doc.module) return { doc, files: [doc], root, errors: doc.errors.length > 0 ? doc.errors : [] };
    const candidates = this.host.workspace.parsedUnder(root, this.host.openPaths()).filter((f) => f.path !== path);
    candidates.push(doc);
    const files = this.host.workspace.dependencyClosure(doc, candidates).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const hit = this.recent.find((r) => r.inputs.length === files.length && r.inputs.every((f, i) => f === files[i]));
    if (hit) return { doc, files, root, policy: hit.policy, errors: hit.errors };
    const prepared = compileSources(files);
    this.recent.unshift({ inputs: files, policy: prepared.policy, errors: prepared.errors });
    this.recent.length = Math.min(this.recent.length, KEEP);
    return { doc, files, root, policy: prepared.policy, errors: prepared.errors };
  }
}

/** Checked as OPA checks before evaluating, then prepared. */
function compileSources(files: ParsedFile[]): { policy?: PreparedPolicy; errors: RegoError[] } {
  const sources = files.map((f) => ({ file: f.path, text: f.text, module: f.module, parsed: f.module, regoVersion: 'v1' as const }));
  const checked = checkModules(sources, { strict: false, maxErrors: 10 });
  return checked.length > 0 ? { errors: checked, policy: undefined } : prepare(sources);
}
