// `palisade rego <check|fmt|eval> …`: the Rego tools, with the options, output and exit codes of the
// matching `opa` commands, so scripts written for `opa` work against Palisade's engine.
import { readFileSync, writeFileSync } from 'node:fs';
import { checkModules, formatModule } from '../../rego';
import type { RegoError } from '../../rego';
import { parseCommandArgs, printUsage, usageError, USAGE_EXIT, type CommandUsage } from '../args';
import { unifiedDiff } from '../rego/diff';
import { runEval } from '../rego/eval';
import { loadPaths } from '../rego/files';
import { errorsJSON, errorsPretty, renderCheckErrors, withParseDetails } from '../rego/output';

export const summary = 'Rego tools like opa: check (compile errors), fmt (format), eval (run a query)';

const USAGE = `usage: palisade rego <command> [options]

commands:
  check [--strict] [--format pretty|json] [--v0-compatible] [--max-errors N] <path>...
        compile the .rego files (files or directories) and report errors like \`opa check\`
  fmt [--diff | --list | -w] [--fail] [--v0-compatible] [<path>...]
        format like \`opa fmt\` (formatted text to stdout by default; stdin without paths)
  eval [-d <path>]... [-i <input>] [--format json|pretty] [--v0-compatible] '<query>'
        evaluate a query like \`opa eval\`
  lint [--format pretty|json] [--config-file <file>] <path>...
        lint with Regal's rules and config (exit 3 on error-level violations)

exit status: check 1 on errors; fmt 1 with --fail when a file changes, 2 on parse errors;
eval 1 on errors; 2 on usage errors`;

const REGO: CommandUsage = { name: 'palisade rego', usage: USAGE };

/** Messages name the sub-command ("palisade rego check: …"); the usage is the whole `rego` one. */
function subcommand(name: string): CommandUsage {
  return { name: `palisade rego ${name}`, usage: USAGE };
}

const CHECK = subcommand('check');
const FMT = subcommand('fmt');

export async function run(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'check':
      return check(rest);
    case 'fmt':
      return fmt(rest);
    case 'eval':
      return runEval(rest, subcommand('eval'));
    case 'lint':
      return (await import('./rego-lint')).run(rest);
    case undefined:
      // The usage on stdout, as for --help, but nothing was done: exit 2.
      printUsage(REGO);
      return USAGE_EXIT;
    case '--help':
    case '-h':
    case 'help':
      return printUsage(REGO);
    default:
      return usageError(subcommand(cmd), 'unknown command');
  }
}

async function check(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(CHECK, argv, {
    allowPositionals: true,
    options: {
      strict: { type: 'boolean', short: 'S' },
      format: { type: 'string', short: 'f', default: 'pretty' },
      'v0-compatible': { type: 'boolean' },
      'max-errors': { type: 'string', short: 'm', default: '10' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.values;
  if (o.format !== 'pretty' && o.format !== 'json') return usageError(CHECK, `invalid --format ${o.format} (pretty or json)`);
  const maxErrors = Number(o['max-errors']);
  if (!Number.isInteger(maxErrors)) return usageError(CHECK, `invalid --max-errors ${o['max-errors']}`);
  if (parsed.positionals.length === 0) return usageError(CHECK, 'expected at least one path');
  const loaded = loadPaths(parsed.positionals);
  if (loaded.missing.length > 0) {
    const errors: RegoError[] = loaded.missing.map((p) => ({ code: 'rego_parse_error', message: `stat ${p}: no such file or directory`, loc: { start: 0, end: 0 }, row: 0, col: 0 }));
    process.stderr.write(o.format === 'json' ? errorsJSON(errors) : errorsPretty(errors, true));
    return 1;
  }
  const texts = new Map(loaded.modules.map((m) => [m.path, m.text]));
  const regoVersion = o['v0-compatible'] ? 'v0' : 'v1';
  const errors = checkModules(loaded.modules.map((m) => ({ file: m.path, text: m.text, regoVersion })), { strict: o.strict, maxErrors });
  if (errors.length === 0) return 0;
  // Like opa, errors go to stderr in both formats.
  process.stderr.write(renderCheckErrors(errors, o.format, (f) => texts.get(f)));
  return 1;
}

async function fmt(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(FMT, argv, {
    allowPositionals: true,
    options: {
      diff: { type: 'boolean', short: 'd' },
      list: { type: 'boolean', short: 'l' },
      write: { type: 'boolean', short: 'w' },
      fail: { type: 'boolean' },
      'v0-compatible': { type: 'boolean' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.values;
  const version = o['v0-compatible'] ? 'v0' : 'v1';
  const format = (text: string) => formatModule(text, { regoVersion: version, outputVersion: version });
  if (parsed.positionals.length === 0) {
    if (o.write) return usageError(FMT, 'cannot use -w with standard input');
    const text = readFileSync(0, 'utf8');
    const r = format(text);
    if (r.formatted === undefined) {
      process.stderr.write(errorsPretty(withParseDetails(r.errors.map((e) => ({ ...e, file: e.file ?? 'stdin' })), () => text), true));
      return 2;
    }
    if (o.diff) process.stdout.write(unifiedDiff(text, r.formatted, 'stdin (original)', 'stdin (formatted)'));
    else if (!o.list) process.stdout.write(r.formatted);
    return o.fail && r.formatted !== text ? 1 : 0;
  }
  const loaded = loadPaths(parsed.positionals);
  if (loaded.missing.length > 0) {
    process.stderr.write(`palisade rego fmt: ${loaded.missing.map((p) => `stat ${p}: no such file or directory`).join('\n')}\n`);
    return 2;
  }
  let changed = false;
  let failed = false;
  for (const m of loaded.modules) {
    const r = format(m.text);
    if (r.formatted === undefined) {
      process.stderr.write(errorsPretty(withParseDetails(r.errors.map((e) => ({ ...e, file: m.path })), () => m.text), true));
      failed = true;
      continue;
    }
    const differs = r.formatted !== m.text;
    changed ||= differs;
    if (o.list) {
      if (differs) process.stdout.write(`${m.path}\n`);
    } else if (o.diff) {
      if (differs) process.stdout.write(unifiedDiff(m.text, r.formatted, `${m.path} (original)`, `${m.path} (formatted)`));
    } else if (!o.write) process.stdout.write(r.formatted);
    if (o.write && differs) writeFileSync(m.path, r.formatted);
  }
  if (failed) return 2;
  return o.fail && changed ? 1 : 0;
}
