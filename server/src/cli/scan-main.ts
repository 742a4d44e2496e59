// Entry of the lean scan bundle (dist/scan-cli.js): `palisade scan` only — the IaC front ends, the
// policy and fix layers, team packs — and the worker threads it starts, which load this same file.
// bin/palisade.js loads it instead of the full bundle (dist/server.js: also the language server, the
// Rego lint/format tools and the other commands) for `scan`, so every scan thread reads and compiles
// less code before its first unit. Same command, same output: this file only dispatches to the
// module main.ts dispatches to.

/** Entry of the wasm sandbox worker (policy/packs/wasm-sandbox.ts), which requires the bundle it runs in. */
export function runWasmSandbox(): void {
  (require('../policy') as typeof import('../policy')).runWasmSandbox();
}

/** Same contract as main.ts's `main` for `scan` (bin/palisade.js sends no other command here). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name !== 'scan') {
    process.stderr.write(`palisade: '${name}' is not a command of the scan bundle\n`);
    return 2;
  }
  return (await import('./commands/scan')).run(rest);
}
