// Text edits: applying one file's edits, grouping by file, and the overlap test fix-all needs.
import type { FixTextEdit } from './types';

/**
 * Applies one file's edits to `text`. Edits must not overlap; insertions at the same offset keep
 * their given order. Edits are applied from the end so earlier offsets stay valid.
 */
export function applyEdits(text: string, edits: readonly FixTextEdit[]): string {
  const ordered = edits.map((edit, order) => ({ edit, order })).sort((a, b) => b.edit.start - a.edit.start || b.edit.end - a.edit.end || b.order - a.order);
  let out = text;
  for (const { edit } of ordered) {
    const start = Math.max(0, Math.min(edit.start, out.length));
    const end = Math.max(start, Math.min(edit.end, out.length));
    out = out.slice(0, start) + edit.newText + out.slice(end);
  }
  return out;
}

/** Edits grouped by file, in the order files first appear. */
export function editsByFile(edits: readonly FixTextEdit[]): Map<string, FixTextEdit[]> {
  const byFile = new Map<string, FixTextEdit[]>();
  for (const e of edits) {
    const list = byFile.get(e.file);
    if (list) list.push(e);
    else byFile.set(e.file, [e]);
  }
  return byFile;
}

/**
 * Whether two edit sets touch the same text. Two pure insertions at the same offset do not
 * overlap (applyEdits keeps their order) unless both insert a block of the same type there: two
 * fixes each adding `domain_endpoint_options { … }` would otherwise make two such blocks. An
 * insertion strictly inside a replaced range overlaps.
 */
export function editsOverlap(a: readonly FixTextEdit[], b: readonly FixTextEdit[]): boolean {
  for (const x of a) {
    for (const y of b) {
      if (x.file !== y.file) continue;
      if (x.start < y.end && y.start < x.end) return true;
      if (x.start === x.end && y.start === y.end && x.start === y.start) {
        const type = insertedBlockType(x.newText);
        if (type !== undefined && type === insertedBlockType(y.newText)) return true;
      }
      if (x.start === x.end && y.start < x.start && x.start < y.end) return true;
      if (y.start === y.end && x.start < y.start && y.start < x.end) return true;
    }
  }
  return false;
}

/** The type of the first block an inserted text opens (`versioning {`, `resource "a" "b" {`). */
function insertedBlockType(text: string): string | undefined {
  const m = /^[ \t]*([A-Za-z_][\w-]*)(?:[ \t]+"[^"\n]*")*[ \t]*\{/m.exec(text);
  if (!m) return undefined;
  return m[1] === 'resource' || m[1] === 'data' ? /^[ \t]*\w+((?:[ \t]+"[^"\n]*")*)/m.exec(text.slice(m.index))![0].trim() : m[1];
}
