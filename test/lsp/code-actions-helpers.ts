// Helpers for the code-action tests: request actions for a published diagnostic, and apply a
// returned WorkspaceEdit the way an editor does (text edits → didChange with the next version).
import type { Diagnostic, Range, TestServer } from './harness';

export interface TextEdit {
  range: Range;
  newText: string;
}
export interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: Array<{ textDocument?: { uri: string; version: number | null }; edits?: TextEdit[]; kind?: string }>;
}
export interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: WorkspaceEdit;
  command?: { title: string; command: string; arguments?: unknown[] };
  data?: unknown;
}

export type FindingDiagnostic = Diagnostic & { data?: { ruleId: string; fingerprint: string } };

export function codeActions(server: TestServer, uri: string, range: Range, diagnostics: Diagnostic[], only?: string[], triggerKind?: number): Promise<CodeAction[] | null> {
  return server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range,
    context: { diagnostics, ...(only ? { only } : {}), ...(triggerKind ? { triggerKind } : {}) },
  });
}

/** The edits of `edit` for one document, whichever form the server chose. */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): { edits: TextEdit[]; version?: number | null } {
  if (!edit) return { edits: [] };
  if (edit.changes) return { edits: edit.changes[uri] ?? [] };
  const doc = (edit.documentChanges ?? []).find((c) => c.textDocument?.uri === uri);
  return { edits: doc?.edits ?? [], version: doc?.textDocument?.version };
}

function offsetOf(text: string, line: number, character: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + character;
}

/** Edits applied from the end, as LSP requires them not to overlap. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const located = edits.map((e) => ({ start: offsetOf(text, e.range.start.line, e.range.start.character), end: offsetOf(text, e.range.end.line, e.range.end.character), newText: e.newText }));
  located.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of located) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Sends the edits as one didChange (last position first, so earlier ranges stay valid). */
export async function sendEdits(server: TestServer, uri: string, version: number, edits: TextEdit[]): Promise<void> {
  const ordered = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
  await server.change(uri, version, ordered.map((e) => ({ range: e.range, text: e.newText })));
}

export function fingerprints(diagnostics: Diagnostic[]): Set<string> {
  return new Set((diagnostics as FindingDiagnostic[]).map((d) => d.data?.fingerprint).filter((f): f is string => typeof f === 'string'));
}
