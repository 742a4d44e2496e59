// Command-line parsing shared by the `palisade` commands: util.parseArgs (strict), `--help`/`-h`
// on every command, and one shape for usage errors (`palisade <cmd>: <message>`, a blank line and
// the usage on stderr, exit status 2), so no command words them differently.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** How a command names itself in messages ("palisade fix") and the usage text it prints. */
export interface CommandUsage {
  name: string;
  usage: string;
}

/** Exit status for wrong usage (main.ts: 0 ok, 1 findings/failures, 2 usage or internal error). */
export const USAGE_EXIT = 2;

/** Prints `<name>: <message>` and the usage to stderr; returns the exit status 2. */
export function usageError(command: CommandUsage, message: string): number {
  process.stderr.write(`${command.name}: ${message}\n\n${command.usage}\n`);
  return USAGE_EXIT;
}

/** Prints the usage to stdout (asked for with --help); returns the exit status 0. */
export function printUsage(command: CommandUsage): number {
  process.stdout.write(`${command.usage}\n`);
  return 0;
}

type CommandArgsConfig = Omit<ParseArgsConfig, 'args' | 'strict' | 'tokens'>;

/**
 * `argv` parsed against `config` plus `--help`/`-h`. Returns the parsed values and positionals,
 * or, when the command should stop at once, its exit status: 2 after printing a parse error
 * (unknown option, missing value, stray positional) with the usage, 0 after printing the usage
 * for --help.
 */
export function parseCommandArgs<const T extends CommandArgsConfig>(command: CommandUsage, argv: string[], config: T): ReturnType<typeof parseArgs<T & { args: string[] }>> | number {
  let parsed;
  try {
    parsed = parseArgs({ ...config, args: argv, strict: true, options: { ...config.options, help: { type: 'boolean', short: 'h' } } });
  } catch (err) {
    return usageError(command, err instanceof Error ? err.message : String(err));
  }
  if ((parsed.values as { help?: boolean }).help) return printUsage(command);
  return parsed as ReturnType<typeof parseArgs<T & { args: string[] }>>;
}
