// `# METADATA` comment blocks → Annotation (OPA's annotations: block detection, YAML decoding,
// attachment to the next statement and the scope checks, with OPA's messages).
import { parse as parseYaml } from 'yaml';
import type { Annotation, Comment, Loc } from './ast';
import { yamlTooDeep } from '../value/yaml-depth';

export interface MetadataBlock {
  /** The `# METADATA` comment. */
  head: Comment;
  /** The comments that follow it on consecutive lines, starting in column 1. */
  lines: Comment[];
  loc: Loc;
}

export interface BlockError {
  message: string;
  loc: Loc;
}

/**
 * Groups comments into METADATA blocks: a comment whose text starts with `METADATA` opens a block,
 * and each following comment on the next line belongs to it. OPA requires those lines to start in
 * column 1; we also accept indented ones (nothing but spaces before the `#`), so a re-indented
 * block still reads as metadata instead of an empty block.
 */
export function metadataBlocks(comments: Comment[], text: string, rowOf: (offset: number) => number): MetadataBlock[] {
  const blocks: MetadataBlock[] = [];
  let cur: MetadataBlock | undefined;
  let prevLine = -1;
  for (const c of comments) {
    const line = rowOf(c.loc.start);
    if (cur) {
      if (line === prevLine + 1 && startsLine(text, c.loc.start)) {
        cur.lines.push(c);
        cur.loc = { start: cur.loc.start, end: c.loc.end };
        prevLine = line;
        continue;
      }
      cur = undefined;
    }
    if (c.text.trim().startsWith('METADATA')) {
      cur = { head: c, lines: [], loc: { ...c.loc } };
      blocks.push(cur);
    }
    prevLine = line;
  }
  return blocks;
}

export interface DecodedBlock {
  fields?: Record<string, unknown>;
  error?: BlockError;
}

/** Decodes a block's YAML (one leading space of each comment removed, as OPA does). */
export function decodeBlock(block: MetadataBlock): DecodedBlock {
  const yamlText = block.lines.map((c) => (c.text.startsWith(' ') ? c.text.slice(1) : c.text) + '\n').join('');
  if (yamlText.trim() === '') return { error: { message: 'expected METADATA block, found whitespace', loc: block.head.loc } };
  const simple = decodeSimpleYaml(yamlText);
  if (simple !== undefined) return { fields: simple };
  const deep = yamlTooDeep(yamlText, MAX_YAML_NESTING);
  if (deep !== undefined) {
    const line = yamlText.slice(0, deep).split('\n').length - 1;
    return { error: { message: `yaml: line ${line + 1}: exceeded max depth of ${MAX_YAML_NESTING}`, loc: (block.lines[line] ?? block.head).loc } };
  }
  let doc: unknown;
  try {
    doc = parseYaml(yamlText, { prettyErrors: false, uniqueKeys: false, strict: false });
    // yaml builds `&a [*a]` as a value that contains itself; every later walk of it would recurse
    // until the stack overflows. Go's yaml (OPA) refuses it.
    if (containsItself(doc)) return { error: { message: 'yaml: anchor value contains itself', loc: block.lines[0]?.loc ?? block.head.loc } };
  } catch (e) {
    const err = e as { message?: string; linePos?: { line: number }[] };
    const line = err.linePos?.[0]?.line;
    const at = line !== undefined ? block.lines[Math.min(line, block.lines.length - 1)] : block.lines[0];
    const first = (err.message ?? 'invalid YAML').split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { error: { message: `yaml: ${line !== undefined ? `line ${line}: ` : ''}${first}`, loc: (at ?? block.head).loc } };
  }
  if (doc === null || doc === undefined) return { fields: {} };
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    return { error: { message: 'yaml: unmarshal errors: cannot unmarshal into annotations', loc: block.lines[0]?.loc ?? block.head.loc } };
  }
  return { fields: doc as Record<string, unknown> };
}

/** Deepest nesting handed to yaml (yamlTooDeep); no annotation nests more than a few levels. */
const MAX_YAML_NESTING = 100;

/** Whether a decoded value reaches itself (an alias inside its own anchor). Shared values are walked once. */
function containsItself(value: unknown, path = new Set<object>(), done = new Set<object>()): boolean {
  if (typeof value !== 'object' || value === null || done.has(value)) return false;
  if (path.has(value)) return true;
  path.add(value);
  const children = value instanceof Map ? [...value.keys(), ...value.values()] : value instanceof Set ? [...value] : Object.values(value);
  for (const child of children) if (containsItself(child, path, done)) return true;
  path.delete(value);
  done.add(value);
  return false;
}

export type StatementKind = 'package' | 'import' | 'rule';

export interface AttachTarget {
  kind: StatementKind;
  /** Start offset of the statement (its row decides attachment). */
  start: number;
  /** Index into module.rules for rules; -1 otherwise. */
  ruleIndex: number;
}

const SCOPES = ['rule', 'document', 'package', 'subpackages'];

/**
 * Attaches each decoded block to the first statement on a later line and applies OPA's scope rules
 * (default scope from the statement kind; `rule`/`document` need a rule, `package`/`subpackages`
 * a package; `entrypoint` only with document or package scope).
 */
export function attachAnnotations(
  blocks: { block: MetadataBlock; fields: Record<string, unknown> }[],
  targets: AttachTarget[],
  rowOf: (offset: number) => number,
): { annotations: Annotation[]; errors: BlockError[] } {
  const annotations: Annotation[] = [];
  const errors: BlockError[] = [];
  if (blocks.length === 0) return { annotations, errors };
  // Targets come in source order, so their rows ascend: binary-search the first one below a block.
  const targetRows = targets.map((t) => rowOf(t.start));
  const firstTargetAfter = (row: number): AttachTarget | undefined => {
    let lo = 0;
    let hi = targets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (targetRows[mid] > row) hi = mid;
      else lo = mid + 1;
    }
    return targets[lo];
  };
  for (const { block, fields } of blocks) {
    const row = rowOf(block.head.loc.start);
    const node = firstTargetAfter(row);
    let scope = typeof fields.scope === 'string' ? fields.scope : fields.scope === undefined || fields.scope === null ? '' : String(fields.scope);
    const entrypoint = fields.entrypoint === true;
    if (scope === '' && node) {
      if (node.kind === 'rule') scope = entrypoint ? 'document' : 'rule';
      else if (node.kind === 'package') scope = 'package';
      else scope = 'import';
    }
    const have = node ? ` (have ${node.kind})` : '';
    const loc = block.head.loc;
    if (scope === 'rule' || scope === 'document') {
      if (node?.kind !== 'rule') errors.push({ message: `annotation scope '${scope}' must be applied to rule${have}`, loc });
    } else if (scope === 'package' || scope === 'subpackages') {
      if (node?.kind !== 'package') errors.push({ message: `annotation scope '${scope}' must be applied to package${have}`, loc });
    } else {
      errors.push({ message: `invalid annotation scope '${scope}'. Use one of 'rule', 'document', 'package', or 'subpackages'`, loc });
    }
    if (entrypoint && scope !== 'document' && scope !== 'package') {
      errors.push({ message: `annotation entrypoint applied to non-document or package scope '${scope}'`, loc });
    }
    if (SCOPES.includes(scope)) {
      annotations.push({
        scope: scope as Annotation['scope'],
        fields: { ...fields, scope },
        loc: block.loc,
        target: node && node.kind === 'rule' ? node.ruleIndex : -1,
      });
    }
  }
  return { annotations, errors };
}

/** Only blanks between the start of the line and `offset`. */
function startsLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

// ── Fast path for the YAML that METADATA blocks use ──────────────────────────────────────────────
// Decoding with the `yaml` package was about a third of parsing a policy file. METADATA uses a small
// subset of YAML (block mappings and sequences, `|` literals, one-line flow lists, plain and simple
// quoted scalars); this reader decodes exactly that subset and answers `undefined` for anything else
// (tabs, comments, anchors, escapes, floats, folded scalars, multi-line plain scalars, …), so the
// caller falls back to the full parser. On what it accepts, it gives the same value as
// `parse(text, { uniqueKeys: false })` with YAML 1.2's core schema (test/rego/metadata-yaml.test.ts
// compares the two on every METADATA block of the corpora).

const UNSUPPORTED = Symbol('unsupported');
type Maybe<T> = T | typeof UNSUPPORTED;

interface YamlLine {
  indent: number;
  /** The line without its indentation and trailing blanks ('' for a blank line). */
  body: string;
  raw: string;
}

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_.-]{0,99}):(?: +(.*))?$/;
const NON_STRING_WORDS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL', '__proto__']);
const SAFE_INT = /^(?:0|[1-9][0-9]{0,14})$/;
/** First characters that make a plain scalar something else (indicators, numbers, specials). */
const PLAIN_START = /^[A-Za-z0-9_/(]/;
/** The core schema's number forms (besides SAFE_INT), which the full parser converts. */
const CORE_NUMBER = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$/;

/** Decodes `text` if it stays within the METADATA subset; `undefined` means "use the full parser". */
export function decodeSimpleYaml(text: string): Record<string, unknown> | undefined {
  // Control characters, tabs, CR, BOM and document markers are left to the full parser.
  if (/[\u0000-\u0009\u000b-\u001f\u007f\ufeff]/.test(text)) return undefined;
  const lines: YamlLine[] = [];
  for (const raw of text.split('\n')) {
    const trimmed = raw.trimEnd();
    const body = trimmed.trimStart();
    lines.push({ indent: trimmed.length - body.length, body, raw });
  }
  const reader = new SimpleYamlReader(lines);
  const first = reader.nextContent(0);
  if (first < 0) return undefined;
  if (lines[first].indent !== 0) return undefined;
  const value = reader.mapping(first, 0, undefined);
  if (value === UNSUPPORTED || reader.nextContent(reader.pos) >= 0) return undefined;
  return value.map;
}

class SimpleYamlReader {
  pos = 0;
  constructor(private readonly lines: YamlLine[]) {}

  /** Index of the first non-blank line from `i`, or -1. Whole-line comments and markers are unsupported. */
  nextContent(i: number): number {
    for (; i < this.lines.length; i++) if (this.lines[i].body !== '') return i;
    return -1;
  }

  /**
   * A block mapping whose keys sit at column `indent`, starting at line `i`. `firstBody` replaces the
   * first line's text when the mapping starts after a `- ` on that line.
   */
  mapping(i: number, indent: number, firstBody: string | undefined): Maybe<{ map: Record<string, unknown> }> {
    const map: Record<string, unknown> = {};
    let line = i;
    let body = firstBody ?? this.lines[i].body;
    for (;;) {
      if (body.startsWith('#') || body.startsWith('---') || body.startsWith('...') || body.startsWith('%')) return UNSUPPORTED;
      const m = KEY_LINE.exec(body);
      if (!m || NON_STRING_WORDS.has(m[1])) return UNSUPPORTED;
      const key = m[1];
      const rest = (m[2] ?? '').trim();
      this.pos = line + 1;
      let value: Maybe<unknown>;
      if (rest === '') value = this.nestedBlock(indent);
      else if (rest === '|' || rest === '|-') value = this.literal(indent, rest === '|-');
      else if (rest === '>' || rest === '>-') value = this.folded(indent, rest === '>-');
      else {
        value = inlineValue(rest);
        // More-indented lines right below continue a plain scalar, folded with single spaces.
        const next = this.nextContent(this.pos);
        if (next >= 0 && this.lines[next].indent > indent) value = this.continuedPlain(value, rest, indent);
      }
      if (value === UNSUPPORTED) return UNSUPPORTED;
      map[key] = value;
      const next = this.nextContent(this.pos);
      if (next < 0) return { map };
      const nextIndent = this.lines[next].indent;
      if (nextIndent < indent) return { map };
      if (nextIndent > indent) return UNSUPPORTED;
      // An item at a mapping's own column is an error in YAML; the full parser reports it.
      if (this.lines[next].body.startsWith('- ') || this.lines[next].body === '-') return UNSUPPORTED;
      line = next;
      body = this.lines[next].body;
    }
  }

  /** A plain scalar of several lines (`first` on the key's line); other continuations are not ours. */
  private continuedPlain(value: Maybe<unknown>, first: string, indent: number): Maybe<unknown> {
    if (typeof value !== 'string' || value !== first) return UNSUPPORTED;
    let out = first;
    while (this.pos < this.lines.length) {
      const { indent: lineIndent, body } = this.lines[this.pos];
      if (body === '' || lineIndent <= indent) break;
      if (!/^[A-Za-z0-9_(/"']/.test(body) || body.includes(' #') || body.includes(': ') || body.endsWith(':')) return UNSUPPORTED;
      out += ' ' + body;
      this.pos++;
    }
    // A blank line followed by more of the scalar would fold into a line break: not ours.
    const next = this.nextContent(this.pos);
    if (next >= 0 && this.lines[next].indent > indent) return UNSUPPORTED;
    return out;
  }

  /** The value after `key:` with nothing else on the line: a nested block, or null. */
  private nestedBlock(parentIndent: number): Maybe<unknown> {
    const next = this.nextContent(this.pos);
    if (next < 0) return null;
    const { indent, body } = this.lines[next];
    const isItem = body.startsWith('- ') || body === '-';
    // A sequence may sit at the key's own column; anything else must be indented deeper.
    if (isItem && indent >= parentIndent) return this.sequence(next, indent);
    if (indent <= parentIndent) return null;
    const m = this.mapping(next, indent, undefined);
    return m === UNSUPPORTED ? m : m.map;
  }

  private sequence(i: number, indent: number): Maybe<unknown[]> {
    const items: unknown[] = [];
    let line = i;
    for (;;) {
      const body = this.lines[line].body;
      if (body === '-') return UNSUPPORTED;
      const rest = body.slice(2).trimStart();
      const column = indent + (body.length - rest.length);
      this.pos = line + 1;
      let value: Maybe<unknown>;
      if (KEY_LINE.test(rest)) {
        const m = this.mapping(line, column, rest);
        value = m === UNSUPPORTED ? m : m.map;
      } else if (rest === '' || rest.startsWith('- ') || rest === '|' || rest === '|-') return UNSUPPORTED;
      else {
        value = inlineValue(rest);
        const next = this.nextContent(this.pos);
        if (next >= 0 && this.lines[next].indent > indent) return UNSUPPORTED;
      }
      if (value === UNSUPPORTED) return UNSUPPORTED;
      items.push(value);
      const next = this.nextContent(this.pos);
      if (next < 0) return items;
      const { indent: nextIndent, body: nextBody } = this.lines[next];
      if (nextIndent < indent) return items;
      if (nextIndent > indent) return UNSUPPORTED;
      if (!nextBody.startsWith('- ')) return items;
      line = next;
    }
  }

  /** A `|` or `|-` literal whose parent node sits at column `parentIndent`. */
  private literal(parentIndent: number, strip: boolean): Maybe<string> {
    const content = this.blockLines(parentIndent);
    if (content === UNSUPPORTED) return UNSUPPORTED;
    return content.join('\n') + (strip ? '' : '\n');
  }

  /**
   * A folded scalar (`>` / `>-`, remediation texts wrapped to the line limit) in its plainest shape
   * only: every line at the same indentation and no blank line inside, so folding is joining the
   * lines with single spaces. More-indented lines and blank lines fold by rules of their own.
   */
  private folded(parentIndent: number, strip: boolean): Maybe<string> {
    const content = this.blockLines(parentIndent);
    if (content === UNSUPPORTED) return UNSUPPORTED;
    if (content.some((l) => l === '' || l.startsWith(' '))) return UNSUPPORTED;
    return content.join(' ') + (strip ? '' : '\n');
  }

  /** The lines of a block scalar below `key: |` or `key: >`, indentation removed, trailing blanks dropped. */
  private blockLines(parentIndent: number): Maybe<string[]> {
    const start = this.pos;
    const first = this.nextContent(start);
    // Leading blank lines and empty literals have their own rules; leave them to the full parser.
    if (first !== start || first < 0) return UNSUPPORTED;
    const indent = this.lines[first].indent;
    if (indent <= parentIndent) return UNSUPPORTED;
    const content: string[] = [];
    let i = start;
    for (; i < this.lines.length; i++) {
      const { raw, body } = this.lines[i];
      if (body === '') {
        // Blanks beyond the indentation would be content of their own: not ours.
        if (raw.length > indent) return UNSUPPORTED;
        content.push('');
        continue;
      }
      if (this.lines[i].indent < indent) break;
      content.push(raw.slice(indent).trimEnd() === raw.slice(indent) ? raw.slice(indent) : UNSUPPORTED_LINE);
    }
    if (content.includes(UNSUPPORTED_LINE)) return UNSUPPORTED;
    // Trailing blank lines belong to no scalar (chomping drops them); the next key starts at i.
    while (content.length > 0 && content[content.length - 1] === '') content.pop();
    this.pos = i;
    return content;
  }
}

/** Marks a literal line with trailing blanks (kept by YAML, trimmed by our line reader). */
const UNSUPPORTED_LINE = '\u0000';

/** A scalar or one-line flow sequence written after `key: ` or `- `. */
function inlineValue(text: string): Maybe<unknown> {
  if (text === '{}') return {};
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) return UNSUPPORTED;
    const inner = text.slice(1, -1).trim();
    if (inner === '') return [];
    if (/[[\]{}]/.test(inner)) return UNSUPPORTED;
    const out: unknown[] = [];
    for (const part of inner.split(',')) {
      const item = part.trim();
      if (item === '') return UNSUPPORTED;
      const v = scalar(item, true);
      if (v === UNSUPPORTED) return UNSUPPORTED;
      out.push(v);
    }
    return out;
  }
  return scalar(text, false);
}

function scalar(text: string, inFlow: boolean): Maybe<unknown> {
  const q = text[0];
  if (q === '"' || q === "'") {
    const inner = text.slice(1, -1);
    if (text.length < 2 || text[text.length - 1] !== q) return UNSUPPORTED;
    if (q === '"' && inner.includes('\\')) return unescapeSimple(inner);
    // Doubled quotes and text after the closing quote are left to the full parser.
    return inner.includes(q) ? UNSUPPORTED : inner;
  }
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  if (text === 'null' || text === 'Null' || text === 'NULL' || text === '~') return null;
  if (SAFE_INT.test(text)) return Number(text);
  if (CORE_NUMBER.test(text)) return UNSUPPORTED;
  if (!PLAIN_START.test(text)) return UNSUPPORTED;
  // ` #` starts a comment, `: ` or a final `:` a mapping; flow lists may not hold commas (split above).
  if (text.includes(' #') || text.includes(': ') || text.endsWith(':')) return UNSUPPORTED;
  if (inFlow && /[:#"']/.test(text)) return UNSUPPORTED;
  return text;
}

/** A double-quoted body whose only escapes are `\"` and `\\`; anything else is not ours. */
function unescapeSimple(inner: string): Maybe<string> {
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '"') return UNSUPPORTED;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = inner[++i];
    if (next !== '"' && next !== '\\') return UNSUPPORTED;
    out += next;
  }
  return out;
}
