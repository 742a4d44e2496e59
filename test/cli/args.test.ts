// server/src/cli/args.ts: every `palisade` command parses its options the same way — an unknown
// option or a stray argument is a usage error (`palisade <cmd>: <message>`, a blank line and the
// command's usage on stderr, exit 2) and --help/-h prints that usage on stdout (exit 0).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCommandArgs, printUsage, usageError, type CommandUsage } from '../../server/src/cli/args';
import { run as fix } from '../../server/src/cli/commands/fix';
import { run as inspect } from '../../server/src/cli/commands/inspect';
import { run as packs } from '../../server/src/cli/commands/packs';
import { run as rego } from '../../server/src/cli/commands/rego';
import { run as regoLint } from '../../server/src/cli/commands/rego-lint';
import { run as report } from '../../server/src/cli/commands/report';
import { run as rules } from '../../server/src/cli/commands/rules';
import { run as scan } from '../../server/src/cli/commands/scan';
import { run as regoTest } from '../../server/src/cli/commands/test';
import { capture } from './rego-capture';

const DEMO: CommandUsage = { name: 'palisade demo', usage: 'usage: palisade demo [--flag] [--name N] <path>...' };
const DEMO_OPTIONS = { allowPositionals: true, options: { flag: { type: 'boolean' }, name: { type: 'string', short: 'n' } } } as const;

/** parseCommandArgs as a command would call it, with its output captured. */
function demo(argv: string[]) {
  let result: ReturnType<typeof parseCommandArgs<typeof DEMO_OPTIONS>> | undefined;
  return capture(async () => {
    result = parseCommandArgs(DEMO, argv, DEMO_OPTIONS);
    return typeof result === 'number' ? result : -1;
  }, argv).then((captured) => ({ ...captured, result }));
}

test('parsed options and positionals come back typed, and nothing is printed', async () => {
  const r = await demo(['--flag', '-n', 'x', 'a.tf', 'b']);
  assert.deepEqual({ stdout: r.stdout, stderr: r.stderr }, { stdout: '', stderr: '' });
  assert.ok(typeof r.result === 'object' && r.result !== null);
  assert.deepEqual(r.result.positionals, ['a.tf', 'b']);
  assert.equal(r.result.values.flag, true);
  assert.equal(r.result.values.name, 'x');
});

test('an unknown option is a usage error: name, message, blank line, usage on stderr; exit 2', async () => {
  const r = await demo(['--bogus']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^palisade demo: Unknown option '--bogus'[^\n]*\n\nusage: palisade demo \[--flag\] \[--name N\] <path>\.\.\.\n$/);
});

test('a string option without its value is a usage error', async () => {
  const r = await demo(['--name']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^palisade demo: Option '-n, --name <value>' argument missing\n\nusage: palisade demo/);
});

test('--help and -h print the usage on stdout and exit 0, even beside other options', async () => {
  for (const argv of [['--help'], ['-h'], ['--flag', 'a.tf', '--help']]) {
    const r = await demo(argv);
    assert.deepEqual({ code: r.code, stdout: r.stdout, stderr: r.stderr }, { code: 0, stdout: `${DEMO.usage}\n`, stderr: '' }, argv.join(' '));
  }
});

test('a parse error wins over --help (the command line is wrong either way)', async () => {
  const r = await demo(['--help', '--bogus']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
});

test('positionals are refused when the command takes none', async () => {
  const r = await capture(async () => {
    const parsed = parseCommandArgs(DEMO, ['stray'], { allowPositionals: false, options: { flag: { type: 'boolean' } } });
    return typeof parsed === 'number' ? parsed : -1;
  }, []);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^palisade demo: Unexpected argument 'stray'/);
});

test('usageError and printUsage print what the commands print for their own checks', async () => {
  const error = await capture(async () => usageError(DEMO, 'no path given'), []);
  assert.deepEqual(error, { code: 2, stdout: '', stderr: `palisade demo: no path given\n\n${DEMO.usage}\n` });
  const help = await capture(async () => printUsage(DEMO), []);
  assert.deepEqual(help, { code: 0, stdout: `${DEMO.usage}\n`, stderr: '' });
});

/** Each command, how it is called in front of its options, and the name its messages carry. */
const COMMANDS: { name: string; run: (argv: string[]) => Promise<number>; prefix: string[] }[] = [
  { name: 'palisade scan', run: scan, prefix: [] },
  { name: 'palisade fix', run: fix, prefix: [] },
  { name: 'palisade inspect', run: inspect, prefix: [] },
  { name: 'palisade report', run: report, prefix: [] },
  { name: 'palisade rules', run: rules, prefix: [] },
  { name: 'palisade test', run: regoTest, prefix: [] },
  { name: 'palisade packs', run: packs, prefix: ['list'] },
  { name: 'palisade rego check', run: rego, prefix: ['check'] },
  { name: 'palisade rego fmt', run: rego, prefix: ['fmt'] },
  { name: 'palisade rego eval', run: rego, prefix: ['eval'] },
  { name: 'palisade rego lint', run: regoLint, prefix: [] },
];

for (const command of COMMANDS) {
  test(`${command.name}: --help prints its usage; an unknown option prints the same usage after the error`, async () => {
    const help = await capture(command.run, [...command.prefix, '--help']);
    assert.equal(help.code, 0);
    assert.equal(help.stderr, '');
    assert.match(help.stdout, /^usage: palisade /);
    const usage = help.stdout.slice(0, -1);
    const wrong = await capture(command.run, [...command.prefix, '--bogus']);
    assert.equal(wrong.code, 2);
    assert.equal(wrong.stdout, '');
    assert.ok(wrong.stderr.startsWith(`${command.name}: Unknown option '--bogus'`), wrong.stderr);
    assert.ok(wrong.stderr.endsWith(`\n\n${usage}\n`), `${command.name} ends its usage error with the --help text`);
  });
}

test('palisade packs and palisade rego without a sub-command print the usage on stdout and exit 2', async () => {
  for (const run of [packs, rego]) {
    const r = await capture(run, []);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^usage: palisade (packs|rego) /);
  }
});
