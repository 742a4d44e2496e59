// Incremental re-evaluation of a pack over an edited unit (fix verification). A recorded evaluation
// keeps, per Rego rule, what the rule read of the input (rego value/tracked.ts: top-level keys, and
// the fields of each element of a top-level array such as `resources`) and what it returned.
// Evaluation is deterministic in what it reads, so a rule none of whose reads differ between the two
// models returns the same raw output on the edited one: that output is placed again on the new
// source map instead of running the rule. Reads are over-approximated (iteration counts as every
// field; a memoised library value counts the reads made to compute it), never missed.
import type { Model } from '../iac/model';
import { ALL_FIELDS, fromJS, type Reads, type RegoObject, type RegoValue, type TrackedObject } from '../rego';

/** What one Rego rule read and returned in a recorded evaluation (only rules that ran without errors). */
export interface RuleRecord {
  reads: Reads;
  /** Raw items of `deny` / `warn` (absent: the document was undefined). */
  outputs: { deny?: unknown[]; warn?: unknown[] };
}

export interface EvaluationRecord {
  /** The model the rules were evaluated on. */
  model: Model;
  rules: Map<string, RuleRecord>;
  /** `model` converted to a Rego value (untracked), once a rule ran: an edited model's conversion reuses its unchanged parts. */
  input?: RegoValue;
}

/** How an edited model differs from the recorded one. */
export interface ModelChange {
  /** Top-level keys whose value differs as a whole (also: an array whose length or element kinds changed). */
  keys: Set<string>;
  /** Per top-level array key, per element index, the fields that differ. */
  elements: Map<string, Map<number, Set<string>>>;
}

export function modelChange(before: Model, after: Model): ModelChange {
  const change: ModelChange = { keys: new Set(), elements: new Map() };
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key];
    const y = b[key];
    if (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every(isRecord) && y.every(isRecord)) {
      for (let i = 0; i < x.length; i++) {
        // Resources of child modules a re-scan replayed are the recorded objects themselves.
        if (x[i] === y[i]) continue;
        const fields = changedFields(x[i] as Record<string, unknown>, y[i] as Record<string, unknown>);
        if (fields.size === 0) continue;
        let byIndex = change.elements.get(key);
        if (!byIndex) change.elements.set(key, (byIndex = new Map()));
        byIndex.set(i, fields);
      }
    } else if (!(key in a) || !(key in b) || !deepEqual(x, y)) change.keys.add(key);
  }
  return change;
}

/**
 * `after` as a Rego value (what `fromJS(after)` gives), reusing the converted values of `record`
 * that the change leaves equal: unchanged top-level keys and, in changed arrays, the unchanged
 * elements and the unchanged fields of changed elements. Keys keep `after`'s order. Values that
 * are already Rego values pass through `fromJS` as they are.
 */
export function convertReusing(record: EvaluationRecord, change: ModelChange, after: Model): RegoValue {
  const before = record.input;
  if (!isRegoObject(before)) return fromJS(after);
  const model = after as unknown as Record<string, unknown>;
  const mixed: Record<string, unknown> = {};
  for (const key of Object.keys(model)) {
    const old = before.get(key);
    const changedElements = change.elements.get(key);
    if (old === undefined || change.keys.has(key)) mixed[key] = model[key];
    else if (!changedElements) mixed[key] = old;
    else mixed[key] = (model[key] as Record<string, unknown>[]).map((element, i) => {
      const fields = changedElements.get(i);
      const oldElement = (old as RegoValue[])[i];
      if (!fields) return oldElement;
      if (!isRegoObject(oldElement)) return element;
      const out: Record<string, unknown> = {};
      for (const f of Object.keys(element)) out[f] = fields.has(f) ? element[f] : oldElement.get(f);
      return out;
    });
  }
  return fromJS(mixed);
}

function isRegoObject(v: RegoValue | undefined): v is RegoObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as { kind: string }).kind === 'object';
}

function isEmptyChange(change: ModelChange): boolean {
  return change.keys.size === 0 && change.elements.size === 0;
}

/** True when a rule that made `reads` may return something else on the changed model. */
/** `reads`: a rule's recorded reads (or the same as a plain map: fields read per tracked object). */
export function readsAffected(reads: Reads | Map<TrackedObject, Set<string>>, change: ModelChange): boolean {
  if (isEmptyChange(change)) return false;
  const affects = (owner: TrackedObject, field: string) => readAffected(owner, field, change);
  if (!(reads instanceof Map)) return reads.someRead(affects);
  // forEach, not for…of: in baseline code a for…of over a Map allocates per step.
  let affected = false;
  reads.forEach((fields, owner) => fields.forEach((field) => void (affected ||= affects(owner, field))));
  return affected;
}

/** Whether reading `field` of `owner` (ALL_FIELDS: all of it) may see the change. */
function readAffected(owner: TrackedObject, field: string, change: ModelChange): boolean {
  const { key, index } = owner.place;
  // The top level: a key read, or the whole input seen.
  if (key === undefined) return field === ALL_FIELDS || change.keys.has(field);
  if (change.keys.has(key)) return true;
  const changed = index === undefined ? undefined : change.elements.get(key)?.get(index);
  return changed !== undefined && (field === ALL_FIELDS || changed.has(field));
}

/** Runs for every resource of every re-scanned unit: indexed loops over the two key lists, no merged set. */
function changedFields(x: Record<string, unknown>, y: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  const xKeys = Object.keys(x);
  for (let i = 0; i < xKeys.length; i++) {
    const f = xKeys[i];
    if (!(f in y) || !deepEqual(x[f], y[f])) out.add(f);
  }
  const yKeys = Object.keys(y);
  for (let i = 0; i < yKeys.length; i++) if (!(yKeys[i] in x)) out.add(yKeys[i]);
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && isPlain(v);
}

/**
 * Structural equality of model values as the policy input sees them (key order ignored). Only plain
 * objects and arrays are compared by content; anything else must be the same value, so a value
 * this function does not understand counts as changed.
 */
export function deepEqual(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!deepEqual(x[i], y[i])) return false;
    return true;
  }
  if (!isPlain(x) || !isPlain(y)) return false;
  const xo = x as Record<string, unknown>;
  const yo = y as Record<string, unknown>;
  const xk = Object.keys(xo);
  if (xk.length !== Object.keys(yo).length) return false;
  for (let i = 0; i < xk.length; i++) if (!(xk[i] in yo) || !deepEqual(xo[xk[i]], yo[xk[i]])) return false;
  return true;
}

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
