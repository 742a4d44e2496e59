// Variable type constraints (`type = object({ a = optional(string, "x") })`) and the conversions
// Terraform applies to a variable's value, including `optional()` attribute defaults.
import type { Expr } from '../ast';
import type { Scope } from './scope';
import { isObject, Unknown, type Value, type ValueObject } from '../values';
import { toBoolValue, toNumberValue, toStringValue, typeName } from './convert';
import { computedAttribute, computedOwner } from './computed';

export type TypeConstraint =
  | { kind: 'any' | 'string' | 'number' | 'bool' }
  | { kind: 'list' | 'set' | 'map'; element: TypeConstraint }
  | { kind: 'tuple'; elements: TypeConstraint[] }
  /** Attributes in declaration order (a repeated name keeps its first place and its last type). */
  | { kind: 'object'; attributes: ObjectAttributeType[] };

export interface ObjectAttributeType {
  name: string;
  type: TypeConstraint;
  optional: boolean;
  /** Default of `optional(T, default)`, already evaluated. */
  default?: Value;
}

const ANY: TypeConstraint = { kind: 'any' };

/** Evaluates the default argument of `optional()` (the evaluator's `evaluate`, passed in to keep this module below it). */
type EvaluateDefault = (e: Expr, scope: Scope) => Value;

/**
 * Read a type expression; `optional()` defaults are evaluated with `evalDefault` in `scope`.
 * Unrecognised shapes degrade to `any` (no conversion) rather than failing.
 */
const parsedTypes = new WeakMap<Expr, TypeConstraint>();

export function parseTypeConstraint(expr: Expr, evalDefault: EvaluateDefault, scope: Scope): TypeConstraint {
  // Type expressions are constant (optional() defaults cannot reference anything), so cache by node.
  let t = parsedTypes.get(expr);
  if (!t) parsedTypes.set(expr, (t = readTypeConstraint(expr, evalDefault, scope)));
  return t;
}

function readTypeConstraint(expr: Expr, evalDefault: EvaluateDefault, scope: Scope): TypeConstraint {
  switch (expr.kind) {
    case 'Variable':
      if (expr.name === 'string' || expr.name === 'number' || expr.name === 'bool' || expr.name === 'any') {
        return { kind: expr.name };
      }
      return ANY;
    case 'Paren':
      return readTypeConstraint(expr.expr, evalDefault, scope);
    case 'Call': {
      const name = expr.name.name;
      const arg = expr.args[0];
      if ((name === 'list' || name === 'set' || name === 'map') && arg) {
        return { kind: name, element: readTypeConstraint(arg, evalDefault, scope) };
      }
      if (name === 'tuple' && arg?.kind === 'Tuple') {
        return { kind: 'tuple', elements: arg.items.map((e) => readTypeConstraint(e, evalDefault, scope)) };
      }
      if (name === 'object' && arg?.kind === 'Object') {
        const attributes = new Map<string, ObjectAttributeType>();
        for (const item of arg.items) {
          const key = item.key.kind === 'Variable' ? item.key.name : templateKey(item.key);
          if (key === undefined) continue;
          const v = item.value;
          if (v.kind === 'Call' && v.name.name === 'optional' && v.args[0]) {
            const attr: ObjectAttributeType = { name: key, type: readTypeConstraint(v.args[0], evalDefault, scope), optional: true };
            if (v.args[1]) attr.default = evalDefault(v.args[1], scope);
            attributes.set(key, attr);
          } else attributes.set(key, { name: key, type: readTypeConstraint(v, evalDefault, scope), optional: false });
        }
        // An array: conversion walks it for every value of the type, and by index (see convert).
        return { kind: 'object', attributes: [...attributes.values()] };
      }
      return ANY;
    }
    default:
      return ANY;
  }
}

function templateKey(e: Expr): string | undefined {
  if (e.kind === 'Template' && e.parts.length === 1 && e.parts[0].kind === 'TemplateLiteral') return e.parts[0].value;
  if (e.kind === 'Template' && e.parts.length === 0) return '';
  return undefined;
}

export type ConversionResult = { ok: true; value: Value } | { ok: false; message: string };

/** Convert a value to a type constraint as Terraform does for variables (unknowns pass through). */
export function convertToType(value: Value, type: TypeConstraint, path = ''): ConversionResult {
  const out = convert(value, type);
  if (!(out instanceof ConversionFailure)) return { ok: true, value: out };
  let at = path;
  for (let i = out.steps.length - 1; i >= 0; i--) {
    const step = out.steps[i];
    at = typeof step === 'string' ? (at ? `${at}.${step}` : step) : `${at}[${step.key}]`;
  }
  return { ok: false, message: `${at ? `${at}: ` : ''}${out.what}` };
}

/**
 * Why a conversion failed. The path to the failing element is collected only while unwinding
 * (innermost step first), so the common, successful conversion builds no path strings.
 */
class ConversionFailure {
  /** Object attribute names, or `{ key }` for the text inside `[…]` (an index or a quoted map key). */
  readonly steps: (string | { key: string })[] = [];
  constructor(readonly what: string) {}
}

function mismatch(what: string, value: Value): ConversionFailure {
  return new ConversionFailure(`${what} required, got ${typeName(value)}`);
}

function convert(value: Value, type: TypeConstraint): Value | ConversionFailure {
  if (value instanceof Unknown || value === null || type.kind === 'any') return value;
  switch (type.kind) {
    case 'string': {
      const s = toStringValue(value);
      return s === undefined ? mismatch('string', value) : s;
    }
    case 'number': {
      const n = toNumberValue(value);
      return n === undefined ? mismatch('number', value) : n;
    }
    case 'bool': {
      const b = toBoolValue(value);
      return b === undefined ? mismatch('bool', value) : b;
    }
    case 'list':
    case 'set': {
      if (!Array.isArray(value)) return mismatch(type.kind, value);
      const out: Value[] = [];
      for (let i = 0; i < value.length; i++) {
        const r = convert(value[i], type.element);
        if (r instanceof ConversionFailure) return failedAt(r, { key: String(i) });
        out.push(r);
      }
      return type.kind === 'set' ? distinct(out) : out;
    }
    case 'map': {
      if (!isObject(value)) return mismatch('map', value);
      const out: ValueObject = {};
      for (const k in value) {
        if (!Object.prototype.hasOwnProperty.call(value, k)) continue;
        const r = convert(value[k], type.element);
        if (r instanceof ConversionFailure) return failedAt(r, { key: JSON.stringify(k) });
        out[k] = r;
      }
      return out;
    }
    case 'tuple': {
      if (!Array.isArray(value) || value.length !== type.elements.length) return mismatch(`tuple of ${type.elements.length}`, value);
      const out: Value[] = [];
      for (let i = 0; i < value.length; i++) {
        const r = convert(value[i], type.elements[i]);
        if (r instanceof ConversionFailure) return failedAt(r, { key: String(i) });
        out.push(r);
      }
      return out;
    }
    case 'object': {
      if (!isObject(value)) return mismatch('object', value);
      const out: ValueObject = {};
      // Indexed: a for…of allocates an iterator result per step in V8's baseline tier.
      const attributes = type.attributes;
      for (let i = 0; i < attributes.length; i++) {
        const attr = attributes[i];
        const name = attr.name;
        const given = Object.prototype.hasOwnProperty.call(value, name) ? value[name] : undefined;
        if (given === undefined || given === null) {
          if (attr.optional) {
            out[name] = attr.default === undefined ? null : convertOrKeep(attr.default, attr.type);
            continue;
          }
          if (given === undefined) {
            // A whole resource passed as an object (`sqs_build_queue = aws_sqs_queue.q` into
            // `object({ arn = string })`): the provider sets `arn` at apply, so it is unknown, not missing.
            const owner = computedOwner(value);
            if (owner !== undefined) {
              out[name] = computedAttribute(owner, name, `${owner}.${name}`);
              continue;
            }
            return new ConversionFailure(`attribute "${name}" is required`);
          }
          out[name] = null;
          continue;
        }
        const r = convert(given, attr.type);
        if (r instanceof ConversionFailure) return failedAt(r, name);
        out[name] = r;
      }
      return out;
    }
  }
}

function failedAt(failure: ConversionFailure, step: string | { key: string }): ConversionFailure {
  failure.steps.push(step);
  return failure;
}

function convertOrKeep(v: Value, t: TypeConstraint): Value {
  const r = convert(v, t);
  return r instanceof ConversionFailure ? v : r;
}

function distinct(values: Value[]): Value[] {
  const seen = new Set<string>();
  const out: Value[] = [];
  for (const v of values) {
    const key = v instanceof Unknown ? `?${out.length}` : JSON.stringify(v);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}
