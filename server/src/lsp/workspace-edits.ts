// Offsets → LSP workspace edits, and the text of an inline suppression. The fix layer speaks
// UTF-16 offsets into workspace-relative files; this converts them against the text the edits
// were computed on, versioned when the client can check versions (documentChanges).
import type { CreateFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { LineIndex } from './line-index';
import { pathToUri } from './paths';
import { jsonSuppressionInsert } from '../policy';

/** One replacement in an absolute path. */
export interface OffsetEdit {
  path: string;
  start: number;
  end: number;
  newText: string;
}

export interface EditTarget {
  /** The text the offsets refer to; undefined for a file that does not exist yet. */
  textOf(path: string): string | undefined;
  /** The editor's version of an open document. */
  versionOf(path: string): number | undefined;
}

export function toWorkspaceEdit(edits: OffsetEdit[], target: EditTarget, documentChanges: boolean): WorkspaceEdit {
  const byPath = new Map<string, OffsetEdit[]>();
  for (const e of edits) {
    const list = byPath.get(e.path);
    if (list) list.push(e);
    else byPath.set(e.path, [e]);
  }
  const changes: Record<string, TextEdit[]> = {};
  const operations: Array<TextDocumentEdit | CreateFile> = [];
  for (const [path, list] of byPath) {
    const text = target.textOf(path);
    const index = new LineIndex(text ?? '');
    const uri = pathToUri(path);
    const textEdits = list.map((e) => ({ range: index.rangeOf(e.start, e.end), newText: e.newText }));
    if (!documentChanges) {
      changes[uri] = textEdits;
      continue;
    }
    if (text === undefined) operations.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
    operations.push({ textDocument: { uri, version: target.versionOf(path) ?? null }, edits: textEdits });
  }
  return documentChanges ? { documentChanges: operations } : { changes };
}

/**
 * `# palisade:ignore <ID> <reason>` on its own line above the line holding `offset`, with that
 * line's indentation and line ending. The reason is flattened to one line; without one the
 * comment ends after the id (which the policy layer reports as PAL-SUPPRESS-NO-REASON).
 * In a `.tf.json` file the same text becomes the `"//"` property of the enclosing resource, data
 * source or module call; undefined where no suppression can be written (other JSON, or a body
 * that already has a `"//"`).
 */
export function suppressionEdit(path: string, text: string, offset: number, ruleId: string, reason?: string): OffsetEdit | undefined {
  const at = Math.max(0, Math.min(offset, text.length));
  const why = (reason ?? '').replace(/\s+/g, ' ').trim();
  const suppression = `palisade:ignore ${ruleId}${why ? ` ${why}` : ''}`;
  if (path.endsWith('.json')) {
    const insert = path.endsWith('.tf.json') ? jsonSuppressionInsert(text, at, suppression) : undefined;
    return insert && { path, ...insert };
  }
  const lineStart = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { path, start: lineStart, end: lineStart, newText: `${indent}# ${suppression}${eol}` };
}
