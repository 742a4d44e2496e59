// `palisade fix <path>... [--rule ID]... [--dry-run] [--var-file FILE]...`: apply the same
// verified fixes the editor offers (fixAllInFile per file), write the files (or, with --dry-run,
// print a unified diff), re-scan and summarise.
import { writeFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { applyEdits, explainFixes, fixAllInFile, type FixTextEdit } from '../../fix';
import type { FileHost } from '../../iac/model';
import { ConfigCache, configForUnit, scanTerraformUnit, type Finding, type PalisadeConfig, type RulePack } from '../../policy';
import { DiskHost, toHostPath } from '../../workspace/disk-host';
import { parseCommandArgs, usageError, type CommandUsage } from '../args';
import { loadBuiltinPack } from '../scan-engine';
import { relativePath } from '../../iac/terraform';
import { discoverUnits, onlyFilesHost } from '../units';

export const summary = 'apply verified fixes to Terraform modules (--rule to choose rules, --dry-run to preview)';

const USAGE = `usage: palisade fix <path>... [--rule ID]... [--dry-run] [--var-file FILE]...

  <path>      a .tf file (fixes its findings; its directory is the module it is evaluated in),
              a module directory, or a folder tree
  --rule      fix only findings of this rule (repeatable); default every rule
  --dry-run   change nothing; print the edits as a unified diff
  --var-file  extra variable file, applied after terraform.tfvars and *.auto.tfvars (repeatable)
  --config    the .palisade.yaml whose team packs run beside the built-in pack (default: the
              nearest one at or above the current directory, as palisade scan)

Only fixes that were verified are applied: the edited files parse, the finding is gone on a
re-scan and no new finding appears (docs/fixes.md).

exit status: 0 when the run completed (whether or not everything could be fixed), 2 on usage or
internal errors`;

const FIX: CommandUsage = { name: 'palisade fix', usage: USAGE };

/** At most this many rounds per unit: a fix may enable another (e.g. a block, then its attribute). */
const MAX_PASSES = 3;

/** Remaining findings listed (and explained) after a run. */
const MAX_LISTED = 50;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(FIX, argv, {
    allowPositionals: true,
    options: {
      rule: { type: 'string', multiple: true },
      'dry-run': { type: 'boolean', default: false },
      'var-file': { type: 'string', multiple: true },
      config: { type: 'string' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length === 0) return usageError(FIX, 'no path given');
  const disk = new DiskHost({ snapshot: true });
  const varFiles = (parsed.values['var-file'] ?? []).map((f) => toHostPath(resolve(f)));
  for (const f of varFiles) if (disk.readFile(f) === undefined) return usageError(FIX, `cannot read variable file ${f}`);
  const configs = new ConfigCache();
  const units = discoverUnits(disk, parsed.positionals.map((p) => toHostPath(resolve(p))), { configs });
  if (units.missing.length > 0) return usageError(FIX, `${units.missing[0]} is not a .tf file or a directory`);

  // The same rule set as `palisade scan`: the built-in pack plus the config's team packs.
  const configFile = parsed.values.config !== undefined ? toHostPath(resolve(parsed.values.config)) : undefined;
  const { pack, packDiagnostics } = loadBuiltinPack({ cwd: toHostPath(process.cwd()), configFile });
  if (!pack) {
    process.stderr.write('palisade fix: the built-in rule pack (policies/) was not found next to the program\n');
    return 2;
  }
  for (const d of packDiagnostics ?? []) if (d.severity === 'error') process.stderr.write(`palisade fix: ${d.message}${d.file ? ` (${d.file})` : ''}\n`);
  const rules = parsed.values.rule ?? [];
  const unknownRule = rules.find((id) => !pack.rules.some((r) => r.id === id));
  if (unknownRule) return usageError(FIX, `unknown rule '${unknownRule}' (see palisade rules)`);

  const edited = new EditedFiles(units.host);
  const run: FixRun = { host: edited, root: toHostPath(process.cwd()), pack, varFiles, wanted: (f) => !f.suppressed && (rules.length === 0 || rules.includes(f.ruleId)) };
  let fixed = 0;
  const scopes = new Map<string, UnitScope>();
  for (const dir of units.dirs) {
    const { config } = configForUnit(disk, dir, undefined, configs);
    const scope = await unitScope(run, dir, config, units.namedFiles[dir]);
    scopes.set(dir, scope);
    fixed += await fixUnit(run, dir, config, scope);
  }
  // What is left, counted once per place (a local module is also part of its caller's unit).
  const remaining = new Map<string, { finding: Finding; why?: string; choices?: string[] }>();
  for (const dir of units.dirs) {
    const { config } = configForUnit(disk, dir, undefined, configs);
    const scope = scopes.get(dir) as UnitScope;
    const scan = await scanTerraformUnit(scope.host, { dir, root: run.root, varFiles, pack, config });
    const context = { host: scope.host, dir, root: run.root, varFiles, pack, config, unitFindings: scan.findings, unitAnalysis: scan.analysis };
    for (const f of scan.findings.filter((f) => run.wanted(f) && scope.wanted(f))) {
      const key = `${f.ruleId}|${f.range.file}|${f.range.start}`;
      if (remaining.has(key)) continue;
      // Say why a fix the rule offers was not applied (the verification's reason), or which verified
      // fixes were left because they are choices (least-privilege fixes are never preferred).
      // Every remaining finding is explained, so the summary's counts are exact; only the listing is capped.
      const report = await explainFixes(f, context);
      const choices = report.fixes.map((x) => x.title);
      const why = f.fix && f.fix.length > 0 && !choices.length ? report.rejected[0]?.reason : undefined;
      remaining.set(key, { finding: f, why, ...(choices.length > 0 ? { choices } : {}) });
    }
  }

  const changed = edited.changedFiles();
  if (parsed.values['dry-run']) {
    for (const file of changed) process.stdout.write(unifiedDiff(relativeTo(run.root, file), edited.original(file) ?? '', edited.readFile(file) ?? ''));
  } else {
    for (const file of changed) writeFileSync(file, edited.readFile(file) ?? '', 'utf8');
  }
  const verb = parsed.values['dry-run'] ? 'would fix' : 'fixed';
  const choices = [...remaining.values()].filter((r) => r.choices).length;
  const notFixable = remaining.size - choices;
  const choiceNote = choices > 0 ? `, ${choices} with fixes to choose from` : '';
  process.stdout.write(`${verb} ${fixed} finding${fixed === 1 ? '' : 's'} in ${changed.length} file${changed.length === 1 ? '' : 's'}${choiceNote}, ${notFixable} not fixable\n`);
  for (const { finding: f, why, choices: titles } of [...remaining.values()].slice(0, MAX_LISTED)) {
    if (titles) process.stdout.write(`  to choose: ${f.range.file} ${f.ruleId} ${f.message} (${titles.length === 1 ? 'a verified fix' : `${titles.length} verified fixes`} in the editor's quick fixes: ${titles.map((t) => `"${t}"`).join(', ')})\n`);
    else process.stdout.write(`  not fixed: ${f.range.file} ${f.ruleId} ${f.message}${why ? ` (fix rejected: ${why})` : ''}\n`);
  }
  if (remaining.size > MAX_LISTED) process.stdout.write(`  … and ${remaining.size - MAX_LISTED} more\n`);
  return 0;
}

interface FixRun {
  host: EditedFiles;
  root: string;
  pack: RulePack;
  varFiles: string[];
  wanted: (f: Finding) => boolean;
}

/** What a unit's fixes see and touch: the named files only when the unit was named through files (units.ts). */
interface UnitScope {
  host: FileHost;
  wanted: (f: Finding) => boolean;
}

async function unitScope(run: FixRun, dir: string, config: PalisadeConfig, named: string[] | undefined): Promise<UnitScope> {
  if (!named) return { host: run.host, wanted: () => true };
  const files = new Set(named.map((f) => relativePath(run.root, f)));
  const wanted = (f: Finding) => files.has(f.range.file);
  const scan = await scanTerraformUnit(run.host, { dir, root: run.root, varFiles: run.varFiles, pack: run.pack, config });
  // As palisade scan: a directory Terraform would refuse as one module leaves the named files on their own.
  const oneModule = !scan.analysis.diagnostics.some((d) => d.code === 'tf-duplicate');
  return { host: oneModule ? run.host : onlyFilesHost(run.host, dir, named), wanted };
}

/** Fixes one unit file by file, re-scanning after each file's edits. Returns findings fixed. */
async function fixUnit(run: FixRun, dir: string, config: PalisadeConfig, scope: UnitScope): Promise<number> {
  let fixed = 0;
  const given = { dir, root: run.root, varFiles: run.varFiles, pack: run.pack, config };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const attempted = new Set<string>();
    let progress = false;
    for (;;) {
      const scan = await scanTerraformUnit(scope.host, given);
      const wanted = scan.findings.filter((f) => run.wanted(f) && scope.wanted(f));
      const file = wanted.map((f) => f.range.file).find((f) => !attempted.has(f));
      if (file === undefined) break;
      attempted.add(file);
      const result = await fixAllInFile(file, wanted, { host: scope.host, ...given, unitFindings: scan.findings, unitAnalysis: scan.analysis });
      if (result.edits.length === 0) continue;
      run.host.apply(run.root, result.edits);
      fixed += result.fixed.length;
      progress = true;
    }
    if (!progress) break;
  }
  return fixed;
}

/** The disk as the run has edited it so far (nothing is written until the end). */
class EditedFiles implements FileHost {
  private readonly texts = new Map<string, string>();
  private readonly originals = new Map<string, string>();

  constructor(private readonly base: FileHost) {}

  readFile(path: string): string | undefined {
    return this.texts.get(path) ?? this.base.readFile(path);
  }

  listDir(path: string): string[] | undefined {
    return this.base.listDir(path);
  }

  apply(root: string, edits: FixTextEdit[]): void {
    const byFile = new Map<string, FixTextEdit[]>();
    for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
    for (const [file, list] of byFile) {
      const abs = posix.resolve(root, file);
      const before = this.readFile(abs);
      if (before === undefined) continue;
      if (!this.originals.has(abs)) this.originals.set(abs, before);
      this.texts.set(abs, applyEdits(before, list));
    }
  }

  original(path: string): string | undefined {
    return this.originals.get(path);
  }

  changedFiles(): string[] {
    return [...this.texts.keys()].filter((f) => this.texts.get(f) !== this.originals.get(f)).sort();
  }
}

function relativeTo(root: string, file: string): string {
  return posix.relative(root, file) || file;
}

/** A unified diff of two texts with three lines of context (one hunk per run of changes). */
export function unifiedDiff(name: string, before: string, after: string): string {
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = lineDiff(a, b);
  const out = [`--- a/${name}`, `+++ b/${name}`];
  const CONTEXT = 3;
  let i = 0;
  while (i < ops.length) {
    if (ops[i].kind === ' ') {
      i++;
      continue;
    }
    let start = i;
    while (start > 0 && i - start < CONTEXT && ops[start - 1].kind === ' ') start--;
    let end = i;
    // Extend over changes separated by at most 2 × CONTEXT unchanged lines.
    for (let j = i; j < ops.length; j++) {
      if (ops[j].kind !== ' ') end = j;
      else if (j - end > 2 * CONTEXT) break;
    }
    const stop = Math.min(ops.length, end + 1 + CONTEXT);
    const hunk = ops.slice(start, stop);
    const oldStart = ops[start].a + 1;
    const newStart = ops[start].b + 1;
    const oldCount = hunk.filter((o) => o.kind !== '+').length;
    const newCount = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const o of hunk) out.push(`${o.kind}${o.text}`);
    i = stop;
  }
  return out.join('\n') + '\n';
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

interface DiffLine {
  kind: ' ' | '-' | '+';
  text: string;
  /** Index of the line in the old (a) and new (b) text at this point. */
  a: number;
  b: number;
}

/** Line diff: common prefix and suffix, then a longest-common-subsequence over the middle. */
function lineDiff(a: string[], b: string[]): DiffLine[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const out: DiffLine[] = [];
  for (let k = 0; k < pre; k++) out.push({ kind: ' ', text: a[k], a: k, b: k });
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  if (am.length * bm.length > 4_000_000) {
    // Too large for the table: show the middle as replaced.
    am.forEach((t, k) => out.push({ kind: '-', text: t, a: pre + k, b: pre }));
    bm.forEach((t, k) => out.push({ kind: '+', text: t, a: pre + am.length, b: pre + k }));
  } else {
    const lcs: number[][] = Array.from({ length: am.length + 1 }, () => new Array<number>(bm.length + 1).fill(0));
    for (let x = am.length - 1; x >= 0; x--) for (let y = bm.length - 1; y >= 0; y--) lcs[x][y] = am[x] === bm[y] ? lcs[x + 1][y + 1] + 1 : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
    let x = 0;
    let y = 0;
    while (x < am.length || y < bm.length) {
      if (x < am.length && y < bm.length && am[x] === bm[y]) out.push({ kind: ' ', text: am[x++], a: pre + x - 1, b: pre + y++ });
      else if (x < am.length && (y === bm.length || lcs[x + 1][y] >= lcs[x][y + 1])) out.push({ kind: '-', text: am[x++], a: pre + x - 1, b: pre + y });
      else out.push({ kind: '+', text: bm[y++], a: pre + x, b: pre + y - 1 });
    }
  }
  for (let k = 0; k < suf; k++) out.push({ kind: ' ', text: a[a.length - suf + k], a: a.length - suf + k, b: b.length - suf + k });
  return out;
}
