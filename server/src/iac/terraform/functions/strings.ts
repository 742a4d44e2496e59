// String functions (regex-based ones live in regex.ts, format/formatlist in format.ts).
// Lengths and offsets count Unicode characters (grapheme clusters), as Terraform does.
import { Value } from '../values';
import { FunctionError, FunctionTable, argError, asInteger, asList, asString, characters, checkSize, fn } from './support';

function join(args: Value[]): string {
  const sep = asString(args[0], 0);
  if (args.length < 2) throw new FunctionError('Invalid function argument: at least one list is required.', 1);
  const parts: string[] = [];
  for (let k = 1; k < args.length; k++) {
    asList(args[k], k).forEach((el, index) => {
      if (el === null) throw argError(k, `element ${index} is null and cannot be joined.`);
      parts.push(asString(el, k));
    });
  }
  return parts.join(sep);
}

/** Go's strings.Split: an empty separator splits into characters; "" splits into [""]. */
function split(args: Value[]): string[] {
  const sep = asString(args[0], 0);
  const str = asString(args[1], 1);
  if (sep === '') return Array.from(str);
  return str.split(sep);
}

function substr(args: Value[]): string {
  const chars = characters(asString(args[0], 0));
  let offset = asInteger(args[1], 1);
  const length = asInteger(args[2], 2);
  if (offset < 0) offset = Math.max(offset + chars.length, 0);
  if (offset >= chars.length) return '';
  return (length < 0 ? chars.slice(offset) : chars.slice(offset, offset + length)).join('');
}

/** Go's strings.Title: upper-cases each letter that follows a separator (space or ASCII punctuation). */
function title(s: string): string {
  let out = '';
  let prev = ' ';
  for (const ch of s) {
    out += isTitleSeparator(prev) ? ch.toUpperCase() : ch;
    prev = ch;
  }
  return out;
}

function isTitleSeparator(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  if (c <= 0x7f) return !/[0-9A-Za-z_]/.test(ch);
  if (/[\p{L}\p{Nd}]/u.test(ch)) return false;
  return /\p{White_Space}/u.test(ch);
}

/** Go's strings.Trim: strips leading/trailing characters found in the cutset (by code point). */
function trim(args: Value[]): string {
  const str = Array.from(asString(args[0], 0));
  const cut = new Set(Array.from(asString(args[1], 1)));
  let a = 0;
  let b = str.length;
  while (a < b && cut.has(str[a])) a++;
  while (b > a && cut.has(str[b - 1])) b--;
  return str.slice(a, b).join('');
}

function trimprefix(args: Value[]): string {
  const s = asString(args[0], 0);
  const prefix = asString(args[1], 1);
  return s.startsWith(prefix) ? s.slice(prefix.length) : s;
}

function trimsuffix(args: Value[]): string {
  const s = asString(args[0], 0);
  const suffix = asString(args[1], 1);
  return suffix !== '' && s.endsWith(suffix) ? s.slice(0, s.length - suffix.length) : s;
}

function indent(args: Value[]): string {
  const spaces = Math.max(asInteger(args[0], 0), 0);
  const lines = asString(args[1], 1).split('\n');
  checkSize(spaces * lines.length, 'indented string');
  return lines.join('\n' + ' '.repeat(spaces));
}

const str1 = (f: (s: string) => Value) => fn(1, 1, (a) => f(asString(a[0], 0)));
const str2 = (f: (s: string, t: string) => Value) => fn(2, 2, (a) => f(asString(a[0], 0), asString(a[1], 1)));

export const stringFunctions: FunctionTable = {
  chomp: str1((s) => s.replace(/(\r\n|\r|\n)+$/, '')),
  endswith: str2((s, suffix) => s.endsWith(suffix)),
  indent: fn(2, 2, indent),
  join: fn(1, Infinity, join),
  lower: str1((s) => s.toLowerCase()),
  split: fn(2, 2, split),
  startswith: str2((s, prefix) => s.startsWith(prefix)),
  strcontains: str2((s, sub) => s.includes(sub)),
  strrev: str1((s) => characters(s).reverse().join('')),
  substr: fn(3, 3, substr),
  title: str1(title),
  trim: fn(2, 2, trim),
  trimprefix: fn(2, 2, trimprefix),
  trimsuffix: fn(2, 2, trimsuffix),
  trimspace: str1((s) => s.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, '')),
  upper: str1((s) => s.toUpperCase()),
};
