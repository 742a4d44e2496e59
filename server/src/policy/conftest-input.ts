// Conftest's input for a Terraform file: the HCL document as Conftest's `hcl2` parser presents it,
// built from Palisade's syntax tree (nothing is evaluated). Per Conftest:
//   - a block `type "l1" "l2" {…}` nests under its type then each label: resource.aws_s3_bucket.b;
//     the first block at a key is its body object, a repeated one turns the key into a list;
//   - literals are JSON values, strings with interpolations keep the source text of each
//     interpolation as `${…}` (template directives as `%{if …}…%{endif}`, `%{for …}…%{endfor}`);
//   - tuples are lists, object constructors are objects;
//   - every other expression (a reference, a call, an operator) is its source text as `"${…}"`.
import type { Attribute, Block, Body, Expr, ParsedFile } from '../iac/terraform';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Template parts as the syntax tree holds them (not exported by the front end's door). */
type TemplatePart = Extract<Expr, { kind: 'Template' }>['parts'][number];

export function conftestTerraformInput(file: ParsedFile): JsonObject {
  return new HclToConftest(file.text).body(file.body);
}

class HclToConftest {
  constructor(private readonly text: string) {}

  body(body: Body): JsonObject {
    const out: JsonObject = {};
    // Conftest converts attributes first, then blocks (a block key never hides an attribute).
    for (const item of body.items) if (item.kind === 'Attribute') out[item.name.name] = this.expr((item as Attribute).expr);
    for (const item of body.items) if (item.kind === 'Block') this.block(item as Block, out);
    return out;
  }

  private block(block: Block, into: JsonObject): void {
    const value = this.body(block.body);
    let target = into;
    let key = block.type.name;
    for (const label of block.labels) {
      const inner = target[key];
      if (inner === undefined) {
        const created: JsonObject = {};
        target[key] = created;
        target = created;
      } else if (isObject(inner)) target = inner;
      else return; // Conftest refuses the file here ("Unable to convert Block to JSON"); Palisade drops the block.
      key = label.value;
    }
    const current = target[key];
    if (current === undefined) target[key] = value;
    else if (Array.isArray(current)) current.push(value);
    else target[key] = [current, value];
  }

  private expr(expr: Expr): Json {
    switch (expr.kind) {
      case 'Literal':
        return expr.value;
      case 'Template': {
        // `"${x}"` alone is the wrapped expression itself, as in HCL.
        const only = expr.parts.length === 1 ? expr.parts[0] : undefined;
        if (only?.kind === 'TemplateInterpolation' && !expr.heredoc) return this.expr(only.expr);
        return this.parts(expr.parts);
      }
      case 'Tuple':
        return expr.items.map((item) => this.expr(item));
      case 'Object': {
        const out: JsonObject = {};
        for (const item of expr.items) out[this.key(item.key)] = this.expr(item.value);
        return out;
      }
      case 'Unary':
        // HCL reads `-1` as a negative number literal.
        if (expr.op === '-' && expr.operand.kind === 'Literal' && typeof expr.operand.value === 'number') return -expr.operand.value;
        return this.wrapped(expr);
      default:
        return this.wrapped(expr);
    }
  }

  private key(key: Expr): string {
    if (key.kind === 'Variable') return key.name;
    if (key.kind === 'Paren') return this.key(key.expr);
    if (key.kind === 'Template') return this.parts(key.parts);
    if (key.kind === 'Literal') return key.value === null ? 'null' : String(key.value);
    return this.wrapped(key);
  }

  private parts(parts: TemplatePart[]): string {
    let out = '';
    for (const part of parts) {
      switch (part.kind) {
        case 'TemplateLiteral':
          out += part.value;
          break;
        case 'TemplateInterpolation':
          out += part.expr.kind === 'Literal' ? String(part.expr.value) : this.wrapped(part.expr);
          break;
        case 'TemplateIf': {
          const otherwise = part.else ? this.parts(part.else) : '';
          out += `%{if ${this.source(part.cond)}}${this.parts(part.then)}${otherwise ? `%{else}${otherwise}` : ''}%{endif}`;
          break;
        }
        case 'TemplateFor':
          out += `%{for ${part.keyVar ? `${part.keyVar.name}, ` : ''}${part.valueVar.name} in ${this.source(part.collection)}}${this.parts(part.body)}%{endfor}`;
          break;
      }
    }
    return out;
  }

  private wrapped(expr: Expr): string {
    return `\${${this.source(expr)}}`;
  }

  private source(expr: Expr): string {
    return this.text.slice(expr.start, expr.end);
  }
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
