// The statement loop (OPA's Parser.Parse) plus error recovery: OPA stops at the first statement
// that fails; we report what OPA reports, then resynchronise at the next line that starts a
// statement and keep going, so an editor sees every broken rule and the AST keeps the good ones.
// Errors OPA would not have reported are tagged `details: { recovered: true }`.
import type { Body, Expr, RegoVersion, Term } from './ast';
import { Tok, Tokens } from './lexer';
import { KW_ALL, keywordBit, RawError } from './parser-core';
import { StatementParser } from './parser-rules';
import { ParsedImport, Statement, termString } from './statements';

export interface StatementsResult {
  statements: Statement[];
  /** Errors in report order; `recovered` ones come after the point where OPA stops. */
  errors: (RawError & { recovered: boolean })[];
  /** Offset where OPA would have stopped scanning (comments after it are not seen by OPA). */
  stopOffset: number;
  /** `import rego.v1` seen in a v0 module. */
  regoV1Import: boolean;
}

const V1_KEYWORDS = new Set(['package', 'import', 'as', 'default', 'else', 'not', 'some', 'with', 'null', 'true', 'false', 'in', 'every', 'contains', 'if']);
const V0_KEYWORDS = new Set(['package', 'import', 'as', 'default', 'else', 'not', 'some', 'with', 'null', 'true', 'false']);

export function isKeywordIn(name: string, version: RegoVersion): boolean {
  return (version === 'v1' ? V1_KEYWORDS : V0_KEYWORDS).has(name);
}

export class ModuleParser extends StatementParser {
  private regoV1 = false;

  constructor(toks: Tokens, private readonly version: RegoVersion, private readonly skipRules = false, keywordsInRefs = false) {
    super(toks, version === 'v1' ? KW_ALL : 0, keywordsInRefs);
  }

  protected isKeyword(name: string): boolean {
    return isKeywordIn(name, this.version);
  }

  /** Numbers `_` from `n` on: a re-parse of part of a module continues the module's count. */
  startWildcardsAt(n: number): void {
    this.restore({ ...this.s, wildcard: n });
  }

  /** The number the next `_` would get. */
  get nextWildcard(): number {
    return this.s.wildcard;
  }

  parseStatements(recover: boolean): StatementsResult {
    const statements: Statement[] = [];
    const errors: StatementsResult['errors'] = [];
    let failed = false;
    let stopOffset = -1;
    let guard = this.toks.count + 2;

    const fail = (stmtStartIndex: number): boolean => {
      const stmtErrors = this.s.errors;
      for (const e of stmtErrors) errors.push({ ...e, recovered: failed });
      if (!failed) stopOffset = this.pos;
      failed = true;
      this.restore({ ...this.s, errors: [] });
      if (!recover) return false;
      const resume = this.resyncIndex(stmtStartIndex);
      if (resume < 0) return false;
      this.termCache.clear();
      this.restore({ i: resume, ws: false, lastEnd: this.toks.starts[resume], errors: [], wildcard: this.s.wildcard, hints: [], asIdent: -1 });
      // The resume token's own lexer errors belong to the next statement.
      const lexErrs = this.toks.errors.get(resume);
      if (lexErrs) this.restore({ ...this.s, errors: lexErrs.map((m) => ({ message: m, start: this.toks.starts[resume], end: this.toks.ends[resume] })) });
      return true;
    };

    // A statement can parse and still leave errors (OPA then stops before the next one).
    const flush = (): boolean => {
      if (this.s.errors.length === 0) return true;
      for (const e of this.s.errors) errors.push({ ...e, recovered: failed });
      if (!failed) stopOffset = this.pos;
      failed = true;
      this.restore({ ...this.s, errors: [] });
      return recover;
    };

    while (this.tok() !== Tok.EOF && guard-- > 0) {
      const start = this.s.i;
      // Backtracking never goes behind a finished statement, so its cached terms can go.
      if (this.termCache.size > 0) this.termCache.clear();
      let s = this.save();
      const pkg = this.parsePackage();
      if (pkg) {
        statements.push(pkg);
        if (flush()) continue;
        break;
      } else if (this.errorCount > 0) {
        if (fail(start)) continue;
        break;
      }
      this.restore(s);
      s = this.save();
      const imp = this.parseImport();
      if (imp) {
        this.importEffects(imp);
        statements.push(imp);
        if (flush()) continue;
        break;
      } else if (this.errorCount > 0) {
        if (fail(start)) continue;
        break;
      }
      this.restore(s);
      if (!this.skipRules) {
        s = this.save();
        const rules = this.parseRules();
        if (rules) {
          statements.push(...rules);
          if (flush()) continue;
          break;
        } else if (this.errorCount > 0) {
          if (fail(start)) continue;
          break;
        }
        this.restore(s);
      }
      const bodyStart = this.pos;
      const body = this.parseQuery(true, Tok.EOF);
      if (body) {
        statements.push({ kind: 'body', body, loc: { start: bodyStart, end: this.s.lastEnd } });
        if (flush()) continue;
        break;
      }
      if (fail(start)) continue;
      break;
    }
    flush();
    return { statements, errors, stopOffset: failed ? stopOffset : this.toks.text.length, regoV1Import: this.regoV1 };
  }

  /** Parses a whole text as one query (OPA's ParseBody): statements must all be bodies. */
  parseQueryText(): { body?: Body; errors: RawError[] } {
    const res = this.parseStatements(false);
    const errors: RawError[] = res.errors.map(({ recovered: _r, ...e }) => e);
    if (errors.length > 0) return { errors };
    const body: Expr[] = [];
    for (const st of res.statements) {
      if (st.kind !== 'body') {
        errors.push({ message: `expected body but got ${st.kind}`, start: st.loc.start, end: st.loc.end });
        return { errors };
      }
      body.push(...st.body);
    }
    return { body, errors };
  }

  /**
   * Where to continue after a failed statement: the first later token that starts a line in
   * column 1 and can start a statement. Rule bodies are indented, so this is normally the next
   * top-level rule, even when the failed one never closed its braces (a half-typed rule then costs
   * only itself).
   */
  private resyncIndex(stmtStart: number): number {
    const { starts, count, text } = this.toks;
    for (let k = stmtStart + 1; k < count - 1; k++) {
      const lineStart = starts[k] === 0 || text.charCodeAt(starts[k] - 1) === 10;
      if (lineStart && this.startsStatement(k)) return k;
    }
    return -1;
  }

  private startsStatement(i: number): boolean {
    const k = this.kindAt(i);
    return k === Tok.Ident || k === Tok.Default || k === Tok.Package || k === Tok.Import || k === Tok.Contains;
  }

  /** `import future.keywords…` and `import rego.v1` change the keywords the scanner knows. */
  private importEffects(imp: ParsedImport): void {
    const ref = (imp.path.value as { terms: Term[] }).terms;
    const root = ref[0].value.type === 'var' ? ref[0].value.name : '';
    if (root === 'rego') {
      if (ref.length !== 2 || ref[1].value.type !== 'string' || ref[1].value.value !== 'v1') {
        this.error(imp.path.loc, `invalid import \`${termString(imp.path)}\`, must be \`rego.v1\``);
        return;
      }
      if (this.version === 'v1') return;
      if (imp.alias) {
        this.error(imp.path.loc, '`rego` imports cannot be aliased');
        return;
      }
      this.regoV1 = true;
      this.enableKeywords(KW_ALL);
    } else if (root === 'future') {
      if (ref.length === 1 || ref[1].value.type !== 'string' || ref[1].value.value !== 'keywords') {
        this.error(imp.path.loc, 'invalid import, must be `future.keywords`');
        return;
      }
      if (imp.alias) {
        this.error(imp.path.loc, '`future` imports cannot be aliased');
        return;
      }
      if (ref.length === 2) {
        this.enableKeywords(KW_ALL);
        return;
      }
      if (ref.length === 3) {
        const kw = ref[2].value;
        if (kw.type !== 'string') {
          this.error(imp.path.loc, 'invalid import, must be `future.keywords.x`, e.g. `import future.keywords.in`');
          return;
        }
        const bit = keywordBit(kw.value);
        if (bit === 0) {
          this.error(imp.path.loc, 'unexpected keyword, must be one of [contains every if in]');
          return;
        }
        // `every` brings `in` along, as in OPA's scanner.
        this.enableKeywords(kw.value === 'every' ? bit | keywordBit('in') : bit);
      }
    }
  }

  private enableKeywords(bits: number): void {
    if ((this.keywords | bits) !== this.keywords) {
      this.keywords |= bits;
      this.termCache.clear();
    }
  }
}

export type { Statement };
