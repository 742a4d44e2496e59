// Inline `# regal ignore:rule-a,rule-b` directives. A directive silences the named rules on its own
// line (so it can end a line of code); on a line of its own it also covers the following lines up to
// and including the first line that is not a comment (so it can sit above other comments).
import type { Comment } from '../rego';

/** 1-based row → names of rules ignored on it. */
export type IgnoreMap = Map<number, Set<string>>;

const DIRECTIVE = /(?:^|#)\s*regal\s+ignore:\s*([\w-]+(?:\s*,\s*[\w-]+)*)/;

export function ignoreDirectives(comments: Comment[], lines: string[], rowOf: (offset: number) => number): IgnoreMap {
  const map: IgnoreMap = new Map();
  for (const c of comments) {
    // Most comments are prose: skip the regular expression unless the word is there.
    if (!c.text.includes('regal')) continue;
    const m = DIRECTIVE.exec(c.text);
    if (!m) continue;
    const names = m[1].split(',').map((s) => s.trim()).filter(Boolean);
    const row = rowOf(c.loc.start);
    const line = lines[row - 1] ?? '';
    const ownLine = line.trimStart().startsWith('#');
    const rows = [row];
    if (ownLine) {
      for (let next = row + 1; next <= lines.length; next++) {
        rows.push(next);
        if (!lines[next - 1].trimStart().startsWith('#')) break;
      }
    }
    for (const target of rows) {
      const set = map.get(target) ?? new Set<string>();
      names.forEach((n) => set.add(n));
      map.set(target, set);
    }
  }
  return map;
}

export function isIgnored(map: IgnoreMap, row: number, rule: string): boolean {
  return map.get(row)?.has(rule) ?? false;
}
