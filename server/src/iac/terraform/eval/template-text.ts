// Rendering template text (templatefile, templatestring): the text is parsed as a template and
// evaluated with only the given variables in scope.
import type { ParsedFile } from '../ast';
import { parseTerraformTemplate } from '../parser';
import { Unknown, type Value, type ValueObject } from '../values';
import { evaluate } from './expressions';
import { PartialJson } from './json-template';
import type { Scope } from './scope';

/** Throws (caught by the caller, which reports it on the call) when the template is invalid. */
export function renderTemplateText(text: string, path: string, vars: ValueObject, caller: Scope): Value {
  const { template, diagnostics } = parseTerraformTemplate(text);
  const syntax = diagnostics.find((d) => d.severity === 'error');
  if (syntax) throw new Error(`template ${path}: ${syntax.message}`);
  const file: ParsedFile = { path, text, body: { kind: 'Body', items: [], start: 0, end: text.length }, comments: [], diagnostics };
  const ctx = caller.env.ctx;
  const before = ctx.evalErrors;
  ctx.muted++;
  let value: Value;
  try {
    value = evaluate(template, { kind: 'template', env: caller.env, file, bindings: new Map(Object.entries(vars)) });
  } finally {
    ctx.muted--;
  }
  if (ctx.evalErrors !== before) {
    ctx.evalErrors = before;
    throw new Error(`template ${path} could not be rendered with the given variables`);
  }
  if (value instanceof PartialJson) return value.relabel('<template>');
  return value instanceof Unknown ? new Unknown('<template>', value.refs, value.reason) : value;
}
