// The "Evaluate" code lens commands: ask for an input file (remembering the last one), send the
// server's evaluate request, show the result after the rule head and in the Palisade output channel
// with the equivalent `palisade rego eval` command line. The server evaluates; this file only asks,
// shows and writes a Terraform model to a file so the command line can be run as printed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  EVALUATE_INPUT_PLACEHOLDER,
  EVALUATE_RULE_CLIENT_COMMAND,
  EVALUATE_RULE_ON_TERRAFORM_CLIENT_COMMAND,
  REGO_EVALUATE_REQUEST,
  type EvaluateRuleArgs,
  type RegoEvaluateParams,
  type RegoEvaluateResult,
} from '../../server/src/shared/messages';

const LAST_INPUT_KEY = 'palisade.evaluate.lastInput';
const BROWSE = 'Browse…';

export class RuleEvaluator implements vscode.Disposable {
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 1.5em', color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic' },
  });
  /** Inline results per document (URI string → decorations), cleared when the document changes. */
  private readonly shown = new Map<string, vscode.DecorationOptions[]>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => LanguageClient | undefined,
  ) {
    this.disposables.push(
      this.decoration,
      vscode.commands.registerCommand(EVALUATE_RULE_CLIENT_COMMAND, (args: EvaluateRuleArgs) => this.evaluateWithInputFile(args)),
      vscode.commands.registerCommand(EVALUATE_RULE_ON_TERRAFORM_CLIENT_COMMAND, (args: EvaluateRuleArgs) => this.evaluate(args, { terraformUri: args.terraformUri })),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.shown.delete(e.document.uri.toString())) this.redraw(e.document.uri);
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => {
        for (const uri of this.shown.keys()) this.redraw(vscode.Uri.parse(uri));
      }),
    );
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  /** "Evaluate": `args.inputUri` when given (scripts, tests), else the user picks the input file. */
  async evaluateWithInputFile(args: EvaluateRuleArgs): Promise<RegoEvaluateResult | undefined> {
    const inputUri = args.inputUri ?? (await this.pickInput());
    if (inputUri === undefined) return undefined;
    await this.context.workspaceState.update(LAST_INPUT_KEY, inputUri);
    return this.evaluate(args, { inputUri });
  }

  private async evaluate(args: EvaluateRuleArgs, input: Pick<RegoEvaluateParams, 'inputUri' | 'terraformUri'>): Promise<RegoEvaluateResult | undefined> {
    const client = this.client();
    if (!client?.isRunning()) {
      void vscode.window.showWarningMessage('Palisade: the language server is not running.');
      return undefined;
    }
    const params: RegoEvaluateParams = { uri: args.uri, rule: args.rule, ...input };
    const result = await client.sendRequest<RegoEvaluateResult | null>(REGO_EVALUATE_REQUEST, params);
    if (!result) return undefined;
    this.showInline(args, result);
    this.log(client.outputChannel, params, result);
    return result;
  }

  private async pickInput(): Promise<string | undefined> {
    const last = this.context.workspaceState.get<string>(LAST_INPUT_KEY);
    const found = await vscode.workspace.findFiles('**/*.{json,yaml,yml}', '**/{node_modules,.git}/**', 200);
    const items: (vscode.QuickPickItem & { uri?: string })[] = [];
    if (last) items.push({ label: vscode.workspace.asRelativePath(vscode.Uri.parse(last)), description: 'last used', uri: last });
    for (const f of found) if (f.toString() !== last) items.push({ label: vscode.workspace.asRelativePath(f), uri: f.toString() });
    items.push({ label: BROWSE, description: 'choose a JSON or YAML file' });
    const picked = await vscode.window.showQuickPick(items, { title: 'Palisade: input for Evaluate', placeHolder: 'A JSON or YAML file used as input' });
    if (!picked) return undefined;
    if (picked.uri) return picked.uri;
    const chosen = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'JSON or YAML': ['json', 'yaml', 'yml'] }, openLabel: 'Use as input' });
    return chosen?.[0]?.toString();
  }

  private showInline(args: EvaluateRuleArgs, result: RegoEvaluateResult): void {
    const uri = vscode.Uri.parse(args.uri);
    const line = args.range.end.line;
    const options: vscode.DecorationOptions = {
      range: new vscode.Range(line, Number.MAX_SAFE_INTEGER, line, Number.MAX_SAFE_INTEGER),
      renderOptions: { after: { contentText: `⇒ ${result.summary}` } },
      hoverMessage: new vscode.MarkdownString().appendCodeblock(result.value ?? (result.errors.length > 0 ? result.errors.join('\n') : 'undefined'), 'json'),
    };
    const list = (this.shown.get(args.uri) ?? []).filter((d) => d.range.start.line !== line);
    list.push(options);
    this.shown.set(args.uri, list);
    this.redraw(uri);
  }

  private redraw(uri: vscode.Uri): void {
    const list = this.shown.get(uri.toString()) ?? [];
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === uri.toString()) editor.setDecorations(this.decoration, list);
  }

  private log(channel: vscode.OutputChannel, params: RegoEvaluateParams, result: RegoEvaluateResult): void {
    let argv = result.commandLine;
    if (result.input !== undefined) {
      // A Terraform model has no file of its own: write it, so the printed command runs as is.
      const dir = path.join(tmpdir(), 'palisade-evaluate');
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${path.basename(vscode.Uri.parse(params.terraformUri ?? 'model').path, '.tf')}.model.json`);
      writeFileSync(file, result.input);
      argv = argv.map((a) => (a === EVALUATE_INPUT_PLACEHOLDER ? file : a));
    }
    const on = params.terraformUri ? ` on ${vscode.workspace.asRelativePath(vscode.Uri.parse(params.terraformUri))}` : params.inputUri ? ` with input ${vscode.workspace.asRelativePath(vscode.Uri.parse(params.inputUri))}` : '';
    channel.appendLine(`[evaluate] ${result.rule}${on} (${result.durationMs.toFixed(1)} ms)`);
    if (result.errors.length > 0) for (const e of result.errors) channel.appendLine(`  error: ${e}`);
    else channel.appendLine(result.value ?? 'undefined');
    channel.appendLine(`  reproduce: cd ${shellQuote(result.cwd)} && palisade ${argv.map(shellQuote).join(' ')}`);
    channel.show(true);
  }
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
