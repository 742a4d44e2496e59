// `palisade rules [--json]`: every rule of the built-in pack with its metadata.
import { parseArgs } from 'node:util';
import { loadPack, type RuleMetadata } from '../../policy';
import { builtinPackDir, readPackFiles } from '../../workspace/policy-files';

export const summary = 'list the rules of the built-in pack (--json for every metadata field)';

const USAGE = `usage: palisade rules [--json]

  --json   {"rules":[{"id","title","description","severity","formats","resourceTypes",
           "frameworks","references","remediation","fixable","docsUrl","package","file"}…]}

exit status: 0, or 2 on usage or internal errors`;

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: false, options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  } catch (err) {
    process.stderr.write(`palisade rules: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const packDir = builtinPackDir();
  if (!packDir) {
    process.stderr.write('palisade rules: the built-in rule pack (policies/) was not found next to the program\n');
    return 2;
  }
  const pack = loadPack(readPackFiles(packDir), { name: 'builtin', check: false });
  const rules = pack.rules.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (parsed.values.json) {
    process.stdout.write(`${JSON.stringify({ rules: rules.map(toJson) }, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(0, ...rules.map((r) => r.id.length));
  for (const r of rules) process.stdout.write(`${r.id.padEnd(width)}  ${r.severity.padEnd(8)}  ${r.fixable ? 'fix' : '   '}  ${r.title}\n`);
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
    fixable: r.fixable,
    docsUrl: r.docsUrl,
    package: r.packagePath,
    file: r.file,
  };
  if (r.remediation !== undefined) out.remediation = r.remediation;
  if (r.links.length > 0) out.links = r.links;
  return out;
}
