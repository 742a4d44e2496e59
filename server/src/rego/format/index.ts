// The Rego formatter: byte-identical to `opa fmt` (OPA v1.5.0). Parses the module, derives the
// formatting switches from the output version and the imports, then prints the tree with the
// layout rules OPA applies (which follow source rows: what shared a line in the source keeps it).
//
// Pinned to 1.5.0 where later OPA releases changed the formatter (2026 fixes not in 1.5.0): a
// composite whose items share one row collapses even if a comment or a newline sits inside it
// (OPA #7565, #8557); `if <expr>` stays inline only when the body starts on the head's first row
// (#8894); the first `with` always stays on the expression's line (#8804); no blank line is
// inserted between adjacent METADATA blocks.
import type { Comment, Module, RegoError, Rule } from '../syntax/ast';
import { parseModule, type ParseModuleResult } from '../syntax';
import { computeFlags, rewriteImports } from './imports';
import { writeModule } from './rules';
import { Source } from './source';
import { FormatFailure, Writer, type FComment } from './writer';

export interface FormatOptions {
  /** Rego version of the input (default v1). */
  regoVersion?: 'v0' | 'v1';
  /**
   * Rego version of the output (default v1). v0 input is rewritten to v1 (`if`, `contains`, `:=`);
   * `outputVersion: 'v0'` keeps v0 syntax, like `opa fmt --v0-compatible`.
   */
  outputVersion?: 'v0' | 'v1';
  /** The caller's parse of `text` with `regoVersion`, reused instead of parsing again (the linter has one). */
  parsed?: ParseModuleResult;
}

export interface FormatResult {
  formatted?: string;
  errors: RegoError[];
}

export function formatModule(text: string, options: FormatOptions = {}): FormatResult {
  const regoVersion = options.regoVersion ?? 'v1';
  let parsed = options.parsed;
  try {
    parsed ??= parseModule(text, { regoVersion });
  } catch (e) {
    return { errors: [internalError(e)] };
  }
  // `opa fmt` parses without processing METADATA annotations, so their errors do not stop it.
  const commentStarts = new Set((parsed.comments ?? []).map((c) => c.loc.start));
  const errors = parsed.errors.filter((e) => !commentStarts.has(e.loc.start));
  if (!parsed.module || errors.length > 0) return { errors };
  try {
    const formatted = formatParsed(text, parsed.module, parsed.comments ?? parsed.module.comments, options.outputVersion ?? 'v1');
    return { formatted, errors: [] };
  } catch (e) {
    if (e instanceof FormatFailure) return { errors: [e.error] };
    return { errors: [internalError(e)] };
  }
}

function formatParsed(text: string, module: Module, comments: Comment[], outputVersion: 'v0' | 'v1'): string {
  const src = new Source(text);
  const outputV1 = outputVersion === 'v1';
  const w = new Writer(src, computeFlags(module, outputV1));
  placeElseHeads(w, module.rules);
  w.comments = prepareComments(src, comments);
  const imports = rewriteImports(module, outputV1, w);
  writeModule(w, module, imports);
  return squashTrailingNewlines(w.output());
}

function prepareComments(src: Source, comments: Comment[]): FComment[] {
  return comments
    .map((c) => ({ text: c.text.replace(/\s+$/u, ''), row: src.rowOf(c.loc.start), offset: c.loc.start, loc: c.loc }))
    .sort((a, b) => a.offset - b.offset);
}

/** OPA locates an else branch's head at its `else` keyword. */
function placeElseHeads(w: Writer, rules: Rule[]): void {
  for (const rule of rules) {
    let r: Rule | undefined = rule;
    while (r?.else) {
      const e: Rule = r.else;
      const at = w.src.text.indexOf('else', e.loc.start);
      if (at >= 0) w.posOverride.set(e.head, { row: w.src.rowOf(at), offset: at, text: 'else' });
      r = e;
    }
  }
}

function squashTrailingNewlines(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 10) end--;
  return end === s.length ? s : s.slice(0, end) + '\n';
}

function internalError(e: unknown): RegoError {
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'rego_format_error', message: `formatter failed: ${message}`, loc: { start: 0, end: 0 }, row: 1, col: 1 };
}
