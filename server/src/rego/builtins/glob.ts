// glob.match and glob.quote_meta with the semantics of the gobwas/glob library OPA uses:
// `*` stops at delimiters, `**` does not, `?` is one non-delimiter character, `[...]`/`[!...]` are
// character classes, `{a,b}` alternatives. Globs are translated to RE2 so matching stays linear.

import { RE2JS } from 're2js';
import { isArray } from '../value/collections';
import { builtinError, def, operandError, str, T } from './support';
import type { Builtin } from './types';

const cache = new Map<string, RE2JS | string>();
/** Compiled globs kept: IAM rules match every action of a unit's policies, so a pack sees many distinct globs. */
const MAX_CACHED = 2000;
/** A glob without any of these characters matches exactly its own text. */
const GLOB_SYNTAX = /[\\*?[{]/;
/** `prefix*` with a printable-ASCII prefix (the shape of IAM action globs such as `s3:Get*`). */
const PREFIX_STAR = /^[\x20-\x7e]*\*$/;

/** What the RE2 translation `^prefix[^delimiters]*$` answers, without compiling it. */
function matchPrefixStar(prefix: string, delimiters: string[], text: string): boolean {
  if (!text.startsWith(prefix)) return false;
  // No delimiters (null): `*` is `.` under (?s), any character.
  if (delimiters.length === 0) return true;
  for (const ch of text.slice(prefix.length)) if (delimiters.includes(ch)) return false;
  return true;
}

function escapeClassChar(c: string): string {
  return /[\\\]\[^-]/.test(c) ? '\\' + c : c;
}

/** Translates a glob to an anchored RE2 pattern, or returns an error message. */
export function globToRegex(glob: string, delimiters: string[]): string {
  const notDelim = delimiters.length ? `[^${delimiters.map(escapeClassChar).join('')}]` : '.';
  let i = 0;
  const chars = [...glob];
  const parse = (inAlt: boolean): string => {
    let out = '';
    while (i < chars.length) {
      const c = chars[i];
      if (inAlt && (c === ',' || c === '}')) return out;
      i++;
      switch (c) {
        case '\\':
          if (i >= chars.length) throw new Error('unexpected end of input after escape');
          out += RE2JS.quote(chars[i++]);
          break;
        case '*':
          if (chars[i] === '*') {
            i++;
            out += '.*';
          } else out += `${notDelim}*`;
          break;
        case '?':
          out += notDelim;
          break;
        case '[': {
          let negate = false;
          if (chars[i] === '!') {
            negate = true;
            i++;
          }
          let body = '';
          let closed = false;
          while (i < chars.length) {
            const d = chars[i++];
            if (d === ']') {
              closed = true;
              break;
            }
            if (d === '-' && body.length > 0 && chars[i] !== ']') body += '-';
            else if (d === '\\' && i < chars.length) body += escapeClassChar(chars[i++]);
            else body += escapeClassChar(d);
          }
          if (!closed) throw new Error('unexpected end of input in character class');
          out += `[${negate ? '^' : ''}${body}]`;
          break;
        }
        case '{': {
          const alts: string[] = [];
          for (;;) {
            alts.push(parse(true));
            if (i >= chars.length) throw new Error('unexpected end of input in alternatives');
            const sep = chars[i++];
            if (sep === '}') break;
          }
          out += `(?:${alts.join('|')})`;
          break;
        }
        default:
          out += RE2JS.quote(c);
      }
    }
    return out;
  };
  return `^(?s:${parse(false)})$`;
}

function compileGlob(glob: string, delimiters: string[]): RE2JS {
  const key = delimiters.join('\u0000') + '\u0001' + glob;
  let re = cache.get(key);
  if (re === undefined) {
    try {
      re = RE2JS.compile(globToRegex(glob, delimiters));
    } catch (e) {
      re = e instanceof Error ? e.message : String(e);
    }
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(key, re);
  }
  if (typeof re === 'string') throw builtinError(re);
  return re;
}

export const globBuiltins: Builtin[] = [
  def('glob.match', 'glob', [['pattern', T.string], ['delimiters', T.union(T.null, T.array(T.string))], ['match', T.string]], ['result', T.boolean],
    'Matches a string against a glob. `*` stops at delimiters (default ["."] when the array is empty; none when null), `**` does not.',
    ([p, d, m]) => {
      let delimiters: string[];
      if (d === null) delimiters = [];
      else if (isArray(d)) {
        delimiters = d.map((x) => {
          if (typeof x !== 'string') throw operandError(2, x, 'string');
          return x;
        });
        if (delimiters.length === 0) delimiters = ['.'];
      } else throw operandError(2, d, 'array', 'null');
      delimiters = delimiters.flatMap((x) => [...x]);
      const pattern = str(p, 1);
      if (!GLOB_SYNTAX.test(pattern)) return pattern === str(m, 3);
      if (PREFIX_STAR.test(pattern) && !GLOB_SYNTAX.test(pattern.slice(0, -1))) return matchPrefixStar(pattern.slice(0, -1), delimiters, str(m, 3));
      return compileGlob(str(p, 1), delimiters).matcher(str(m, 3)).find();
    }),
  def('glob.quote_meta', 'glob', [['pattern', T.string]], ['output', T.string], 'Escapes the glob metacharacters of a string.',
    ([p]) => str(p, 1).replace(/[*?\\[\]{}]/g, (c) => '\\' + c)),
];
