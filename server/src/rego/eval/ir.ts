// The evaluator's own form of a compiled policy: names resolved (rule names and import aliases
// become `data…` refs, locals become numbered slots of the enclosing rule's frame), constants
// pre-built as values, bodies reordered for safety. The AST stays untouched.
import type { Loc } from '../syntax/ast';
import type { RegoValue } from './values';

export type T =
  | { k: 'val'; v: RegoValue }
  | { k: 'var'; slot: number; name: string }
  /** `input` or `data` used as a whole (also the head of their refs). */
  | { k: 'root'; name: 'data' | 'input' }
  | { k: 'ref'; head: T; path: T[] }
  | { k: 'arr'; items: T[] }
  | { k: 'obj'; items: [T, T][] }
  | { k: 'set'; items: T[] }
  | { k: 'acomp'; term: T; body: Body; captures: number[] }
  | { k: 'scomp'; term: T; body: Body; captures: number[] }
  | { k: 'ocomp'; key: T; value: T; body: Body; captures: number[] }
  | { k: 'call'; fn: FnRef; args: T[] }
  | { k: 'tmpl'; parts: (string | T)[] };

/** A function being called: a user function (`data.pkg.f`) or a builtin, by dotted name. */
export interface FnRef {
  name: string;
  /** Path under data for user functions. */
  path?: string[];
  /** Declared arity (user functions: from the rule; builtins: from the builtin table; -1 unknown). */
  arity: number;
}

export type WithTarget =
  | { kind: 'input'; path: string[] }
  | { kind: 'data'; path: string[] }
  | { kind: 'fn'; name: string };

export interface WithMod {
  target: WithTarget;
  value: T;
  /** Set when the replacement is itself a function (`with f as g`, `with count as mock_count`). */
  fnValue?: FnRef;
}

export type ExprKind =
  | { kind: 'term'; term: T }
  | { kind: 'call'; fn: FnRef; args: T[] }
  | { kind: 'nop' }
  | { kind: 'somein'; key?: T; value: T; domain: T }
  | { kind: 'every'; key?: T; value: T; domain: T; body: Body; captures: number[] };

export type E = ExprKind & { negated: boolean; with: WithMod[]; loc: Loc; file: string };

export type Body = E[];

export type RuleKind = 'complete' | 'set' | 'object' | 'func';

export interface CRule {
  kind: RuleKind;
  /** Full static path under data (package path + head's leading string terms). */
  path: string[];
  /** Head ref terms after the static path (object rules and nested partial sets). */
  dyn: T[];
  /** Partial-set element. */
  key?: T;
  /** Value of complete/object/function rules. */
  value?: T;
  args?: T[];
  body: Body;
  else?: CRule;
  isDefault: boolean;
  /** Number of variable slots the rule's frame needs (shared by its else chain). */
  slots: number;
  file: string;
  loc: Loc;
}
