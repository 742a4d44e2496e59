// The compile checks' door: `checkModules` reproduces the errors `opa check` (OPA v1.5.0) reports —
// codes, messages, positions and order. Stages run in OPA's compiler order and, as in OPA, the
// first stage that reports errors stops the later ones. Parse errors stop everything.
import type { Module, RegoError, RegoVersion } from '../syntax/ast';
import { lineIndex } from '../syntax/line-index';
import { opaErrors, parseModule } from '../syntax';
import { checkRuleConflicts } from './conflicts';
import { checkUndefinedFunctions, checkWithTargets } from './functions';
import { checkArgShadowing, checkDuplicateImports, checkKeywordOverrides, checkUnusedImports } from './imports';
import { checkLocalVars } from './locals';
import { type CheckedModule, StageErrors } from './model';
import { checkRecursion } from './recursion';
import { packageRuleNames, resolveModule, type ResolvedModule } from './resolve';
import { checkSafety, checkHeadSafety } from './safety';
import { checkDeprecatedBuiltins, checkTypes } from './types';

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
}

export const DEFAULT_MAX_ERRORS = 10;

type Stage = (modules: ResolvedModule[], errs: StageErrors) => void;

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
    return applyLimit(runStages(modules, options.strict ?? false), limit);
  } catch (e) {
    // A checker bug must not take a surface down: report it as one error.
    return [{ code: 'rego_compile_error', message: `internal check error: ${(e as Error).message}`, loc: { start: 0, end: 0 }, row: 0, col: 0 }];
  }
}

function runStages(modules: CheckedModule[], strict: boolean): RegoError[] {
  const samePackage = packageRuleNames(modules);
  const resolved = modules.map((m) => resolveModule(m, samePackage));
  const stages: Stage[] = [
    // With --strict, OPA reports unused imports before anything else about imports.
    (ms, errs) => strict && checkUnusedImports(ms, errs),
    (_, errs) => checkDuplicateImports(modules, strict, errs),
    (_, errs) => checkKeywordOverrides(modules, strict, errs),
    checkArgShadowing,
    (ms, errs) => checkLocalVars(ms, strict, errs),
    checkWithTargets,
    checkRuleConflicts,
    checkUndefinedFunctions,
    checkHeadSafety,
    checkSafety,
    checkRecursion,
    checkTypes,
    (ms, errs) => checkDeprecatedBuiltins(ms, strict, errs),
  ];
  for (const stage of stages) {
    const errs = new StageErrors();
    stage(resolved, errs);
    if (errs.length > 0) return errs.list;
  }
  return [];
}

/** OPA stops at `limit` errors and appends "error limit reached". */
function applyLimit(errors: RegoError[], limit: number): RegoError[] {
  if (limit <= 0 || errors.length <= limit) return errors;
  return [...errors.slice(0, limit), { code: 'rego_compile_error', message: 'error limit reached', loc: { start: 0, end: 0 }, row: 0, col: 0 }];
}

function packagePath(m: Module): string[] {
  return m.package.path.slice(1).map((t) => (t.value.type === 'string' ? t.value.value : t.value.type === 'var' ? t.value.name : ''));
}
