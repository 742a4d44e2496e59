// Builtin signatures as OPA v1.5.0 declares them, for the checks: the evaluator's registry, minus
// Palisade-only extensions, plus OPA builtins Palisade does not evaluate (their calls still
// type-check in `opa check`, so they must not be reported as undefined).
import { getBuiltin, type BuiltinType } from '../builtins';

export interface Signature {
  name: string;
  args: { name: string; type: BuiltinType; description?: string }[];
  result: { name: string; type: BuiltinType; description?: string };
  variadic?: BuiltinType;
  deprecated?: boolean;
  relation?: boolean;
}

const str: BuiltinType = { kind: 'string' };
const bool: BuiltinType = { kind: 'boolean' };
const obj: BuiltinType = { kind: 'object' };
const arr: BuiltinType = { kind: 'array' };
const set: BuiltinType = { kind: 'set' };
const strOrObj: BuiltinType = { kind: 'union', of: [str, obj] };

function sig(name: string, args: [string, BuiltinType][], result: BuiltinType, extra: Partial<Signature> = {}): Signature {
  return { name, args: args.map(([n, type]) => ({ name: n, type })), result: { name: 'output', type: result }, ...extra };
}

/** OPA builtins missing from the evaluator's registry. */
const EXTRA: Signature[] = [
  sig('crypto.parse_private_keys', [['keys', str]], arr),
  sig('crypto.x509.parse_and_verify_certificates_with_options', [['certs', str], ['options', obj]], arr),
  sig('crypto.x509.parse_certificate_request', [['csr', str]], obj),
  sig('graphql.is_valid', [['query', strOrObj], ['schema', strOrObj]], bool),
  sig('graphql.parse', [['query', strOrObj], ['schema', strOrObj]], arr),
  sig('graphql.parse_and_verify', [['query', strOrObj], ['schema', strOrObj]], arr),
  sig('graphql.parse_query', [['query', str]], obj),
  sig('graphql.parse_schema', [['schema', str]], obj),
  sig('graphql.schema_is_valid', [['schema', strOrObj]], bool),
  sig('internal.template_string', [['parts', arr]], str),
  sig('internal.test_case', [['operands', arr]], bool),
  sig('json.match_schema', [['document', strOrObj], ['schema', strOrObj]], arr),
  sig('json.verify_schema', [['schema', strOrObj]], arr),
  sig('rego.parse_module', [['filename', str], ['rego', str]], obj),
  sig('set_diff', [['s1', set], ['s2', set]], set, { deprecated: true }),
  sig('strings.render_template', [['value', str], ['vars', obj]], str),
];
const extras = new Map(EXTRA.map((s) => [s.name, s]));

/** Registry builtins OPA does not have (`opa check` reports their calls as undefined). */
const NOT_IN_OPA = new Set(['array.flatten']);

/** OPA's argument/result descriptions for the operators (shown in type-error details). */
const DESCRIPTIONS: Record<string, { args?: (string | undefined)[]; result?: string }> = {
  plus: { result: 'the sum of `x` and `y`' },
  minus: { result: 'the difference of `x` and `y`' },
  mul: { result: 'the product of `x` and `y`' },
  div: { args: ['the dividend', 'the divisor'], result: 'the result of `x` divided by `y`' },
  rem: { result: 'the remainder' },
};

const described = new Map<string, Signature>();

export function lookupBuiltin(name: string): Signature | undefined {
  if (NOT_IN_OPA.has(name)) return undefined;
  const b = getBuiltin(name) ?? extras.get(name);
  const d = DESCRIPTIONS[name];
  if (!b || !d) return b;
  let s = described.get(name);
  if (!s) {
    s = {
      ...b,
      args: b.args.map((a, i) => (a.description || !d.args?.[i] ? a : { ...a, description: d.args[i] })),
      result: b.result.description || !d.result ? b.result : { ...b.result, description: d.result },
    };
    described.set(name, s);
  }
  return s;
}

export type { BuiltinType };
