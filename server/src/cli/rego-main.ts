// Entry of the lean CLI bundle (dist/rego-cli.js): the Rego tools only — `palisade rego …`
// (check, fmt, eval, lint) and `palisade test`. bin/palisade.js loads it instead of the full
// bundle (dist/server.js: IaC front ends, policy, fixes, IAM data, the language server) for those
// commands, so a `rego lint` in CI reads and compiles a third of the code. Same commands, same
// output: this file only dispatches to the modules main.ts dispatches to.

type CommandModule = { run(argv: string[]): Promise<number> };

const commands: Record<string, () => Promise<CommandModule>> = {
  rego: () => import('./commands/rego'),
  test: () => import('./commands/test'),
};

/** Same contract as main.ts's `main` for `rego` and `test` (bin/palisade.js sends no other command here). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = commands[name];
  if (!load) {
    process.stderr.write(`palisade: '${name}' is not a command of the Rego tools bundle\n`);
    return 2;
  }
  return (await load()).run(rest);
}
