// Whether two evaluated values are the same for every purpose evaluation has: structure, key
// order, unknowns (expression text, dependencies, reason, a partial JSON document) and which
// instance an object stands for (computed.ts), so that a module given either evaluates alike.
import { Unknown, type Value } from '../values';
import { computedOwner } from './computed';
import { PartialJson } from './json-template';

export function sameValue(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b);
  if (a instanceof Unknown || b instanceof Unknown) return sameUnknown(a, b);
  if (computedOwner(a) !== computedOwner(b)) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  const keys = Object.keys(a);
  const otherKeys = Object.keys(b);
  if (keys.length !== otherKeys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== otherKeys[i] || !sameValue(a[keys[i]], b[keys[i]])) return false;
  }
  return true;
}

function sameUnknown(a: Value, b: Value): boolean {
  if (!(a instanceof Unknown) || !(b instanceof Unknown) || a.constructor !== b.constructor) return false;
  if (a.expr !== b.expr || a.reason !== b.reason || a.refs.length !== b.refs.length) return false;
  for (let i = 0; i < a.refs.length; i++) if (a.refs[i] !== b.refs[i]) return false;
  return a instanceof PartialJson ? sameValue(a.document, (b as PartialJson).document) : true;
}
