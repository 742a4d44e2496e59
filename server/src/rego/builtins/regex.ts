// regex.* with RE2 syntax and linear-time matching (re2js), following Go's regexp package
// for find-all, split and replacement semantics. User patterns never reach JS RegExp.

import { RE2JS } from 're2js';
import type { RegoValue } from '../value/types';
import { builtinError, def, int, str, T } from './support';
import type { Builtin } from './types';

/** Compiled patterns kept (a pack's rules and the patterns its inputs carry). */
const MAX_CACHED = 2000;
const compiled = new Map<string, RE2JS | string>();

/** Compiles (cached) or returns the syntax error message. */
export function compileRegex(pattern: string): RE2JS | string {
  let re = compiled.get(pattern);
  if (re === undefined) {
    try {
      re = RE2JS.compile(pattern);
    } catch (e) {
      re = e instanceof Error ? e.message : String(e);
    }
    if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value!);
    compiled.set(pattern, re);
  }
  return re;
}

function regex(pattern: string): RE2JS {
  const re = compileRegex(pattern);
  if (typeof re === 'string') throw builtinError(re);
  return re;
}

/** Match spans of successive non-overlapping matches, Go style (empty matches abutting a match are skipped). */
export function findAll(re: RE2JS, s: string, limit: number): { start: number; end: number; groups: (string | null)[] }[] {
  const out: { start: number; end: number; groups: (string | null)[] }[] = [];
  const m = re.matcher(s);
  let pos = 0;
  let prevEnd = -1;
  while (pos <= s.length && (limit < 0 || out.length < limit)) {
    if (!m.find(pos)) break;
    const start = m.start();
    const end = m.end();
    if (start === end && start === prevEnd) {
      pos = start + codeUnitWidth(s, start);
      if (start >= s.length) break;
      continue;
    }
    const groups: (string | null)[] = [];
    for (let g = 0; g <= m.groupCount(); g++) groups.push(m.group(g));
    out.push({ start, end, groups });
    prevEnd = end;
    pos = end > start ? end : end + codeUnitWidth(s, end);
    if (end >= s.length && start === end) break;
  }
  return out;
}

function codeUnitWidth(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
}

/** Go's Regexp.Split(s, -1). */
export function regexSplit(re: RE2JS, pattern: string, s: string): string[] {
  if (pattern.length > 0 && s.length === 0) return [''];
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const match of findAll(re, s, -1)) {
    end = match.start;
    if (match.end !== 0) out.push(s.slice(beg, end));
    beg = match.end;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

/** Go's Regexp.Expand template: $1, ${1}, $name, ${name}, $$. */
function expand(template: string, groups: (string | null)[], names: Record<string, number>): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c !== '$' || i + 1 >= template.length) {
      out += c;
      continue;
    }
    if (template[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    let name: string;
    let next: number;
    if (template[i + 1] === '{') {
      const close = template.indexOf('}', i + 2);
      const inner = close < 0 ? '' : template.slice(i + 2, close);
      if (close < 0 || !/^[A-Za-z0-9_]+$/.test(inner)) {
        out += c;
        continue;
      }
      name = inner;
      next = close + 1;
    } else {
      const m = /^[A-Za-z0-9_]+/.exec(template.slice(i + 1));
      if (!m) {
        out += c;
        continue;
      }
      name = m[0];
      next = i + 1 + name.length;
    }
    const idx = /^[0-9]+$/.test(name) ? Number(name) : names[name];
    if (idx !== undefined && idx < groups.length) out += groups[idx] ?? '';
    i = next - 1;
  }
  return out;
}

function namedGroups(pattern: string): Record<string, number> {
  // Count capture groups in order to map names to indexes.
  const names: Record<string, number> = {};
  let index = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      // skip class
      i++;
      if (pattern[i] === '^') i++;
      if (pattern[i] === ']') i++;
      while (i < pattern.length && pattern[i] !== ']') {
        if (pattern[i] === '\\') i++;
        i++;
      }
      continue;
    }
    if (c !== '(') continue;
    if (pattern[i + 1] !== '?') {
      index++;
      continue;
    }
    const m = /^\(\?P?<([A-Za-z0-9_]+)>/.exec(pattern.slice(i));
    if (m) names[m[1]] = ++index;
  }
  return names;
}

function replaceAll(s: string, pattern: string, replacement: string): string | undefined {
  // OPA makes regex.replace undefined (not an error) for an invalid pattern.
  const re = compileRegex(pattern);
  if (typeof re === 'string') return undefined;
  const names = replacement.includes('$') ? namedGroups(pattern) : {};
  let out = '';
  let last = 0;
  for (const m of findAll(re, s, -1)) {
    out += s.slice(last, m.start) + expand(replacement, m.groups, names);
    last = m.end;
  }
  return out + s.slice(last);
}

/** regex.template_match: literal text with regexes between delimiters. */
function templateMatch(template: string, value: string, open: string, close: string): boolean {
  let pattern = '';
  let i = 0;
  while (i < template.length) {
    const s = template.indexOf(open, i);
    if (s < 0) {
      pattern += RE2JS.quote(template.slice(i));
      break;
    }
    pattern += RE2JS.quote(template.slice(i, s));
    // Find the matching close delimiter, allowing nested open/close pairs inside the regex.
    let depth = 1;
    let j = s + open.length;
    let inner = '';
    while (j < template.length && depth > 0) {
      if (template.startsWith(close, j)) {
        depth--;
        if (depth === 0) break;
        inner += close;
        j += close.length;
      } else if (template.startsWith(open, j)) {
        depth++;
        inner += open;
        j += open.length;
      } else inner += template[j++];
    }
    if (depth !== 0) throw builtinError(`unbalanced braces in template: ${template}`);
    pattern += `(?:${inner})`;
    i = j + close.length;
  }
  return regex(`^${pattern}$`).matcher(value).find();
}

const S = T.string;

export const regexBuiltins: Builtin[] = [
  def('regex.match', 'regex', [['pattern', S], ['value', S]], ['result', T.boolean],
    'True if `value` contains a match of the RE2 `pattern`.',
    ([p, v]) => regex(str(p, 1)).matcher(str(v, 2)).find()),
  def('re_match', 'regex', [['pattern', S], ['value', S]], ['result', T.boolean],
    'Deprecated alias of regex.match.', ([p, v]) => regex(str(p, 1)).matcher(str(v, 2)).find(), { deprecated: true }),
  def('regex.is_valid', 'regex', [['pattern', T.any]], ['result', T.boolean], 'True if `pattern` is a valid RE2 expression.',
    ([p]) => typeof p === 'string' && typeof compileRegex(p) !== 'string'),
  def('regex.split', 'regex', [['pattern', S], ['value', S]], ['output', T.array(S)], 'Splits `value` around matches of `pattern`.',
    ([p, v]) => regexSplit(regex(str(p, 1)), str(p, 1), str(v, 2))),
  def('regex.find_n', 'regex', [['pattern', S], ['value', S], ['number', T.number]], ['output', T.array(S)],
    'Up to `number` matches of `pattern` in `value` (-1 for all).',
    ([p, v, k]) => findAll(regex(str(p, 1)), str(v, 2), int(k, 3)).map((m) => m.groups[0] ?? '')),
  def('regex.find_all_string_submatch_n', 'regex', [['pattern', S], ['value', S], ['number', T.number]], ['output', T.array(T.array(S))],
    'Up to `number` matches with their capture groups (-1 for all).',
    ([p, v, k]) => findAll(regex(str(p, 1)), str(v, 2), int(k, 3)).map((m) => m.groups.map((g) => g ?? '') as RegoValue[])),
  def('regex.replace', 'regex', [['s', S], ['pattern', S], ['value', S]], ['output', S],
    'Replaces every match of `pattern` in `s` with `value` ($1, ${name} expand capture groups).',
    ([s, p, v]) => replaceAll(str(s, 1), str(p, 2), str(v, 3))),
  def('regex.template_match', 'regex', [['template', S], ['value', S], ['delimiter_start', S], ['delimiter_end', S]], ['result', T.boolean],
    'Matches `value` against a template whose parts between the delimiters are regular expressions.',
    ([t, v, o, c]) => templateMatch(str(t, 1), str(v, 2), str(o, 3), str(c, 4))),
];

