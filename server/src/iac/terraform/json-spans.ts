// A small JSON reader that keeps where every value, object member and array element sits, so an
// IAM policy written as JSON text inside a Terraform string can be placed element by element.
// It never throws: malformed text yields undefined (the caller then maps the whole string).

/** Offsets are indices into the JSON text that was read. */
export interface JsonSpanNode {
  start: number;
  end: number;
  /** Object members by key (the last one wins, as in JSON.parse). */
  members?: Map<string, { keyStart: number; keyEnd: number; start: number; value: JsonSpanNode }>;
  items?: JsonSpanNode[];
}

/** The span tree of `text`, or undefined when it is not one well-formed JSON value. */
export function readJsonSpans(text: string): JsonSpanNode | undefined {
  const reader = new Reader(text);
  const node = reader.value(0);
  if (!node) return undefined;
  reader.skipSpace();
  return reader.pos === text.length ? node : undefined;
}

const MAX_DEPTH = 64;

class Reader {
  pos = 0;
  constructor(private readonly text: string) {}

  skipSpace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      this.pos++;
    }
  }

  value(depth: number): JsonSpanNode | undefined {
    if (depth > MAX_DEPTH) return undefined;
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    return this.scalar();
  }

  private object(depth: number): JsonSpanNode | undefined {
    const start = this.pos++;
    const members: NonNullable<JsonSpanNode['members']> = new Map();
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { start, end: this.pos, members };
    }
    for (;;) {
      this.skipSpace();
      const keyStart = this.pos;
      const key = this.string();
      if (!key) return undefined;
      const keyText = this.decode(key);
      if (keyText === undefined) return undefined;
      this.skipSpace();
      if (this.text[this.pos++] !== ':') return undefined;
      const value = this.value(depth + 1);
      if (!value) return undefined;
      members.set(keyText, { keyStart, keyEnd: key.end, start: keyStart, value });
      this.skipSpace();
      const sep = this.text[this.pos++];
      if (sep === '}') return { start, end: this.pos, members };
      if (sep !== ',') return undefined;
    }
  }

  private array(depth: number): JsonSpanNode | undefined {
    const start = this.pos++;
    const items: JsonSpanNode[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { start, end: this.pos, items };
    }
    for (;;) {
      const item = this.value(depth + 1);
      if (!item) return undefined;
      items.push(item);
      this.skipSpace();
      const sep = this.text[this.pos++];
      if (sep === ']') return { start, end: this.pos, items };
      if (sep !== ',') return undefined;
    }
  }

  private string(): JsonSpanNode | undefined {
    if (this.text[this.pos] !== '"') return undefined;
    const start = this.pos++;
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos++];
      if (c === '\\') this.pos++;
      else if (c === '"') return { start, end: this.pos };
      else if (c === '\n') return undefined;
    }
    return undefined;
  }

  private scalar(): JsonSpanNode | undefined {
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(this.text.slice(this.pos, this.pos + 64));
    if (!m) return undefined;
    const start = this.pos;
    this.pos += m[0].length;
    return { start, end: this.pos };
  }

  private decode(node: JsonSpanNode): string | undefined {
    try {
      return JSON.parse(this.text.slice(node.start, node.end)) as string;
    } catch {
      return undefined;
    }
  }
}

/**
 * For a string literal whose decoded text is `value` and whose source text is `raw`, the source
 * offset (relative to `raw`) of each character of `value`, plus one past the end; undefined when
 * `value` is not a subsequence of `raw` in order. Escapes (`\"`, `$${`) and a heredoc's stripped
 * indentation are skipped over, so a JSON token maps onto the characters the user typed.
 */
export function literalOffsets(raw: string, value: string): Int32Array | undefined {
  const out = new Int32Array(value.length + 1);
  let r = 0;
  for (let v = 0; v < value.length; v++) {
    const want = value.charCodeAt(v);
    while (r < raw.length && raw.charCodeAt(r) !== want) r++;
    if (r >= raw.length) return undefined;
    out[v] = r++;
  }
  out[value.length] = r;
  return out;
}
