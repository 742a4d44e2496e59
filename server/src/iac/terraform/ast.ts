// HCL native-syntax tree for Terraform files.
// Every node carries [start, end) as UTF-16 offsets into the file text (LSP's default unit).
// Parsing never fails: missing pieces are `Missing` nodes (zero-width) and bad tokens are
// swallowed into `Invalid` nodes, so every consumer gets the promised shape.

export interface Span {
  start: number;
  end: number;
}

export interface Comment extends Span {
  /** Full text including the `#`, `//` or `/* … *\/` markers. */
  text: string;
  style: 'hash' | 'slash' | 'block';
}

export interface Identifier extends Span {
  name: string;
}

export interface Body extends Span {
  kind: 'Body';
  items: BodyItem[];
}

export type BodyItem = Attribute | Block;

export interface Attribute extends Span {
  kind: 'Attribute';
  name: Identifier;
  /** Span of `=`; absent if the user has not typed it yet. */
  equals?: Span;
  expr: Expr;
}

export interface BlockLabel extends Span {
  /** The label's value: a quoted string's content (escapes resolved) or a bare identifier. */
  value: string;
  quoted: boolean;
}

export interface Block extends Span {
  kind: 'Block';
  type: Identifier;
  labels: BlockLabel[];
  /** Span of `{`; absent when missing. */
  open?: Span;
  /** Span of `}`; absent when missing (the block then ends where recovery stopped). */
  close?: Span;
  body: Body;
}

export type Expr =
  | LiteralExpr
  | TemplateExpr
  | VariableExpr
  | GetAttrExpr
  | IndexExpr
  | SplatExpr
  | CallExpr
  | TupleExpr
  | ObjectExpr
  | UnaryExpr
  | BinaryExpr
  | ConditionalExpr
  | ForExpr
  | ParenExpr
  | MissingExpr
  | InvalidExpr;

export interface LiteralExpr extends Span {
  kind: 'Literal';
  /** Numbers keep their source text in `raw` so nothing is lost to float rounding. */
  value: null | boolean | number;
  raw: string;
}

/** A quoted string or heredoc. A string with no interpolation is a template of one literal part. */
export interface TemplateExpr extends Span {
  kind: 'Template';
  parts: TemplatePart[];
  heredoc?: { marker: string; indent: boolean };
}

export type TemplatePart = TemplateLiteral | TemplateInterpolation | TemplateIf | TemplateFor;

/**
 * The expression of a quoted template that is exactly one interpolation (`"${x}"`, Terraform 0.11
 * style), else undefined: Terraform takes that value itself, not its string form.
 */
export function soleInterpolation(expr: TemplateExpr): Expr | undefined {
  const only = expr.parts.length === 1 && !expr.heredoc ? expr.parts[0] : undefined;
  return only?.kind === 'TemplateInterpolation' ? only.expr : undefined;
}

export interface TemplateLiteral extends Span {
  kind: 'TemplateLiteral';
  /** Text with escapes resolved (`$${` → `${`, `\n` → newline in quoted strings). */
  value: string;
}

export interface TemplateInterpolation extends Span {
  kind: 'TemplateInterpolation';
  expr: Expr;
  stripLeft: boolean;
  stripRight: boolean;
}

export interface TemplateIf extends Span {
  kind: 'TemplateIf';
  cond: Expr;
  then: TemplatePart[];
  else?: TemplatePart[];
}

export interface TemplateFor extends Span {
  kind: 'TemplateFor';
  keyVar?: Identifier;
  valueVar: Identifier;
  collection: Expr;
  body: TemplatePart[];
}

/** A bare name at the root of a traversal: `var`, `local`, `aws_s3_bucket`, `each`, `count`. */
export interface VariableExpr extends Span {
  kind: 'Variable';
  name: string;
}

export interface GetAttrExpr extends Span {
  kind: 'GetAttr';
  object: Expr;
  name: Identifier;
}

/** `a[expr]`, and the legacy `a.0` form (key is then a number Literal). */
export interface IndexExpr extends Span {
  kind: 'Index';
  object: Expr;
  key: Expr;
}

/**
 * `a[*].b.c` (full splat) or `a.*.b` (attribute-only splat). `each` is the traversal applied to
 * every element, rooted at a `SplatItem` variable (name `"*"`), e.g. GetAttr(Variable("*"), "b").
 */
export interface SplatExpr extends Span {
  kind: 'Splat';
  object: Expr;
  each: Expr;
  full: boolean;
}

export interface CallExpr extends Span {
  kind: 'Call';
  name: Identifier;
  args: Expr[];
  /** `f(list...)`: the last argument is expanded. */
  expandFinal: boolean;
  /** Span of `)`; absent when missing. */
  close?: Span;
}

export interface TupleExpr extends Span {
  kind: 'Tuple';
  items: Expr[];
}

export interface ObjectItem extends Span {
  /** A bare identifier key is a `Variable` here; the evaluator treats it as its own name. */
  key: Expr;
  value: Expr;
}

export interface ObjectExpr extends Span {
  kind: 'Object';
  items: ObjectItem[];
}

export interface UnaryExpr extends Span {
  kind: 'Unary';
  op: '-' | '!';
  operand: Expr;
}

export type BinaryOp = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface BinaryExpr extends Span {
  kind: 'Binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
}

export interface ConditionalExpr extends Span {
  kind: 'Conditional';
  cond: Expr;
  then: Expr;
  else: Expr;
}

/** `[for k, v in coll : v if cond]` or `{for k, v in coll : k => v... if cond}`. */
export interface ForExpr extends Span {
  kind: 'For';
  keyVar?: Identifier;
  valueVar: Identifier;
  collection: Expr;
  /** Present for object `for` only. */
  keyExpr?: Expr;
  valueExpr: Expr;
  cond?: Expr;
  /** The `...` grouping mode of object `for`. */
  grouping: boolean;
  isObject: boolean;
}

export interface ParenExpr extends Span {
  kind: 'Paren';
  expr: Expr;
}

/** Zero-width placeholder where an expression was required but absent. */
export interface MissingExpr extends Span {
  kind: 'Missing';
}

/** Tokens that could not be parsed as an expression; evaluates to unknown. */
export interface InvalidExpr extends Span {
  kind: 'Invalid';
}

export interface ParseDiagnostic extends Span {
  message: string;
  severity: 'error' | 'warning';
}

export interface ParsedFile {
  path: string;
  text: string;
  body: Body;
  comments: Comment[];
  diagnostics: ParseDiagnostic[];
}
