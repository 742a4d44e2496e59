// Semantic tokens for .rego documents: what the TextMate grammar (syntaxes/rego.tmLanguage.json)
// cannot tell from the text alone. The grammar colours keywords, strings, numbers, comments,
// operators, rule names at column 0 and any `name(` as a call; it cannot tell a local variable
// from a rule reference or an import alias, a builtin from a user function, or a parameter from
// a body variable. From the parse (and rego-scopes.ts for bindings) this module marks:
//   namespace  package and import paths, import aliases and their uses, builtin namespaces (`time.`)
//   function   calls (builtins with `defaultLibrary`), function heads (`declaration`)
//   variable   locals (`declaration` where bound), rule heads (`declaration`, `readonly`) and rule
//              references (`readonly`), `input`/`data` (`defaultLibrary`)
//   parameter  function arguments
//   property   ref fields (`.config` in `r.config`)
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import { getBuiltin, type Module, type Rule, type Term } from '../rego/index';
import { isFunction, ruleRefName, walkRuleTerms } from '../lint/index';
import { LineIndex } from './line-index';
import { importAliases } from './rego-navigation';
import { ruleLocals } from './rego-scopes';

export const TOKEN_TYPES = ['namespace', 'function', 'variable', 'parameter', 'property'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'readonly', 'defaultLibrary'] as const;
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];
type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export interface Token {
  start: number;
  end: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The tokens of a module, sorted, one per identifier (never overlapping). */
export function moduleTokens(module: Module | undefined, text: string, packageRules: Set<string> = new Set()): Token[] {
  if (!module) return [];
  const tokens = new Map<number, Token>();
  /** Adds a token over `t` when its source text is the identifier itself (not `==` for `equal`). */
  const add = (t: Term | { loc: { start: number; end: number } }, type: TokenType, ...modifiers: TokenModifier[]) => {
    const { start, end } = t.loc;
    const written = text.slice(start, end);
    if (tokens.has(start) || end <= start || !IDENT.test(written)) return;
    // Operators written as symbols or keywords (`==`, `in`) carry builtin names: not tokens.
    const value = 'value' in t ? t.value : undefined;
    if (value && (value.type === 'var' ? value.name : value.type === 'string' ? value.value : written) !== written) return;
    tokens.set(start, { start, end, type, modifiers });
  };
  module.package.path.slice(1).forEach((t) => add(t, 'namespace'));
  for (const imp of module.imports) {
    if (imp.path.value.type !== 'ref') continue;
    const [head, ...rest] = imp.path.value.terms;
    const root = head?.value.type === 'var' ? head.value.name : '';
    if (head) add(head, root === 'input' || root === 'data' ? 'variable' : 'namespace', 'defaultLibrary');
    rest.forEach((t) => add(t, 'namespace'));
    if (imp.alias) {
      const after = text.slice(imp.path.loc.end, imp.loc.end);
      const m = new RegExp(String.raw`\bas\s+(${imp.alias})\b`).exec(after);
      if (m) {
        const start = imp.path.loc.end + m.index + m[0].length - imp.alias.length;
        add({ loc: { start, end: start + imp.alias.length } }, 'namespace', 'declaration');
      }
    }
  }
  const aliases = importAliases(module);
  const ruleNames = new Set(module.rules.map((r) => ruleRefName(r).split('.')[0]));
  for (const name of packageRules) ruleNames.add(name);
  const isGlobal = (name: string) => name === 'input' || name === 'data' || aliases.has(name) || ruleNames.has(name);
  for (const rule of module.rules) ruleTokens(rule, add, isGlobal, aliases, ruleNames);
  return [...tokens.values()].sort((a, b) => a.start - b.start);
}

type Add = (t: Term | { loc: { start: number; end: number } }, type: TokenType, ...modifiers: TokenModifier[]) => void;

function ruleTokens(rule: Rule, add: Add, isGlobal: (name: string) => boolean, aliases: Map<string, string>, ruleNames: Set<string>): void {
  const fn = isFunction(rule);
  const [name, ...segments] = rule.head.ref;
  if (name) add(name, fn ? 'function' : 'variable', 'declaration', ...(fn ? [] : (['readonly'] as const)));
  for (const s of segments) if (s.value.type === 'string') add(s, 'property', 'declaration');
  // Calls first: an operator's segments are a call, not fields.
  const operators = new Set<Term>();
  walkRuleTerms(rule, (t) => {
    if (t.value.type === 'call') operators.add(t.value.operator);
  });
  forEachExprOperator(rule, (op) => operators.add(op));
  for (const op of operators) callTokens(op, add, aliases);
  for (const v of ruleLocals(rule, isGlobal)) {
    for (const t of v.occurrences) add(t, v.isArg ? 'parameter' : 'variable', ...(t === v.decl ? (['declaration'] as const) : []));
  }
  walkRuleTerms(rule, (t) => {
    if (operators.has(t)) return;
    if (t.value.type === 'var') globalVarToken(t, t.value.name, add, aliases, ruleNames);
    else if (t.value.type === 'ref') {
      const [head, ...rest] = t.value.terms;
      if (head?.value.type === 'var') globalVarToken(head, head.value.name, add, aliases, ruleNames);
      // Bracketed keys (`x["k"]`) are strings to the eye; only dotted fields are properties.
      for (const s of rest) if (s.value.type === 'string') add(s, 'property');
    }
  });
}

function globalVarToken(t: Term, name: string, add: Add, aliases: Map<string, string>, ruleNames: Set<string>): void {
  if (name === 'input' || name === 'data') add(t, 'variable', 'defaultLibrary');
  else if (aliases.has(name)) add(t, 'namespace');
  else if (ruleNames.has(name)) add(t, 'variable', 'readonly');
}

/** `count(x)`, `time.now_ns()`, `lib.f(x)`, `f(x)`: the segments of the operator's ref. */
function callTokens(op: Term, add: Add, aliases: Map<string, string>): void {
  if (op.value.type !== 'ref') return;
  const terms = op.value.terms;
  const names = terms.map((t) => (t.value.type === 'var' ? t.value.name : t.value.type === 'string' ? t.value.value : ''));
  const builtin = !aliases.has(names[0]) && getBuiltin(names.join('.')) !== undefined;
  terms.forEach((t, i) => {
    const last = i === terms.length - 1;
    if (builtin) add(t, last ? 'function' : 'namespace', 'defaultLibrary');
    else if (last) add(t, 'function');
    else if (i === 0 && (names[0] === 'data' || names[0] === 'input')) add(t, 'variable', 'defaultLibrary');
    else add(t, 'namespace');
  });
}

/** Operators of expression-level calls (`f(x)` as a statement, `x == y`), bodies of `every` included. */
function forEachExprOperator(rule: Rule, visit: (op: Term) => void): void {
  const visitBody = (body: Rule['body']) => {
    for (const e of body) {
      const terms = e.terms as { kind?: string; operator?: Term; body?: Rule['body'] };
      if (terms.kind === 'call' && terms.operator) visit(terms.operator);
      if (terms.kind === 'every' && terms.body) visitBody(terms.body);
    }
  };
  for (let r: Rule | undefined = rule; r; r = r.else) visitBody(r.body);
  // Comprehension bodies hold expressions too.
  walkRuleTerms(rule, (t) => {
    const v = t.value;
    if (v.type === 'arraycomprehension' || v.type === 'setcomprehension' || v.type === 'objectcomprehension') visitBody(v.body);
  });
}

/** LSP's relative encoding; `range` (offsets) keeps the tokens that overlap it. */
export function encodeTokens(tokens: Token[], text: string, range?: { start: number; end: number }): SemanticTokens {
  const index = new LineIndex(text);
  const data: number[] = [];
  let line = 0;
  let char = 0;
  for (const t of tokens) {
    if (range && (t.end <= range.start || t.start >= range.end)) continue;
    const pos = index.positionAt(t.start);
    const deltaLine = pos.line - line;
    data.push(deltaLine, deltaLine === 0 ? pos.character - char : pos.character, t.end - t.start, TOKEN_TYPES.indexOf(t.type), modifierBits(t.modifiers));
    line = pos.line;
    char = pos.character;
  }
  return { data };
}

function modifierBits(modifiers: TokenModifier[]): number {
  let bits = 0;
  for (const m of modifiers) bits |= 1 << TOKEN_MODIFIERS.indexOf(m);
  return bits;
}
