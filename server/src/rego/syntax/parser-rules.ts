// Statements: package and import clauses, and rules (heads, bodies, else chains, defaults).
// Mirrors OPA's parser, including where it gives up on a statement, so error messages and
// positions match `opa check`.
import type { Term } from './ast';
import { Tok } from './lexer';
import { BodyParser } from './parser-body';
import { isTermExpr } from './parser-core';
import { copyHead, isGround, ParsedHead, ParsedImport, ParsedPackage, ParsedRule, refString, termString, trueExpr } from './statements';

export abstract class StatementParser extends BodyParser {
  // ---- package and import --------------------------------------------------------------------

  protected parsePackage(): ParsedPackage | undefined {
    if (this.tok() !== Tok.Package) return undefined;
    const start = this.pos;
    this.scanWS();
    // `package.x` / `package[x]` is a ref, not a package clause.
    if (this.tok() === Tok.Dot || this.tok() === Tok.LBrack) return undefined;
    if (this.tok() === Tok.Whitespace) this.scan();
    if (!this.isIdentOrAllowedRefKeyword()) {
      this.illegalToken();
      return undefined;
    }
    const term = this.parseTerm();
    let path: Term[] | undefined;
    if (term) {
      const v = term.value;
      if (v.type === 'var') {
        path = [this.varTerm('data', term.loc), this.term({ type: 'string', value: v.name }, term.loc.start, term.loc.end)];
      } else if (v.type === 'ref') {
        const first = v.terms[0];
        if (first.value.type !== 'var') {
          this.error(first.loc, `unexpected ${first.value.type} token: expecting var`);
          return undefined;
        }
        path = [this.varTerm('data', first.loc), this.term({ type: 'string', value: first.value.name }, first.loc.start, first.loc.end)];
        for (let i = 1; i < v.terms.length; i++) {
          const t = v.terms[i];
          if (t.value.type !== 'string') {
            this.error(t.loc, `unexpected ${t.value.type} token: expecting string`);
            return undefined;
          }
          path.push(t);
        }
      } else {
        this.illegalToken();
        return undefined;
      }
    }
    if (!path) {
      if (this.errorCount === 0) this.error(this.curLoc, 'expected path');
      return undefined;
    }
    return { kind: 'package', path, loc: { start, end: this.s.lastEnd } };
  }

  protected parseImport(): ParsedImport | undefined {
    if (this.tok() !== Tok.Import) return undefined;
    const start = this.pos;
    this.scanWS();
    if (this.tok() === Tok.Dot || this.tok() === Tok.LBrack) return undefined;
    if (this.tok() === Tok.Whitespace) this.scan();
    if (!this.isIdentOrAllowedRefKeyword()) {
      this.error(this.curLoc, 'expected ident');
      return undefined;
    }
    // The path is read with no future keywords, so `import future.keywords.in` parses.
    const kw = this.keywords;
    this.keywords = 0;
    this.termCache.clear();
    let path: Term | undefined;
    const term = this.parseTerm();
    if (term) {
      const v = term.value;
      if (v.type === 'var') path = this.term({ type: 'ref', terms: [term] }, term.loc.start, term.loc.end);
      else if (v.type === 'ref') {
        for (let i = 1; i < v.terms.length; i++) {
          const t = v.terms[i];
          if (t.value.type !== 'string') {
            this.keywords = kw;
            this.termCache.clear();
            this.error(t.loc, `unexpected ${t.value.type} token: expecting string`);
            return undefined;
          }
        }
        path = term;
      }
    }
    this.keywords = kw;
    this.termCache.clear();
    if (!path) {
      this.error(this.curLoc, 'expected path');
      return undefined;
    }
    const ref = (path.value as { terms: Term[] }).terms;
    const root = ref[0].value.type === 'var' ? ref[0].value.name : '';
    if (root !== 'data' && root !== 'input' && root !== 'future' && root !== 'rego') {
      this.hint('if this is unexpected, try updating OPA');
      this.error(path.loc, `unexpected import path, must begin with one of: {data, future, input, rego}, got: ${termString(ref[0])}`);
      return undefined;
    }
    if (this.tok() === Tok.As) {
      this.scan();
      if (this.tok() !== Tok.Ident) {
        this.illegal('expected var');
        return undefined;
      }
      const alias = this.parseTerm();
      if (alias && alias.value.type === 'var') return { kind: 'import', path, alias: alias.value.name, loc: { start, end: this.s.lastEnd } };
      this.illegal('expected var');
      return undefined;
    }
    // A path ending in a keyword could not be referred to without an alias.
    const last = ref[ref.length - 1].value;
    const lastName = ref.length === 1 && last.type === 'var' ? last.name : root !== 'future' && last.type === 'string' ? last.value : '';
    if (lastName && this.isKeyword(lastName)) {
      this.error(ref[ref.length - 1].loc, `unexpected import path, must not end with a keyword, got: ${lastName}`);
      this.hint('import a different path or use an alias');
    }
    return { kind: 'import', path, loc: { start, end: this.s.lastEnd } };
  }

  /** A keyword of the Rego version being parsed (v0: only the base keywords). */
  protected abstract isKeyword(name: string): boolean;

  // ---- rules ---------------------------------------------------------------------------------

  protected parseRules(): ParsedRule[] | undefined {
    const start = this.pos;
    let isDefault = false;
    this.scanAheadRef(); // keyword refs: `if.x := 1` is a rule named by a ref
    if (this.tok() === Tok.Default) {
      this.scan();
      isDefault = true;
      this.scanAheadRef();
    }
    if (this.tok() !== Tok.Ident) return undefined;
    const parsed = this.parseHead(isDefault);
    if (!parsed) return undefined;
    const [head, usesContains] = parsed;
    if (usesContains) head.keywordContains = true;
    const rule: ParsedRule = { kind: 'rule', default: isDefault, head, body: [], generatedBody: false, loc: { start, end: start } };

    if (isDefault) {
      if (!this.validateDefaultRuleValue(rule)) return undefined;
      if (head.args && head.args.length > 0 && !this.validateDefaultRuleArgs(rule)) return undefined;
      rule.body = [trueExpr(rule.loc)];
      rule.loc = { start, end: this.s.lastEnd };
      return [rule];
    }

    const hasIf = this.tok() === Tok.If;
    // `p[x] if …` is a single-value rule p[x].
    if (hasIf && !usesContains && head.ref.length === 2) {
      const v = head.ref[1];
      if ((!isGround(v) || v.value.type === 'ref') && !(head.args && head.args.length)) head.key = v;
      if (!head.value) {
        head.generatedValue = true;
        head.value = { value: { type: 'boolean', value: true }, loc: head.loc };
      } else {
        const first = head.ref[0].value;
        if (first.type !== 'var') return undefined;
        head.name = first.name;
      }
    }
    // v0 `p[x] { … }` is a multi-value rule p.
    if (!hasIf && !usesContains && !(head.args && head.args.length) && head.ref.length === 2) {
      const first = head.ref[0].value;
      if (first.type !== 'var') return undefined;
      head.name = first.name;
      head.key = head.ref[1];
      if (!head.value) head.ref = head.ref.slice(0, 1);
    }

    let bodyDone = false;
    if (hasIf) {
      head.keywordIf = true;
      this.scan();
      const s = this.save();
      const expr = this.parseLiteral();
      // `p if { true }` must be a body, not a set literal.
      if (expr && !(isTermExpr(expr.terms) && expr.terms.value.type === 'set')) {
        rule.body = [expr];
        bodyDone = true;
      } else {
        this.restore(s);
      }
    }
    if (!bodyDone) {
      if (hasIf || this.tok() === Tok.LBrace) {
        this.scan();
        const body = this.parseBody(Tok.RBrace);
        if (!body) return undefined;
        rule.body = body;
        this.scan();
      } else if (usesContains) {
        rule.body = [trueExpr(head.loc)];
        rule.generatedBody = true;
        rule.loc = { ...head.loc };
        return [rule];
      } else {
        return undefined;
      }
    }

    // With keyword refs, `else.x := 1` on the next line is a new rule, not an else branch.
    if (this.tok() === Tok.Else && !this.scanAheadRef()) {
      if (head.ref.length > 1 && !head.ref.slice(1).every(isGround)) {
        this.error(this.curLoc, 'else keyword cannot be used on rules with variables in head');
        return undefined;
      }
      if (head.key) {
        this.error(this.curLoc, 'else keyword cannot be used on multi-value rules');
        return undefined;
      }
      const els = this.parseElse(head);
      if (!els) return undefined;
      rule.else = els;
    }
    rule.loc = { start, end: this.s.lastEnd };

    const rules = [rule];
    while (this.tok() === Tok.LBrace) {
      if (rule.else) {
        this.error(this.curLoc, 'expected else keyword');
        return undefined;
      }
      const bstart = this.pos;
      this.scan();
      const body = this.parseBody(Tok.RBrace);
      if (!body) return undefined;
      this.scan();
      const loc = { start: bstart, end: this.s.lastEnd };
      // Chained bodies share the first rule's head; `_` arguments get fresh wildcards.
      const h = copyHead(head);
      if (h.args) h.args = h.args.map((a) => (a.value.type === 'var' && a.value.name.startsWith('$') ? this.varTerm(this.genWildcard(), a.loc) : a));
      h.loc = loc;
      rules.push({ kind: 'rule', default: false, head: h, body, generatedBody: false, loc });
    }
    return rules;
  }

  private parseElse(head: ParsedHead): ParsedRule | undefined {
    const start = this.pos;
    const h = copyHead(head);
    h.generatedValue = false;
    if (h.args) h.args = h.args.map((a) => (a.value.type === 'var' && a.value.name.startsWith('$') ? this.varTerm(this.genWildcard(), a.loc) : a));
    h.loc = this.curLoc;
    const rule: ParsedRule = { kind: 'rule', default: false, head: h, body: [], generatedBody: false, loc: { start, end: start } };
    this.scan();
    switch (this.tok()) {
      case Tok.LBrace:
      case Tok.If:
        h.generatedValue = true;
        h.value = { value: { type: 'boolean', value: true }, loc: h.loc };
        break;
      case Tok.Assign:
      case Tok.Unify: {
        h.assign = this.tok() === Tok.Assign;
        this.scan();
        const v = this.parseTermInfixCall();
        if (!v) return undefined;
        h.value = v;
        break;
      }
      default:
        this.illegal('expected else value term or rule body');
        return undefined;
    }
    const hasIf = this.tok() === Tok.If;
    const hasLBrace = this.tok() === Tok.LBrace;
    if (!hasIf && !hasLBrace) {
      rule.body = [trueExpr(rule.loc)];
      rule.generatedBody = true;
      rule.loc = { start, end: this.s.lastEnd };
      return rule;
    }
    if (hasIf) {
      h.keywordIf = true;
      this.scan();
    }
    if (this.tok() === Tok.LBrace) {
      this.scan();
      const body = this.parseBody(Tok.RBrace);
      if (!body) return undefined;
      rule.body = body;
      this.scan();
    } else if (this.tok() !== Tok.EOF) {
      const expr = this.parseLiteral();
      if (!expr) return undefined;
      rule.body = [expr];
    } else {
      this.illegal('rule body expected');
      return undefined;
    }
    rule.loc = { start, end: this.s.lastEnd };
    if (this.tok() === Tok.Else) {
      const next = this.parseElse(head);
      if (!next) return undefined;
      rule.else = next;
    }
    return rule;
  }

  private parseHead(isDefault: boolean): [ParsedHead, boolean] | undefined {
    const loc = this.curLoc;
    const nameTerm = this.parseVar();
    const ref = this.parseHeadFinish(nameTerm, true);
    if (!ref) {
      this.illegal('expected rule head name');
      return undefined;
    }
    const head: ParsedHead = { ref: [], assign: false, generatedValue: false, keywordIf: false, keywordContains: false, loc };
    const v = ref.value;
    if (v.type === 'var') {
      head.ref = [ref];
      head.name = v.name;
    } else if (v.type === 'ref') {
      head.ref = v.terms;
    } else if (v.type === 'call') {
      const op = v.operator.value;
      if (op.type === 'ref') {
        if (op.terms[0].value.type !== 'var') {
          this.illegal(`rule head ref ${termString(v.operator)} invalid`);
          return undefined;
        }
        head.ref = op.terms;
      } else {
        head.ref = [v.operator];
      }
      head.args = [...v.args];
    } else {
      return undefined;
    }
    const name = refString(head.ref);
    const finish = (): void => {
      head.loc = { start: loc.start, end: this.s.lastEnd };
    };
    switch (this.tok()) {
      case Tok.Contains: {
        if (head.args) this.illegal(`the contains keyword can only be used with multi-value rule definitions (e.g., ${name} contains <VALUE> { ... })`);
        this.scan();
        head.key = this.parseTermInfixCall();
        if (!head.key) this.illegal(`expected rule key term (e.g., ${name} contains <VALUE> { ... })`);
        finish();
        return [head, true];
      }
      case Tok.Unify:
        this.scan();
        head.value = this.parseTermInfixCall();
        if (!head.value) this.illegal(`expected rule value term (e.g., ${name}[${head.key ? termString(head.key) : '<nil>'}] = <VALUE> { ... })`);
        break;
      case Tok.Assign:
        this.scan();
        head.assign = true;
        head.value = this.parseTermInfixCall();
        if (!head.value) {
          if (head.args && head.args.length > 0) this.illegal(`expected function value term (e.g., ${name}(...) := <VALUE> { ... })`);
          else if (head.key) this.illegal(`expected partial rule value term (e.g., ${name}[...] := <VALUE> { ... })`);
          else if (isDefault) this.illegal(`expected default rule value term (e.g., default ${name} := <VALUE>)`);
          else this.illegal(`expected rule value term (e.g., ${name} := <VALUE> { ... })`);
        }
        break;
    }
    if (!head.value && !head.key && (head.ref.length !== 2 || (head.args && head.args.length > 0))) {
      head.generatedValue = true;
      head.value = { value: { type: 'boolean', value: true }, loc };
    }
    finish();
    return [head, false];
  }

  private validateDefaultRuleValue(rule: ParsedRule): boolean {
    const value = rule.head.value;
    const loc = { start: rule.loc.start, end: rule.loc.start + 7 };
    if (!value) {
      this.error(loc, 'illegal default rule (must have a value)');
      return false;
    }
    let valid = true;
    const walk = (t: Term): void => {
      const v = t.value;
      switch (v.type) {
        case 'arraycomprehension': case 'setcomprehension': case 'objectcomprehension':
          return;
        case 'ref': case 'var': case 'call':
          this.error(loc, `illegal default rule (value cannot contain ${v.type})`);
          valid = false;
          return;
        case 'array': case 'set':
          v.items.forEach(walk);
          return;
        case 'object':
          for (const [k, x] of v.items) { walk(k); walk(x); }
          return;
        case 'templatestring':
          for (const p of v.parts) if (typeof p !== 'string') walk(p);
          return;
      }
    };
    walk(value);
    return valid;
  }

  private validateDefaultRuleArgs(rule: ParsedRule): boolean {
    const loc = { start: rule.loc.start, end: rule.loc.start + 7 };
    const seen = new Set<string>();
    for (const a of rule.head.args ?? []) {
      const v = a.value;
      if (v.type !== 'var') {
        this.error(loc, `illegal default rule (arguments cannot contain ${v.type})`);
        return false;
      }
      if (seen.has(v.name)) {
        this.error(loc, `illegal default rule (arguments cannot be repeated ${v.name})`);
        return false;
      }
      seen.add(v.name);
    }
    return true;
  }
}
