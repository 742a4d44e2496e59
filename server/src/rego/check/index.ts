// The compile checks' door: `checkModules` reproduces the errors `opa check` (OPA v1.5.0) reports —
// codes, messages, positions and order. Stages run in OPA's compiler order and, as in OPA, the
// first stage that reports errors stops the later ones. Parse errors stop everything.
import type { Module, RegoError, RegoVersion } from '../syntax/ast';
import { lineIndex } from '../syntax/line-index';
import { opaErrors, parseModule } from '../syntax';
import { CheckCache, NotRebasable } from './cache';
import type { CheckedModule } from './model';
import { runStages } from './stages';

export { CheckCache };

export interface CheckSource {
  file: string;
  text: string;
  regoVersion?: RegoVersion;
  /** An already parsed module (skips parsing; the text is still needed for positions). */
  module?: Module;
}

export interface CheckOptions {
  /** `opa check --strict`: unused imports, locals and arguments are errors. */
  strict?: boolean;
  /** OPA's `--max-errors` (default 10; 0 or less = no limit). */
  maxErrors?: number;
  /**
   * Per-rule results of earlier checks (the editor keeps one per analyzer): a run re-checks only
   * rules whose text or surroundings changed, with the same errors as a full check.
   */
  cache?: CheckCache;
}

export const DEFAULT_MAX_ERRORS = 10;

/** Runs OPA's checks over a set of modules compiled together. Never throws. */
export function checkModules(sources: CheckSource[], options: CheckOptions = {}): RegoError[] {
  const limit = options.maxErrors ?? DEFAULT_MAX_ERRORS;
  const parseErrors: RegoError[] = [];
  const modules: CheckedModule[] = [];
  for (const s of sources) {
    let module = s.module;
    if (!module) {
      const r = parseModule(s.text, { regoVersion: s.regoVersion ?? 'v1', file: s.file });
      const errs = opaErrors(r.errors);
      if (errs.length > 0) {
        parseErrors.push(...errs.map((e) => ({ ...e, file: s.file })));
        continue;
      }
      module = r.module;
    }
    if (module) modules.push({ file: s.file, text: s.text, module, lines: lineIndex(s.text), pkgPath: packagePath(module) });
  }
  if (parseErrors.length > 0) return applyLimit(parseErrors, limit);
  // OPA compiles modules in the order of their names.
  modules.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  try {
    return applyLimit(checkWithCache(modules, options), limit);
  } catch (e) {
    options.cache?.clear();
    // A checker bug must not take a surface down: report it as one error. The checker's passes
    // recurse per nesting level, and the parser accepts operator chains of any length (as OPA
    // does): past ~1,500 operators in one expression the stack runs out, which is the input's
    // shape, not a bug, and is said so.
    const message = e instanceof RangeError ? `the modules nest too deeply to check (e.g. an expression chaining thousands of operators): ${e.message}` : `internal check error: ${(e as Error).message}`;
    return [{ code: 'rego_compile_error', message, loc: { start: 0, end: 0 }, row: 0, col: 0 }];
  }
}

function checkWithCache(modules: CheckedModule[], options: CheckOptions): RegoError[] {
  const strict = options.strict ?? false;
  const cache = options.cache;
  if (!cache) return runStages(modules, strict);
  cache.beginRun();
  try {
    const errors = runStages(modules, strict, cache);
    cache.endRun();
    return errors;
  } catch (e) {
    // A memoised error that cannot be moved with its rule: check again from scratch.
    if (!(e instanceof NotRebasable)) throw e;
    cache.clear();
    return runStages(modules, strict);
  }
}

/** OPA stops at `limit` errors and appends "error limit reached". */
function applyLimit(errors: RegoError[], limit: number): RegoError[] {
  if (limit <= 0 || errors.length <= limit) return errors;
  return [...errors.slice(0, limit), { code: 'rego_compile_error', message: 'error limit reached', loc: { start: 0, end: 0 }, row: 0, col: 0 }];
}

function packagePath(m: Module): string[] {
  return m.package.path.slice(1).map((t) => (t.value.type === 'string' ? t.value.value : t.value.type === 'var' ? t.value.name : ''));
}
