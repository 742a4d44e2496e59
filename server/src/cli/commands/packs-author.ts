// `palisade packs init` and `palisade packs build`: what a pack author needs to start a pack and to
// publish it as an OPA bundle. Build loads the folder through the same loader the editor and scan
// use, so a bundle is only written when every file compiles and every test passes.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import {
  createSignatures,
  openPack,
  readSourceFiles,
  writeTarGz,
  DEFAULT_PACK_SETTINGS,
  SIGNATURES_FILE,
  type AssembledPack,
  type PackSource,
  type SignatureAlgorithm,
} from '../../policy';
import { evalRuleWithErrors, prepare, type RegoError } from '../../rego';
import { toHostPath } from '../../workspace/disk-host';
import { DiskPackReader, PackLoader } from '../../workspace/pack-reader';
import { discoverTests } from './test';
import { packScaffold } from './packs-scaffold';
import { counted } from '../../shared/plural';

export interface SigningKey {
  algorithm: SignatureAlgorithm;
  material: string;
  keyId?: string;
}

/** Writes a new pack into `dir` (created; refused when it exists and is not empty). */
export function initPack(dir: string, name: string | undefined): number {
  const target = resolve(dir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    process.stderr.write(`palisade packs init: ${target} exists and is not empty; choose a new folder\n`);
    return 1;
  }
  const packName = name ?? basename(target);
  const root = packageRoot(packName);
  if (!root) {
    process.stderr.write(`palisade packs init: cannot derive a Rego package name from '${packName}'; pass --name with letters, digits and _\n`);
    return 2;
  }
  const files = packScaffold(packName, root);
  for (const [rel, text] of Object.entries(files)) {
    const path = join(target, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  process.stdout.write(
    `created pack '${packName}' in ${target} (${Object.keys(files).length} files)\n` +
      `next: cd ${target} && palisade packs build . -o ${packName}.tar.gz   (runs the tests first)\n`,
  );
  return 0;
}

/** A Rego identifier for the pack's root package (`Company Baseline` → `company_baseline`). */
function packageRoot(name: string): string | undefined {
  const id = name.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (!id) return undefined;
  return /^[a-z_]/.test(id) ? id : `p_${id}`;
}

/**
 * Builds `<folder>` into an OPA bundle: every pack file (hidden folders and node_modules left out,
 * as the loader does) under `/`, `.signatures.json` first when a key is given, as `opa build` and
 * `opa sign` lay it out. Refuses packs that do not compile or whose tests fail.
 */
export function buildPack(folder: string, output: string | undefined, key: SigningKey | undefined, skipTests: boolean): number {
  const path = toHostPath(resolve(folder));
  const source: PackSource = { kind: 'folder', name: basename(path), location: path };
  const read = readSourceFiles(source, new DiskPackReader());
  // Compiled as at run time: beside the built-in pack, whose libraries team rules may import.
  const loaded = new PackLoader().load({ ...DEFAULT_PACK_SETTINGS, sources: [source] }, true);
  const status = loaded.packs.find((p) => p.kind === 'folder')!;
  const { assembled } = openPack(source, { ...DEFAULT_PACK_SETTINGS, sources: [source] }, new DiskPackReader());
  const errors = status.diagnostics.filter((d) => d.severity === 'error');
  for (const d of status.diagnostics) process.stderr.write(`${d.severity}: ${d.message}${d.file ? ` (${d.file})` : ''}\n`);
  const files = read.files;
  if (!assembled || !files || errors.length > 0 || !status.loaded) {
    process.stderr.write('palisade packs build: the pack has errors; no bundle written\n');
    return 1;
  }
  if (status.ruleCount === 0) process.stderr.write('palisade packs build: warning: no rule (a module with custom.id and custom.severity) in this pack\n');
  if (!skipTests) {
    const failed = runPackTests(assembled);
    if (failed === undefined) return 1;
    if (failed > 0) {
      process.stderr.write(`palisade packs build: ${counted(failed, 'test')} failed; no bundle written (--skip-tests to build anyway)\n`);
      return 1;
    }
  }
  const members = new Map(files);
  members.delete(SIGNATURES_FILE);
  const entries = [...members].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, data]) => ({ name: `/${name}`, data }));
  if (key) {
    let signatures: string;
    try {
      signatures = createSignatures(members, { algorithm: key.algorithm, material: key.material }, key.keyId);
    } catch (err) {
      process.stderr.write(`palisade packs build: cannot sign with this key: ${(err as Error).message}\n`);
      return 1;
    }
    entries.unshift({ name: `/${SIGNATURES_FILE}`, data: Buffer.from(signatures) });
  }
  const out = resolve(output ?? `${basename(path)}.tar.gz`);
  writeFileSync(out, writeTarGz(entries));
  const version = status.version ?? status.revision;
  process.stdout.write(`wrote ${out}: ${members.size} files, ${status.ruleCount} rules${version ? `, version ${version}` : ''}${key ? `, signed ${key.algorithm}` : ', unsigned'}\n`);
  return 0;
}

export interface PackTestOutcome {
  test: ReturnType<typeof discoverTests>[number];
  status: 'PASS' | 'FAIL' | 'ERROR' | 'SKIPPED';
  ms: number;
  error?: string;
}

/** Each `*_test.rego` test of an assembled pack run against its policies and data; `errors` when they do not compile. */
export function packTestOutcomes(assembled: AssembledPack, filter?: RegExp): { outcomes: PackTestOutcome[]; errors?: undefined } | { errors: RegoError[] } {
  const { policy, errors } = prepare([...assembled.files, ...assembled.tests].map((f) => ({ file: f.path, text: f.text, regoVersion: f.regoVersion })));
  if (!policy) return { errors };
  const testFiles = new Set(assembled.tests.map((t) => t.path));
  const tests = policy.modules.filter((m) => testFiles.has(m.file)).flatMap((m) => discoverTests(m.file, m.module)).filter((t) => !filter || filter.test(t.name));
  const outcomes = tests.map((test): PackTestOutcome => {
    if (test.skip) return { test, status: 'SKIPPED', ms: 0 };
    const started = performance.now();
    const r = evalRuleWithErrors(policy, test.name, { budget: { maxMillis: 5000 } });
    const ms = performance.now() - started;
    if (r.errors.length > 0) return { test, status: 'ERROR', ms, error: `${r.errors[0].code}: ${r.errors[0].message}` };
    return { test, status: r.value === undefined || r.value === false ? 'FAIL' : 'PASS', ms };
  });
  return { outcomes };
}

/** Runs the pack's tests; the number that failed, or undefined when the pack does not compile with them. */
function runPackTests(assembled: AssembledPack): number | undefined {
  if (assembled.tests.length === 0) return 0;
  const run = packTestOutcomes(assembled);
  if (run.errors) {
    for (const e of run.errors.slice(0, 10)) process.stderr.write(`${e.file ?? ''}:${e.row}:${e.col}: ${e.code}: ${e.message}\n`);
    process.stderr.write('palisade packs build: the tests do not compile; no bundle written\n');
    return undefined;
  }
  const failures = run.outcomes.filter((o) => o.status === 'FAIL' || o.status === 'ERROR');
  for (const o of failures) process.stderr.write(`FAIL ${o.test.name}${o.error ? `: ${o.error}` : ''}\n`);
  process.stdout.write(`tests: ${run.outcomes.filter((o) => o.status === 'PASS').length} passed, ${failures.length} failed\n`);
  return failures.length;
}
