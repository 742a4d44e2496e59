// `palisade scan <path>... [--format text|json] [--var-file F]... [--fail-on SEVERITY]`: run the
// built-in rule pack over Terraform units through the same entry point as the language server.
import { posix, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findModuleDirs } from '../../iac/terraform';
import {
  ConfigCache,
  configForUnit,
  isSeverity,
  loadPack,
  scanTerraformUnit,
  severityRank,
  type Finding,
  type PolicyDiagnostic,
  type RuleSeverity,
} from '../../policy';
import { DiskHost, toHostPath } from '../../workspace/disk-host';
import { builtinPackDir, readPackFiles } from '../../workspace/policy-files';
import { positionIn } from '../positions';

export const summary = 'scan Terraform modules with the built-in rule pack (text or JSON; exit 1 on findings)';

const USAGE = `usage: palisade scan <path>... [--format text|json] [--var-file FILE]... [--fail-on SEVERITY]

  <path>      a .tf file (its directory is the unit), a module directory, or a folder
              tree (every directory in it that holds .tf files is a unit)
  --format    text (default): findings grouped by file as file:line:col severity id message
              json: {"findings":[…],"diagnostics":[…]} (paths relative to the current directory)
  --var-file  extra variable file, applied after terraform.tfvars and *.auto.tfvars (repeatable)
  --fail-on   critical|high|medium|low|info (default high): the lowest severity that fails

exit status: 0 no unsuppressed finding at or above --fail-on, 1 otherwise, 2 on usage or internal errors`;

export interface JsonFinding {
  ruleId: string;
  severity: RuleSeverity;
  message: string;
  file: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  resource?: string;
  path?: (string | number)[];
  fingerprint: string;
  suppressed?: { by: string; reason?: string };
  fix?: unknown[];
}

export interface JsonDiagnostic {
  source: 'terraform' | 'policy' | 'config';
  severity: string;
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'var-file': { type: 'string', multiple: true },
        'fail-on': { type: 'string', default: 'high' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return usageError(err instanceof Error ? err.message : String(err));
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const format = parsed.values.format;
  const failOn = parsed.values['fail-on'];
  if (format !== 'text' && format !== 'json') return usageError(`unknown --format '${format}'`);
  if (!isSeverity(failOn)) return usageError(`--fail-on must be one of critical, high, medium, low, info`);
  if (parsed.positionals.length === 0) return usageError('no path given');

  const host = new DiskHost({ snapshot: true });
  const cwd = toHostPath(process.cwd());
  const varFiles = (parsed.values['var-file'] ?? []).map((f) => toHostPath(resolve(f)));
  for (const f of varFiles) if (host.readFile(f) === undefined) return usageError(`cannot read variable file ${f}`);
  const dirs: string[] = [];
  for (const p of parsed.positionals) {
    const found = unitDirs(host, toHostPath(resolve(p)));
    if (!found) return usageError(`${p} is not a .tf file or a directory`);
    for (const d of found) if (!dirs.includes(d)) dirs.push(d);
  }

  const packDir = builtinPackDir();
  if (!packDir) {
    process.stderr.write('palisade scan: the built-in rule pack (policies/) was not found next to the program\n');
    return 2;
  }
  // The built-in pack passes OPA's compile checks in CI (test/policy/fixtures.test.ts).
  const pack = loadPack(readPackFiles(packDir), { name: 'builtin', check: false });
  const findings: JsonFinding[] = [];
  const diagnostics: JsonDiagnostic[] = pack.diagnostics.map((d) => policyDiagnostic(d, posix.join(packDir.split('\\').join('/'), d.file ?? ''), cwd, host));
  const configs = new ConfigCache();
  const seenConfigProblems = new Set<string>();
  const reported = new Set<string>();
  for (const dir of dirs) {
    const { config, file: configFile, diagnostics: configProblems } = configForUnit(host, dir, undefined, configs);
    if (configFile && !seenConfigProblems.has(configFile)) {
      seenConfigProblems.add(configFile);
      for (const d of configProblems) diagnostics.push({ ...policyDiagnostic(d, configFile, cwd, host), source: 'config' });
    }
    const scan = await scanTerraformUnit(host, { dir, root: cwd, varFiles, pack, config });
    for (const d of scan.analysis.diagnostics) {
      const [line, column] = position(host, posix.join(cwd, d.file), d.start);
      diagnostics.push({ source: 'terraform', severity: d.severity, code: d.code, message: d.message, file: d.file, line, column });
    }
    for (const d of scan.diagnostics) diagnostics.push(policyDiagnostic(d, d.file ? posix.join(packDir.split('\\').join('/'), d.file) : undefined, cwd, host));
    // A local module scanned on its own repeats what its caller's unit found in the same file.
    for (const f of scan.findings) {
      const key = `${f.ruleId}|${f.range.file}|${f.range.start}|${f.range.end}`;
      if (reported.has(key)) continue;
      reported.add(key);
      findings.push(toJsonFinding(f, cwd, host));
    }
  }

  if (format === 'json') process.stdout.write(`${JSON.stringify({ findings, diagnostics }, null, 2)}\n`);
  else process.stdout.write(formatText(findings, diagnostics));
  const threshold = severityRank(failOn);
  return findings.some((f) => !f.suppressed && severityRank(f.severity) >= threshold) ? 1 : 0;
}

function usageError(message: string): number {
  process.stderr.write(`palisade scan: ${message}\n\n${USAGE}\n`);
  return 2;
}

/** The units a path names: a file's directory, a module directory, or every module in a tree. */
function unitDirs(host: DiskHost, path: string): string[] | undefined {
  const entries = host.listDir(path);
  if (!entries) {
    if (path.endsWith('.tf') && host.readFile(path) !== undefined) return [path.slice(0, path.lastIndexOf('/')) || '/'];
    return undefined;
  }
  if (entries.some((n) => n.endsWith('.tf'))) return [path];
  return findModuleDirs(host, path);
}

function toJsonFinding(f: Finding, cwd: string, host: DiskHost): JsonFinding {
  const abs = posix.join(cwd, f.range.file);
  const [startLine, startColumn] = position(host, abs, f.range.start);
  const [endLine, endColumn] = position(host, abs, f.range.end);
  const out: JsonFinding = { ruleId: f.ruleId, severity: f.severity, message: f.message, file: f.range.file, startLine, startColumn, endLine, endColumn, fingerprint: f.fingerprint };
  if (f.resource !== undefined) out.resource = f.resource;
  if (f.path !== undefined) out.path = f.path;
  if (f.suppressed) out.suppressed = f.suppressed;
  if (f.fix) out.fix = f.fix;
  return out;
}

function policyDiagnostic(d: PolicyDiagnostic, absFile: string | undefined, cwd: string, host: DiskHost): JsonDiagnostic {
  const out: JsonDiagnostic = { source: 'policy', severity: d.severity, code: d.code, message: d.message };
  if (absFile) {
    out.file = posix.relative(cwd, absFile) || absFile;
    if (d.start !== undefined) [out.line, out.column] = position(host, absFile, d.start);
  }
  return out;
}

const position = positionIn;

function formatText(findings: JsonFinding[], diagnostics: JsonDiagnostic[]): string {
  const lines: string[] = [];
  const byFile = new Map<string, JsonFinding[]>();
  for (const f of findings) {
    if (f.suppressed) continue;
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  for (const [file, list] of byFile) {
    lines.push(file);
    for (const f of list) lines.push(`  ${f.file}:${f.startLine}:${f.startColumn} ${f.severity} ${f.ruleId} ${f.message}`);
    lines.push('');
  }
  const suppressed = findings.filter((f) => f.suppressed).length;
  const problems = diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
  if (problems.length > 0) {
    lines.push('problems:');
    for (const d of problems) lines.push(`  ${d.file ? `${d.file}${d.line ? `:${d.line}:${d.column}` : ''} ` : ''}${d.severity} ${d.message} [${d.code}]`);
    lines.push('');
  }
  const shown = findings.length - suppressed;
  lines.push(`${shown} finding${shown === 1 ? '' : 's'}${suppressed ? `, ${suppressed} suppressed` : ''}`);
  return lines.join('\n') + '\n';
}
