// `palisade inspect <path>... [--var-file F]... [--json]`: print the evaluated Terraform model of
// each unit (module directory) with its diagnostics. The output shape is documented in docs/model.md.
import { posix, resolve } from 'node:path';
import type { FrontEndDiagnostic, Model } from '../../iac/model';
import { analyzeTerraformModule, findModuleDirs, isTerraformConfigName } from '../../iac/terraform';
import { DiskHost, toHostPath } from '../../workspace/disk-host';
import { parseCommandArgs, usageError, type CommandUsage } from '../args';
import { positionIn } from '../positions';

export const summary = 'print the evaluated model of Terraform modules (--json for machine output)';

const USAGE = `usage: palisade inspect <path>... [--var-file FILE]... [--json]

  <path>      a .tf file (its directory is the unit), a module directory, or a folder
              tree (every directory in it that holds .tf files is a unit)
  --var-file  extra variable file, applied after terraform.tfvars and *.auto.tfvars (repeatable)
  --json      print {"units":[…]} as JSON (paths relative to the current directory)

exit status: 0 ok, 1 when any unit has an error diagnostic, 2 on usage errors`;

const INSPECT: CommandUsage = { name: 'palisade inspect', usage: USAGE };

interface InspectDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: FrontEndDiagnostic['severity'];
  code: string;
  message: string;
}

export interface InspectUnit {
  format: 'terraform';
  dir: string;
  files: string[];
  resources: Model['resources'];
  data: NonNullable<Model['data']>;
  modules: NonNullable<Model['modules']>;
  providers: NonNullable<Model['providers']>;
  required_providers?: Model['required_providers'];
  sensitive_variables?: Model['sensitive_variables'];
  variables: NonNullable<Model['variables']>;
  locals: NonNullable<Model['locals']>;
  diagnostics: InspectDiagnostic[];
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(INSPECT, argv, { allowPositionals: true, options: { 'var-file': { type: 'string', multiple: true }, json: { type: 'boolean' } } });
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length === 0) return usageError(INSPECT, 'no path given');
  const host = new DiskHost({ snapshot: true });
  const cwd = toHostPath(process.cwd());
  const varFiles = (parsed.values['var-file'] ?? []).map((f) => toHostPath(resolve(f)));
  for (const f of varFiles) {
    if (host.readFile(f) === undefined) {
      process.stderr.write(`palisade inspect: cannot read variable file ${f}\n`);
      return 2;
    }
  }
  const dirs: string[] = [];
  for (const p of parsed.positionals) {
    const found = unitDirs(host, toHostPath(resolve(p)));
    if (!found) {
      process.stderr.write(`palisade inspect: ${p} is not a .tf file or a directory\n`);
      return 2;
    }
    for (const d of found) if (!dirs.includes(d)) dirs.push(d);
  }
  const units = dirs.map((dir) => inspectUnit(host, dir, cwd, varFiles));
  if (parsed.values.json) process.stdout.write(`${JSON.stringify({ units }, null, 2)}\n`);
  else process.stdout.write(formatSummary(units));
  return units.some((u) => u.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

/** The units a path names: a file's directory, a module directory, or every module in a tree. */
function unitDirs(host: DiskHost, path: string): string[] | undefined {
  const entries = host.listDir(path);
  if (!entries) {
    if (isTerraformConfigName(path) && host.readFile(path) !== undefined) return [path.slice(0, path.lastIndexOf('/')) || '/'];
    return undefined;
  }
  if (entries.some((n) => isTerraformConfigName(n))) return [path];
  return findModuleDirs(host, path);
}

/** Analyse one module directory; paths in the result are relative to `cwd`. */
export function inspectUnit(host: DiskHost, dir: string, cwd: string, varFiles: string[]): InspectUnit {
  const result = analyzeTerraformModule(host, { dir, root: cwd, varFiles });
  const m = result.model;
  const position = (file: string, offset: number) => positionIn(host, posix.join(cwd, file), offset);
  const diagnostics = result.diagnostics.map((d): InspectDiagnostic => {
    const [line, column] = position(d.file, d.start);
    const [endLine, endColumn] = position(d.file, d.end);
    return { file: d.file, line, column, endLine, endColumn, severity: d.severity, code: d.code, message: d.message };
  });
  return {
    format: 'terraform',
    dir: posix.relative(cwd, dir) || '.',
    files: m.files,
    resources: m.resources,
    data: m.data ?? [],
    modules: m.modules ?? [],
    providers: m.providers ?? [],
    ...(m.required_providers ? { required_providers: m.required_providers } : {}),
    ...(m.sensitive_variables ? { sensitive_variables: m.sensitive_variables } : {}),
    variables: m.variables ?? {},
    locals: m.locals ?? {},
    diagnostics,
  };
}

function formatSummary(units: InspectUnit[]): string {
  const lines: string[] = [];
  for (const u of units) {
    lines.push(`${u.dir}  (${u.files.length} file${u.files.length === 1 ? '' : 's'})`);
    for (const r of [...u.resources, ...u.data]) lines.push(`  ${r.address}  ${r.file}`);
    for (const m of u.modules) lines.push(`  ${m.address}  source ${m.source}${m.dir ? '' : ' (not evaluated)'}`);
    if (u.resources.length + u.data.length + u.modules.length === 0) lines.push('  (no resources)');
    for (const d of u.diagnostics) lines.push(`  ${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} [${d.code}]`);
    lines.push('');
  }
  return lines.join('\n');
}
