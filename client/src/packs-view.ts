// The "Palisade: Rule Packs" view: the packs each workspace folder runs, as the server reports them
// (name, version, source, rules, problems). Problems with a file open it. No analysis here.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PACK_STATUS_REQUEST, type FolderPacks, type PackProblemRow, type PackRow, type PackStatusResult } from '../../server/src/shared/packs-messages';
import { packDescription, packSummary } from './packs-labels';

export const PACKS_VIEW_ID = 'palisade.packs';
export const REFRESH_PACKS_COMMAND = 'palisade.refreshPacks';

type Node =
  | { kind: 'folder'; folder: FolderPacks }
  | { kind: 'note'; text: string; tooltip?: string }
  | { kind: 'pack'; pack: PackRow }
  | { kind: 'problem'; problem: PackProblemRow }
  | { kind: 'rules'; pack: PackRow }
  | { kind: 'rule'; id: string };

export class RulePacksView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private result: PackStatusResult | undefined;
  private failure: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Nodes are built once per answer, so VS Code (and `reveal`) sees the same objects each time. */
  private readonly children = new Map<Node | undefined, Node[]>();
  private readonly parents = new Map<Node, Node | undefined>();
  readonly treeView: vscode.TreeView<Node>;

  constructor(private readonly client: () => LanguageClient | undefined) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.palisade.{yaml,yml}');
    const later = () => this.refreshSoon();
    this.disposables.push(
      this.changed,
      watcher,
      watcher.onDidChange(later),
      watcher.onDidCreate(later),
      watcher.onDidDelete(later),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('palisade.packs') && later()),
      vscode.workspace.onDidChangeWorkspaceFolders(later),
      vscode.commands.registerCommand(REFRESH_PACKS_COMMAND, () => this.refresh()),
    );
    this.treeView = vscode.window.createTreeView(PACKS_VIEW_ID, { treeDataProvider: this });
    this.disposables.push(this.treeView);
  }

  /** Asks the server again (after it starts, on demand, and when pack configuration changes). */
  async refresh(): Promise<void> {
    const client = this.client();
    if (!client) return;
    try {
      this.result = await client.sendRequest<PackStatusResult>(PACK_STATUS_REQUEST, {});
      this.failure = undefined;
    } catch (err) {
      this.failure = err instanceof Error ? err.message : String(err);
    }
    this.children.clear();
    this.parents.clear();
    this.changed.fire(undefined);
  }

  /** The server re-reads packs when `.palisade.yaml` changes; give it a moment before asking. */
  private refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 500);
  }

  getChildren(node?: Node): Node[] {
    let nodes = this.children.get(node);
    if (!nodes) {
      nodes = this.build(node);
      this.children.set(node, nodes);
      for (const child of nodes) this.parents.set(child, node);
    }
    return nodes;
  }

  getParent(node: Node): Node | undefined {
    return this.parents.get(node);
  }

  private build(node: Node | undefined): Node[] {
    if (!node) return this.roots();
    switch (node.kind) {
      case 'folder':
        return this.folderChildren(node.folder);
      case 'pack':
        return [...node.pack.problems.map((problem): Node => ({ kind: 'problem', problem })), ...(node.pack.ruleIds.length > 0 ? [{ kind: 'rules', pack: node.pack } as Node] : [])];
      case 'rules':
        return node.pack.ruleIds.map((id): Node => ({ kind: 'rule', id }));
      default:
        return [];
    }
  }

  private roots(): Node[] {
    if (this.failure) return [{ kind: 'note', text: 'The language server did not answer', tooltip: this.failure }];
    const folders = this.result?.folders ?? [];
    if (folders.length === 0) return [{ kind: 'note', text: this.result ? 'No workspace folder' : 'Waiting for the language server…' }];
    return folders.length === 1 ? this.folderChildren(folders[0]) : folders.map((folder): Node => ({ kind: 'folder', folder }));
  }

  private folderChildren(folder: FolderPacks): Node[] {
    const nodes: Node[] = folder.packs.map((pack): Node => ({ kind: 'pack', pack }));
    if (!folder.trusted) nodes.unshift({ kind: 'note', text: 'Restricted Mode: only the built-in pack runs', tooltip: 'Trust this workspace to run the team packs its configuration names.' });
    return nodes;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'folder': {
        const item = new vscode.TreeItem(node.folder.folder.split('/').pop() ?? node.folder.folder, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon('root-folder');
        item.tooltip = node.folder.configFile ? `Packs configured in ${node.folder.configFile}` : 'No .palisade.yaml: built-in pack';
        return item;
      }
      case 'note': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('info');
        item.tooltip = node.tooltip;
        return item;
      }
      case 'pack':
        return packItem(node.pack);
      case 'problem':
        return problemItem(node.problem);
      case 'rules': {
        const item = new vscode.TreeItem(`Rules (${node.pack.ruleIds.length})`, vscode.TreeItemCollapsibleState.Collapsed);
        item.iconPath = new vscode.ThemeIcon('list-unordered');
        return item;
      }
      case 'rule': {
        const item = new vscode.TreeItem(node.id, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('shield');
        return item;
      }
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function packItem(pack: PackRow): vscode.TreeItem {
  const errors = pack.problems.filter((p) => p.severity === 'error').length;
  const warnings = pack.problems.filter((p) => p.severity === 'warning').length;
  const item = new vscode.TreeItem(pack.name, pack.problems.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  item.description = packDescription(pack);
  item.iconPath = new vscode.ThemeIcon(errors > 0 ? 'error' : warnings > 0 ? 'warning' : pack.kind === 'builtin' ? 'verified' : 'package');
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${pack.name}** (${pack.kind})\n\n`);
  if (pack.source) tooltip.appendMarkdown(`Source: \`${pack.source}\`\n\n`);
  if (pack.revision) tooltip.appendMarkdown(`Revision: ${pack.revision}\n\n`);
  if (pack.head) tooltip.appendMarkdown(`HEAD: ${pack.head}\n\n`);
  tooltip.appendMarkdown(packSummary(pack));
  item.tooltip = tooltip;
  item.contextValue = `palisade.pack.${pack.kind}`;
  return item;
}

function problemItem(problem: PackProblemRow): vscode.TreeItem {
  const item = new vscode.TreeItem(problem.message, vscode.TreeItemCollapsibleState.None);
  item.iconPath = new vscode.ThemeIcon(problem.severity === 'error' ? 'error' : problem.severity === 'warning' ? 'warning' : 'info');
  item.description = problem.code;
  item.tooltip = problem.file ? `${problem.message}\n${problem.file}` : problem.message;
  if (problem.file) item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.file(problem.file)] };
  return item;
}
