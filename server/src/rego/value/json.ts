// Converting JSON and YAML input to Rego values with numbers exact (big integers and decimal text are
// kept as written, as OPA's json.Number does). None of these throw: bad input yields an error message.

import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { YAML_DOCUMENT_NESTING, yamlTooDeep } from './yaml-depth';
import { ObjectValue } from './collections';
import { floatNumber, intNumber, parseNumber } from './number';
import type { RegoNumber, RegoObject, RegoSet, RegoValue } from './types';
import { toRegoText } from './format';

export type ParseResult = { value: RegoValue; error?: undefined } | { value?: undefined; error: string };

/** Parses JSON text (RFC 8259) into a value, keeping number text. */
export function parseJSON(text: string): ParseResult {
  const p = new JSONParser(text);
  try {
    p.ws();
    const value = p.value(0);
    p.ws();
    if (p.pos < text.length) return { error: p.fail('invalid character ' + describe(text[p.pos]) + ' after top-level value') };
    return { value };
  } catch (e) {
    if (e instanceof JSONSyntaxError) return { error: e.message };
    if (e instanceof RangeError) return { error: 'exceeded max depth' };
    throw e;
  }
}

class JSONSyntaxError extends Error {}

function describe(ch: string | undefined): string {
  return ch === undefined ? 'end of input' : `'${ch}'`;
}

/** Nesting limit (recursion depth); deeper input is reported, not crashed on. */
const MAX_DEPTH = 2500;

class JSONParser {
  pos = 0;
  constructor(private readonly s: string) {}

  fail(msg: string): never {
    // Go's encoding/json reports any truncation the same way.
    if (this.pos >= this.s.length) throw new JSONSyntaxError('unexpected end of JSON input');
    throw new JSONSyntaxError(msg);
  }

  ws(): void {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else break;
    }
  }

  value(depth: number): RegoValue {
    if (depth > MAX_DEPTH) this.fail('exceeded max depth');
    const s = this.s;
    const c = s[this.pos];
    if (c === '{') {
      this.pos++;
      const obj = new ObjectValue();
      this.ws();
      if (s[this.pos] === '}') {
        this.pos++;
        return obj;
      }
      for (;;) {
        this.ws();
        if (s[this.pos] !== '"') this.fail('invalid character ' + describe(s[this.pos]) + ' looking for beginning of object key string');
        const key = this.string();
        this.ws();
        if (s[this.pos] !== ':') this.fail('invalid character ' + describe(s[this.pos]) + ' after object key');
        this.pos++;
        this.ws();
        obj.set(key, this.value(depth + 1));
        this.ws();
        if (s[this.pos] === ',') {
          this.pos++;
          continue;
        }
        if (s[this.pos] === '}') {
          this.pos++;
          return obj;
        }
        this.fail('invalid character ' + describe(s[this.pos]) + " after object key:value pair");
      }
    }
    if (c === '[') {
      this.pos++;
      const arr: RegoValue[] = [];
      this.ws();
      if (s[this.pos] === ']') {
        this.pos++;
        return arr;
      }
      for (;;) {
        this.ws();
        arr.push(this.value(depth + 1));
        this.ws();
        if (s[this.pos] === ',') {
          this.pos++;
          continue;
        }
        if (s[this.pos] === ']') {
          this.pos++;
          return arr;
        }
        this.fail('invalid character ' + describe(s[this.pos]) + ' after array element');
      }
    }
    if (c === '"') return this.string();
    if (s.startsWith('true', this.pos)) return (this.pos += 4), true;
    if (s.startsWith('false', this.pos)) return (this.pos += 5), false;
    if (s.startsWith('null', this.pos)) return (this.pos += 4), null;
    const m = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
    m.lastIndex = this.pos;
    const num = m.exec(s);
    if (num && num[0].length > 0 && num[0] !== '-') {
      this.pos += num[0].length;
      return parseNumber(num[0])!;
    }
    if (c === undefined) this.fail('unexpected end of JSON input');
    return this.fail('invalid character ' + describe(c) + ' looking for beginning of value');
  }

  string(): string {
    const s = this.s;
    this.pos++;
    let out = '';
    let start = this.pos;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === 0x22) {
        out += s.slice(start, this.pos);
        this.pos++;
        return out;
      }
      if (c < 0x20) this.fail('invalid character in string literal');
      if (c === 0x5c) {
        out += s.slice(start, this.pos);
        const e = s[this.pos + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in simple) {
          out += simple[e];
          this.pos += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(this.pos + 2, this.pos + 6))) {
          out += String.fromCharCode(parseInt(s.slice(this.pos + 2, this.pos + 6), 16));
          this.pos += 6;
        } else this.fail('invalid character ' + describe(e) + ' in string escape code');
        start = this.pos;
        continue;
      }
      this.pos++;
    }
    return this.fail('unexpected end of JSON input');
  }
}

/** Parses YAML (1.2, first document) into a value; integers are exact (`intAsBigInt`). */
export function parseYAML(text: string): ParseResult {
  // Past ~1,000 levels yaml overflows its stack, which can abort the process (yaml-depth.ts).
  if (yamlTooDeep(text, YAML_DOCUMENT_NESTING) !== undefined) return { error: `exceeded max depth of ${YAML_DOCUMENT_NESTING}` };
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { intAsBigInt: true, uniqueKeys: false, prettyErrors: false });
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  if (doc.errors.length > 0) return { error: yamlErrorText(text, doc.errors[0]) };
  const convert = (node: unknown, depth: number): RegoValue => {
    if (depth > MAX_DEPTH) throw new JSONSyntaxError('exceeded max depth');
    if (node === null || node === undefined) return null;
    if (isMap(node)) {
      const obj = new ObjectValue();
      for (const pair of node.items) {
        const key = convert(pair.key, depth + 1);
        obj.set(typeof key === 'string' ? key : keyText(key), convert(pair.value, depth + 1));
      }
      return obj;
    }
    if (isSeq(node)) return node.items.map((i) => convert(i, depth + 1));
    if (isScalar(node)) return scalarValue(node.value, (node as { source?: string }).source);
    return fromJS((node as YamlNode).toJSON());
  };
  try {
    return { value: convert(doc.contents, 0) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** Go's yaml package style: `yaml: line N: <problem>` (libyaml's wording for unclosed flow collections). */
function yamlErrorText(text: string, error: { message: string; pos: [number, number] }): string {
  const line = text.slice(0, error.pos[0]).split('\n').length;
  const problem = error.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
  const unclosedSeq = /Flow sequence .*end with a \]/.test(problem);
  const unclosedMap = /Flow map .*end with a \}/.test(problem);
  const detail = unclosedSeq ? "did not find expected ',' or ']'" : unclosedMap ? "did not find expected ',' or '}'" : problem;
  return `yaml: line ${line}: ${detail}`;
}

/** YAML map keys become strings, as ghodss/yaml (used by OPA) converts them to JSON object keys. */
function keyText(k: RegoValue): string {
  if (k === null) return 'null';
  if (typeof k === 'object' && !Array.isArray(k) && (k as RegoNumber).kind === 'number') return (k as RegoNumber).text;
  return typeof k === 'boolean' ? String(k) : toRegoText(k);
}

function scalarValue(v: unknown, source: string | undefined): RegoValue {
  if (typeof v === 'bigint') return intNumber(v);
  if (typeof v === 'number') {
    const exact = source !== undefined ? parseNumber(source) : undefined;
    return exact ?? floatNumber(v) ?? null;
  }
  return fromJS(v);
}

/**
 * Converts a plain JS value (JSON.parse output, bigint, Map, Set) to a Rego value.
 * Doubles are printed as Go's encoding/json prints float64 (same as JS String for finite values).
 */
export function fromJS(v: unknown): RegoValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'boolean':
    case 'string':
      return v;
    case 'bigint':
      return intNumber(v);
    case 'number':
      return Number.isFinite(v) ? (Number.isInteger(v) && Math.abs(v) < 2 ** 53 ? intNumber(v) : parseNumber(String(v)) ?? null) : null;
    default:
      break;
  }
  if (isRegoValue(v)) return v;
  if (Array.isArray(v)) return v.map(fromJS);
  if (v instanceof Map) {
    const o = new ObjectValue();
    for (const [k, val] of v) o.initEntry(fromJS(k), fromJS(val));
    return o;
  }
  if (v instanceof Date) return v.toISOString();
  const o = new ObjectValue();
  // Indexed loop: this converts every object of every unit's model (a for…of allocates per step in baseline code).
  const record = v as Record<string, unknown>;
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) o.initEntry(keys[i], fromJS(record[keys[i]]));
  return o;
}

function isRegoValue(v: unknown): v is RegoNumber | RegoObject | RegoSet {
  const c = v as { kind?: unknown; text?: unknown; get?: unknown; has?: unknown };
  if (c.kind === 'number') return typeof c.text === 'string';
  if (c.kind === 'object') return typeof c.get === 'function';
  return c.kind === 'set' && typeof c.has === 'function';
}

/**
 * Converts a value to plain JS (objects with string keys, sets as sorted arrays per `toJSONText`).
 * Integers beyond 2^53 become bigint so nothing is silently rounded.
 */
export function toJS(v: RegoValue): unknown {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(toJS);
  const c = v as RegoNumber | RegoObject | RegoSet;
  if (c.kind === 'number') {
    if (c.int !== undefined) return c.int >= -(2n ** 53n) && c.int <= 2n ** 53n ? Number(c.int) : c.int;
    return c.float;
  }
  if (c.kind === 'set') return [...c.values()].map(toJS);
  const out: Record<string, unknown> = {};
  for (const [k, val] of c.entries()) out[typeof k === 'string' ? k : toRegoText(k)] = toJS(val);
  return out;
}
