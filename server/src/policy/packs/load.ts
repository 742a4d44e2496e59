// Loads every configured rule pack beside the built-in one. Each pack is read (folder, git
// checkout or OPA bundle), its signature checked before anything in it is parsed, compiled on its
// own (so its errors are its own), then all running packs are compiled together into the one
// RulePack the scan entry point evaluates. A broken pack costs its own rules, never another's.
import { loadPack, type PackFile } from '../pack';
import type { PolicyDiagnostic, RulePack } from '../types';
import { adaptedRules } from '../adapters';
import { adapterFor, declaredAdapter } from './adapter-options';
import { assemblePack, type AssembledPack } from './bundle';
import { wasmRules, type WasmEntry, type WasmRules } from './wasm-rules';
import { commitMatches, readGitHead } from './git';
import { resolveKeys, verifyBundleSignatures, SIGNATURES_FILE, type VerificationKey } from './signatures';
import { readTarGz, DEFAULT_TAR_LIMITS, type TarLimits } from './tar';
import type { LoadedPacks, PackReader, PackSettings, PackSource, PackStatus } from './types';

export interface LoadPacksOptions {
  /** The built-in pack's files (read by the surface); called only when the built-in pack runs. */
  builtinFiles: () => PackFile[];
  builtinLocation?: string;
  /** Untrusted workspace: the built-in pack only, whatever the configuration says. */
  trusted: boolean;
  limits?: Partial<TarLimits>;
}

/** One pack read and verified, not yet compiled. */
export interface OpenedPack {
  status: PackStatus;
  /** Absent when the pack cannot be used at all (unreadable, refused archive, bad signature). */
  assembled?: AssembledPack;
}

/** Names the file of a pack in the combined pack, so diagnostics and rules say which pack. */
export function packFilePrefix(name: string): string {
  return `@${name}/`;
}

const FOLDER_FILE = /(^|\/)(data\.json|data\.ya?ml)$|\.rego$/;
const ROOT_FILES = new Set(['.manifest', SIGNATURES_FILE, 'policy.wasm']);

export function openPack(source: PackSource, settings: PackSettings, reader: PackReader, limits: Partial<TarLimits> = {}, keys?: Record<string, VerificationKey>): OpenedPack {
  const status: PackStatus = { name: source.name, kind: source.kind, location: source.location, signed: false, ruleCount: 0, ruleIds: [], diagnostics: [], loaded: false };
  const error = (message: string, code: string, file?: string) => status.diagnostics.push({ code, severity: 'error', message: `${source.name}: ${message}`, file });
  const lim = { ...DEFAULT_TAR_LIMITS, ...limits };

  const read = readSourceFiles(source, reader, lim);
  if (read.head) status.head = read.head;
  status.diagnostics.push(...read.diagnostics);
  if (!read.files) return { status };
  const files = read.files;

  // Integrity first: nothing of the pack is parsed until its signature holds.
  const resolved = keys ?? resolveKeys(settings.keys, (p) => textOf(reader, p)).keys;
  const required = settings.requireSignature && source.kind === 'bundle';
  const check = verifyBundleSignatures(files, resolved, { required, keyId: source.keyId });
  status.signed = check.signed && check.errors.length === 0;
  if (check.errors.length > 0) {
    for (const e of check.errors) error(`${e.message} — the pack is not loaded`, 'pack-signature', e.file);
    return { status };
  }

  const assembled = assemblePack(files, { name: source.name, regoVersion: source.regoVersion });
  status.diagnostics.push(...assembled.diagnostics);
  const meta = assembled.manifest?.metadata;
  status.revision = assembled.manifest?.revision;
  status.version = (typeof meta?.version === 'string' ? meta.version : undefined) ?? status.revision ?? status.head?.slice(0, 12);
  return { status, assembled };
}

/** A pack's files as path → bytes (bundle members or folder files), with git pin warnings; `files` is absent when the pack cannot be read. */
export function readSourceFiles(source: PackSource, reader: PackReader, limits: Partial<TarLimits> = {}): { files?: Map<string, Uint8Array>; head?: string; diagnostics: PolicyDiagnostic[] } {
  const diagnostics: PolicyDiagnostic[] = [];
  const lim = { ...DEFAULT_TAR_LIMITS, ...limits };
  const error = (message: string, code: string) => diagnostics.push({ code, severity: 'error', message: `${source.name}: ${message}` });
  if (source.kind === 'bundle') {
    const bytes = reader.readFile(source.location);
    if (!bytes) {
      error(`cannot read the bundle ${source.location}`, 'pack-missing');
      return { diagnostics };
    }
    const tar = readTarGz(bytes, lim);
    for (const e of tar.errors) error(`${e} — the bundle is not loaded`, 'pack-archive');
    return tar.errors.length > 0 ? { diagnostics } : { files: tar.files, diagnostics };
  }
  let head: string | undefined;
  if (source.kind === 'git') {
    const git = readGitHead(reader, source.location);
    head = git.commit;
    if (git.error) diagnostics.push({ code: 'pack-git', severity: 'warning', message: `${source.name}: ${git.error}; cannot confirm the pin ${source.commit}` });
    else if (source.commit && git.commit && !commitMatches(source.commit, git.commit)) {
      diagnostics.push({ code: 'pack-git-pin', severity: 'warning', message: `${source.name}: the checkout is at ${git.commit.slice(0, 12)}, not the pinned commit ${source.commit} (Palisade never fetches; check out the pin or update it)` });
    }
  }
  const walked = walkFolder(reader, source.location, lim);
  if (!walked) {
    error(`cannot read the folder ${source.location}`, 'pack-missing');
    return { head, diagnostics };
  }
  for (const w of walked.warnings) diagnostics.push({ code: 'pack-load-warning', severity: 'warning', message: `${source.name}: ${w}` });
  if (walked.error) {
    error(`${walked.error} — the pack is not loaded`, 'pack-archive');
    return { head, diagnostics };
  }
  return { files: walked.files, head, diagnostics };
}

export function loadPacks(settings: PackSettings, reader: PackReader, options: LoadPacksOptions): LoadedPacks {
  const statuses: PackStatus[] = [];
  const combined: PackFile[] = [];
  const runBuiltin = settings.builtin || !options.trusted;
  const builtin: PackStatus = { name: 'builtin', kind: 'builtin', location: options.builtinLocation ?? '', signed: false, ruleCount: 0, ruleIds: [], diagnostics: [], loaded: runBuiltin };
  statuses.push(builtin);
  if (runBuiltin) combined.push(...options.builtinFiles());

  const wasm: WasmRules[] = [];
  if (options.trusted && settings.sources.length > 0) {
    const { keys, errors } = resolveKeys(settings.keys, (p) => textOf(reader, p));
    for (const source of settings.sources) {
      const opened = openPack(source, settings, reader, options.limits, keys);
      for (const e of errors) opened.status.diagnostics.push({ code: 'pack-key', severity: 'warning', message: `${source.name}: ${e}` });
      statuses.push(opened.status);
      if (!opened.assembled) continue;
      const prefix = packFilePrefix(source.name);
      const assembled = opened.assembled;
      const declared = declaredAdapter(source, assembled.manifest?.metadata);
      if (assembled.wasmModules.size > 0) {
        const rules = wasmRules(source.name, assembled.wasmModules, wasmEntries(assembled.manifest?.wasm), assembled.data, (path) => prefix + path);
        opened.status.diagnostics.push(...rules.diagnostics);
        // A document-shaped wasm pack's entrypoints get each document instead of the model.
        if (declared && declared.shape !== 'palisade') {
          for (const [id, rule] of rules.external) rules.external.set(id, { evaluate: (kind, input) => rule.evaluate(kind, input), input: declared.shape, warnSeverity: declared.options.warnSeverity });
        }
        wasm.push(rules);
        if (declared && declared.shape !== 'palisade') opened.status.input = declared.shape;
      }
      // Compiled alone first: its compile errors are its own and leave only its broken files out.
      const files = assembled.files.map((f) => ({ ...f, path: prefix + f.path }));
      const alone = loadPack(files, { name: source.name, check: true });
      opened.status.diagnostics.push(...alone.diagnostics.map((d) => unprefixed(d, prefix)));
      if (!alone.policy) {
        if (files.length === 0 && assembled.wasmModules.size === 0) opened.status.diagnostics.push({ code: 'pack-empty', severity: 'warning', message: `${source.name}: the pack has no Rego policies` });
        continue;
      }
      // Packs reading another input shape keep their own prepared policy and run per document.
      const adapter = adapterFor(source, assembled.manifest?.metadata, alone.policy, alone.rules.length > 0);
      if (adapter.shape !== 'palisade') {
        const adapted = adaptedRules(source.name, alone.policy, { shape: adapter.shape, ...adapter.options }, (path) => (path.startsWith(prefix) ? path : prefix + path));
        opened.status.input = adapter.shape;
        opened.status.diagnostics.push(...adapted.diagnostics.map((d) => unprefixed(d, prefix)));
        if (adapted.rules.length === 0) {
          const where = adapter.options.namespaces === 'all' ? 'any package' : `the namespaces ${adapter.options.namespaces.join(', ')}`;
          opened.status.diagnostics.push({ code: 'pack-no-rules', severity: 'warning', message: `${source.name}: input ${adapter.shape}, but no deny, violation or warn rule in ${where} (set namespaces or all_namespaces on the source)` });
        }
        wasm.push(adapted);
        continue;
      }
      const included = new Set(alone.policy.modules.map((m) => m.file));
      combined.push(...files.filter((f) => included.has(f.path)));
      if (alone.rules.length === 0) {
        opened.status.diagnostics.push({ code: 'pack-no-rules', severity: 'warning', message: `${source.name}: no module declares a rule (package METADATA with custom.id and custom.severity), and no deny/violation/warn rule in package main for Conftest-style running (set conftest: true and namespaces on the source)` });
      }
    }
  }

  const teamPacks = statuses.filter((st) => st.kind !== 'builtin').length;
  const pack: RulePack = loadPack(combined, { name: teamPacks === 0 && runBuiltin ? 'builtin' : 'packs', check: false });
  addExternalRules(pack, wasm);
  // Team rules link to their own docs, not palisade.dev.
  for (const rule of pack.rules) if (rule.file.startsWith('@') && rule.links.length > 0) rule.docsUrl = rule.links[0];
  for (const status of statuses) {
    const own = (file: string | undefined) => (status.kind === 'builtin' ? file === undefined || !file.startsWith('@') : file?.startsWith(packFilePrefix(status.name)) === true);
    if (status.kind !== 'builtin') status.diagnostics.push(...pack.diagnostics.filter((d) => own(d.file)).map((d) => unprefixed(d, packFilePrefix(status.name))));
    else status.diagnostics.push(...pack.diagnostics.filter((d) => own(d.file)));
    const rules = pack.rules.filter((r) => own(r.file));
    status.ruleIds = rules.map((r) => r.id);
    status.ruleCount = rules.length;
    if (status.kind !== 'builtin') status.loaded = (pack.policy?.modules.some((m) => own(m.file)) ?? false) || rules.some((r) => pack.external?.has(r.id));
  }
  return { pack, packs: statuses };
}

/** Wasm entrypoint rules join the compiled pack; an id the Rego rules already declare runs once (the Rego one). */
function addExternalRules(pack: RulePack, sets: WasmRules[]): void {
  for (const set of sets) {
    for (const rule of set.rules) {
      if (pack.rules.some((r) => r.id === rule.id)) {
        pack.diagnostics.push({ code: 'pack-metadata', severity: 'warning', message: `${rule.id} is declared by a Rego rule too; the wasm entrypoint ${rule.packagePath} does not run`, file: rule.file, ruleId: rule.id });
        continue;
      }
      pack.rules.push(rule);
      (pack.external ??= new Map()).set(rule.id, set.external.get(rule.id)!);
    }
  }
}

/** The manifest's `wasm` list (`{entrypoint, module, annotations}`), entries without an entrypoint dropped. */
function wasmEntries(raw: unknown[] | undefined): WasmEntry[] {
  return (raw ?? []).filter((e): e is WasmEntry => typeof e === 'object' && e !== null && typeof (e as WasmEntry).entrypoint === 'string');
}

/** Diagnostics name files inside their pack (`rules/x.rego`), not with the combined prefix. */
function unprefixed(d: PolicyDiagnostic, prefix: string): PolicyDiagnostic {
  const strip = (s: string) => s.split(prefix).join('');
  return { ...d, message: strip(d.message), ...(d.file !== undefined ? { file: strip(d.file) } : {}) };
}

function textOf(reader: PackReader, path: string): string | undefined {
  const bytes = reader.readFile(path);
  return bytes ? new TextDecoder().decode(bytes) : undefined;
}

/** The pack files of a folder: Rego, data documents, and the bundle files at its root. Links are skipped with a warning. */
function walkFolder(reader: PackReader, root: string, lim: TarLimits): { files: Map<string, Uint8Array>; warnings: string[]; error?: string } | undefined {
  if (!reader.listDir(root)) return undefined;
  const files = new Map<string, Uint8Array>();
  const warnings: string[] = [];
  let total = 0;
  const walk = (dir: string, rel: string): string | undefined => {
    for (const entry of (reader.listDir(dir) ?? []).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.kind === 'link') {
        warnings.push(`${path} is a symbolic link; links are not followed`);
        continue;
      }
      if (entry.kind === 'dir') {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const failed = walk(`${dir}/${entry.name}`, path);
        if (failed) return failed;
        continue;
      }
      if (entry.kind !== 'file' || !(FOLDER_FILE.test(path) || (rel === '' && ROOT_FILES.has(entry.name)))) continue;
      const bytes = reader.readFile(`${dir}/${entry.name}`);
      if (!bytes) continue;
      if (bytes.length > lim.maxMemberBytes) return `${path} is ${bytes.length} bytes, over the ${lim.maxMemberBytes}-byte limit`;
      total += bytes.length;
      if (total > lim.maxTotalBytes) return `the pack is over ${lim.maxTotalBytes} bytes (limit)`;
      if (files.size >= lim.maxMembers) return `the pack has more than ${lim.maxMembers} files (limit)`;
      files.set(path, bytes);
    }
    return undefined;
  };
  const error = walk(root.replace(/\/$/, ''), '');
  return { files, warnings, error };
}
