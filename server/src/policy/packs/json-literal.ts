// JSON parsed with its numbers kept as written (`1.0`, `1e3`, `-0`), as Go's encoding/json does
// with UseNumber: OPA hashes bundle JSON files over that form, so a signature `opa sign` made over
// a file holding `1.0` only verifies when the canonical JSON prints `1.0` too.

/** A number literal from the source text, printed back unchanged by canonicalJson. */
export class NumberLiteral {
  constructor(readonly text: string) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Parses JSON (already known to be valid: JSON.parse accepted it) keeping number literals. */
export function parseJsonKeepingNumbers(text: string): unknown {
  let at = 0;
  const space = () => {
    while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r')) at++;
  };
  const string = (): string => {
    const start = at;
    at++; // opening quote
    while (text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const value = (): unknown => {
    space();
    const c = text[at];
    if (c === '{') {
      at++;
      const out: Record<string, unknown> = {};
      space();
      if (text[at] === '}') return at++, out;
      for (;;) {
        space();
        const key = string();
        space();
        at++; // colon
        // Like Go, a repeated key keeps its last value.
        Object.defineProperty(out, key, { value: value(), enumerable: true, writable: true, configurable: true });
        space();
        if (text[at++] === '}') return out;
      }
    }
    if (c === '[') {
      at++;
      const out: unknown[] = [];
      space();
      if (text[at] === ']') return at++, out;
      for (;;) {
        out.push(value());
        space();
        if (text[at++] === ']') return out;
      }
    }
    if (c === '"') return string();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, at)) return (at += word.length), v;
    }
    NUMBER.lastIndex = at;
    const m = NUMBER.exec(text);
    if (!m) throw new SyntaxError(`unexpected ${c} at ${at}`);
    at += m[0].length;
    return new NumberLiteral(m[0]);
  };
  // A leading byte-order mark is not part of the document.
  if (text.charCodeAt(0) === 0xfeff) at = 1;
  return value();
}
