// Membership operators, graph traversal, print/trace, and the builtins that reach outside the
// process (refused: Palisade evaluates without network access).

import { sortedValues } from '../value/compare';
import { isArray, isObject, isSet, SetValue } from '../value/collections';
import { equal } from '../value/key';
import { toRegoText } from '../value/format';
import type { RegoObject, RegoValue } from '../value/types';
import { arr, builtinError, def, obj, operandError, str, T, typeError } from './support';
import { parseDuration } from './time';
import type { Builtin } from './types';

function vertices(v: RegoValue | undefined): RegoValue[] {
  if (v === undefined) return [];
  if (isArray(v)) return [...v];
  if (isSet(v)) return sortedValues(v);
  if (isObject(v)) return [...v.entries()].map(([, x]) => x);
  return [];
}

function collectionOperand(v: RegoValue, pos: number): RegoValue[] {
  if (!isArray(v) && !isSet(v)) throw operandError(pos, v, 'set', 'array');
  return vertices(v);
}

function reachable(graph: RegoObject, initial: RegoValue[]): SetValue {
  const reached = new SetValue();
  const queue = [...initial];
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (reached.has(node)) continue;
    reached.add(node);
    queue.push(...vertices(graph.get(node)));
  }
  return reached;
}

function reachablePaths(graph: RegoObject, initial: RegoValue[]): SetValue {
  const results = new SetValue();
  const build = (root: RegoValue, path: RegoValue[], reached: SetValue) => {
    const edges = graph.get(root);
    if (edges === undefined) {
      // A node missing from the graph ends the path before it.
      if (path.length > 0) results.add(path);
      return;
    }
    const current = [...path, root];
    const neighbours = vertices(edges);
    if (neighbours.length === 0) {
      results.add(current);
      return;
    }
    let paths: RegoValue[] = [];
    for (const next of neighbours) {
      if (reached.has(next)) {
        // A cycle: OPA accumulates the current path once per already-reached neighbour.
        paths = [...paths, ...current];
        results.add(paths);
      } else {
        reached.add(root);
        build(next, current, reached);
      }
    }
  };
  for (const node of initial) build(node, [], new SetValue());
  return results;
}

function printText(v: RegoValue): string {
  return typeof v === 'string' ? v : toRegoText(v);
}

/** internal.print: each operand is the set of values of one argument; prints their cross product. */
function printCrossProduct(operands: readonly RegoValue[], emit: (line: string) => void): void {
  const buf: string[] = [];
  const step = (i: number) => {
    if (i >= operands.length) {
      emit(buf.join(' '));
      return;
    }
    const values = isSet(operands[i]) ? sortedValues(operands[i] as never) : [operands[i]];
    if (values.length === 0) {
      buf[i] = '<undefined>';
      step(i + 1);
      return;
    }
    for (const x of values) {
      buf[i] = printText(x);
      step(i + 1);
    }
  };
  step(0);
}

const HTTP_SEND_KEYS = new Set([
  'method', 'url', 'body', 'enable_redirect', 'force_json_decode', 'force_yaml_decode', 'headers', 'raw_body',
  'tls_use_system_certs', 'tls_ca_cert', 'tls_ca_cert_file', 'tls_ca_cert_env_variable', 'tls_client_cert',
  'tls_client_cert_file', 'tls_client_cert_env_variable', 'tls_client_key', 'tls_client_key_file',
  'tls_client_key_env_variable', 'tls_insecure_skip_verify', 'tls_server_name', 'timeout', 'cache', 'force_cache',
  'force_cache_duration_seconds', 'raise_error', 'caching_mode', 'max_retry_attempts', 'cache_ignored_headers',
]);

/** http.send's request checks, with OPA's messages (type errors). */
function validateHttpRequest(request: RegoObject): void {
  const keys = [...request.keys()].map((k) => (typeof k === 'string' ? k : toRegoText(k)));
  const invalid = keys.filter((k) => !HTTP_SEND_KEYS.has(k)).sort();
  const quoted = (xs: string[]) => `{${xs.map((x) => JSON.stringify(x)).join(', ')}}`;
  if (invalid.length > 0) throw typeError(`invalid request parameters(s): ${quoted(invalid)}`);
  const missing = ['method', 'url'].filter((k) => !keys.includes(k));
  if (missing.length > 0) throw typeError(`missing required request parameters(s): ${quoted(missing)}`);
}

export const miscBuiltins: Builtin[] = [
  def('internal.member_2', 'operators', [['x', T.any], ['collection', T.any]], ['result', T.boolean],
    '`x in collection`: membership among the values of an array, set or object.',
    ([x, c]) => {
      if (isSet(c)) return c.has(x);
      if (isArray(c)) return c.some((y) => equal(x, y));
      if (isObject(c)) return [...c.entries()].some(([, y]) => equal(x, y));
      return false;
    }),
  def('internal.member_3', 'operators', [['key', T.any], ['value', T.any], ['collection', T.any]], ['result', T.boolean],
    '`key, value in collection`: true if collection[key] == value.',
    ([k, v, c]) => {
      if (isObject(c)) {
        const got = c.get(k);
        return got !== undefined && equal(got, v);
      }
      if (isArray(c)) {
        const i = typeof k === 'object' && k !== null && !Array.isArray(k) && (k as { kind: string }).kind === 'number' ? (k as { int?: bigint }).int : undefined;
        return i !== undefined && i >= 0n && i < BigInt(c.length) && equal(c[Number(i)], v);
      }
      if (isSet(c)) return c.has(k) && equal(k, v);
      return false;
    }),
  def('graph.reachable', 'graph', [['graph', T.object()], ['initial', T.union(T.set(), T.array())]], ['output', T.set()],
    'The set of nodes reachable from the initial nodes in a graph given as node → set/array of neighbours.',
    ([g, i]) => reachable(obj(g, 1), collectionOperand(i, 2))),
  def('graph.reachable_paths', 'graph', [['graph', T.object()], ['initial', T.union(T.set(), T.array())]], ['output', T.set(T.array())],
    'The paths from each initial node to the leaves (or back to an already visited node) of a graph.',
    ([g, i]) => reachablePaths(obj(g, 1), collectionOperand(i, 2))),
  def('internal.print', 'debugging', [['values', T.array(T.set())]], ['result', T.boolean],
    'Prints its operands (each the set of values of one print argument; empty prints <undefined>).',
    ([vs], ctx) => {
      printCrossProduct(arr(vs, 1), (line) => ctx.print(line));
      return true;
    }),
  def('print', 'debugging', [], ['result', T.boolean], 'Prints its arguments (strings as-is, other values as Rego terms) separated by spaces.',
    (args, ctx) => {
      ctx.print(args.map(printText).join(' '));
      return true;
    }, { variadic: T.any }),
  def('trace', 'debugging', [['note', T.string]], ['result', T.boolean], 'Emits a note into the evaluation trace; always true.',
    ([note], ctx) => {
      ctx.print(str(note, 1));
      return true;
    }),
  def('test.sleep', 'debugging', [['duration', T.string]], ['result', T.boolean],
    'In OPA, sleeps for a Go duration (tests only). Palisade validates the duration and returns at once, so an editor never blocks.',
    ([d]) => {
      parseDuration(str(d, 1));
      return true;
    }, { nondeterministic: true }),
  // The evaluator answers these from the annotations of the rule being evaluated (it intercepts
  // them by name); they are registered here for arity checks, hover and docs.
  def('rego.metadata.chain', 'rego', [], ['chain', T.array(T.any)],
    'The annotations (METADATA) in scope for the current rule, from the rule up through its packages.',
    () => {
      throw builtinError('answered by the evaluator from the annotations in scope');
    }),
  def('rego.metadata.rule', 'rego', [], ['output', T.any],
    'The annotations (METADATA) declared on the current rule, or {} when there are none.',
    () => {
      throw builtinError('answered by the evaluator from the annotations in scope');
    }),
  def('http.send', 'external', [['request', T.object(T.string, T.any)]], ['response', T.object()],
    'Sends an HTTP request. Disabled in Palisade: no network or host access at run time (the request object is still validated).',
    ([r]) => {
      validateHttpRequest(obj(r, 1));
      throw builtinError('http.send is disabled: Palisade evaluates policies without network or host access');
    }, { external: true, nondeterministic: true }),
  def('opa.runtime', 'external', [], ['output', T.object()],
    "OPA's runtime information (environment, config). Refused unless the host explicitly provides it: Palisade never reads the process environment on a policy's behalf.",
    (_args, ctx) => {
      if (ctx.runtime !== undefined) return ctx.runtime;
      throw builtinError('opa.runtime is disabled: Palisade evaluates policies without host access unless runtime information is explicitly provided');
    }, { external: true, nondeterministic: true }),
];

