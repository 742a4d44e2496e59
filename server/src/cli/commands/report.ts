// `palisade report <path>... --format md|html|json`: the compliance picture per framework and
// control (docs/report.md). Wiring only: the scan is `palisade scan`'s engine (report/collect.ts),
// the figures a pure function over its result (server/src/report/compliance.ts, shared with the
// editor's dashboard), then one renderer.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DiskHost, toHostPath } from '../../workspace/disk-host';
import { parseCommandArgs, usageError, type CommandUsage } from '../args';
import { collectScan } from '../report/collect';
import { buildCompliance } from '../../report/compliance';
import { formatHtml } from '../../shared/compliance-html';
import { formatMarkdown } from '../report/markdown';

export const summary = 'compliance report per framework and control: md, html (self-contained, charts) or json';

const FORMATS = ['md', 'html', 'json'] as const;
type ReportFormat = (typeof FORMATS)[number];

export const REPORT_USAGE = `usage: palisade report <path>... [options]

  <path>               a .tf file, a module directory, a folder tree (as for \`palisade scan\`), or a
                       Terraform plan JSON (\`terraform show -json\`) / state file; plan and state
                       files inside folder trees are found by their content

  --format F           md (default), html (one self-contained file with charts) or json
  --output FILE        write the report to FILE instead of stdout
  --config FILE        use this .palisade.yaml for every unit instead of the nearest one
  --var-file FILE      extra variable file after terraform.tfvars and *.auto.tfvars (repeatable)
  --no-fixes           count findings as automatically fixable by the rules' \`fixable\` flag
                       instead of verifying each fix (faster)
  --no-gitignore       do not read .gitignore files

exit status: 0 report written, 2 usage or internal error (a unit that could not be scanned)`;

const REPORT: CommandUsage = { name: 'palisade report', usage: REPORT_USAGE };

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(REPORT, argv, {
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'md' },
      output: { type: 'string', short: 'o' },
      config: { type: 'string', short: 'c' },
      'var-file': { type: 'string', multiple: true },
      'no-fixes': { type: 'boolean' },
      'no-gitignore': { type: 'boolean' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const v = parsed.values;
  const format = v.format as ReportFormat;
  if (!FORMATS.includes(format)) return usageError(REPORT, `unknown --format '${v.format}' (md, html, json)`);
  if (parsed.positionals.length === 0) return usageError(REPORT, 'no path given');

  const disk = new DiskHost({ snapshot: true });
  const varFiles = (v['var-file'] ?? []).map((f) => toHostPath(resolve(f)));
  for (const f of varFiles) if (disk.readFile(f) === undefined) return usageError(REPORT, `cannot read variable file ${f}`);
  const collected = await collectScan(disk, {
    paths: parsed.positionals.map((p) => toHostPath(resolve(p))),
    cwd: toHostPath(process.cwd()),
    varFiles,
    configFile: v.config === undefined ? undefined : toHostPath(resolve(v.config)),
    verifyFixes: !v['no-fixes'],
    gitignore: !v['no-gitignore'],
    version: (require('../../../../package.json') as { version: string }).version,
  });
  if ('error' in collected) {
    if (collected.usage) return usageError(REPORT, collected.error);
    process.stderr.write(`palisade report: ${collected.error}\n`);
    return 2;
  }
  const compliance = buildCompliance(collected.report);
  const text = format === 'json' ? `${JSON.stringify(compliance, null, 2)}\n` : format === 'html' ? formatHtml(compliance) : formatMarkdown(compliance);
  try {
    if (v.output !== undefined) writeFileSync(resolve(v.output), text);
    else process.stdout.write(text);
  } catch (err) {
    process.stderr.write(`palisade report: cannot write the report: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  if (collected.report.diagnostics.some((d) => d.source === 'scan' && d.severity === 'error')) {
    process.stderr.write('palisade report: some units could not be scanned (see `palisade scan`)\n');
    return 2;
  }
  return 0;
}
