// json.verify_schema and json.match_schema: a JSON Schema (draft 4–7 core keywords) validator
// reporting errors in the shape and wording of gojsonschema, which OPA uses.

import { compare } from '../value/compare';
import { isArray, isObject, ObjectValue } from '../value/collections';
import { toJSONText } from '../value/format';
import { equal } from '../value/key';
import { BigFloat, compareNumbers } from '../value/number';
import { parseJSON } from '../value/json';
import type { RegoNumber, RegoObject, RegoValue } from '../value/types';
import { compileRegex } from './regex';
import { builtinError, def, isNumber, operandError, T } from './support';
import type { Builtin } from './types';

const TYPES = ['array', 'boolean', 'integer', 'number', 'null', 'object', 'string'];

interface SchemaError {
  type: string;
  field: string;
  desc: string;
}

/** A schema operand: an object, or JSON text. */
function schemaOperand(v: RegoValue, pos: number): RegoValue {
  if (typeof v === 'string') {
    const r = parseJSON(v);
    if (r.error !== undefined) throw builtinError(r.error);
    return r.value;
  }
  if (isObject(v) || typeof v === 'boolean') return v;
  throw operandError(pos, v, 'string', 'object');
}

/** Checks the schema itself; returns gojsonschema's message for the first problem. */
function schemaProblem(schema: RegoValue): string | undefined {
  if (typeof schema === 'boolean') return undefined;
  if (!isObject(schema)) return 'schema must be an object or a boolean';
  const type = schema.get('type');
  const types = typeof type === 'string' ? [type] : isArray(type) ? type : [];
  for (const t of types) {
    if (typeof t !== 'string' || !TYPES.includes(t)) {
      return `has a primitive type that is NOT VALID -- given: /${typeof t === 'string' ? t : toJSONText(t)}/ Expected valid values are:[${TYPES.join(' ')}]`;
    }
  }
  for (const key of ['properties', 'patternProperties', 'definitions', '$defs']) {
    const m = schema.get(key);
    if (m !== undefined && isObject(m)) for (const [, sub] of m.entries()) {
      const p = schemaProblem(sub);
      if (p) return p;
    }
  }
  for (const key of ['items', 'additionalProperties', 'not']) {
    const sub = schema.get(key);
    if (sub === undefined) continue;
    for (const s of isArray(sub) ? sub : [sub]) {
      const p = schemaProblem(s);
      if (p) return p;
    }
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema.get(key);
    if (isArray(list)) for (const s of list) {
      const p = schemaProblem(s);
      if (p) return p;
    }
  }
  const pattern = schema.get('pattern');
  if (typeof pattern === 'string' && typeof compileRegex(pattern) === 'string') return `Invalid regex pattern '${pattern}'`;
  return undefined;
}

function givenType(v: RegoValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'string';
  if (isArray(v)) return 'array';
  if (isNumber(v)) return BigFloat.fromNumber(v).isInt() ? 'integer' : 'number';
  return 'object';
}

function matchesType(v: RegoValue, t: string): boolean {
  const g = givenType(v);
  return g === t || (t === 'number' && g === 'integer');
}

const fieldOf = (path: string[]) => (path.length === 0 ? '(root)' : path.join('.'));
const num = (v: RegoNumber) => v.text;

class Validator {
  constructor(private readonly root: RegoValue) {}

  resolve(ref: string): RegoValue | undefined {
    if (ref === '#') return this.root;
    if (!ref.startsWith('#/')) return undefined;
    let cur: RegoValue | undefined = this.root;
    for (const raw of ref.slice(2).split('/')) {
      const seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      cur = cur !== undefined && isObject(cur) ? cur.get(seg) : undefined;
    }
    return cur;
  }

  validate(v: RegoValue, schema: RegoValue, path: string[], depth = 0): SchemaError[] {
    if (schema === true || depth > 100) return [];
    if (schema === false) return [{ type: 'false', field: fieldOf(path), desc: 'False always fails validation' }];
    if (!isObject(schema)) return [];
    const ref = schema.get('$ref');
    if (typeof ref === 'string') {
      const target = this.resolve(ref);
      return target === undefined ? [] : this.validate(v, target, path, depth + 1);
    }
    const errors: SchemaError[] = [];
    const err = (type: string, desc: string, field = fieldOf(path)) => errors.push({ type, field, desc });
    const type = schema.get('type');
    if (type !== undefined) {
      const types = (isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
      if (!types.some((t) => matchesType(v, t))) {
        err('invalid_type', `Invalid type. Expected: ${types.join('/')}, given: ${givenType(v)}`);
        return errors;
      }
    }
    const enumValues = schema.get('enum');
    if (isArray(enumValues) && !enumValues.some((e) => equal(e, v))) {
      err('enum', `${fieldOf(path)} must be one of the following: ${enumValues.map((e) => toJSONText(e)).join(', ')}`);
    }
    const constValue = schema.get('const');
    if (constValue !== undefined && !equal(constValue, v)) err('const', `${fieldOf(path)} does not match: ${toJSONText(constValue)}`);
    if (isNumber(v)) this.numberChecks(v, schema, err);
    if (typeof v === 'string') this.stringChecks(v, schema, err);
    if (isArray(v)) errors.push(...this.arrayChecks(v, schema, path, err, depth));
    if (isObject(v)) errors.push(...this.objectChecks(v, schema, path, err, depth));
    const allOf = schema.get('allOf');
    if (isArray(allOf)) {
      const sub = allOf.flatMap((s) => this.validate(v, s, path, depth + 1));
      if (sub.length) {
        errors.push(...sub);
        err('number_all_of', 'Must validate all the schemas (allOf)');
      }
    }
    const anyOf = schema.get('anyOf');
    if (isArray(anyOf) && !anyOf.some((s) => this.validate(v, s, path, depth + 1).length === 0)) {
      err('number_any_of', 'Must validate at least one schema (anyOf)');
    }
    const oneOf = schema.get('oneOf');
    if (isArray(oneOf) && oneOf.filter((s) => this.validate(v, s, path, depth + 1).length === 0).length !== 1) {
      err('number_one_of', 'Must validate one and only one schema (oneOf)');
    }
    const not = schema.get('not');
    if (not !== undefined && this.validate(v, not, path, depth + 1).length === 0) err('number_not', 'Must not validate the schema (not)');
    const ifSchema = schema.get('if');
    if (ifSchema !== undefined) {
      const branch = this.validate(v, ifSchema, path, depth + 1).length === 0 ? schema.get('then') : schema.get('else');
      if (branch !== undefined) errors.push(...this.validate(v, branch, path, depth + 1));
    }
    return errors;
  }

  private numberChecks(v: RegoNumber, schema: RegoObject, err: (type: string, desc: string) => void): void {
    const n = (key: string) => {
      const x = schema.get(key);
      return isNumber(x) ? x : undefined;
    };
    const min = n('minimum');
    const max = n('maximum');
    const exMin = schema.get('exclusiveMinimum');
    const exMax = schema.get('exclusiveMaximum');
    if (min && (exMin === true ? compareNumbers(v, min) <= 0 : compareNumbers(v, min) < 0)) {
      err(exMin === true ? 'number_gt' : 'number_gte', exMin === true ? `Must be greater than ${num(min)}` : `Must be greater than or equal to ${num(min)}`);
    }
    if (max && (exMax === true ? compareNumbers(v, max) >= 0 : compareNumbers(v, max) > 0)) {
      err(exMax === true ? 'number_lt' : 'number_lte', exMax === true ? `Must be less than ${num(max)}` : `Must be less than or equal to ${num(max)}`);
    }
    if (isNumber(exMin) && compareNumbers(v, exMin) <= 0) err('number_gt', `Must be greater than ${num(exMin)}`);
    if (isNumber(exMax) && compareNumbers(v, exMax) >= 0) err('number_lt', `Must be less than ${num(exMax)}`);
    const multiple = n('multipleOf');
    if (multiple && !BigFloat.fromNumber(v).quo(BigFloat.fromNumber(multiple)).isInt()) err('multiple_of', `Must be a multiple of ${num(multiple)}`);
  }

  private stringChecks(v: string, schema: RegoObject, err: (type: string, desc: string) => void): void {
    const length = [...v].length;
    const minLength = schema.get('minLength');
    const maxLength = schema.get('maxLength');
    if (isNumber(minLength) && length < minLength.float) err('string_gte', `String length must be greater than or equal to ${minLength.text}`);
    if (isNumber(maxLength) && length > maxLength.float) err('string_lte', `String length must be less than or equal to ${maxLength.text}`);
    const pattern = schema.get('pattern');
    if (typeof pattern === 'string') {
      const re = compileRegex(pattern);
      if (typeof re !== 'string' && !re.matcher(v).find()) err('pattern', `Does not match pattern '${pattern}'`);
    }
  }

  private arrayChecks(v: readonly RegoValue[], schema: RegoObject, path: string[], err: (type: string, desc: string) => void, depth: number): SchemaError[] {
    const errors: SchemaError[] = [];
    const minItems = schema.get('minItems');
    const maxItems = schema.get('maxItems');
    if (isNumber(minItems) && v.length < minItems.float) err('array_min_items', `Array must have at least ${minItems.text} items`);
    if (isNumber(maxItems) && v.length > maxItems.float) err('array_max_items', `Array must have at most ${maxItems.text} items`);
    if (schema.get('uniqueItems') === true) {
      const sorted = v.map((x, i) => ({ x, i })).sort((a, b) => compare(a.x, b.x) || a.i - b.i);
      for (let k = 1; k < sorted.length; k++) {
        if (equal(sorted[k - 1].x, sorted[k].x)) {
          err('unique', `array items[${sorted[k - 1].i},${sorted[k].i}] must be unique`);
          break;
        }
      }
    }
    const items = schema.get('items');
    if (items !== undefined) {
      v.forEach((x, i) => {
        const s = isArray(items) ? items[i] : items;
        if (s !== undefined) errors.push(...this.validate(x, s, [...path, String(i)], depth + 1));
      });
    }
    const contains = schema.get('contains');
    if (contains !== undefined && !v.some((x) => this.validate(x, contains, path, depth + 1).length === 0)) {
      err('contains', 'At least one of the items must match');
    }
    return errors;
  }

  private objectChecks(v: RegoObject, schema: RegoObject, path: string[], err: (type: string, desc: string, field?: string) => void, depth: number): SchemaError[] {
    const errors: SchemaError[] = [];
    const required = schema.get('required');
    if (isArray(required)) for (const r of required) {
      if (typeof r === 'string' && !v.has(r)) err('required', `${r} is required`);
    }
    const props = schema.get('properties');
    const patternProps = schema.get('patternProperties');
    const additional = schema.get('additionalProperties');
    for (const [k, val] of v.entries()) {
      if (typeof k !== 'string') continue;
      let matched = false;
      const sub = isObject(props) ? props.get(k) : undefined;
      if (sub !== undefined) {
        matched = true;
        errors.push(...this.validate(val, sub, [...path, k], depth + 1));
      }
      if (isObject(patternProps)) for (const [p, s] of patternProps.entries()) {
        const re = typeof p === 'string' ? compileRegex(p) : undefined;
        if (re && typeof re !== 'string' && re.matcher(k).find()) {
          matched = true;
          errors.push(...this.validate(val, s, [...path, k], depth + 1));
        }
      }
      if (!matched && additional !== undefined) {
        if (additional === false) err('additional_property_not_allowed', `Additional property ${k} is not allowed`);
        else errors.push(...this.validate(val, additional, [...path, k], depth + 1));
      }
    }
    const minProps = schema.get('minProperties');
    const maxProps = schema.get('maxProperties');
    if (isNumber(minProps) && v.size < minProps.float) err('array_min_properties', `Must have at least ${minProps.text} properties`);
    if (isNumber(maxProps) && v.size > maxProps.float) err('array_max_properties', `Must have at most ${maxProps.text} properties`);
    return errors;
  }
}

export const jsonSchemaBuiltins: Builtin[] = [
  def('json.verify_schema', 'objects', [['schema', T.union(T.string, T.object())]], ['output', T.array()],
    'Checks that a value is a valid JSON Schema: [true, null] or [false, error].',
    ([s]) => {
      let schema: RegoValue;
      try {
        schema = schemaOperand(s, 1);
      } catch (e) {
        return [false, `jsonschema: ${e instanceof Error ? e.message : String(e)}`];
      }
      const problem = schemaProblem(schema);
      return problem === undefined ? [true, null] : [false, `jsonschema: ${problem}`];
    }),
  def('json.match_schema', 'objects', [['document', T.any], ['schema', T.union(T.string, T.object())]], ['output', T.array()],
    'Validates a document (value or JSON text) against a JSON Schema: [valid, errors], each error {error, type, field, desc}.',
    ([d, s]) => {
      const schema = schemaOperand(s, 2);
      const problem = schemaProblem(schema);
      if (problem !== undefined) throw builtinError(problem);
      const doc = typeof d === 'string' ? schemaOperand(d, 1) : d;
      const errors = new Validator(schema).validate(doc, schema, []);
      return [
        errors.length === 0,
        errors.map((e) => ObjectValue.fromRecord({ error: `${e.field}: ${e.desc}`, type: e.type, field: e.field, desc: e.desc })),
      ];
    }),
];
