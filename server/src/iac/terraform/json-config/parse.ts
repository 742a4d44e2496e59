// Terraform's JSON configuration syntax (`*.tf.json`) and JSON variable files (`*.tfvars.json`)
// → the same syntax tree the native-syntax parser builds (ast.ts), with every span in the JSON
// text, so evaluation, rules, source maps and hovers work unchanged (docs/model.md). Blocks are
// nested objects, one level per label; arrays of objects repeat blocks (or labels) in order;
// `"//"` properties in block bodies are comments. Never throws: bad input yields diagnostics.
import type { Attribute, Block, BlockLabel, Body, BodyItem, ParseDiagnostic, ParsedFile, Span } from '../ast';
import { INTERNAL_ERROR_PREFIX } from '../parser';
import { readJson, type JsonMember, type JsonNode } from '../../json-reader';
import { looksLikeBlock, NESTED_BLOCK, TOP_LEVEL, type BlockSpec, type BodySchema } from './schema';
import { ValueReader, type ValueMode } from './values';

/** A `.tf.json` file (or any JSON text holding Terraform configuration). */
export function parseTerraformJson(text: string, path: string): ParsedFile {
  return guarded(text, path, (root, converter) => converter.body(root, TOP_LEVEL, true));
}

/** A `.tfvars.json` file: one object of variable names and values. */
export function parseTerraformVarsJson(text: string, path: string): ParsedFile {
  return guarded(text, path, (root, converter) => converter.body(root, {}, false));
}

function guarded(text: string, path: string, convert: (root: JsonNode & { kind: 'object' }, converter: Converter) => Body): ParsedFile {
  const empty = (diagnostics: ParseDiagnostic[]): ParsedFile => ({
    path, text, comments: [], diagnostics, body: { kind: 'Body', items: [], start: 0, end: text.length },
  });
  try {
    // Half-typed JSON keeps what was read before the error (json-reader.ts), so the rest of the
    // file still declares what it declares while the user types.
    const { root, error } = readJson(text);
    const syntax: ParseDiagnostic[] = error ? [{ start: error.start, end: error.end, severity: 'error', message: `Invalid JSON: ${error.message}.` }] : [];
    if (!root) return empty(syntax.length > 0 ? syntax : [{ start: 0, end: 0, severity: 'error', message: 'Invalid JSON: empty file.' }]);
    if (root.kind !== 'object') {
      return empty([...syntax, { start: root.start, end: root.end, severity: 'error', message: 'Invalid Terraform JSON: the file must hold one JSON object.' }]);
    }
    const converter = new Converter(text);
    const body = convert(root, converter);
    body.start = 0;
    body.end = text.length;
    const diagnostics = [...syntax, ...converter.diagnostics, ...converter.values.diagnostics].sort((a, b) => a.start - b.start);
    return { path, text, body, comments: [], diagnostics };
  } catch (err) {
    // A bug must not take the language server down: degrade to an empty tree plus one error.
    return empty([{ start: 0, end: 0, severity: 'error', message: `${INTERNAL_ERROR_PREFIX} ${err instanceof Error ? err.message : String(err)}` }]);
  }
}

class Converter {
  readonly diagnostics: ParseDiagnostic[] = [];
  readonly values: ValueReader;

  constructor(private readonly text: string) {
    this.values = new ValueReader(text);
  }

  private error(span: Span, message: string): void {
    this.diagnostics.push({ start: span.start, end: span.end, severity: 'error', message });
  }

  /** The items of a block body (`object`'s properties); `topLevel` rejects arguments there. */
  body(object: JsonNode & { kind: 'object' }, schema: BodySchema, topLevel = false): Body {
    const items: BodyItem[] = [];
    for (const member of object.members) {
      if (member.key === '//') continue;
      const known = schema.blocks?.[member.key];
      if (known) this.blocks(member, known, items);
      else if (topLevel) {
        this.error(keySpan(member), `Unsupported block type: blocks of type "${member.key}" are not expected here.`);
      } else if (schema.providerDefined && looksLikeBlock(member.key, member.value)) this.blocks(member, NESTED_BLOCK, items);
      else items.push(this.attribute(member, schema.modes?.[member.key] ?? schema.defaultMode ?? 'template'));
    }
    const end = object.unclosed ? object.end : object.end - 1;
    return { kind: 'Body', items, start: object.start + 1, end: Math.max(object.start + 1, end) };
  }

  private attribute(member: JsonMember, mode: ValueMode): Attribute {
    const expr = this.values.expr(member.value, mode);
    const colon = this.text.indexOf(':', member.keyEnd);
    const equals = colon >= 0 && colon < member.value.start ? { start: colon, end: colon + 1 } : undefined;
    return { kind: 'Attribute', name: { name: member.key, ...keySpan(member) }, equals, expr, start: member.keyStart, end: expr.end };
  }

  /** The blocks a block-type property stands for, appended to `out` in document order. */
  private blocks(member: JsonMember, spec: BlockSpec, out: BodyItem[]): void {
    const type = member.key;
    const expand = (node: JsonNode, remaining: number, labels: BlockLabel[], anchor: Span): void => {
      if (node.kind === 'array') {
        for (const item of node.items) {
          // A body that is an array element is named by its own `{`, so each repeated block has its own header.
          expand(item, remaining, labels, remaining === 0 && item.kind === 'object' ? { start: item.start, end: item.start + 1 } : anchor);
        }
        return;
      }
      if (node.kind !== 'object') {
        const what = remaining > 0 ? `an object whose properties are its ${labelWord(remaining)}` : 'an object (its body)';
        this.error(node, `Invalid "${type}" block: expected ${what}, or an array of them, but found ${describe(node)}.`);
        return;
      }
      if (remaining > 0) {
        for (const m of node.members) {
          if (m.key === '//') continue;
          const label: BlockLabel = { value: m.key, quoted: true, ...keySpan(m) };
          expand(m.value, remaining - 1, [...labels, label], keySpan(m));
        }
        return;
      }
      out.push(this.block(type, node, labels, anchor, spec.body()));
    };
    expand(member.value, spec.labels, [], keySpan(member));
  }

  private block(type: string, node: JsonNode & { kind: 'object' }, labels: BlockLabel[], anchor: Span, schema: BodySchema): Block {
    // headerSpan() reads from the type's start to the last label's end: both sit on the anchor,
    // the innermost property name (or the `{` of an array element), where the block is named.
    const last = labels[labels.length - 1];
    const placed = last && last.start < anchor.start ? [...labels.slice(0, -1), { ...last, start: anchor.start, end: anchor.end }] : labels;
    const body = this.body(node, schema);
    return {
      kind: 'Block',
      type: { name: type, start: anchor.start, end: anchor.end },
      labels: placed,
      open: { start: node.start, end: node.start + 1 },
      // An object cut short by a syntax error has no `}`: the fix layer then leaves the block alone.
      close: node.unclosed ? undefined : { start: node.end - 1, end: node.end },
      body,
      start: anchor.start,
      end: node.end,
    };
  }
}

function keySpan(member: JsonMember): Span {
  return { start: member.keyStart, end: member.keyEnd };
}

function labelWord(n: number): string {
  return n === 1 ? 'label' : `${n} labels`;
}

function describe(node: JsonNode): string {
  return node.kind === 'array' ? 'an array' : node.kind === 'object' ? 'an object' : `a ${node.kind}`;
}
