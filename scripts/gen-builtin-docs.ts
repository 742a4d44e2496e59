// Writes docs/rego-builtins.md from the builtin registry: `npx tsx scripts/gen-builtin-docs.ts`.
// With `--check` it exits non-zero when the committed file is stale instead of writing it.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtins, type Builtin, type BuiltinType } from '../server/src/rego/builtins';

// Runs from scripts/ (tsx) or out/scripts/ (compiled): find the repository root either way.
const ROOT = existsSync(resolve(__dirname, '..', 'package.json')) ? resolve(__dirname, '..') : resolve(__dirname, '..', '..');
export const OUTPUT = resolve(ROOT, 'docs', 'rego-builtins.md');

export function typeText(t: BuiltinType): string {
  switch (t.kind) {
    case 'array':
      return t.of ? `array[${typeText(t.of)}]` : 'array';
    case 'set':
      return t.of ? `set[${typeText(t.of)}]` : 'set';
    case 'object':
      return t.key || t.value ? `object[${typeText(t.key ?? { kind: 'any' })}: ${typeText(t.value ?? { kind: 'any' })}]` : 'object';
    case 'union':
      return t.of.map(typeText).join(' \\| ');
    default:
      return t.kind;
  }
}

function signature(b: Builtin): string {
  const args = b.args.map((a) => `${a.name}: ${typeText(a.type)}`);
  if (b.variadic) args.push(`...${typeText(b.variadic)}`);
  return `\`${b.name}(${args.join(', ')})\` → ${typeText(b.result.type)}`;
}

function flags(b: Builtin): string {
  return [b.relation && 'relation', b.nondeterministic && 'nondeterministic', b.external && 'refused (external)', b.deprecated && 'deprecated']
    .filter(Boolean)
    .join(', ');
}

const DIFFERENCES = `## Deliberate differences from OPA

- **No network or host access.** \`http.send\` and \`net.lookup_ip_addr\` are registered (so
  policies type-check and hover works) but always raise \`eval_builtin_error\` "… is disabled": Palisade
  never uses the network at run time, so there is no switch to enable them (\`http.send\` still
  validates its request object first, with OPA's type errors). \`opa.runtime\` is refused the same
  way unless the host explicitly provides runtime information (\`EvalOptions.runtime\`); Palisade
  never reads the process environment on a policy's behalf.
  \`providers.aws.sign_req\` is pure computation and is implemented.
- **Resource guards.** \`numbers.range\`/\`range_step\` refuse results over 10,000,000 elements and
  \`bits.lsh\`/\`bits.rsh\` refuse shifts over 65,536 bits, instead of exhausting memory;
  \`net.cidr_expand\` refuses networks of more than 2^20 addresses.
- **\`test.sleep\`** validates its duration and returns immediately (a language server must not block).
- **\`graph.reachable_paths\`** follows OPA's traversal (shared visited set, paths ending at
  unknown nodes), except where OPA's result depends on Go slice aliasing (one conformance case).
- **JSON Schema.** \`json.match_schema\`/\`json.verify_schema\` implement the core keywords of drafts 4–7
  (type, enum, const, numeric and string bounds, pattern, items, contains, required, properties,
  patternProperties, additionalProperties, min/maxProperties, allOf/anyOf/oneOf/not, if/then/else,
  local \`$ref\`) with gojsonschema's error types and wording; \`format\`, remote \`$ref\` and
  \`dependencies\` are not checked.
- **Errors.** Builtins always throw \`BuiltinError\` (code \`eval_type_error\` or \`eval_builtin_error\`,
  message prefixed with the builtin name as OPA prints it). The evaluator turns them into
  undefined unless strict builtin errors are on, as OPA does.
- **X.509.** \`crypto.x509.parse_certificates\` and friends return a subset of the fields Go's
  \`x509.Certificate\` marshals: \`Raw\`, \`Version\`, \`SerialNumber\`, \`Issuer\`/\`Subject\` (Country,
  Organization, OrganizationalUnit, Locality, Province, StreetAddress, PostalCode, SerialNumber,
  CommonName), \`NotBefore\`, \`NotAfter\`, \`IsCA\`, \`DNSNames\`, \`EmailAddresses\`, \`IPAddresses\`,
  \`URIs\`/\`URIStrings\`, and \`PublicKey\` as a JWK (OPA marshals the Go key struct).
  \`crypto.x509.parse_certificate_request\` returns \`Raw*\` fields, \`Version\`, \`Subject\` (with
  \`Names\`) and \`PublicKey\` (JWK).
- **Time zones** come from the runtime's ICU data (\`Intl\`); abbreviations (\`MST\` in layouts) are
  the ones ICU knows, else a numeric \`+0530\` form. Parsing a zone abbreviation other than UTC gives
  offset 0, as Go does for unknown abbreviations.
- **Error texts from other libraries** (YAML parse errors, regex syntax errors from re2js, JSON
  syntax errors) follow the same shape as Go's but are not always word for word.
- **\`strings.render_template\`** supports the common subset of Go's text/template: field and
  variable references, \`if\`/\`else if\`/\`else\`, \`range\` (with \`$i, $x :=\`), \`with\`, comments
  and trim markers; template functions and pipelines (\`|\`) are not supported.
- **GraphQL.** \`graphql.*\` reimplement gqlparser (the library OPA uses): its grammar, error
  texts, AST field names and OPA's pruning, and the spec's validation rules with gqlparser's
  messages. Suggestion lists ("Did you mean …") and the overlapping-fields rule are simplified, so
  a query with several errors may name a different first error than OPA; validity agrees.
- **\`rego.parse_module\`** returns OPA's default JSON for the module (no locations); METADATA
  annotations are not included.
- **Evaluator-provided.** \`rego.metadata.chain\` and \`rego.metadata.rule\` are registered for
  arity, hover and docs, but only the evaluator (which knows the annotations in scope) can answer
  them; called directly they raise an error.
`;

const NUMBERS = `## Numbers

Integers are exact at any size. As in OPA, \`+ - *\` on integers between -1000 and 1000 are exact
integer operations; every other arithmetic result is computed like Go's \`big.Float\` with a 64-bit
mantissa and printed with \`Text('f', -1)\` when integral (\`1e6 * 2\` → \`2000000\`) and
\`Text('g', -1)\` otherwise (\`1 / 3\` → \`0.33333333333333333334\`). Numbers read from JSON, YAML or
policy text keep the text they were written with (\`1.50\` stays \`1.50\`), and compare numerically
(\`1 == 1.0\`). Integers written with a decimal exponent above 4000 (\`1e5000\`) are kept as decimal
text rather than expanded to exact integers. \`to_number\` prints loose forms Go accepts (\`+7\`, \`.5\`)
canonically so results stay valid JSON.
`;

export function render(): string {
  const byCategory = new Map<string, Builtin[]>();
  for (const b of builtins.values()) {
    const list = byCategory.get(b.category) ?? [];
    list.push(b);
    byCategory.set(b.category, list);
  }
  const lines: string[] = [
    '# Rego builtins',
    '',
    '<!-- Generated by `npx tsx scripts/gen-builtin-docs.ts` from server/src/rego/builtins; do not edit. -->',
    '',
    `Palisade's Rego engine implements ${builtins.size} builtins (operators included: \`plus\` is \`+\`,`,
    '`internal.member_2` is `in`, …) with OPA\'s semantics and error messages. The registry is',
    '`server/src/rego/builtins/index.ts`; each family lives in its own file next to it.',
    '',
    NUMBERS,
    DIFFERENCES,
  ];
  for (const category of [...byCategory.keys()].sort()) {
    lines.push(`## ${category}`, '', '| builtin | description | notes |', '| --- | --- | --- |');
    for (const b of byCategory.get(category)!.sort((x, y) => x.name.localeCompare(y.name))) {
      lines.push(`| ${signature(b)} | ${b.description.replace(/\|/g, '\\|')} | ${flags(b)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

if (require.main === module) {
  const text = render();
  if (process.argv.includes('--check')) {
    const current = readFileSync(OUTPUT, 'utf8');
    if (current !== text) {
      console.error(`${OUTPUT} is stale; run npx tsx scripts/gen-builtin-docs.ts`);
      process.exit(1);
    }
  } else {
    writeFileSync(OUTPUT, text);
    console.log(`wrote ${OUTPUT} (${builtins.size} builtins)`);
  }
}
