// The workspace folders the client reported; a unit's root is the innermost folder holding it.
import type { WorkspaceFolder } from 'vscode-languageserver';
import { isInside, uriToPath } from './paths';

export class WorkspaceFolders {
  private folders: string[] = [];

  set(folders: readonly WorkspaceFolder[] | null | undefined, rootUri?: string | null): void {
    const paths = (folders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
    if (paths.length === 0 && rootUri) {
      const root = uriToPath(rootUri);
      if (root) paths.push(root);
    }
    this.folders = sortInnermostFirst(paths);
  }

  change(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((f) => uriToPath(f.uri)));
    const kept = this.folders.filter((f) => !gone.has(f));
    for (const f of added) {
      const p = uriToPath(f.uri);
      if (p && !kept.includes(p)) kept.push(p);
    }
    this.folders = sortInnermostFirst(kept);
  }

  /** Every folder, innermost first. */
  list(): readonly string[] {
    return this.folders;
  }

  /** The folder containing `path`, or undefined outside every folder. */
  folderOf(path: string): string | undefined {
    return this.folders.find((f) => isInside(path, f));
  }
}

function sortInnermostFirst(paths: string[]): string[] {
  return [...new Set(paths)].sort((a, b) => b.length - a.length);
}
