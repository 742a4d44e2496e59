// `palisade rules [--json] [--config FILE]`: every rule that runs — the built-in pack and the team
// packs of the nearest `.palisade.yaml` (as `palisade scan` loads them) — with its metadata.
import { resolve } from 'node:path';
import { type RuleMetadata } from '../../policy';
import { toHostPath } from '../../workspace/disk-host';
import { parseCommandArgs, type CommandUsage } from '../args';
import { loadBuiltinPack } from '../scan-engine';

export const summary = 'list the rules that run: built-in and team packs (--json for every metadata field)';

const USAGE = `usage: palisade rules [--json] [--config FILE]

  --json     {"rules":[{"id","title","description","severity","formats","resourceTypes",
             "frameworks","references","cwe","remediation","fixable","docsUrl","package","file","pack",
             "links"?,"follows"?}…]}
  --config   the .palisade.yaml whose team packs to list too (default: the nearest one at or
             above the current directory, as palisade scan)

exit status: 0, or 2 on usage or internal errors`;

const RULES: CommandUsage = { name: 'palisade rules', usage: USAGE };

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(RULES, argv, { allowPositionals: false, options: { json: { type: 'boolean', default: false }, config: { type: 'string' } } });
  if (typeof parsed === 'number') return parsed;
  const configFile = parsed.values.config !== undefined ? toHostPath(resolve(parsed.values.config)) : undefined;
  const { pack, packDiagnostics } = loadBuiltinPack({ cwd: toHostPath(process.cwd()), configFile });
  if (!pack) {
    process.stderr.write('palisade rules: the built-in rule pack (policies/) was not found next to the program\n');
    return 2;
  }
  for (const d of packDiagnostics ?? []) if (d.severity === 'error') process.stderr.write(`palisade rules: ${d.message}${d.file ? ` (${d.file})` : ''}\n`);
  const rules = pack.rules.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (parsed.values.json) {
    process.stdout.write(`${JSON.stringify({ rules: rules.map(toJson) }, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(0, ...rules.map((r) => r.id.length));
  for (const r of rules) process.stdout.write(`${r.id.padEnd(width)}  ${r.severity.padEnd(8)}  ${r.fixable ? 'fix' : '   '}  ${r.title}${packOf(r) === 'builtin' ? '' : `  [${packOf(r)}]`}\n`);
  const fixable = rules.filter((r) => r.fixable).length;
  process.stdout.write(`${rules.length} rules, ${fixable} fixable\n`);
  return 0;
}

function toJson(r: RuleMetadata) {
  const out: Record<string, unknown> = {
    id: r.id,
    title: r.title,
    description: r.description,
    severity: r.severity,
    formats: r.formats,
    resourceTypes: r.resourceTypes,
    frameworks: r.frameworks,
    references: r.references,
    cwe: r.cwe,
    fixable: r.fixable,
    docsUrl: r.docsUrl,
    package: r.packagePath,
    file: r.file,
    pack: packOf(r),
  };
  if (r.remediation !== undefined) out.remediation = r.remediation;
  if (r.links.length > 0) out.links = r.links;
  if (r.follows && r.follows.length > 0) out.follows = r.follows;
  return out;
}

/** Team pack files are named `@<pack>/<path>` in the combined pack (policy/packs/load.ts). */
function packOf(r: RuleMetadata): string {
  return r.file.startsWith('@') ? r.file.slice(1, r.file.indexOf('/')) : 'builtin';
}
