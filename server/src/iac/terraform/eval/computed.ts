// Objects that stand for a resource, data source or module instance. Reading an attribute that
// is not in such an object's configuration gives a "computed" Unknown instead of an error, because
// the provider fills it in at apply time (`aws_s3_bucket.logs.id`).
import { isObject, Unknown, type Value, type ValueObject } from '../values';
import { PartialJson } from './json-template';

const owners = new WeakMap<object, string>();

/**
 * Mark `obj` and its nested-block objects (objects inside its list attributes) as belonging to
 * the instance at `address`. Plain attribute values (a `tags` map) are left alone: reading a
 * missing key there is an error in Terraform too.
 */
export function markComputed(obj: ValueObject, address: string): ValueObject {
  if (owners.has(obj)) return obj;
  owners.set(obj, address);
  // for…in and an indexed loop: no copied values array and no iterator results (every instance of
  // every resource passes here).
  for (const k in obj) {
    const v = obj[k];
    if (!Array.isArray(v)) continue;
    for (let i = 0; i < v.length; i++) {
      const item = v[i];
      if (isObject(item)) markComputed(item, address);
    }
  }
  return obj;
}

/** The address owning a materialized instance object, if it is one. */
export function computedOwner(v: Value): string | undefined {
  return v !== null && typeof v === 'object' ? owners.get(v) : undefined;
}

export function computedAttribute(owner: string, attribute: string, expr: string): Unknown {
  return new Unknown(expr, [owner], `computed attribute \`${attribute}\` of ${owner}`);
}

/** An Unknown read out of an instance also depends on that instance. */
export function withRef(v: Value, owner: string | undefined): Value {
  if (!(v instanceof Unknown) || owner === undefined || v.refs.includes(owner)) return v;
  // A partially known JSON document keeps its known structure (a policy document's `json`).
  if (v instanceof PartialJson) return new PartialJson(v.expr, [...v.refs, owner], v.reason, v.document);
  return new Unknown(v.expr, [...v.refs, owner], v.reason);
}
