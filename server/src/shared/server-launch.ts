// How the language server process is started, shared by the VS Code client, `palisade lsp` and
// the keystroke benchmark so all three measure and run the same thing.
//
// A smaller young generation keeps V8's scavenges short: each keystroke allocates a fresh parse
// tree, and the previous one is still live when the scavenge runs, so a large semi-space means
// fewer but longer pauses. Measured on terraform-aws-vpc (bench/lsp-keystroke.ts): default
// semi-space p95 20.4 ms, 8 MB p95 15–18 ms with lower peak RSS, 64 MB p95 ~32 ms.
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=8'];
