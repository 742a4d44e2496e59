// `palisade rego lint <paths…> [--format pretty|json] [--config-file F]`: Regal-compatible lint of
// Rego files. Reads the files and the config (`.regal/config.yaml` or `.regal.yaml`, searched upward
// from the first path) and hands them to the lint layer as text.
// Exit status as `regal lint`: 3 when a violation has level error, 0 otherwise; 1 when a file does
// not parse or the config is invalid; 2 on usage errors.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Linter, loadConfig, renderJSON, renderPretty, type LintConfig } from '../../lint';
import { parseCommandArgs, usageError, type CommandUsage } from '../args';
import { loadPaths } from '../rego/files';
import { analyseInThreads, LINT_WORKER_ARG, runLintWorker } from './rego-lint-workers';

export const summary = 'Regal-compatible Rego linter';

const USAGE = `usage: palisade rego lint [--format pretty|json] [--config-file <file>] <path>...

Lints .rego files (files or directories) with Regal's rules and configuration
(.regal/config.yaml or .regal.yaml, found upward from the first path, or --config-file).

exit status: 3 if a violation of level error was found, 1 if a file did not parse or the
config is invalid, 2 on usage errors, 0 otherwise`;

const LINT: CommandUsage = { name: 'palisade rego lint', usage: USAGE };

/**
 * V8's budget before it optimises a hot function, ~4x its default (67,584 bytes of bytecode run).
 * A lint run is short and runs ~90 small rule functions and the parser over a few hundred files:
 * with the default, the optimising compiler's background threads used more CPU than the main thread
 * (2.4 s process CPU for 1.1 s on the main thread over policies/), much of it on functions optimised
 * early that ran only briefly after, and on two cores that work takes time from the main thread.
 * With this budget: 1.4–1.6 s process CPU, main thread not slower, also on a 4× larger run
 * (docs/rego-editing.md, "Batch lint speed"). Only code generation changes, never a result.
 */
const LINT_INTERRUPT_BUDGET = 250_000;

/** `.regal/config.yaml` or `.regal.yaml` in `start` or a parent directory. */
export function findConfigFile(start: string): string | undefined {
  let dir = resolve(start);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  for (;;) {
    for (const candidate of [resolve(dir, '.regal', 'config.yaml'), resolve(dir, '.regal.yaml')]) {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export async function run(argv: string[]): Promise<number> {
  if (argv[0] === LINT_WORKER_ARG) return runLintWorker();
  setFlagsFromString(`--interrupt-budget=${LINT_INTERRUPT_BUDGET}`);
  const parsed = parseCommandArgs(LINT, argv, {
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'pretty' },
      'config-file': { type: 'string', short: 'c' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.values;
  if (o.format !== 'pretty' && o.format !== 'json') return usageError(LINT, `invalid --format ${o.format} (pretty or json)`);
  if (parsed.positionals.length === 0) return usageError(LINT, 'expected at least one path');

  const configFile = o['config-file'] ?? findConfigFile(parsed.positionals[0]);
  let configText: string | undefined;
  if (configFile !== undefined) {
    try {
      configText = readFileSync(configFile, 'utf8');
    } catch {
      process.stderr.write(`palisade rego lint: cannot read config file ${configFile}\n`);
      return 1;
    }
  }
  const { config, errors } = configFor(configText, configFile);
  if (errors.length > 0) {
    process.stderr.write(errors.map((e) => `palisade rego lint: ${configFile}: ${e}\n`).join(''));
    return 1;
  }

  const loaded = loadPaths(parsed.positionals);
  if (loaded.missing.length > 0) {
    process.stderr.write(loaded.missing.map((p) => `palisade rego lint: ${p}: no such file or directory\n`).join(''));
    return 1;
  }
  const linter = new Linter(config);
  const files = loaded.modules.map((m) => ({ path: m.path, text: m.text }));
  // The per-file phase may run on several threads; lint() then only adds the cross-file rules.
  const threaded = await analyseInThreads(linter, files.filter((f) => linter.lints(f.path)), { configText, configFile });
  const report = linter.lint(files, threaded.results);
  process.stdout.write(o.format === 'json' ? renderJSON(report) : renderPretty(report));
  for (const f of report.errors) process.stderr.write(`${f.file}:${f.row}:${f.col}: ${f.message}\n`);
  if (report.violations.some((v) => v.level === 'error')) return 3;
  return report.errors.length > 0 ? 1 : 0;
}

/** The config from its text, with its roots made relative to the working directory. */
export function configFor(configText: string | undefined, configFile: string | undefined): { config: LintConfig; errors: string[] } {
  const { config, errors } = loadConfig(configText);
  // Roots in the config are relative to the directory holding it (the project root).
  if (configFile !== undefined && errors.length === 0) {
    const projectRoot = dirname(configFile).endsWith('.regal') ? dirname(dirname(configFile)) : dirname(configFile);
    config.roots = config.roots.map((r) => relative(process.cwd(), resolve(projectRoot, r)) || '.');
  }
  return { config, errors };
}
