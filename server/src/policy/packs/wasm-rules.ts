// A wasm bundle's entrypoints as rules. Each package with a `deny`, `violation` or `warn` entrypoint
// (`team/s3/deny`) is one rule; its metadata comes from the `annotations` OPA writes into the
// manifest's `wasm` entries (the package or rule METADATA), else a default naming the package. The
// module gets the bundle's data documents as `data`, and the unit's model as `input`.
import { ruleFromFields } from '../metadata';
import type { ExternalRule, PolicyDiagnostic, RuleMetadata } from '../types';
import { WasmSandbox } from './wasm-sandbox';

export interface WasmEntry {
  entrypoint: string;
  module?: string;
  annotations?: unknown[];
}

export interface WasmRules {
  rules: RuleMetadata[];
  external: Map<string, ExternalRule>;
  diagnostics: PolicyDiagnostic[];
}

const KIND_OF: Record<string, 'deny' | 'warn'> = { deny: 'deny', violation: 'deny', warn: 'warn' };

/**
 * `files` are the bundle's members; `entries` the manifest's `wasm` list (empty: every entrypoint the
 * module exports); `data` the bundle's data documents by mount path. Rule files are named `file`.
 */
export function wasmRules(packName: string, files: Map<string, Uint8Array>, entries: WasmEntry[], data: { path: string; value: unknown }[], file: (path: string) => string): WasmRules {
  const out: WasmRules = { rules: [], external: new Map(), diagnostics: [] };
  const problem = (message: string, at: string, severity: 'error' | 'warning' = 'error') =>
    out.diagnostics.push({ code: 'pack-wasm', severity, message: `${packName}: ${message}`, file: at });

  // Per module path: the loaded policy (absent when it cannot run) and the entrypoints to run.
  const modules = new Map<string, { policy?: WasmSandbox; entries: WasmEntry[] }>();
  const wanted = entries.length > 0 ? entries : files.has('policy.wasm') ? [{ entrypoint: '', module: '/policy.wasm' }] : [];
  for (const entry of wanted) {
    const path = (entry.module ?? '/policy.wasm').replace(/^\/+/, '');
    let loaded = modules.get(path);
    if (!loaded) {
      const bytes = files.get(path);
      if (!bytes) {
        problem(`the manifest names the wasm module ${path}, which is not in the bundle`, '.manifest');
        continue;
      }
      // Instantiated and run in a worker with a deadline (wasm-sandbox.ts), never on this thread.
      const sandbox = new WasmSandbox(bytes, mountedData(data));
      const { error } = sandbox.describe();
      if (error) {
        problem(`${error}; its rules do not run`, path);
        modules.set(path, { entries: [] });
        continue;
      }
      loaded = { policy: sandbox, entries: [] };
      modules.set(path, loaded);
    }
    const policy = loaded.policy;
    if (!policy) continue;
    // No manifest entry: every entrypoint of the module.
    const entrypoints = policy.describe().entrypoints;
    if (entry.entrypoint === '') loaded.entries.push(...Object.keys(entrypoints).map((e) => ({ entrypoint: e })));
    else if (!(entry.entrypoint in entrypoints)) problem(`the manifest names the entrypoint ${entry.entrypoint}, which ${path} does not export`, '.manifest');
    else loaded.entries.push(entry);
  }

  for (const [path, { policy, entries: moduleEntries }] of modules) {
    if (!policy) continue;
    for (const [pkg, byKind] of packagesOf(moduleEntries)) {
      const rule = ruleFor(packName, pkg, byKind, file(path), (m) => problem(m, '.manifest'));
      if (!rule) continue;
      if (out.external.has(rule.id)) {
        problem(`${rule.id} is declared twice in ${path}; ${pkg} is not loaded`, '.manifest');
        continue;
      }
      out.rules.push(rule);
      out.external.set(rule.id, {
        evaluate(kind, input) {
          const entry = byKind.get(kind);
          return entry ? policy.evaluate(entry.entrypoint, input) : {};
        },
      });
    }
  }
  return out;
}

/** `team/s3/deny` → package `team.s3`, kind deny; entrypoints of other rules are not rules. */
function packagesOf(entries: WasmEntry[]): Map<string, Map<'deny' | 'warn', WasmEntry>> {
  const out = new Map<string, Map<'deny' | 'warn', WasmEntry>>();
  for (const entry of entries) {
    const segments = entry.entrypoint.split('/').filter((s) => s !== '');
    const kind = KIND_OF[segments[segments.length - 1] ?? ''];
    if (!kind || segments.length < 2) continue;
    const pkg = segments.slice(0, -1).join('.');
    const byKind = out.get(pkg) ?? new Map<'deny' | 'warn', WasmEntry>();
    if (!byKind.has(kind)) byKind.set(kind, entry);
    out.set(pkg, byKind);
  }
  return out;
}

/** The METADATA OPA copied into the manifest (package scope first), else a default naming the package. */
function ruleFor(packName: string, pkg: string, byKind: Map<'deny' | 'warn', WasmEntry>, file: string, fail: (message: string) => void): RuleMetadata | undefined {
  const annotations = [...byKind.values()].flatMap((e) => (Array.isArray(e.annotations) ? e.annotations : [])).filter(isRecord);
  const declared = annotations.find((a) => a.scope === 'package' && isRecord(a.custom)) ?? annotations.find((a) => isRecord(a.custom));
  // Without METADATA the package is the rule (as Conftest-style wasm bundles have none).
  const fields = declared ?? { title: `${pkg} (${packName}, wasm)`, custom: { id: `${packName}/${pkg}`, severity: byKind.has('deny') ? 'high' : 'low' } };
  return ruleFromFields(fields, pkg, file, (m) => fail(`${pkg}: ${m}; the rule is not loaded`));
}

/** Data documents merged into one `data` object at their mount paths. */
function mountedData(data: { path: string; value: unknown }[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const { path, value } of data) {
    const segments = path === '' ? [] : path.split('/');
    let node = root;
    for (const s of segments) node = (isRecord(node[s]) ? node[s] : (node[s] = {})) as Record<string, unknown>;
    if (isRecord(value)) Object.assign(node, value);
  }
  return root;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
