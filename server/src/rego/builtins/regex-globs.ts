// regex.globs_match: do two simplified regular expressions ("globs" of the glob-intersection
// library OPA uses: literals, `.`, `[a-z0-9]` sets, `\` escapes, `*` and `+`) match a common string?
// Decided by searching the product of the two token automata, so it is linear in their sizes.

import { builtinError, def, str, T } from './support';
import type { Builtin } from './types';

type Pred = { any: true } | { ranges: [number, number][] };

interface Token {
  pred: Pred;
  repeat: boolean; // `*`: zero or more
}

function invalid(input: string, pos: number, what: string): never {
  throw builtinError(`input:${input}, pos:${pos}, ${what}: the input provided is invalid`);
}

export function tokenizeGlob(input: string): Token[] {
  const chars = [...input];
  const tokens: Token[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const pos = i + 1;
    if (c === '*' || c === '+') {
      const prev = tokens[tokens.length - 1];
      if (!prev || prev.repeat) invalid(input, pos, `modifier '${c}' with no preceding token`);
      if (c === '*') prev.repeat = true;
      else tokens.push({ pred: prev.pred, repeat: true });
      continue;
    }
    if (c === ']') invalid(input, pos, "set-close ']' with no preceding '['");
    if (c === '.') {
      tokens.push({ pred: { any: true }, repeat: false });
      continue;
    }
    if (c === '\\') {
      if (i + 1 >= chars.length) invalid(input, pos, 'escape at end of input');
      const cp = chars[++i].codePointAt(0)!;
      tokens.push({ pred: { ranges: [[cp, cp]] }, repeat: false });
      continue;
    }
    if (c === '[') {
      const ranges: [number, number][] = [];
      let closed = false;
      for (i++; i < chars.length; i++) {
        let d = chars[i];
        if (d === ']') {
          closed = true;
          break;
        }
        if (d === '[') invalid(input, i + 1, "set-open '[' inside a set");
        if (d === '\\' && i + 1 < chars.length) d = chars[++i];
        const lo = d.codePointAt(0)!;
        if (chars[i + 1] === '-' && i + 2 < chars.length && chars[i + 2] !== ']') {
          let hiChar = chars[i + 2];
          i += 2;
          if (hiChar === '\\' && i + 1 < chars.length) hiChar = chars[++i];
          ranges.push([lo, hiChar.codePointAt(0)!]);
        } else ranges.push([lo, lo]);
      }
      if (!closed) invalid(input, pos, "set-open '[' with no closing ']'");
      tokens.push({ pred: { ranges }, repeat: false });
      continue;
    }
    const cp = c.codePointAt(0)!;
    tokens.push({ pred: { ranges: [[cp, cp]] }, repeat: false });
  }
  return tokens;
}

function overlap(a: Pred, b: Pred): boolean {
  if ('any' in a) return 'any' in b || b.ranges.length > 0;
  if ('any' in b) return a.ranges.length > 0;
  return a.ranges.some(([l1, h1]) => b.ranges.some(([l2, h2]) => l1 <= h2 && l2 <= h1));
}

/** True if some string matches both token sequences (each must match the whole string). */
export function globsIntersect(a: Token[], b: Token[]): boolean {
  const seen = new Set<number>();
  const width = b.length + 1;
  const stack: [number, number][] = [[0, 0]];
  while (stack.length > 0) {
    const [i, j] = stack.pop()!;
    const id = i * width + j;
    if (seen.has(id)) continue;
    seen.add(id);
    if (i === a.length && j === b.length) return true;
    // Skipping a repeated token consumes nothing.
    if (i < a.length && a[i].repeat) stack.push([i + 1, j]);
    if (j < b.length && b[j].repeat) stack.push([i, j + 1]);
    if (i < a.length && j < b.length && overlap(a[i].pred, b[j].pred)) {
      stack.push([a[i].repeat ? i : i + 1, b[j].repeat ? j : j + 1]);
    }
  }
  return false;
}

export const globsBuiltins: Builtin[] = [
  def('regex.globs_match', 'regex', [['glob1', T.string], ['glob2', T.string]], ['result', T.boolean],
    'True if the two simplified regular expressions (literals, `.`, `[…]` sets, `*`, `+`) can match a common string.',
    ([a, b]) => globsIntersect(tokenizeGlob(str(a, 1)), tokenizeGlob(str(b, 2)))),
];
