// regex, regexall and replace: RE2 syntax (via re2js), as Terraform uses Go's regexp package.
import { RE2JS } from 're2js';
import { Value, ValueObject } from '../values';
import { FunctionError, FunctionTable, argError, asString, fn } from './support';

interface CompiledPattern {
  re: RE2JS;
  groupCount: number;
  /** Group index → name, when the pattern uses named groups. */
  names?: Map<number, string>;
}

const cache = new Map<string, CompiledPattern>();

function compile(pattern: string, argIndex: number): CompiledPattern {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (e) {
    throw argError(argIndex, `invalid regular expression pattern: ${e instanceof Error ? e.message : String(e)}`);
  }
  const named = Object.entries(re.namedGroups());
  const compiled: CompiledPattern = { re, groupCount: re.groupCount() };
  if (named.length > 0) {
    if (named.length !== compiled.groupCount) {
      throw argError(argIndex, 'invalid regular expression pattern: cannot mix both named and unnamed capture groups.');
    }
    compiled.names = new Map(named.map(([name, index]) => [index, name]));
  }
  if (cache.size > 500) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

type Matcher = ReturnType<RE2JS['matcher']>;

/** What one match yields: the matched text, a list of groups, or an object of named groups. */
function matchValue(p: CompiledPattern, m: Matcher): Value {
  if (p.groupCount === 0) return m.group(0) ?? '';
  if (p.names) {
    const out: ValueObject = {};
    for (const [index, name] of [...p.names].sort((a, b) => a[0] - b[0])) out[name] = m.group(index);
    return out;
  }
  const groups: Value[] = [];
  for (let g = 1; g <= p.groupCount; g++) groups.push(m.group(g));
  return groups;
}

function regex(args: Value[]): Value {
  const p = compile(asString(args[0], 0), 0);
  const m = p.re.matcher(asString(args[1], 1));
  if (!m.find()) throw new FunctionError('Invalid function argument: pattern did not match any part of the given string.', 1);
  return matchValue(p, m);
}

function regexall(args: Value[]): Value[] {
  const p = compile(asString(args[0], 0), 0);
  const m = p.re.matcher(asString(args[1], 1));
  const out: Value[] = [];
  while (m.find()) out.push(matchValue(p, m));
  return out;
}

/** Go's Regexp.Expand: $1, $name, ${name}, $$; an unknown group expands to "". */
function expandTemplate(template: string, p: CompiledPattern, m: Matcher): string {
  let out = '';
  for (let k = 0; k < template.length; k++) {
    const ch = template[k];
    if (ch !== '$') {
      out += ch;
      continue;
    }
    if (template[k + 1] === '$') {
      out += '$';
      k++;
      continue;
    }
    let name: string | undefined;
    let end = k;
    if (template[k + 1] === '{') {
      const close = /^\{([A-Za-z0-9_]+)\}/.exec(template.slice(k + 1));
      if (close) {
        name = close[1];
        end = k + close[0].length;
      }
    } else {
      const bare = /^[A-Za-z0-9_]+/.exec(template.slice(k + 1));
      if (bare) {
        name = bare[0];
        end = k + bare[0].length;
      }
    }
    if (name === undefined) {
      out += '$'; // malformed: the $ stays literal
      continue;
    }
    out += groupText(name, p, m);
    k = end;
  }
  return out;
}

function groupText(name: string, p: CompiledPattern, m: Matcher): string {
  if (/^[0-9]+$/.test(name)) {
    const index = Number(name);
    return index <= p.groupCount ? (m.group(index) ?? '') : '';
  }
  for (const [index, n] of p.names ?? []) if (n === name) return m.group(index) ?? '';
  return '';
}

function replace(args: Value[]): string {
  const str = asString(args[0], 0);
  const search = asString(args[1], 1);
  const replacement = asString(args[2], 2);
  if (search.length > 1 && search.startsWith('/') && search.endsWith('/')) {
    const p = compile(search.slice(1, -1), 1);
    const m = p.re.matcher(str);
    let out = '';
    let last = 0;
    while (m.find()) {
      out += str.slice(last, m.start()) + expandTemplate(replacement, p, m);
      last = m.end();
    }
    return out + str.slice(last);
  }
  if (search === '') {
    // Go inserts the replacement before every character and at the end.
    return replacement + Array.from(str).map((c) => c + replacement).join('');
  }
  return str.split(search).join(replacement);
}

export const regexFunctions: FunctionTable = {
  regex: fn(2, 2, regex),
  regexall: fn(2, 2, regexall),
  replace: fn(3, 3, replace),
};
