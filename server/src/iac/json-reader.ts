// The front ends' JSON reader (Terraform JSON configuration, plan and state files): it keeps the
// offset of every value, property name and element, and on the first error it stops but keeps what
// it had read — every complete property before the error, inside containers marked `unclosed` — so
// a half-typed `.tf.json` still declares everything above the cursor. Never throws; nesting depth
// is bounded (too deep is an error, not a stack overflow).

export type JsonNode =
  | { kind: 'object'; start: number; end: number; members: JsonMember[]; unclosed?: boolean }
  | { kind: 'array'; start: number; end: number; items: JsonNode[]; unclosed?: boolean }
  | { kind: 'string'; start: number; end: number; value: string }
  | { kind: 'number'; start: number; end: number; value: number }
  | { kind: 'boolean'; start: number; end: number; value: boolean }
  | { kind: 'null'; start: number; end: number };

export interface JsonMember {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

export interface JsonReadResult {
  /** The value read, possibly partial (containers `unclosed`) when there is an error. */
  root?: JsonNode;
  /** The first error: where reading stopped. */
  error?: { start: number; end: number; message: string };
}

const MAX_DEPTH = 512;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export function readJson(text: string): JsonReadResult {
  const reader = new Reader(text);
  const root = reader.value(0);
  if (root && !reader.error) {
    reader.space();
    if (reader.pos < text.length) reader.fail('unexpected text after the JSON value');
  }
  return { root, error: reader.error };
}

class Reader {
  pos = 0;
  error: JsonReadResult['error'];

  constructor(private readonly text: string) {}

  fail(message: string): undefined {
    const at = Math.min(this.pos, this.text.length);
    this.error ??= { start: at, end: Math.min(at + 1, this.text.length), message };
    return undefined;
  }

  space(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xfeff) break;
      this.pos++;
    }
  }

  value(depth: number): JsonNode | undefined {
    if (depth > MAX_DEPTH) return this.fail('JSON nested too deeply');
    this.space();
    const start = this.pos;
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') {
      const value = this.string();
      return value === undefined ? undefined : { kind: 'string', start, end: this.pos, value };
    }
    if (c === 't' || c === 'f' || c === 'n') {
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return word === 'null' ? { kind: 'null', start, end: this.pos } : { kind: 'boolean', value: word === 'true', start, end: this.pos };
      }
    }
    NUMBER.lastIndex = this.pos;
    const hit = NUMBER.exec(this.text);
    if (hit && hit[0].length > 0) {
      this.pos += hit[0].length;
      return { kind: 'number', start, end: this.pos, value: Number(hit[0]) };
    }
    return this.fail(this.pos >= this.text.length ? 'unexpected end of JSON' : `unexpected character '${c}'`);
  }

  private object(depth: number): JsonNode {
    const node: JsonNode & { kind: 'object' } = { kind: 'object', start: this.pos++, end: this.pos, members: [] };
    const stop = () => {
      node.unclosed = true;
      node.end = Math.max(node.start + 1, Math.min(this.pos, this.text.length));
      return node;
    };
    this.space();
    if (this.text[this.pos] === '}') {
      node.end = ++this.pos;
      return node;
    }
    for (;;) {
      this.space();
      if (this.text[this.pos] !== '"') {
        this.fail(this.pos >= this.text.length ? 'unexpected end of JSON' : 'expected a property name in double quotes');
        return stop();
      }
      const keyStart = this.pos;
      const key = this.string();
      if (key === undefined) return stop();
      const keyEnd = this.pos;
      this.space();
      if (this.text[this.pos] !== ':') {
        this.fail("expected ':' after the property name");
        return stop();
      }
      this.pos++;
      const value = this.value(depth + 1);
      if (value) node.members.push({ key, keyStart, keyEnd, value });
      if (!value || this.error) return stop();
      this.space();
      const next = this.text[this.pos];
      if (next === '}') {
        node.end = ++this.pos;
        return node;
      }
      if (next !== ',') {
        this.fail(this.pos >= this.text.length ? 'unexpected end of JSON' : "expected ',' or '}' in an object");
        return stop();
      }
      this.pos++;
    }
  }

  private array(depth: number): JsonNode {
    const node: JsonNode & { kind: 'array' } = { kind: 'array', start: this.pos++, end: this.pos, items: [] };
    const stop = () => {
      node.unclosed = true;
      node.end = Math.max(node.start + 1, Math.min(this.pos, this.text.length));
      return node;
    };
    this.space();
    if (this.text[this.pos] === ']') {
      node.end = ++this.pos;
      return node;
    }
    for (;;) {
      const item = this.value(depth + 1);
      if (item) node.items.push(item);
      if (!item || this.error) return stop();
      this.space();
      const next = this.text[this.pos];
      if (next === ']') {
        node.end = ++this.pos;
        return node;
      }
      if (next !== ',') {
        this.fail(this.pos >= this.text.length ? 'unexpected end of JSON' : "expected ',' or ']' in an array");
        return stop();
      }
      this.pos++;
    }
  }

  /** A string literal at `pos` (a `"`); `pos` ends after the closing quote. */
  private string(): string | undefined {
    const t = this.text;
    let i = this.pos + 1;
    let out = '';
    let chunk = i;
    while (i < t.length) {
      const c = t.charCodeAt(i);
      if (c === 0x22) {
        this.pos = i + 1;
        return out + t.slice(chunk, i);
      }
      if (c < 0x20) {
        this.pos = i;
        return this.fail(c === 0x0a ? 'unterminated string' : 'control character in a string');
      }
      if (c === 0x5c) {
        out += t.slice(chunk, i);
        const e = t[i + 1];
        if (e !== undefined && e in ESCAPES) {
          out += ESCAPES[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(t.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          this.pos = i;
          return this.fail('invalid escape in a string');
        }
        chunk = i;
        continue;
      }
      i++;
    }
    this.pos = t.length;
    return this.fail('unterminated string');
  }
}
