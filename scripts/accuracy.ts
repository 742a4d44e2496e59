// Accuracy of the rule pack against KICS's own Terraform test samples.
//   npm run accuracy -- [--kics <dir>] [--query <substring>] [--json <file>] [--verbose] [--pack <dir>] [--no-fix]
// Scans every positive and negative sample of each KICS query that a rule maps to (references.kics)
// with only those rules, through the same entry point as `palisade scan`, and reports per query and
// overall: line-exact recall, false-positive files and fix success. The last line is always
// `N passed, M failed`, counted per query. See docs/accuracy.md.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadPack } from '../server/src/policy';
import { builtinPackDir, readPackFiles } from '../server/src/workspace/policy-files';
import { readKicsCorpus } from './accuracy/corpus';
import { fixLayerDoor, noFixDoor } from './accuracy/fix-door';
import { measureAccuracy, type AccuracyReport } from './accuracy/measure';
import { formatReport } from './accuracy/report';

const USAGE = `usage: npm run accuracy -- [--kics <dir>] [--query <substring>] [--json <file>] [--verbose] [--pack <dir>] [--no-fix]

  --kics     KICS corpus folder with index.json (default $PALISADE_CORPORA/kics-terraform-aws,
             PALISADE_CORPORA defaulting to ../shared/corpora)
  --query    only queries whose id, name or folder contains this text (case-insensitive)
  --json     also write the full report as JSON to this file
  --verbose  list each miss (expected line vs lines found), each false positive and fix failure
  --pack     rule pack folder (default: the built-in pack, policies/)
  --no-fix   skip applying and checking the fixes (fix success is then n/a)`;

export interface AccuracyArgs {
  kics: string;
  query?: string;
  json?: string;
  verbose: boolean;
  pack?: string;
  /** Apply and check the verified fixes (off with --no-fix). */
  fix: boolean;
}

export function parseAccuracyArgs(argv: string[]): AccuracyArgs | string {
  const args: AccuracyArgs = { kics: defaultCorpus(), verbose: false, fix: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : undefined);
    if (arg === '--verbose' || arg === '-v') args.verbose = true;
    else if (arg === '--no-fix') args.fix = false;
    else if (arg === '--kics' || arg === '--query' || arg === '--json' || arg === '--pack') {
      const v = value();
      if (v === undefined) return `${arg} needs a value`;
      args[arg.slice(2) as 'kics' | 'query' | 'json' | 'pack'] = v;
    } else if (arg === '--help' || arg === '-h') return '';
    else return `unknown argument ${arg}`;
  }
  return args;
}

function defaultCorpus(): string {
  const packDir = builtinPackDir();
  const repoRoot = packDir ? dirname(packDir) : process.cwd();
  return resolve(process.env.PALISADE_CORPORA ?? resolve(repoRoot, '..', 'shared', 'corpora'), 'kics-terraform-aws');
}

/** Runs the harness; `write` receives the text report. Returns the exit status (0 all passed, 1 some failed, 2 usage). */
export async function runAccuracy(argv: string[], write: (text: string) => void): Promise<{ status: number; report?: AccuracyReport }> {
  const args = parseAccuracyArgs(argv);
  if (typeof args === 'string') {
    write(args ? `accuracy: ${args}\n\n${USAGE}\n` : `${USAGE}\n`);
    return { status: args ? 2 : 0 };
  }
  const packDir = args.pack ? resolve(args.pack) : builtinPackDir();
  if (!packDir) {
    write('accuracy: the built-in rule pack (policies/) was not found\n');
    return { status: 2 };
  }
  let corpus;
  try {
    corpus = readKicsCorpus(resolve(args.kics));
  } catch (err) {
    write(`accuracy: ${err instanceof Error ? err.message : String(err)}\n`);
    return { status: 2 };
  }
  for (const p of corpus.problems) write(`corpus problem: ${p}\n`);
  const pack = loadPack(readPackFiles(packDir), { name: args.pack ? 'custom' : 'builtin', check: false });
  const fixDoor = args.fix ? fixLayerDoor() : noFixDoor('fix checks turned off with --no-fix');
  const report = await measureAccuracy({ corpus, pack, fixDoor, query: args.query });
  write(formatReport(report, args.verbose));
  if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 2) + '\n');
  return { status: report.failed === 0 ? 0 : 1, report };
}

if (require.main === module) {
  runAccuracy(process.argv.slice(2), (text) => process.stdout.write(text)).then(
    ({ status }) => (process.exitCode = status),
    (err: unknown) => {
      process.stderr.write(`accuracy: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
