// 1-based line/column positions for CLI output, computed with the language server's LineIndex so
// the CLI and the editor agree on every position (same line breaks: \n, \r\n and \r).
import type { FileHost } from '../iac/model';
import { LineIndex } from '../lsp/line-index';

const indexes = new WeakMap<FileHost, Map<string, LineIndex>>();

/** 1-based line and column (UTF-16 units) of `offset` in `file` (an absolute host path). */
export function positionIn(host: FileHost, file: string, offset: number): [number, number] {
  let perHost = indexes.get(host);
  if (!perHost) indexes.set(host, (perHost = new Map()));
  let index = perHost.get(file);
  if (!index) perHost.set(file, (index = new LineIndex(host.readFile(file) ?? '')));
  const p = index.positionAt(offset);
  return [p.line + 1, p.character + 1];
}
