// `palisade packs list|verify|test|sign`: the team rule packs a `.palisade.yaml` names, through
// the same loader the language server and `palisade scan` use (workspace/pack-reader.ts).
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  SIGNATURE_ALGORITHMS,
  createSignatures,
  openPack,
  readSourceFiles,
  resolveKeys,
  writeTarGz,
  type PackSource,
  type PolicyDiagnostic,
  type SignatureAlgorithm,
} from '../../policy';
import { toHostPath } from '../../workspace/disk-host';
import { DiskPackReader, loadCliPacks, readCliConfig } from '../../workspace/pack-reader';
import { parseCommandArgs, printUsage, usageError, USAGE_EXIT, type CommandUsage } from '../args';
import { report } from './test';
import { buildPack, initPack, packTestOutcomes, type SigningKey } from './packs-author';

export const summary = 'team rule packs: list, verify (signatures, git pins), test, sign, init, build';

const USAGE = `usage: palisade packs <list|verify|test|sign|init|build> [options]

  list [--json]                      every pack: name, version/revision, source, rule count, problems
  verify                             check bundle signatures and git pins (exit 1 on any failure)
  test [-v] [--run REGEX]            run each pack's *_test.rego like \`palisade test\`
  sign <bundle.tar.gz|dir> --key <pem file|secret> --alg RS256|ES256|HS256 [--key-id ID]
                                     write .signatures.json (into the archive, or the folder) as opa sign does
  init <dir> [--name NAME]           scaffold a pack: .manifest, a rule with METADATA, its tests, data, CI workflow
  build <dir> [-o out.tar.gz] [--key <pem|secret> --alg ALG [--key-id ID]] [--skip-tests]
                                     compile and test the pack, then write an OPA bundle (signed when --key is given)

  --config FILE   use this .palisade.yaml instead of the nearest one above the current directory

exit status: 0 ok, 1 a pack failed (verify, test) or has errors (list), 2 usage`;

const PACKS: CommandUsage = { name: 'palisade packs', usage: USAGE };

type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const options = parseCommandArgs(PACKS, rest, {
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      config: { type: 'string' },
      verbose: { type: 'boolean', short: 'v' },
      run: { type: 'string', short: 'r' },
      key: { type: 'string' },
      alg: { type: 'string' },
      'key-id': { type: 'string' },
      name: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'skip-tests': { type: 'boolean' },
    },
  });
  if (typeof options === 'number') return options;
  const parsed = options as Parsed;
  if (!sub) {
    // The usage on stdout, as for --help, but nothing was done: exit 2.
    printUsage(PACKS);
    return USAGE_EXIT;
  }
  if (sub === '--help' || sub === '-h') return printUsage(PACKS);
  const configFile = typeof parsed.values.config === 'string' ? toHostPath(resolve(parsed.values.config)) : undefined;
  switch (sub) {
    case 'list':
      return list(configFile, parsed.values.json === true);
    case 'verify':
      return verify(configFile);
    case 'test':
      return testPacks(configFile, parsed.values.verbose === true, parsed.values.run as string | undefined);
    case 'sign':
      return sign(parsed);
    case 'init':
      if (!parsed.positionals[0]) return usageError(PACKS, 'init needs the folder to create');
      return initPack(parsed.positionals[0], parsed.values.name as string | undefined);
    case 'build': {
      if (!parsed.positionals[0]) return usageError(PACKS, 'build needs the pack folder');
      const key = signingKey(parsed);
      if (typeof key === 'string') return usageError(PACKS, key);
      return buildPack(parsed.positionals[0], parsed.values.output as string | undefined, key, parsed.values['skip-tests'] === true);
    }
    default:
      return usageError(PACKS, `unknown sub-command '${sub}'`);
  }
}

function cwd(): string {
  return toHostPath(process.cwd());
}

/** Config problems make the command fail with 2 (like a usage error): the packs it names are unknown. */
function configProblems(file: string | undefined, diagnostics: PolicyDiagnostic[]): boolean {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors) process.stderr.write(`${file}: ${d.message}\n`);
  return errors.length > 0;
}

function list(configFile: string | undefined, json: boolean): number {
  const { loaded, configFile: file, diagnostics } = loadCliPacks(cwd(), configFile);
  if (configProblems(file, diagnostics)) return 2;
  const rows = loaded.packs.map((p) => ({
    name: p.name,
    kind: p.kind,
    source: p.location,
    version: p.version ?? null,
    revision: p.revision ?? null,
    head: p.head ?? null,
    signed: p.signed,
    loaded: p.loaded,
    rules: p.ruleCount,
    // The input shape its rules read (docs/rule-packs.md "Input shapes").
    input: p.input ?? 'palisade',
    errors: p.diagnostics.filter((d) => d.severity === 'error').map((d) => diagnosticText(d)),
    warnings: p.diagnostics.filter((d) => d.severity !== 'error').map((d) => diagnosticText(d)),
  }));
  if (json) process.stdout.write(`${JSON.stringify({ config: file ?? null, packs: rows }, null, 2)}\n`);
  else {
    const width = Math.max(4, ...rows.map((r) => r.name.length));
    process.stdout.write(`${'NAME'.padEnd(width)}  ${'KIND'.padEnd(7)}  ${'VERSION'.padEnd(12)}  ${'RULES'.padStart(5)}  SOURCE\n`);
    for (const r of rows) {
      const state = (!r.loaded ? '  (not loaded)' : r.signed ? '  (signed)' : '') + (r.input !== 'palisade' ? `  (input: ${r.input})` : '');
      process.stdout.write(`${r.name.padEnd(width)}  ${r.kind.padEnd(7)}  ${(r.version ?? '-').slice(0, 12).padEnd(12)}  ${String(r.rules).padStart(5)}  ${r.source}${state}\n`);
      for (const e of r.errors) process.stdout.write(`  error: ${e}\n`);
      for (const w of r.warnings) process.stdout.write(`  warning: ${w}\n`);
    }
  }
  return rows.some((r) => r.errors.length > 0) ? 1 : 0;
}

function diagnosticText(d: PolicyDiagnostic): string {
  return d.file && !d.message.includes(d.file) ? `${d.message} (${d.file})` : d.message;
}

/** Signatures (required ones refused when absent) and git pins of every configured pack. */
function verify(configFile: string | undefined): number {
  const { config, configFile: file, diagnostics } = readCliConfig(cwd(), configFile);
  if (configProblems(file, diagnostics)) return 2;
  const settings = config.packSettings;
  if (settings.sources.length === 0) {
    process.stdout.write('no team packs configured\n');
    return 0;
  }
  const reader = new DiskPackReader();
  const keys = resolveKeys(settings.keys, (p) => textFile(p));
  for (const e of keys.errors) process.stderr.write(`palisade packs verify: ${e}\n`);
  let failed = keys.errors.length > 0;
  for (const source of settings.sources) {
    const { status } = openPack(source, settings, reader, {}, keys.keys);
    const problems = status.diagnostics.filter((d) => d.severity === 'error' || d.code === 'pack-git-pin' || d.code === 'pack-git');
    const what = source.kind === 'git' ? `HEAD ${status.head?.slice(0, 12) ?? 'unknown'}, pinned ${source.commit}` : status.signed ? 'signature valid' : 'unsigned';
    process.stdout.write(`${problems.length === 0 ? 'ok  ' : 'FAIL'}  ${source.name} (${source.kind}, ${what})\n`);
    for (const d of problems) process.stdout.write(`      ${diagnosticText(d)}\n`);
    if (problems.length > 0) failed = true;
  }
  return failed ? 1 : 0;
}

/** Each configured pack's `*_test.rego` against the pack's own policies and data. */
function testPacks(configFile: string | undefined, verbose: boolean, runFilter: string | undefined): number {
  const { config, configFile: file, diagnostics } = readCliConfig(cwd(), configFile);
  if (configProblems(file, diagnostics)) return 2;
  let filter: RegExp | undefined;
  try {
    filter = runFilter ? new RegExp(runFilter) : undefined;
  } catch (err) {
    return usageError(PACKS, `invalid --run: ${(err as Error).message}`);
  }
  const settings = config.packSettings;
  const reader = new DiskPackReader();
  let failed = false;
  for (const source of settings.sources) {
    const { status, assembled } = openPack(source, settings, reader);
    process.stdout.write(`== ${source.name} (${source.location})\n`);
    if (!assembled) {
      for (const d of status.diagnostics) process.stdout.write(`${d.severity}: ${diagnosticText(d)}\n`);
      failed = true;
      continue;
    }
    const run = packTestOutcomes(assembled, filter);
    if (run.errors) {
      for (const e of run.errors.slice(0, 10)) process.stdout.write(`${e.file ?? source.name}:${e.row}:${e.col}: ${e.code}: ${e.message}\n`);
      failed = true;
      continue;
    }
    const outcomes = run.outcomes;
    process.stdout.write(report(outcomes, verbose));
    if (outcomes.some((o) => o.status === 'FAIL' || o.status === 'ERROR')) failed = true;
  }
  if (settings.sources.length === 0) process.stdout.write('no team packs configured\n');
  return failed ? 1 : 0;
}

/** --key/--alg/--key-id as a signing key; undefined without --key, a message when they are wrong. */
function signingKey(parsed: Parsed): SigningKey | string | undefined {
  const keyArg = parsed.values.key;
  if (typeof keyArg !== 'string') return undefined;
  const alg = typeof parsed.values.alg === 'string' ? parsed.values.alg.toUpperCase() : 'RS256';
  if (!(SIGNATURE_ALGORITHMS as readonly string[]).includes(alg)) return `--alg must be one of ${SIGNATURE_ALGORITHMS.join(', ')}`;
  // --key is a PEM file or secret file when such a file exists, else the secret itself.
  const material = existsSync(keyArg) && statSync(keyArg).isFile() ? readFileSync(keyArg, 'utf8') : keyArg;
  if (alg !== 'HS256' && !material.includes('PRIVATE KEY')) return `${alg} signs with a private key PEM (--key)`;
  const keyId = typeof parsed.values['key-id'] === 'string' ? parsed.values['key-id'] : undefined;
  return { algorithm: alg as SignatureAlgorithm, material: alg === 'HS256' ? material.replace(/\r?\n$/, '') : material, keyId };
}

function sign(parsed: Parsed): number {
  const target = parsed.positionals[0];
  const signing = signingKey(parsed);
  if (!target || signing === undefined) return usageError(PACKS, 'sign needs a bundle (or folder) and --key');
  if (typeof signing === 'string') return usageError(PACKS, signing);
  const key = { algorithm: signing.algorithm, material: signing.material };
  const keyId = signing.keyId;
  const alg = signing.algorithm;
  const path = toHostPath(resolve(target));
  const isDir = existsSync(path) && statSync(path).isDirectory();
  const source: PackSource = { kind: isDir ? 'folder' : 'bundle', name: 'sign', location: path };
  const read = readSourceFiles(source, new DiskPackReader());
  if (!read.files) {
    for (const d of read.diagnostics) process.stderr.write(`palisade packs sign: ${d.message}\n`);
    return 1;
  }
  let text: string;
  try {
    text = createSignatures(read.files, key, keyId);
  } catch (err) {
    process.stderr.write(`palisade packs sign: cannot sign with this key: ${(err as Error).message}\n`);
    return 1;
  }
  if (isDir) {
    writeFileSync(`${path}/.signatures.json`, text);
    process.stdout.write(`wrote ${path}/.signatures.json (${read.files.size - (read.files.has('.signatures.json') ? 1 : 0)} files)\n`);
    return 0;
  }
  // Rewrite the archive in its own member order with .signatures.json (replaced) first, as opa build does.
  const files = new Map(read.files);
  files.delete('.signatures.json');
  const entries = [{ name: '/.signatures.json', data: Buffer.from(text) }, ...[...files].map(([name, data]) => ({ name: `/${name}`, data }))];
  writeFileSync(path, writeTarGz(entries));
  process.stdout.write(`signed ${path} (${files.size} files, ${alg}${keyId ? `, key id ${keyId}` : ''})\n`);
  return 0;
}

function textFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

