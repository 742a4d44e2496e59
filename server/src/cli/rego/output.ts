// Rendering of Rego errors exactly as the `opa` CLI prints them: `--format json` (Go's indented JSON
// with <, >, & escaped) and the pretty text (`1 error occurred: file:row: code: message` plus the
// detail lines: the source line with a caret for parse errors, have/want for type errors).
import type { RegoError } from '../../rego';

type TypeJSON = { type?: string; [k: string]: unknown } | null | undefined;

/** Go's encoding/json escapes these for HTML safety; OPA's output keeps them escaped. */
export function goJSON(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** OPA's parse-error detail: the line holding the error (from its last non-space byte) and the byte index in it. */
export function parseErrorDetail(text: string, row: number, col: number): { line: string; idx: number } | undefined {
  if (row <= 0) return undefined;
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length === 0) return { line: '', idx: 0 };
  // Byte offset of (row, col): OPA's col counts characters.
  const lines = text.split('\n');
  let offset: number;
  if (row > lines.length) offset = bytes.length;
  else {
    const before = lines.slice(0, row - 1).join('\n') + (row > 1 ? '\n' : '');
    const chars = [...lines[row - 1]].slice(0, Math.max(col - 1, 0)).join('');
    offset = Buffer.byteLength(before + chars, 'utf8');
  }
  if (offset >= bytes.length) offset = bytes.length - 1;
  const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0b || b === 0x0c;
  while (offset > 0 && isSpace(bytes[offset])) offset--;
  let begin = offset;
  while (begin > 0 && bytes[begin] !== 0x0a && bytes[begin] !== 0x0d) begin--;
  if (bytes[begin] === 0x0a || bytes[begin] === 0x0d) begin++;
  let end = offset;
  while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
  if (begin > end) begin = end;
  return { line: bytes.subarray(begin, end).toString('utf8'), idx: offset - begin };
}

/**
 * Parse errors OPA raises after parsing, on the assembled module (v1 keyword rules, rule-head shape,
 * package placement, annotations): they carry no source-line details.
 */
const MODULE_LEVEL_PARSE_ERRORS = [
  /^package expected$/,
  /^unexpected package$/,
  /^empty module$/,
  /^`if` keyword is required before (rule|function) body$/,
  /^`contains` keyword is required for partial set rules$/,
  /^(rule|function) must have value assignment and\/or body declaration$/,
  / keyword cannot be used for rule name$/,
  / cannot be used for rule (name|head)$/,
  /^invalid rule head: /,
  /^rule name conflicts with built-in function$/,
  /^rule argument list must take at least one argument$/,
  /^assignment requires two operands$/,
  /^invalid annotation scope /,
];

/** Adds OPA's `details` to parse errors (needs each file's text). */
export function withParseDetails(errors: RegoError[], textOf: (file: string) => string | undefined): RegoError[] {
  return errors.map((e) => {
    if (e.code !== 'rego_parse_error' || e.file === undefined) return e;
    if (MODULE_LEVEL_PARSE_ERRORS.some((re) => re.test(e.message))) return { ...e, details: undefined };
    const text = textOf(e.file);
    const d = text === undefined ? undefined : parseErrorDetail(text, e.row, e.col);
    return d ? { ...e, details: d } : { ...e, details: undefined };
  });
}

function publicDetails(d: unknown): unknown {
  if (!d || typeof d !== 'object' || 'recovered' in (d as object)) return undefined;
  return d;
}

export function errorsJSON(errors: RegoError[]): string {
  const out = errors.map((e) => {
    const o: Record<string, unknown> = { message: e.message, code: e.code };
    if (e.file !== undefined || e.row > 0) o.location = { file: e.file ?? '', row: e.row, col: e.col };
    const d = publicDetails(e.details);
    if (d) o.details = d;
    return o;
  });
  return goJSON({ errors: out }) + '\n';
}

/** OPA's types.Sprint for type JSON. */
export function typeText(t: TypeJSON): string {
  if (!t) return '???';
  switch (t.type) {
    case 'any': {
      const of = t.of as TypeJSON[] | undefined;
      return of && of.length > 0 ? `any<${of.map(typeText).join(', ')}>` : 'any';
    }
    case 'array': {
      const st = t.static as TypeJSON[] | undefined;
      const dyn = t.dynamic as TypeJSON | undefined;
      const s = st && st.length > 0 ? `<${st.map(typeText).join(', ')}>` : '';
      const d = dyn ? `[${typeText(dyn)}]` : '';
      return `array${s}${d}`;
    }
    case 'set':
      return `set[${typeText(t.of as TypeJSON)}]`;
    case 'object': {
      const st = t.static as { key: unknown; value: TypeJSON }[] | undefined;
      const dyn = t.dynamic as { key: TypeJSON; value: TypeJSON } | undefined;
      const key = (k: unknown) => (typeof k === 'string' ? k : JSON.stringify(k));
      const s = st && st.length > 0 ? `<${st.map((p) => `${key(p.key)}: ${typeText(p.value)}`).join(', ')}>` : '';
      const d = dyn ? `[${typeText(dyn.key)}: ${typeText(dyn.value)}]` : '';
      return `object${s}${d}`;
    }
    default:
      return t.type ?? '???';
  }
}

function detailLines(d: unknown): string[] {
  if (!d || typeof d !== 'object') return [];
  const o = d as Record<string, unknown>;
  if (typeof o.line === 'string' && typeof o.idx === 'number') {
    const line = o.line.replace(/^\t+/, '');
    const indent = Math.max(o.idx - (o.line.length - line.length), 0);
    return [line, ' '.repeat(indent) + '^'];
  }
  if (Array.isArray(o.have) && o.want && typeof o.want === 'object') {
    const want = ((o.want as { args?: { name?: string }[] }).args ?? []).map((a) => `${a.name ? a.name + ': ' : ''}${typeText(a as TypeJSON)}`);
    return [`have: (${(o.have as TypeJSON[]).map(typeText).join(', ')})`, `want: (${want.join(', ')})`];
  }
  if ('a' in o && 'b' in o) return [`left  : ${typeText(o.a as TypeJSON)}`, `right : ${typeText(o.b as TypeJSON)}`];
  return [];
}

function errorText(e: RegoError): string {
  let prefix = '';
  if (e.file) prefix = `${e.file}:${e.row}`;
  else if (e.row > 0) prefix = `${e.row}:${e.col}`;
  let msg = `${e.code}: ${e.message}`;
  if (prefix) msg = `${prefix}: ${msg}`;
  for (const line of detailLines(publicDetails(e.details))) msg += `\n\t${line}`;
  return msg;
}

/** The pretty text; `loading` for parse errors ("… occurred during loading"). */
export function errorsPretty(errors: RegoError[], loading: boolean): string {
  const during = loading ? ' during loading' : '';
  if (errors.length === 0) return '';
  if (errors.length === 1) return `1 error occurred${during}: ${errorText(errors[0])}\n`;
  return `${errors.length} errors occurred${during}:\n${errors.map(errorText).join('\n')}\n`;
}

/** What `opa check` writes to stderr for these errors (parse details added from the texts). */
export function renderCheckErrors(errors: RegoError[], format: 'json' | 'pretty', textOf: (file: string) => string | undefined): string {
  if (errors.length === 0) return '';
  const detailed = withParseDetails(errors, textOf);
  const loading = detailed.every((e) => e.code === 'rego_parse_error');
  return format === 'json' ? errorsJSON(detailed) : errorsPretty(detailed, loading);
}
