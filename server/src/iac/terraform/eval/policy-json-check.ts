// A policy written as a JSON string (`policy = <<EOF … EOF`, `assume_role_policy = "{…}"`) that is
// not valid JSON: the service refuses it at apply (IAM's MalformedPolicyDocument), and the model
// keeps it as a plain string, so no rule can judge what it grants. Saying so while the author types
// is the only place the mistake shows before `terraform apply`.
import type { ValueObject } from '../values';
import type { BlockDecl } from './decls';
import { attributesOf } from './decls';
import type { ModuleEnv } from './scope';

/** Verdicts by text: every run of the unit (and every fix re-scan) meets the same strings. */
const verdicts = new Map<string, string | null>();
const MAX_VERDICTS = 256;
/** Longer texts are judged each time rather than kept (IAM documents are at most a few KB). */
const MAX_KEPT_LENGTH = 64 * 1024;

/** Reports each top-level attribute of `config` whose known string value looks like a policy but does not parse. */
export function reportMalformedPolicyJson(env: ModuleEnv, decl: BlockDecl, config: ValueObject, address: string): void {
  for (const name in config) {
    const value = config[name];
    if (typeof value !== 'string') continue;
    const error = malformedPolicyError(value);
    if (error === undefined) continue;
    const attr = attributesOf(decl.block).get(name);
    if (!attr) continue;
    env.ctx.report(decl.file.path, { start: attr.expr.start, end: attr.expr.end }, 'warning', 'tf-policy-json',
      `${address}: ${name} is not valid JSON (${error}); the service will refuse this policy, and no rule can judge what it grants`);
  }
}

/** The JSON.parse error of a string that starts like a JSON object and names `Statement`, else undefined. */
export function malformedPolicyError(text: string): string | undefined {
  const t = text.trim();
  if (!t.startsWith('{') || !t.includes('Statement')) return undefined;
  let verdict = verdicts.get(t);
  if (verdict === undefined) {
    try {
      JSON.parse(t);
      verdict = null;
    } catch (e) {
      verdict = e instanceof Error ? e.message : 'invalid JSON';
    }
    if (t.length <= MAX_KEPT_LENGTH) {
      if (verdicts.size >= MAX_VERDICTS) verdicts.delete(verdicts.keys().next().value as string);
      verdicts.set(t, verdict);
    }
  }
  return verdict ?? undefined;
}
