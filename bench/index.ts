// Benchmark dispatcher: `npm run bench -- <group|name>` (compiled: node out/bench/index.js <arg>).
// A group runs every bench whose file name starts with the group name (`terraform` → terraform-*.js),
// plus the benches listed for it below; each bench runs in its own process so one cannot skew the next.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Benches that belong to a group although their name does not start with it. */
const EXTRA: Record<string, string[]> = {
  terraform: ['lsp-keystroke'],
  policy: [],
  rego: ['rego-lsp'],
  cli: [],
};

/** Modules the benches share; they print nothing on their own. */
const SUPPORT = new Set(['index.js', 'lsp-bench-server.js']);

function available(): string[] {
  return readdirSync(__dirname)
    .filter((f) => f.endsWith('.js') && !SUPPORT.has(f))
    .map((f) => f.slice(0, -3))
    .sort();
}

function select(arg: string, all: string[]): string[] {
  if (all.includes(arg)) return [arg];
  const extra = (EXTRA[arg] ?? []).filter((name) => all.includes(name));
  return [...extra, ...all.filter((name) => name.startsWith(`${arg}-`) && !extra.includes(name))];
}

function main(argv: string[]): number {
  const all = available();
  const [arg, ...rest] = argv;
  const chosen = arg ? select(arg, all) : [];
  if (chosen.length === 0) {
    process.stderr.write(`usage: npm run bench -- <group|name> [args]\ngroups: ${Object.keys(EXTRA).join(', ')}, or a name prefix\nbenches: ${all.join(', ')}\n`);
    return 2;
  }
  let failed = 0;
  for (const name of chosen) {
    const file = join(__dirname, `${name}.js`);
    if (!existsSync(file)) continue;
    process.stdout.write(`\n== ${name}\n`);
    const result = spawnSync(process.execPath, [file, ...rest], { stdio: 'inherit' });
    if (result.status !== 0) failed++;
  }
  return failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
