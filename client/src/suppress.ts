// The "Suppress <ID> with a reason…" code action runs this command: ask why the finding is
// accepted, then let the server insert the comment (workspace/executeCommand → workspace/applyEdit).
// The server decides where the comment goes; the client only collects the reason.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { APPLY_SUPPRESSION_COMMAND, type SuppressionCommandArgs } from '../../server/src/shared/messages';

export async function suppressWithReason(client: LanguageClient | undefined, args: SuppressionCommandArgs | undefined): Promise<void> {
  if (!client || !args) return;
  const reason = await vscode.window.showInputBox({
    title: `Suppress ${args.ruleId}`,
    prompt: 'Why is this finding accepted here? The reason is kept in the comment and shown in reports.',
    placeHolder: 'e.g. public website bucket, reviewed in SEC-123',
    validateInput: (value) => (value.trim() === '' ? 'A suppression needs a reason.' : undefined),
  });
  if (reason === undefined) return;
  const result = (await client.sendRequest('workspace/executeCommand', {
    command: APPLY_SUPPRESSION_COMMAND,
    arguments: [{ ...args, reason: reason.trim() }],
  })) as { applied?: boolean } | null;
  if (result && result.applied === false) void vscode.window.showWarningMessage(`Palisade: could not suppress ${args.ruleId}; the finding has changed or is gone.`);
}
