// How deep YAML text can nest, bounded from above without parsing it. The `yaml` package recurses
// per level: about a thousand levels overflow its stack, and V8 does not always survive that. In
// the session-13 sweep, 40 KB of `- - - …` parsed a few times in one process aborted it ("RegExpCompiler
// Allocation failed"): a language server killed by a typo. Callers refuse text past a limit
// instead. The rego layer holds the same function (rego/value/yaml-depth.ts): layers share no code.

/** The deepest nesting documents may have (yaml itself overflows near 1,000 levels); settings files use less. */
export const YAML_DOCUMENT_NESTING = 400;

/**
 * The offset where the nesting bound of `text` passes `limit`, or undefined. The bound per line is
 * the open `[`/`{` brackets, plus the indentation, plus the `- ` / `? ` indicators that start the
 * line, plus the `: ` / `? ` indicators outside brackets (each may open a level). It overestimates (quotes, comments and block scalars are not told
 * apart), so limits are far above what real files need.
 */
export function yamlTooDeep(text: string, limit: number): number | undefined {
  let brackets = 0;
  let lineStart = true;
  let levels = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      lineStart = true;
      levels = 0;
      continue;
    }
    if (lineStart) {
      // Indentation and leading indicators: `  - - ? key`.
      if (c === 0x20) levels++;
      else if ((c === 0x2d || c === 0x3f) && text.charCodeAt(i + 1) === 0x20) levels++;
      else lineStart = false;
      if (brackets + levels > limit) return i;
      if (c !== 0x20 && lineStart) i++; // an indicator's space is not indentation
    }
    if (c === 0x5b || c === 0x7b) {
      if (++brackets + levels > limit) return i;
    } else if ((c === 0x5d || c === 0x7d) && brackets > 0) brackets--;
    else if ((c === 0x3a || c === 0x3f) && brackets === 0 && !lineStart && (text.charCodeAt(i + 1) === 0x20 || text.charCodeAt(i + 1) === 0x0a)) {
      // `k: v` and `? k` in block context: one per line is a mapping, more nest (`x ? x ? … 1 : 1 : …`
      // overflowed yaml). Inside brackets (JSON, flow maps) they never nest, so they are not counted.
      if (brackets + ++levels > limit) return i;
    }
  }
  return undefined;
}
