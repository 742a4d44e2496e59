// String builtins with Go semantics: indexes and lengths count code points (runes), case mapping is
// per code point, whitespace is Go's unicode.IsSpace.

import { sortValues } from '../value/compare';
import { isArray, isSet } from '../value/collections';
import { BigFloat } from '../value/number';
import type { RegoValue } from '../value/types';
import {
  builtinError, collection, def, elementError, int, n, num, obj, operandError, str, T, typeError,
} from './support';
import type { Builtin } from './types';

const runes = (s: string): string[] => [...s];

/** Rune index of a UTF-16 offset. */
function runeIndex(s: string, utf16Offset: number): number {
  return [...s.slice(0, utf16Offset)].length;
}

const GO_SPACE = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]);
export function isGoSpace(cp: number): boolean {
  return GO_SPACE.has(cp) || (cp >= 0x2000 && cp <= 0x200a);
}

const ASCII = /^[\x00-\x7f]*$/;

function mapCase(s: string, upper: boolean): string {
  // ASCII maps one to one in both languages.
  if (ASCII.test(s)) return upper ? s.toUpperCase() : s.toLowerCase();
  let out = '';
  for (const ch of s) {
    const m = upper ? ch.toUpperCase() : ch.toLowerCase();
    // Go maps code point to code point; JS special-cases (ß → SS) expand, so keep those unchanged.
    out += [...m].length === 1 ? m : ch;
  }
  return out;
}

function trimSet(s: string, cutset: string, left: boolean, right: boolean): string {
  const cut = new Set(runes(cutset));
  const r = runes(s);
  let i = 0;
  let j = r.length;
  if (left) while (i < j && cut.has(r[i])) i++;
  if (right) while (j > i && cut.has(r[j - 1])) j--;
  return r.slice(i, j).join('');
}

function trimSpace(s: string): string {
  const r = runes(s);
  let i = 0;
  let j = r.length;
  while (i < j && isGoSpace(r[i].codePointAt(0)!)) i++;
  while (j > i && isGoSpace(r[j - 1].codePointAt(0)!)) j--;
  return r.slice(i, j).join('');
}

/** Go's strings.Split: an empty separator splits into code points. */
export function goSplit(s: string, sep: string): string[] {
  if (sep === '') return runes(s);
  return s.split(sep);
}

/** Go's strings.ReplaceAll: an empty `old` inserts `new` around every code point. */
export function goReplaceAll(s: string, old: string, replacement: string): string {
  if (old === '') {
    const r = runes(s);
    return replacement + r.map((c) => c + replacement).join('');
  }
  return s.split(old).join(replacement);
}

/** Go's strings.Count: an empty substring counts code points + 1. */
function goCount(s: string, sub: string): number {
  if (sub === '') return runes(s).length + 1;
  let count = 0;
  for (let i = s.indexOf(sub); i !== -1; i = s.indexOf(sub, i + sub.length)) count++;
  return count;
}

/** A string, or the strings of a set/array (strings.any_prefix_match's operands). */
function stringOrStrings(v: RegoValue, pos: number): string[] {
  if (typeof v === 'string') return [v];
  if (!isArray(v) && !isSet(v)) throw operandError(pos, v, 'string', 'set', 'array');
  const items = isArray(v) ? v : [...v.values()];
  return items.map((x) => {
    if (typeof x !== 'string') throw elementError(pos, v, x, 'string');
    return x;
  });
}

function concatStrings(delim: string, v: RegoValue): string {
  const items = isSet(v) ? sortValues([...v.values()]) : collection(v, 2, 'set', 'array');
  return items
    .map((x) => {
      if (typeof x !== 'string') throw elementError(2, v, x, 'string');
      return x;
    })
    .join(delim);
}

function formatInt(v: RegoValue, base: RegoValue): string {
  const x = num(v, 1);
  const b = num(base, 2);
  const radix = b.int !== undefined ? Number(b.int) : NaN;
  if (![2, 8, 10, 16].includes(radix)) throw typeError('operand 2 must be one of {2, 8, 10, 16}');
  const i = x.int ?? BigFloat.fromNumber(x).trunc();
  return i.toString(radix);
}

function substring(s: string, start: number, length: number): string {
  if (start < 0) throw builtinError('negative offset');
  const r = runes(s);
  if (start >= r.length) return '';
  if (length < 0) return r.slice(start).join('');
  return r.slice(start, Math.min(r.length, start + length)).join('');
}

/** strings.replace_n: Go's strings.NewReplacer over the pattern keys in sorted order. */
function replaceN(patterns: RegoValue, s: RegoValue): string {
  const o = obj(patterns, 1);
  const pairs: [string, string][] = [];
  for (const [k, v] of o.entries()) {
    if (typeof k !== 'string') throw typeError('operand 1 non-string key found in pattern object');
    if (typeof v !== 'string') throw typeError('operand 1 non-string value found in pattern object');
    pairs.push([k, v]);
  }
  const text = str(s, 2);
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let out = '';
  let i = 0;
  while (i <= text.length) {
    const match = pairs.find(([old]) => text.startsWith(old, i) && old !== '');
    if (match) {
      out += match[1];
      i += match[0].length;
    } else {
      if (i < text.length) out += text[i];
      i++;
    }
  }
  return out;
}

const S = T.string;

export const stringBuiltins: Builtin[] = [
  def('concat', 'strings', [['delimiter', S], ['collection', T.union(T.array(S), T.set(S))]], ['output', S],
    'Joins a set or array of strings with a delimiter (sets in sorted order).',
    ([d, c]) => concatStrings(str(d, 1), c)),
  def('contains', 'strings', [['haystack', S], ['needle', S]], ['result', T.boolean],
    'True if `haystack` contains `needle`.', (args) => str(args[0], 1).includes(str(args[1], 2))), // indexed: hot, and `([h, nd])` allocates in baseline code
  def('startswith', 'strings', [['search', S], ['base', S]], ['result', T.boolean],
    'True if `search` begins with `base`.', ([s, b]) => str(s, 1).startsWith(str(b, 2))),
  def('endswith', 'strings', [['search', S], ['base', S]], ['result', T.boolean],
    'True if `search` ends with `base`.', ([s, b]) => str(s, 1).endsWith(str(b, 2))),
  def('strings.any_prefix_match', 'strings', [['search', T.union(S, T.set(S), T.array(S))], ['base', T.union(S, T.set(S), T.array(S))]],
    ['result', T.boolean], 'True if any of the search strings begins with any of the base strings.',
    ([s, b]) => {
      const search = stringOrStrings(s, 1);
      const base = stringOrStrings(b, 2);
      return search.some((x) => base.some((p) => x.startsWith(p)));
    }),
  def('strings.any_suffix_match', 'strings', [['search', T.union(S, T.set(S), T.array(S))], ['base', T.union(S, T.set(S), T.array(S))]],
    ['result', T.boolean], 'True if any of the search strings ends with any of the base strings.',
    ([s, b]) => {
      const search = stringOrStrings(s, 1);
      const base = stringOrStrings(b, 2);
      return search.some((x) => base.some((p) => x.endsWith(p)));
    }),
  def('format_int', 'strings', [['number', T.number], ['base', T.number]], ['output', S],
    'Formats the integer part of a number in base 2, 8, 10 or 16.', ([x, b]) => formatInt(x, b)),
  def('indexof', 'strings', [['haystack', S], ['needle', S]], ['output', T.number],
    'The code-point index of the first occurrence of `needle` in `haystack`, or -1.',
    ([h, nd]) => {
      const hs = str(h, 1);
      const i = hs.indexOf(str(nd, 2));
      return n(i < 0 ? -1 : runeIndex(hs, i));
    }),
  def('indexof_n', 'strings', [['haystack', S], ['needle', S]], ['output', T.array(T.number)],
    'All code-point indexes where `needle` occurs in `haystack` (overlapping occurrences included).',
    ([h, nd]) => {
      const hs = str(h, 1);
      const needle = str(nd, 2);
      const out: RegoValue[] = [];
      for (let i = hs.indexOf(needle); i !== -1 && i <= hs.length; i = hs.indexOf(needle, i + 1)) {
        out.push(n(runeIndex(hs, i)));
        if (needle === '' && i >= hs.length) break;
      }
      return out;
    }),
  def('lower', 'strings', [['x', S]], ['y', S], 'Lower-cases a string.', ([s]) => mapCase(str(s, 1), false)),
  def('upper', 'strings', [['x', S]], ['y', S], 'Upper-cases a string.', ([s]) => mapCase(str(s, 1), true)),
  def('replace', 'strings', [['x', S], ['old', S], ['new', S]], ['y', S], 'Replaces every occurrence of `old` with `new`.',
    ([s, o, r]) => goReplaceAll(str(s, 1), str(o, 2), str(r, 3))),
  def('strings.replace_n', 'strings', [['patterns', T.object(S, S)], ['value', S]], ['output', S],
    'Replaces several substrings at once (keys of `patterns` by their values), without overlaps.',
    ([p, s]) => replaceN(p, s)),
  def('strings.reverse', 'strings', [['x', S]], ['y', S], 'Reverses a string by code points.',
    ([s]) => runes(str(s, 1)).reverse().join('')),
  def('strings.count', 'strings', [['search', S], ['substring', S]], ['output', T.number],
    'Counts the non-overlapping occurrences of `substring` in `search`.', ([s, sub]) => n(goCount(str(s, 1), str(sub, 2)))),
  def('split', 'strings', [['x', S], ['delimiter', S]], ['ys', T.array(S)], 'Splits a string at every delimiter.',
    ([s, d]) => goSplit(str(s, 1), str(d, 2))),
  def('substring', 'strings', [['value', S], ['offset', T.number], ['length', T.number]], ['output', S],
    'The part of `value` from code-point `offset` of `length` code points (to the end when length < 0).',
    ([s, o, l]) => substring(str(s, 1), int(o, 2), int(l, 3))),
  def('trim', 'strings', [['value', S], ['cutset', S]], ['output', S], 'Removes leading and trailing characters found in `cutset`.',
    ([s, c]) => trimSet(str(s, 1), str(c, 2), true, true)),
  def('trim_left', 'strings', [['value', S], ['cutset', S]], ['output', S], 'Removes leading characters found in `cutset`.',
    ([s, c]) => trimSet(str(s, 1), str(c, 2), true, false)),
  def('trim_right', 'strings', [['value', S], ['cutset', S]], ['output', S], 'Removes trailing characters found in `cutset`.',
    ([s, c]) => trimSet(str(s, 1), str(c, 2), false, true)),
  def('trim_prefix', 'strings', [['value', S], ['prefix', S]], ['output', S], 'Removes a leading prefix.',
    ([s, p]) => {
      const v = str(s, 1);
      const pre = str(p, 2);
      return v.startsWith(pre) ? v.slice(pre.length) : v;
    }),
  def('trim_suffix', 'strings', [['value', S], ['suffix', S]], ['output', S], 'Removes a trailing suffix.',
    ([s, p]) => {
      const v = str(s, 1);
      const suf = str(p, 2);
      return suf !== '' && v.endsWith(suf) ? v.slice(0, v.length - suf.length) : v;
    }),
  def('trim_space', 'strings', [['value', S]], ['output', S], 'Removes leading and trailing white space (Unicode).',
    ([s]) => trimSpace(str(s, 1))),
];

