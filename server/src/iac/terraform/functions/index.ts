// The registry of Terraform's built-in functions, and the one entry point the evaluator calls.
// `try`, `can`, `templatestring` and `type` need unevaluated expressions, so the evaluator
// handles them itself. Impure and plan-time functions, and provider-defined functions
// (`provider::aws::arn_parse`), are known names whose result is always unknown.
import { Unknown, Value, collectRefs, containsUnknown } from '../values';
import { collectionFunctions } from './collections';
import { datetimeFunctions } from './datetime';
import { encodingFunctions } from './encoding';
import { filesystemFunctions } from './filesystem';
import { formatFunctions } from './format';
import { hashingFunctions } from './hashing';
import { mapFunctions } from './maps';
import { networkFunctions } from './network';
import { numericFunctions } from './numeric';
import { regexFunctions } from './regex';
import { setFunctions } from './sets';
import { stringFunctions } from './strings';
import { FunctionContext, FunctionError, FunctionSpec, FunctionTable } from './support';
import { typeconvFunctions } from './typeconv';

export { FunctionError } from './support';
export type { FunctionContext } from './support';

function alwaysUnknown(min: number, max: number, reason: string): FunctionSpec {
  return { min, max, alwaysUnknown: reason, call: () => null };
}

/** Functions whose result cannot be known before apply (or depends on the machine). */
const unknowableFunctions: FunctionTable = {
  timestamp: alwaysUnknown(0, 0, 'timestamp() is only known during apply'),
  plantimestamp: alwaysUnknown(0, 0, 'plantimestamp() is only known during plan'),
  uuid: alwaysUnknown(0, 0, 'uuid() is random'),
  bcrypt: alwaysUnknown(1, 2, 'bcrypt() uses a random salt'),
  rsadecrypt: alwaysUnknown(2, 2, 'rsadecrypt() needs a private key at plan time'),
  issensitive: alwaysUnknown(1, 1, 'sensitivity is not tracked statically'),
};

const registry: FunctionTable = Object.assign(
  Object.create(null) as FunctionTable,
  numericFunctions,
  stringFunctions,
  regexFunctions,
  formatFunctions,
  collectionFunctions,
  mapFunctions,
  setFunctions,
  encodingFunctions,
  filesystemFunctions,
  hashingFunctions,
  datetimeFunctions,
  networkFunctions,
  typeconvFunctions,
  unknowableFunctions,
);

const PROVIDER_FUNCTION = /^provider::[A-Za-z0-9_-]+::[A-Za-z0-9_-]+$/;

/** Terraform's own namespace (`core::max`) names the same built-ins. */
function lookup(name: string): FunctionSpec | undefined {
  const bare = name.startsWith('core::') ? name.slice('core::'.length) : name;
  return Object.prototype.hasOwnProperty.call(registry, bare) ? registry[bare] : undefined;
}

export function hasFunction(name: string): boolean {
  return lookup(name) !== undefined || PROVIDER_FUNCTION.test(name);
}

/** Every built-in name (for completion and hover lists). */
export function functionNames(): string[] {
  return Object.keys(registry).sort();
}

function arityError(name: string, spec: FunctionSpec, got: number): FunctionError {
  const expected =
    spec.max === Infinity ? `at least ${spec.min}` : spec.min === spec.max ? `${spec.min}` : `${spec.min} to ${spec.max}`;
  const noun = spec.max === 1 && spec.min === 1 ? 'argument' : 'arguments';
  const summary = got < spec.min ? 'Not enough function arguments' : 'Too many function arguments';
  return new FunctionError(`${summary}: function "${name}" expects ${expected} ${noun}, but got ${got}.`);
}

/**
 * Calls a function. Arity/type problems throw FunctionError (the evaluator turns it into a
 * diagnostic and an Unknown). Unless the function is unknown-aware, any argument containing an
 * Unknown yields new Unknown(ctx.callText, <union of refs>).
 */
export function callFunction(name: string, args: Value[], ctx: FunctionContext): Value {
  if (PROVIDER_FUNCTION.test(name)) {
    return new Unknown(ctx.callText, [...collectRefs(args)], `provider function ${name} runs only inside Terraform`);
  }
  const spec = lookup(name);
  if (!spec) throw new FunctionError(`Call to unknown function: there is no function named "${name}".`);
  if (args.length < spec.min || args.length > spec.max) throw arityError(name, spec, args.length);
  if (spec.alwaysUnknown) return new Unknown(ctx.callText, [...collectRefs(args)], spec.alwaysUnknown);
  if (!spec.unknownAware && args.some(containsUnknown)) {
    const refs = collectRefs(args);
    return new Unknown(ctx.callText, [...refs], firstReason(args));
  }
  try {
    return spec.call(args, ctx);
  } catch (e) {
    if (e instanceof FunctionError) throw e;
    // A library failure on odd input (e.g. a huge BigInt) is still a bad argument, never a crash.
    throw new FunctionError(`Error in function call: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function firstReason(args: Value[]): string | undefined {
  for (const a of args) {
    if (a instanceof Unknown) return a.reason;
    if (a !== null && typeof a === 'object') {
      const inner = firstReason(Array.isArray(a) ? a : Object.values(a));
      if (inner) return inner;
    }
  }
  return undefined;
}
