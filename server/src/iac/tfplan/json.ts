// A small JSON reader that keeps the offsets of every value, object member and array element, so
// plan/state values can be mapped back to their text. It never throws: malformed text yields an
// error with its position (and no tree), too-deep nesting is an error rather than a stack overflow.

export type JsonNode =
  | { kind: 'object'; start: number; end: number; members: JsonMember[] }
  | { kind: 'array'; start: number; end: number; items: JsonNode[] }
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

export interface JsonParseResult {
  root?: JsonNode;
  error?: { start: number; end: number; message: string };
}

const MAX_DEPTH = 512;

export function parseJson(text: string): JsonParseResult {
  const reader = new Reader(text);
  const root = reader.value(0);
  if (root) {
    reader.skipSpace();
    if (reader.pos < text.length) reader.fail('unexpected text after the JSON value');
  }
  return reader.error ? { error: reader.error } : { root };
}

/** The member `key` of an object node (the last one wins, as in JSON.parse). */
export function memberOf(node: JsonNode | undefined, key: string): JsonMember | undefined {
  if (!node || node.kind !== 'object') return undefined;
  for (let i = node.members.length - 1; i >= 0; i--) if (node.members[i].key === key) return node.members[i];
  return undefined;
}

export function valueOf(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return memberOf(node, key)?.value;
}

/** The plain JavaScript value of a node. */
export function toPlain(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const m of node.members) out[m.key] = toPlain(m.value);
      return out;
    }
    case 'array':
      return node.items.map(toPlain);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

class Reader {
  pos = 0;
  error: JsonParseResult['error'];
  constructor(private readonly text: string) {}

  fail(message: string): undefined {
    this.error ??= { start: Math.min(this.pos, this.text.length), end: Math.min(this.pos + 1, this.text.length), message };
    return undefined;
  }

  skipSpace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xfeff) break;
      this.pos++;
    }
  }

  value(depth: number): JsonNode | undefined {
    if (depth > MAX_DEPTH) return this.fail('JSON nested too deeply');
    this.skipSpace();
    const start = this.pos;
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') {
      const value = this.string();
      return value === undefined ? undefined : { kind: 'string', start, end: this.pos, value };
    }
    for (const [word, node] of [['true', { kind: 'boolean', value: true }], ['false', { kind: 'boolean', value: false }], ['null', { kind: 'null' }]] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return { ...node, start, end: this.pos } as JsonNode;
      }
    }
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = this.pos;
    const hit = m.exec(this.text);
    if (hit && hit[0].length > 0) {
      this.pos += hit[0].length;
      return { kind: 'number', start, end: this.pos, value: Number(hit[0]) };
    }
    return this.fail(this.pos >= this.text.length ? 'unexpected end of JSON' : `unexpected character '${c}'`);
  }

  private object(depth: number): JsonNode | undefined {
    const start = this.pos++;
    const members: JsonMember[] = [];
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { kind: 'object', start, end: this.pos, members };
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') return this.fail('expected a member name in double quotes');
      const keyStart = this.pos;
      const key = this.string();
      if (key === undefined) return undefined;
      const keyEnd = this.pos;
      this.skipSpace();
      if (this.text[this.pos] !== ':') return this.fail("expected ':' after the member name");
      this.pos++;
      const value = this.value(depth + 1);
      if (!value) return undefined;
      members.push({ key, keyStart, keyEnd, value });
      this.skipSpace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === '}') return { kind: 'object', start, end: this.pos, members };
      if (next !== ',') {
        this.pos--;
        return this.fail("expected ',' or '}' in an object");
      }
    }
  }

  private array(depth: number): JsonNode | undefined {
    const start = this.pos++;
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { kind: 'array', start, end: this.pos, items };
    }
    for (;;) {
      const item = this.value(depth + 1);
      if (!item) return undefined;
      items.push(item);
      this.skipSpace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === ']') return { kind: 'array', start, end: this.pos, items };
      if (next !== ',') {
        this.pos--;
        return this.fail("expected ',' or ']' in an array");
      }
    }
  }

  /** Reads a string literal at `pos` (which is a `"`), leaving `pos` after the closing quote. */
  private string(): string | undefined {
    const t = this.text;
    let i = this.pos + 1;
    let out = '';
    let chunk = i;
    while (i < t.length) {
      const c = t.charCodeAt(i);
      if (c === 0x22) {
        out += t.slice(chunk, i);
        this.pos = i + 1;
        return out;
      }
      if (c < 0x20) {
        this.pos = i;
        return this.fail('control character in a string');
      }
      if (c === 0x5c) {
        out += t.slice(chunk, i);
        const e = t[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          out += simple[e];
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
