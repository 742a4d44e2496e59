// Rego abstract syntax tree, mirroring OPA's `ast` package so the compiler checks, the formatter
// and the evaluator can follow OPA's behaviour closely. Operators are calls to builtins, as in OPA:
// `x == y` is Call(Ref(equal), x, y), `x := y` is Call(assign, …), `x = y` is Call(eq, …),
// `a + b` is Call(plus, …), `x in xs` is Call(internal.member_2, …).
//
// Every node carries `loc`: [start, end) UTF-16 offsets into the module text. Row/column (OPA's
// 1-based positions) are computed from offsets by the line index when needed.

export interface Loc {
  start: number;
  end: number;
}

export type RegoVersion = 'v0' | 'v1';

export interface Comment {
  /** Text after the `#`. */
  text: string;
  loc: Loc;
}

export interface Module {
  package: Package;
  imports: Import[];
  rules: Rule[];
  comments: Comment[];
  /** Parsed `# METADATA` blocks, in source order. */
  annotations: Annotation[];
  regoVersion: RegoVersion;
  loc: Loc;
}

export interface Package {
  /** `data.a.b` for `package a.b` (first term is Var `data`). */
  path: Ref;
  loc: Loc;
}

export interface Import {
  /** `data.x.y`, `input.z`, `future.keywords.in`, `rego.v1`. */
  path: Term;
  alias?: string;
  loc: Loc;
}

export interface Annotation {
  scope: 'package' | 'rule' | 'document' | 'subpackages';
  /** The YAML mapping of the block, decoded (title, description, custom, related_resources, …). */
  fields: Record<string, unknown>;
  /** The comment block `# METADATA` … */
  loc: Loc;
  /** The rule or package the block attaches to (index into module.rules, or -1 for the package). */
  target: number;
}

export interface Rule {
  default: boolean;
  head: Head;
  body: Body;
  /** `else` chain: each else is a Rule sharing the head's name and args. */
  else?: Rule;
  /** True when the body was written (`if { … }` / `{ … }`); false for `p := 1` with implicit `true` body. */
  hasBody: boolean;
  loc: Loc;
}

export interface Head {
  /** The rule's ref: `p`, `p.q.r`, `p[x]` (for `p[x] := y`). First term is a Var. */
  ref: Ref;
  /** Function arguments (`f(x, y) := …`). */
  args?: Term[];
  /** Partial set key (`p contains x`, v0 `p[x] { … }` without value). */
  key?: Term;
  /** Value (`:= v`, `= v`); absent for partial sets; implicit `true` for `p if …`. */
  value?: Term;
  /** `:=` was used. */
  assign: boolean;
  /** `contains` keyword (v1 partial set) was used. */
  contains: boolean;
  /** The value was not written (`p if …`, `f(x) if …`, `else if …`): `value` is an implicit `true`. */
  generatedValue?: boolean;
  loc: Loc;
}

export type Body = Expr[];

export interface With {
  target: Term;
  value: Term;
  loc: Loc;
}

export interface SomeDecl {
  kind: 'some';
  /** Vars (`some x, y`) or one Call term to internal.member_2 / member_3 (`some x in xs`, `some k, v in xs`). */
  symbols: Term[];
  loc: Loc;
}

export interface Every {
  kind: 'every';
  key?: Term;
  value: Term;
  domain: Term;
  body: Body;
  loc: Loc;
}

export interface Expr {
  negated: boolean;
  /** A single term, a call (operator ref term + args), a `some` declaration or an `every`. */
  terms: Term | CallTerms | SomeDecl | Every;
  with: With[];
  /** Set by the compiler when it rewrites; the formatter skips generated expressions. */
  generated?: boolean;
  loc: Loc;
}

/** `[operator, ...args]`: operator is a Ref term (`equal`, `count`, `data.lib.f`). */
export interface CallTerms {
  kind: 'call';
  operator: Term;
  args: Term[];
}

export interface Term {
  value: TermValue;
  loc: Loc;
}

export type TermValue =
  | NullValue
  | BooleanValue
  | NumberValue
  | StringValue
  | VarValue
  | RefValue
  | ArrayValue
  | ObjectValue
  | SetValue
  | ArrayComprehension
  | SetComprehension
  | ObjectComprehension
  | CallValue
  | TemplateStringValue;

export interface NullValue {
  type: 'null';
}
export interface BooleanValue {
  type: 'boolean';
  value: boolean;
}
export interface NumberValue {
  type: 'number';
  /** Source text, exactly (OPA keeps json.Number text; precision is decided at evaluation). */
  raw: string;
}
export interface StringValue {
  type: 'string';
  value: string;
  /** Written as a raw (backtick) string. */
  raw?: boolean;
}
export interface VarValue {
  type: 'var';
  name: string;
}
export type Ref = Term[];
export interface RefValue {
  type: 'ref';
  /** Head (a Var, or a Call/composite for `f(x).y`, `[1,2][0]`) then path terms (strings for `.a`). */
  terms: Ref;
}
export interface ArrayValue {
  type: 'array';
  items: Term[];
}
export interface ObjectValue {
  type: 'object';
  items: [Term, Term][];
}
export interface SetValue {
  type: 'set';
  items: Term[];
}
export interface ArrayComprehension {
  type: 'arraycomprehension';
  term: Term;
  body: Body;
}
export interface SetComprehension {
  type: 'setcomprehension';
  term: Term;
  body: Body;
}
export interface ObjectComprehension {
  type: 'objectcomprehension';
  key: Term;
  value: Term;
  body: Body;
}
/** A call used as a term (`count(x)` inside an expression, `a + b` in a term position). */
export interface CallValue {
  type: 'call';
  operator: Term;
  args: Term[];
}
/** OPA 1.x string interpolation `$"…{expr}…"`: literal string parts and embedded terms. */
export interface TemplateStringValue {
  type: 'templatestring';
  parts: (string | Term)[];
  raw?: boolean;
}

/** OPA-shaped error: `code` (rego_parse_error, rego_compile_error, …), message, location. */
export interface RegoError {
  code: string;
  message: string;
  loc: Loc;
  /** 1-based row/col as OPA reports them, filled by the producer. */
  row: number;
  col: number;
  file?: string;
  details?: unknown;
}
