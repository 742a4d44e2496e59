// Renders `data "aws_iam_policy_document"` to the `json` attribute exactly as the AWS provider
// (v5) writes it, so policies see the same document whether it was written as jsonencode(...),
// heredoc JSON or this data source.
//
// The provider's behaviour (terraform-provider-aws internal/service/iam, policy_document data
// source and policy_model.go; read for reference, not copied):
// - Merge order: `source_json` (legacy, v4: loaded as the starting document), then each of
//   `source_policy_documents` (a Sid repeated across source documents is an error), then this
//   document's own statements, then each of `override_policy_documents`, then `override_json`
//   (legacy, v4). Merging a document: a non-empty Id replaces the Id; a greater Version string
//   replaces the Version; a statement with a Sid replaces the first existing statement with that
//   Sid, otherwise it is appended. A Sid repeated among the `statement` blocks is an error.
// - Defaults: `version` "2012-10-17", statement `effect` "Allow".
// - Output is Go's json.MarshalIndent with two spaces, so <, > and & are escaped as \u003c etc.
//   Key order is the Go struct order: Version, Id, Statement; in a statement Sid, Effect, Action,
//   NotAction, Resource, NotResource, Principal, NotPrincipal, Condition. Empty fields are omitted.
// - `actions`, `not_actions`, `resources`, `not_resources` and principal `identifiers` are sets:
//   deduplicated; one element is written as a plain string, more as an array sorted in
//   *descending* byte order (the provider sorts, then reverses).
// - Principals are grouped by type (keys sorted); blocks of the same type are concatenated. A
//   single principal of type "*" with identifiers ["*"] is written as the string "*".
// - Conditions are grouped by test, then variable (both sorted); values keep their order (a
//   list, not a set), repeated test+variable pairs concatenate, and one value becomes a string.
// - `&{` in resources, principal identifiers and condition values becomes `${` (an IAM policy
//   variable); with version "2008-10-17" that sequence is an error.
// - Statements taken from source/override JSON keep their own values, except that principals and
//   conditions go through the same grouping: a Principal string becomes "*", identifier arrays
//   are sorted descending, one-element condition value arrays become strings and boolean
//   condition values become strings.
// - `principals`, `not_principals` and `condition` blocks are sets too (plugin SDK v2): their
//   order is that of the decimal text of each block's hash code, sorted as strings, where the
//   hash is CRC-32 (IEEE) of the SDK's hash serialization, e.g.
//   `identifiers:{<id>;<id>;};type:AWS;` or `test:StringLike;values:(<v>;<v>;);variable:<var>;`
//   (a string set inside is itself ordered by the hash text of `<value>;`). Identical blocks
//   collapse into one. The order matters when two blocks share a principal type (their
//   identifiers are concatenated) or a condition test and variable (values are concatenated).
// - Condition values in source JSON that are neither strings, string arrays nor booleans
//   (numbers, objects) are silently dropped by the provider, and so here.
// Palisade's choices: where the provider fails (duplicate Sid, malformed JSON) this module throws
// PolicyDocumentError and the evaluator reports it. Provider v5 rejects a non-empty `source_json`
// / `override_json`; Palisade still applies them with v4's meaning, so older configurations are
// analysed as they behaved.
import { goJson } from './functions/json';
import { compareCodePoints, formatNumber } from './functions/support';
import { Unknown, Value, ValueObject, collectRefs, containsUnknown, isObject } from './values';

interface Principal {
  type: string;
  identifiers: string | string[];
}

interface Condition {
  test: string;
  variable: string;
  values: string | string[];
}

interface Statement {
  sid: string;
  effect: string;
  /** Raw JSON values (from source documents) or decoded string sets (from blocks). */
  action?: Value;
  notAction?: Value;
  resource?: Value;
  notResource?: Value;
  principals: Principal[];
  notPrincipals: Principal[];
  conditions: Condition[];
}

interface PolicyDoc {
  version: string;
  id: string;
  statements: (Statement | null)[];
}

export class PolicyDocumentError extends Error {}

/**
 * The `json` attribute. Throws PolicyDocumentError where the provider fails (duplicate Sid,
 * malformed source JSON); returns an Unknown when any input is unknown.
 */
export function renderIamPolicyDocument(config: ValueObject, address = 'data.aws_iam_policy_document'): Value {
  return render(config, `${address}.json`, '  ');
}

/** The `minified_json` attribute (Go's json.Marshal of the same document). */
export function renderIamPolicyDocumentMinified(config: ValueObject, address = 'data.aws_iam_policy_document'): Value {
  return render(config, `${address}.minified_json`, undefined);
}

function render(config: ValueObject, expr: string, indent: string | undefined): Value {
  if (containsUnknown(config)) {
    return new Unknown(expr, [...collectRefs(config)], 'the policy document depends on values not known statically');
  }
  const merged: PolicyDoc = { version: '', id: '', statements: [] };
  const sourceJson = optionalString(config.source_json);
  if (sourceJson) Object.assign(merged, parsePolicyJson(sourceJson, 'source_json'));

  const sourceSids = new Set(merged.statements.map((s) => s?.sid ?? '').filter((s) => s !== ''));
  listOf(config.source_policy_documents).forEach((text, index) => {
    if (text === null) return;
    const doc = parsePolicyJson(stringOf(text), `source document ${index}`);
    doc.statements.forEach((s, k) => {
      if (!s || s.sid === '') return;
      if (sourceSids.has(s.sid)) {
        throw new PolicyDocumentError(
          `merging source document ${index}: duplicate Sid (${s.sid}) in source_policy_documents (statement ${k}). Remove the Sid or ensure Sids are unique.`,
        );
      }
      sourceSids.add(s.sid);
    });
    mergeInto(merged, doc);
  });

  mergeInto(merged, documentFromConfig(config));

  listOf(config.override_policy_documents).forEach((text, index) => {
    if (text !== null) mergeInto(merged, parsePolicyJson(stringOf(text), `override document ${index}`));
  });
  const overrideJson = optionalString(config.override_json);
  if (overrideJson) mergeInto(merged, parsePolicyJson(overrideJson, 'override_json'));

  return goJson(docToJson(merged), { sortKeys: false, indent });
}

// ---------------------------------------------------------------------------------------------
// Configuration blocks → statements.

function listOf(v: Value | undefined): Value[] {
  return Array.isArray(v) ? v : [];
}

function stringOf(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return String(v);
  throw new PolicyDocumentError(`expected a string, got ${v === null ? 'null' : typeof v}`);
}

function optionalString(v: Value | undefined): string {
  return v === undefined || v === null ? '' : stringOf(v);
}

/** A string set: distinct; one element as a string, more sorted descending (as the provider does). */
function decodeStringSet(v: Value | undefined): string | string[] | undefined {
  const items = [...new Set(listOf(v).filter((x) => x !== null).map(stringOf))];
  if (items.length === 0) return undefined;
  if (items.length === 1) return items[0];
  return items.sort(compareBytes).reverse();
}

/** Go sorts strings by UTF-8 bytes, which is code point order. */
const compareBytes = compareCodePoints;

function replacePolicyVars<T extends string | string[]>(v: T, version: string): T {
  const one = (s: string) => {
    if (version === '2008-10-17' && s.includes('&{')) {
      throw new PolicyDocumentError(`found &{ sequence in (${s}), which is not supported in document version 2008-10-17`);
    }
    return s.split('&{').join('${');
  };
  return (Array.isArray(v) ? v.map(one) : one(v)) as T;
}

function documentFromConfig(config: ValueObject): PolicyDoc {
  const version = optionalString(config.version) || '2012-10-17';
  const doc: PolicyDoc = { version, id: optionalString(config.policy_id), statements: [] };
  const sids = new Set<string>();
  for (const block of listOf(config.statement)) {
    if (!isObject(block)) continue;
    const sid = optionalString(block.sid);
    if (sid !== '') {
      if (sids.has(sid)) throw new PolicyDocumentError(`duplicate Sid (${sid}). Remove the Sid or ensure the Sid is unique.`);
      sids.add(sid);
    }
    const resources = decodeStringSet(block.resources);
    const notResources = decodeStringSet(block.not_resources);
    doc.statements.push({
      sid,
      effect: optionalString(block.effect) || 'Allow',
      action: decodeStringSet(block.actions),
      notAction: decodeStringSet(block.not_actions),
      resource: resources === undefined ? undefined : replacePolicyVars(resources, version),
      notResource: notResources === undefined ? undefined : replacePolicyVars(notResources, version),
      principals: principalsFromConfig(block.principals, version),
      notPrincipals: principalsFromConfig(block.not_principals, version),
      conditions: conditionsFromConfig(block.condition, version),
    });
  }
  return doc;
}

function principalsFromConfig(v: Value | undefined, version: string): Principal[] {
  const blocks = listOf(v)
    .filter(isObject)
    .map((p) => {
      const type = optionalString(p.type);
      const ids = [...new Set(listOf(p.identifiers).filter((x) => x !== null).map(stringOf))];
      const hashText = `identifiers:{${inSetOrder(ids).map((id) => id + ';').join('')}};type:${type};`;
      return { hashText, item: { type, identifiers: replacePolicyVars(decodeStringSet(ids) ?? [], version) } };
    });
  return inSdkSetOrder(blocks);
}

function conditionsFromConfig(v: Value | undefined, version: string): Condition[] {
  const blocks = listOf(v)
    .filter(isObject)
    .map((c) => {
      const test = optionalString(c.test);
      const variable = optionalString(c.variable);
      const raw = listOf(c.values).filter((x) => x !== null).map(stringOf);
      const hashText = `test:${test};values:(${raw.map((x) => x + ';').join('')});variable:${variable};`;
      const values = replacePolicyVars(raw, version);
      return { hashText, item: { test, variable, values: values.length === 1 ? values[0] : values } };
    });
  return inSdkSetOrder(blocks);
}

/** The plugin SDK's set order: by the decimal text of CRC-32 hash codes, compared as strings. */
function inSdkSetOrder<T>(entries: { hashText: string; item: T }[]): T[] {
  const byCode = new Map<string, T>();
  for (const e of entries) {
    const code = String(crc32(e.hashText));
    if (!byCode.has(code)) byCode.set(code, e.item);
  }
  return [...byCode.keys()].sort().map((k) => byCode.get(k)!);
}

/** A string set's own order (elements hash as `<value>;`). */
function inSetOrder(values: string[]): string[] {
  return inSdkSetOrder(values.map((x) => ({ hashText: x + ';', item: x })));
}

let crcTable: Uint32Array | undefined;

function crc32(text: string): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  // ASCII text is its own UTF-8: read it in place (no buffer, and an indexed loop rather than a
  // for…of, which allocates an iterator result per byte in V8's baseline tier).
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return crc32OfBytes(crcTable, Buffer.from(text, 'utf8'));
    crc = crcTable[(crc ^ c) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function crc32OfBytes(table: Uint32Array, bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Policy JSON (source and override documents) → statements, as Go's json.Unmarshal reads it
// into the provider's structs (field names match case-insensitively).

function field(o: Record<string, unknown>, name: string): unknown {
  if (name in o) return o[name];
  const lower = name.toLowerCase();
  const key = Object.keys(o).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : o[key];
}

function jsonString(v: unknown, what: string): string {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new PolicyDocumentError(`cannot unmarshal ${typeof v} into ${what} of type string`);
  return v;
}

function parsePolicyJson(text: string, what: string): PolicyDoc {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new PolicyDocumentError(`merging ${what}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (parsed === null) return { version: '', id: '', statements: [] };
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new PolicyDocumentError(`merging ${what}: policy must be a JSON object`);
  const o = parsed as Record<string, unknown>;
  const statements = field(o, 'Statement');
  if (statements !== undefined && statements !== null && !Array.isArray(statements)) {
    throw new PolicyDocumentError(`merging ${what}: cannot unmarshal ${typeof statements} into Statement of type []*iamPolicyStatement`);
  }
  return {
    version: jsonString(field(o, 'Version'), 'Version'),
    id: jsonString(field(o, 'Id'), 'Id'),
    statements: (statements ?? []).map((s: unknown) => (s === null ? null : statementFromJson(s, what))),
  };
}

function statementFromJson(s: unknown, what: string): Statement {
  if (typeof s !== 'object' || s === null || Array.isArray(s)) {
    throw new PolicyDocumentError(`merging ${what}: a statement must be a JSON object`);
  }
  const o = s as Record<string, unknown>;
  const raw = (name: string) => {
    const v = field(o, name);
    return v === undefined || v === null ? undefined : (v as Value);
  };
  return {
    sid: jsonString(field(o, 'Sid'), 'Sid'),
    effect: jsonString(field(o, 'Effect'), 'Effect'),
    action: raw('Action'),
    notAction: raw('NotAction'),
    resource: raw('Resource'),
    notResource: raw('NotResource'),
    principals: principalsFromJson(field(o, 'Principal'), what),
    notPrincipals: principalsFromJson(field(o, 'NotPrincipal'), what),
    conditions: conditionsFromJson(field(o, 'Condition'), what),
  };
}

function principalsFromJson(v: unknown, what: string): Principal[] {
  if (v === undefined) return [];
  if (typeof v === 'string') return [{ type: '*', identifiers: ['*'] }];
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new PolicyDocumentError(`merging ${what}: unsupported data type for a principal`);
  }
  return Object.entries(v as Record<string, unknown>).map(([type, ids]) => {
    if (typeof ids === 'string') return { type, identifiers: ids };
    if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) {
      throw new PolicyDocumentError(`merging ${what}: principal identifiers (type ${JSON.stringify(type)}) must be strings`);
    }
    return { type, identifiers: [...(ids as string[])].sort(compareBytes) };
  });
}

function conditionsFromJson(v: unknown, what: string): Condition[] {
  if (v === undefined || v === null) return [];
  if (typeof v !== 'object' || Array.isArray(v)) throw new PolicyDocumentError(`merging ${what}: a condition must be a JSON object`);
  const out: Condition[] = [];
  for (const [test, variables] of Object.entries(v as Record<string, unknown>)) {
    if (variables === null) continue;
    if (typeof variables !== 'object' || Array.isArray(variables)) {
      throw new PolicyDocumentError(`merging ${what}: condition ${test} must map variables to values`);
    }
    for (const [variable, values] of Object.entries(variables as Record<string, unknown>)) {
      if (typeof values === 'string') out.push({ test, variable, values: [values] });
      else if (typeof values === 'boolean') out.push({ test, variable, values: String(values) });
      else if (Array.isArray(values)) {
        if (!values.every((x) => typeof x === 'string')) {
          throw new PolicyDocumentError(`merging ${what}: condition ${test} ${variable} values must be strings`);
        }
        out.push({ test, variable, values: values as string[] });
      }
      // The provider silently drops other value types (numbers, objects).
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Merging and output.

function mergeInto(target: PolicyDoc, doc: PolicyDoc): void {
  if (doc.id !== '') target.id = doc.id;
  if (doc.version > target.version) target.version = doc.version;
  for (const s of doc.statements) {
    const sid = s?.sid ?? '';
    const at = sid === '' ? -1 : target.statements.findIndex((t) => t !== null && t.sid === sid);
    if (at >= 0) target.statements[at] = s;
    else target.statements.push(s);
  }
}

function principalsToJson(ps: Principal[]): Value | undefined {
  if (ps.length === 0) return undefined;
  if (ps.length === 1 && ps[0].type === '*') {
    const ids = ps[0].identifiers;
    if (ids === '*' || (Array.isArray(ids) && ids.length === 1 && ids[0] === '*')) return '*';
  }
  const byType = new Map<string, string | string[]>();
  for (const p of ps) {
    const have = byType.get(p.type);
    if (Array.isArray(p.identifiers)) {
      const ids = [...p.identifiers].sort(compareBytes).reverse();
      byType.set(p.type, [...(have === undefined ? [] : typeof have === 'string' ? [have] : have), ...ids]);
    } else if (have === undefined) byType.set(p.type, p.identifiers);
    else byType.set(p.type, [...(typeof have === 'string' ? [have] : have), p.identifiers]);
  }
  return sortedObject(byType);
}

function conditionsToJson(cs: Condition[]): Value | undefined {
  if (cs.length === 0) return undefined;
  const byTest = new Map<string, Map<string, string[]>>();
  for (const c of cs) {
    const vars = byTest.get(c.test) ?? new Map<string, string[]>();
    byTest.set(c.test, vars);
    vars.set(c.variable, [...(vars.get(c.variable) ?? []), ...(Array.isArray(c.values) ? c.values : [c.values])]);
  }
  const tests = new Map<string, Value>();
  for (const [test, vars] of byTest) {
    const flat = new Map<string, Value>();
    for (const [variable, values] of vars) flat.set(variable, values.length === 1 ? values[0] : values);
    tests.set(test, sortedObject(flat));
  }
  return sortedObject(tests);
}

function sortedObject(entries: Map<string, Value>): ValueObject {
  const out: ValueObject = {};
  for (const key of [...entries.keys()].sort(compareBytes)) out[key] = entries.get(key)!;
  return out;
}

/** Raw JSON values from source documents print with Go's map key order (sorted). */
function sortKeysDeep(v: Value): Value {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (isObject(v)) return sortedObject(new Map(Object.entries(v).map(([k, x]) => [k, sortKeysDeep(x)])));
  return v;
}

function statementToJson(s: Statement | null): Value {
  if (s === null) return null;
  const out: ValueObject = {};
  const put = (key: string, v: Value | undefined) => {
    if (v !== undefined) out[key] = sortKeysDeep(v);
  };
  if (s.sid !== '') out.Sid = s.sid;
  if (s.effect !== '') out.Effect = s.effect;
  put('Action', s.action);
  put('NotAction', s.notAction);
  put('Resource', s.resource);
  put('NotResource', s.notResource);
  put('Principal', principalsToJson(s.principals));
  put('NotPrincipal', principalsToJson(s.notPrincipals));
  put('Condition', conditionsToJson(s.conditions));
  return out;
}

function docToJson(doc: PolicyDoc): ValueObject {
  const out: ValueObject = {};
  if (doc.version !== '') out.Version = doc.version;
  if (doc.id !== '') out.Id = doc.id;
  if (doc.statements.length > 0) out.Statement = doc.statements.map(statementToJson);
  return out;
}
