// CLI entry (bin/palisade.js → dist/server.js). Dispatches to one module per sub-command;
// each command module exports `run(argv): Promise<number>` (the process exit code).
// Exit codes: 0 ok, 1 findings/failures (per command), 2 usage or internal error.

export { SERVER_EXEC_ARGV } from '../shared/server-launch';


/** Entry of the wasm sandbox worker (policy/packs/wasm-sandbox.ts), which requires this bundle. */
export function runWasmSandbox(): void {
  (require('../policy') as typeof import('../policy')).runWasmSandbox();
}

type CommandModule = { run(argv: string[]): Promise<number>; summary: string };

const commands: Record<string, () => Promise<CommandModule>> = {
  lsp: () => import('./commands/lsp'),
  inspect: () => import('./commands/inspect'),
  scan: () => import('./commands/scan'),
  rego: () => import('./commands/rego'),
  test: () => import('./commands/test'),
  fix: () => import('./commands/fix'),
  rules: () => import('./commands/rules'),
  packs: () => import('./commands/packs'),
  report: () => import('./commands/report'),
};

function usage(): string {
  return [
    'usage: palisade <command> [options]',
    '',
    'commands:',
    '  lsp       start the language server over stdio (for any LSP client)',
    '  inspect   print the evaluated model of Terraform modules (--json for machine output)',
    '  scan      scan Terraform modules for CI (--format text|json|sarif|junit, --fail-on, --baseline, --jobs)',
    '  rego      Rego tools like opa: check, fmt, eval',
    '  test      run Rego unit tests (test_* rules) like opa test',
    '  fix       apply verified fixes to Terraform modules (--rule ID, --dry-run)',
    '  rules     list the built-in rules with their metadata (--json)',
    '  packs     team rule packs: list, verify (signatures, git pins), test, sign',
    '  report    compliance report per framework and control (--format md|html|json)',
    '',
    'run `palisade <command> --help` for a command\'s options',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${require('../../../package.json').version}\n`);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`palisade: unknown command '${name}'\n\n${usage()}\n`);
    return 2;
  }
  const mod = await load();
  return mod.run(rest);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code !== 0 || !process.argv.includes('lsp')) process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`palisade: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
