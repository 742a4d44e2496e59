// `palisade scan` command line: parsing and validation into ScanOptions. Usage problems are
// returned as messages (the command prints them and exits 2), never thrown.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { isSeverity, type RuleSeverity } from '../policy';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** File names used with --output-dir. */
export const OUTPUT_FILE_NAMES: Record<OutputFormat, string> = {
  text: 'palisade.txt',
  json: 'palisade.json',
  sarif: 'palisade.sarif',
  junit: 'palisade.junit.xml',
};

export interface ScanOptions {
  paths: string[];
  formats: OutputFormat[];
  /** One output file (only with one format). */
  output?: string;
  outputDir?: string;
  /** Lowest severity that fails the run; `none` never fails on findings. */
  failOn: RuleSeverity | 'none';
  config?: string;
  varFiles: string[];
  /** Only these rules (ids, `*` wildcards allowed); empty = all. */
  rules: string[];
  skipRules: string[];
  /** Minimum severity shown (overrides `severity_threshold` of the config). */
  severity?: RuleSeverity;
  baseline?: string;
  jobs: number;
  changedSince?: string;
  /** undefined = on when stderr is a TTY and the scan is long. */
  progress?: boolean;
  /** Verify fixes (for `fixable` and SARIF `fixes`): default on when json or sarif is written. */
  verifyFixes: boolean;
  gitignore: boolean;
}

export const SCAN_USAGE = `usage: palisade scan <path>... [options]

  <path>               a .tf file (its findings, evaluated in its directory's module), a .tfvars file
                       (its module), a module directory, or a folder tree (every directory in it
                       holding .tf files is a unit). Hidden folders,
                       .terraform/, node_modules/, .gitignore'd paths and config excludes are skipped.
                       Terraform plan JSON (terraform show -json) and state files, named or found
                       in the tree by their content, are scanned too (docs/plan.md).

output
  --format F           text (default), json, sarif, junit; comma-separated or repeated
  --output FILE        write the (single) format to FILE instead of stdout
  --output-dir DIR     write every format to DIR: palisade.txt, palisade.json, palisade.sarif,
                       palisade.junit.xml (required with several formats)
  --progress           show progress on stderr (default: only on a TTY for long scans)
  --no-progress        never show progress
  --no-fixes           do not verify fixes (json "fixable" is then false, SARIF has no "fixes")

selection
  --config FILE        use this .palisade.yaml for every unit instead of the nearest one
  --var-file FILE      extra variable file after terraform.tfvars and *.auto.tfvars (repeatable)
  --rule ID            run only this rule (repeatable; * wildcard allowed: PAL-AWS-S3-*)
  --skip-rule ID       do not run this rule (repeatable; * wildcard allowed)
  --severity SEV       show only findings at or above SEV (critical|high|medium|low|info)
  --baseline FILE      a previous palisade JSON or SARIF report: show only new findings
                       (matched by rule, resource and fingerprint, not by line)
  --changed-since REF  only units with files changed since the git REF (plus untracked files)
  --no-gitignore       do not read .gitignore files

run
  --fail-on SEV        critical|high|medium|low|info|none (default high): exit 1 when a shown,
                       unsuppressed finding at or above SEV remains
  --jobs N             threads over units, this one and N-1 workers (default: the number of
                       cores); results are identical for every N

exit status: 0 no shown unsuppressed finding at or above --fail-on, 1 there is one,
             2 usage error or internal error (a unit that cannot be scanned, a bad baseline, …)`;

/** Parses argv; `error` is set (and `options` absent) on a usage problem; `help` when asked. */
export function parseScanArgs(argv: string[]): { options?: ScanOptions; error?: string; help?: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', multiple: true },
        output: { type: 'string', short: 'o' },
        'output-dir': { type: 'string' },
        'fail-on': { type: 'string', default: 'high' },
        config: { type: 'string', short: 'c' },
        'var-file': { type: 'string', multiple: true },
        rule: { type: 'string', multiple: true },
        'skip-rule': { type: 'string', multiple: true },
        severity: { type: 'string' },
        baseline: { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        'changed-since': { type: 'string' },
        progress: { type: 'boolean' },
        'no-progress': { type: 'boolean' },
        'no-fixes': { type: 'boolean' },
        'no-gitignore': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
  const v = parsed.values;
  if (v.help) return { help: true };

  const formats: OutputFormat[] = [];
  for (const item of (v.format ?? ['text']).flatMap((f) => f.split(','))) {
    const name = item.trim();
    if (!(OUTPUT_FORMATS as readonly string[]).includes(name)) return { error: `unknown --format '${name}' (text, json, sarif, junit)` };
    if (!formats.includes(name as OutputFormat)) formats.push(name as OutputFormat);
  }
  if (formats.length > 1 && !v['output-dir']) return { error: 'several formats need --output-dir' };
  if (v.output && v['output-dir']) return { error: '--output and --output-dir exclude each other' };

  const failOn = v['fail-on'];
  if (failOn !== 'none' && !isSeverity(failOn)) return { error: '--fail-on must be one of critical, high, medium, low, info, none' };
  if (v.severity !== undefined && !isSeverity(v.severity)) return { error: '--severity must be one of critical, high, medium, low, info' };

  let jobs = availableParallelism();
  if (v.jobs !== undefined) {
    if (!/^[1-9]\d*$/.test(v.jobs)) return { error: '--jobs must be a positive whole number' };
    jobs = Math.min(Number(v.jobs), 64);
  }
  if (v.progress && v['no-progress']) return { error: '--progress and --no-progress exclude each other' };
  if (parsed.positionals.length === 0) return { error: 'no path given' };

  return {
    options: {
      paths: parsed.positionals,
      formats,
      output: v.output,
      outputDir: v['output-dir'],
      failOn: failOn as RuleSeverity | 'none',
      config: v.config,
      varFiles: v['var-file'] ?? [],
      rules: v.rule ?? [],
      skipRules: v['skip-rule'] ?? [],
      severity: v.severity as RuleSeverity | undefined,
      baseline: v.baseline,
      jobs,
      changedSince: v['changed-since'],
      progress: v.progress ? true : v['no-progress'] ? false : undefined,
      verifyFixes: !v['no-fixes'] && (formats.includes('json') || formats.includes('sarif')),
      gitignore: !v['no-gitignore'],
    },
  };
}

/** Rule ids matching `patterns` (`*` = any run of characters), case-insensitive. */
export function matchRuleIds(patterns: string[], ids: string[]): { matched: Set<string>; unmatched: string[] } {
  const matched = new Set<string>();
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
    const hits = ids.filter((id) => re.test(id));
    if (hits.length === 0) unmatched.push(pattern);
    for (const id of hits) matched.add(id);
  }
  return { matched, unmatched };
}
