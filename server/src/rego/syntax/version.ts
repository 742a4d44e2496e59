// Choosing Rego v0 or v1 for a module that comes without a manifest saying which (see docs/rego.md,
// "Rego versions"). The heuristic only looks at tokens, so it is cheap and never fails.
import type { RegoVersion } from './ast';
import { lex, Tok } from './lexer';

/** Tokens that can end a rule head, so a `{` right after them opens a v0 body (`p {`, `p[x] {`, `f(x) = y {`). */
const HEAD_END = new Set<Tok>([Tok.Ident, Tok.RBrack, Tok.RParen, Tok.RBrace, Tok.String, Tok.Number, Tok.True, Tok.False, Tok.Null]);

/**
 * Decides in this order:
 * 1. `import rego.v1` → v1.
 * 2. A rule body opened straight after its head at the top level, without `if`
 *    (`p { … }`, `p[x] { … }`, `f(x) = y { … }`, `else = 1 { … }`) → v0.
 * 3. Otherwise v1 (OPA 1.x's default). Modules with only `p := 1` style rules, or with
 *    `if`/`contains` and `future.keywords` imports, parse the same either way.
 */
export function detectRegoVersion(text: string): RegoVersion {
  const t = lex(text);
  let depth = 0;
  let v0Body = false;
  for (let i = 0; i < t.count; i++) {
    const k = t.kinds[i] as Tok;
    if (k === Tok.Import) {
      let path = '';
      for (let j = i + 1; j < t.count && (t.kinds[j] === Tok.Ident || t.kinds[j] === Tok.Dot); j++) path += t.text.slice(t.starts[j], t.ends[j]);
      if (path === 'rego.v1') return 'v1';
    }
    if (k === Tok.LBrace && depth === 0 && i > 0 && HEAD_END.has(t.kinds[i - 1] as Tok)) {
      // `x := {…}` / `p if {…}` put an operator or keyword before the brace; a head-ending token there is v0.
      const lineStart = t.text.charCodeAt(t.starts[i] - 1) === 10;
      if (!lineStart) v0Body = true;
    }
    if (k === Tok.LBrace || k === Tok.LBrack || k === Tok.LParen) depth++;
    else if (k === Tok.RBrace || k === Tok.RBrack || k === Tok.RParen) depth = Math.max(0, depth - 1);
  }
  return v0Body ? 'v0' : 'v1';
}
