// Loads a rule pack from (path, text) pairs: parse every module, read rule METADATA, compile the
// whole pack once. A broken file is reported and left out; the rest of the pack still loads.
import { parseModule, prepare, checkModules } from '../rego';
import type { ModuleSource, RegoError } from '../rego';
// OPA's compile checks (unsafe vars, undefined functions, types) are not in the rego door yet.
import { isRuleModule, readRuleMetadata } from './metadata';
import type { ArtefactModules } from './pack-artefact';
import type { PolicyDiagnostic, RuleMetadata, RulePack } from './types';

export interface PackFile {
  /** Pack-relative (or absolute) path; used in diagnostics and rule metadata. */
  path: string;
  text: string;
  /** Rego version to parse with (an OPA bundle manifest decides it per file); default v1 unless the module says otherwise. */
  regoVersion?: 'v0' | 'v1';
}

export interface LoadPackOptions {
  /** Shown in diagnostics; `builtin` for the pack shipped with Palisade. */
  name?: string;
  /** Run OPA's compile checks before preparing (default true); they catch rules that would fail at evaluation. */
  check?: boolean;
  /**
   * Modules parsed ahead of time (the build's pack artefact); used only for files whose text is
   * unchanged. With `check: false` and every file unchanged, rules are compiled lazily.
   */
  parsed?: ArtefactModules;
}

/** Compile rounds: each round drops the files the compiler blamed, so a chain of breakage settles. */
const MAX_COMPILE_ROUNDS = 8;
/** Errors reported per broken file (the first is usually the cause). */
const MAX_ERRORS_PER_FILE = 3;

export function isPolicyFile(path: string): boolean {
  return path.endsWith('.rego') && !path.endsWith('_test.rego');
}

export function loadPack(files: PackFile[], options: LoadPackOptions = {}): RulePack {
  const name = options.name ?? 'pack';
  const diagnostics: PolicyDiagnostic[] = [];
  const sources: ModuleSource[] = [];
  const rulesByFile = new Map<string, RuleMetadata>();
  const seenIds = new Map<string, string>();

  for (const file of [...files].filter((f) => isPolicyFile(f.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const prepared = options.parsed?.moduleFor(file);
    const parsed = prepared ? { module: prepared, errors: [] } : parseModule(file.text, { file: file.path, ...(file.regoVersion ? { regoVersion: file.regoVersion } : {}) });
    if (!parsed.module || parsed.errors.length > 0) {
      diagnostics.push(...regoDiagnostics('pack-parse-error', file.path, parsed.errors, 'does not parse'));
      continue;
    }
    if (isRuleModule(parsed.module)) {
      const { rule, diagnostics: metaProblems } = readRuleMetadata(parsed.module, file.path);
      diagnostics.push(...metaProblems);
      if (!rule) continue;
      const other = seenIds.get(rule.id);
      if (other !== undefined) {
        diagnostics.push({ code: 'pack-metadata', severity: 'error', message: `${rule.id} is declared twice (also in ${other}); ${file.path} is not loaded`, file: file.path, ruleId: rule.id });
        continue;
      }
      seenIds.set(rule.id, file.path);
      rulesByFile.set(file.path, rule);
    }
    // Parsed above with prepare's own options (v1 unless the module says otherwise): not parsed twice.
    const outline = prepared && options.parsed?.outlineOf(prepared);
    sources.push({ file: file.path, text: file.text, regoVersion: parsed.module.regoVersion, ...(parsed.module.regoVersion === 'v1' ? { parsed: parsed.module, ...(outline ? { outline } : {}) } : {}) });
  }
  // A pack the artefact vouches for compiles cleanly (checks off), so its rules compile when first evaluated.
  const lazyCompile = options.check === false && options.parsed?.vouchesFor(sources) === true;

  let included = sources;
  for (let round = 0; round < MAX_COMPILE_ROUNDS && included.length > 0; round++) {
    const checked = options.check === false ? [] : checkModules(included, { maxErrors: 0 });
    const { policy, errors } = checked.length > 0 ? { policy: undefined, errors: checked } : prepare(included, { lazyCompile });
    if (policy) {
      const rules = included.map((s) => rulesByFile.get(s.file)).filter((r): r is RuleMetadata => r !== undefined);
      return { name, rules, policy, diagnostics };
    }
    const blamed = new Set(errors.map((e) => e.file).filter((f): f is string => f !== undefined && included.some((s) => s.file === f)));
    if (blamed.size === 0) {
      diagnostics.push(...regoDiagnostics('pack-compile-error', undefined, errors, 'does not compile'));
      break;
    }
    for (const file of blamed) {
      diagnostics.push(...regoDiagnostics('pack-compile-error', file, errors.filter((e) => e.file === file), 'does not compile'));
    }
    included = included.filter((s) => !blamed.has(s.file));
  }
  return { name, rules: [], diagnostics };
}

function regoDiagnostics(code: string, file: string | undefined, errors: RegoError[], what: string): PolicyDiagnostic[] {
  if (errors.length === 0) return [{ code, severity: 'error', message: `${file ?? 'pack'} ${what}; it is not loaded`, file }];
  return errors.slice(0, MAX_ERRORS_PER_FILE).map((e) => ({
    code,
    severity: 'error' as const,
    message: `${e.file ?? file ?? 'pack'}:${e.row}:${e.col}: ${e.message} (${what}; the file is not loaded)`,
    file: e.file ?? file,
    start: e.loc.start,
    end: e.loc.end,
  }));
}
