// Fix-operation values → HCL text. A value is JSON, or `{"$expr": "<text>"}` for a raw Terraform
// expression (a reference such as `aws_s3_bucket.logs.id`), which is written as is.
//
// Block bodies (`add_block`, `add_resource`, nested blocks a `set` creates) follow the model's own
// shape (DESIGN.md Contract 1: nested blocks are lists of objects): a config value that is a
// non-empty list whose every element is a plain object becomes one nested block per element;
// everything else, plain objects included, becomes an attribute (`tags = { … }`).

export type FixValue = unknown;

/** HCL identifiers may contain `-`; object keys with one are quoted so no reader sees a subtraction. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The raw expression of `{"$expr": "…"}`, else undefined. */
export function rawExpression(value: FixValue): string | undefined {
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === '$expr' && typeof value.$expr === 'string' ? value.$expr : undefined;
}

export function isPlainObject(value: FixValue): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list of plain objects (not expressions): rendered as repeated nested blocks. */
export function isBlockList(value: FixValue): value is Record<string, unknown>[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => isPlainObject(v) && rawExpression(v) === undefined);
}

/** A quoted HCL string: escapes, and `${` / `%{` doubled so they stay literal text. */
export function quoteString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') out += '\\\\';
    else if (c === '"') out += '\\"';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if ((c === '$' || c === '%') && s[i + 1] === '{') out += c + c;
    else if (c.charCodeAt(0) < 0x20) out += `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return out + '"';
}

/** An object key: bare when it is a plain identifier, quoted otherwise. */
export function renderKey(key: string): string {
  return PLAIN_KEY.test(key) ? key : quoteString(key);
}

/**
 * An expression for `value`. `indent` is the indentation of the line the expression starts on;
 * objects and long lists continue on following lines, indented two more spaces.
 */
export function renderValue(value: FixValue, indent: string): string | undefined {
  const raw = rawExpression(value);
  if (raw !== undefined) return raw;
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'string') return quoteString(value);
  if (Array.isArray(value)) {
    const inner = indent + '  ';
    const items = value.map((v) => renderValue(v, inner));
    if (items.some((i) => i === undefined)) return undefined;
    const oneLine = `[${items.join(', ')}]`;
    if (oneLine.length <= 80 && !oneLine.includes('\n')) return oneLine;
    return `[\n${items.map((i) => `${inner}${i},`).join('\n')}\n${indent}]`;
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return '{}';
    const inner = indent + '  ';
    const lines: string[] = [];
    for (const k of keys) {
      const v = renderValue(value[k], inner);
      if (v === undefined) return undefined;
      lines.push(`${inner}${renderKey(k)} = ${v}`);
    }
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  return undefined;
}

/** The short single-line form used in titles: `true`, `"private"`, `[…]`, `{…}`. */
export function summarizeValue(value: FixValue): string {
  const raw = rawExpression(value);
  if (raw !== undefined) return raw;
  if (Array.isArray(value)) return value.length === 0 ? '[]' : '[…]';
  if (isPlainObject(value)) return Object.keys(value).length === 0 ? '{}' : '{…}';
  const text = renderValue(value, '') ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * The lines of a block body (without braces) for `config`, each starting with `indent`.
 * Attributes come first, then nested blocks, both in the config's key order.
 */
export function renderBodyLines(config: Record<string, unknown>, indent: string): string[] | undefined {
  const attributes: { key: string; value: string }[] = [];
  const blocks: string[] = [];
  for (const [key, value] of Object.entries(config)) {
    if (isBlockList(value)) {
      for (const element of value) {
        const block = renderBlock(key, [], element, indent);
        if (block === undefined) return undefined;
        blocks.push(block);
      }
      continue;
    }
    // An attribute name in a body must be an identifier: it cannot be quoted.
    const v = IDENTIFIER.test(key) ? renderValue(value, indent) : undefined;
    if (v === undefined) return undefined;
    attributes.push({ key, value: v });
  }
  return [...alignEquals(attributes, indent), ...blocks];
}

/** `type "label"… {` body `}` starting at `indent` (the first line carries the indent too). */
export function renderBlock(type: string, labels: string[], config: Record<string, unknown>, indent: string): string | undefined {
  const body = renderBodyLines(config, indent + '  ');
  if (body === undefined) return undefined;
  const header = [type, ...labels.map(quoteString)].join(' ');
  if (body.length === 0) return `${indent}${header} {\n${indent}}`;
  return `${indent}${header} {\n${body.join('\n')}\n${indent}}`;
}

/**
 * `name = value` lines with the `=` of each run of one-line attributes aligned, as `terraform fmt`
 * writes them (only text the fix itself creates is aligned; existing lines are never touched).
 */
function alignEquals(attributes: { key: string; value: string }[], indent: string): string[] {
  const out: string[] = [];
  let run: { key: string; value: string }[] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((a) => a.key.length));
    for (const a of run) out.push(`${indent}${a.key.padEnd(width)} = ${a.value}`);
    run = [];
  };
  for (const a of attributes) {
    if (a.value.includes('\n')) {
      flush();
      out.push(`${indent}${a.key} = ${a.value}`);
    } else run.push(a);
  }
  flush();
  return out;
}
