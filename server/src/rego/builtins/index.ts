// The builtin registry: every builtin Palisade's Rego evaluator can call, by OPA name. Families live in
// their own files; this file only assembles them and gives each the name prefix OPA puts on its errors.

import type { RegoValue } from '../value/types';
import { aggregateBuiltins } from './aggregates';
import { arithmeticBuiltins } from './arithmetic';
import { arrayBuiltins } from './arrays';
import { awsBuiltins } from './aws';
import { bitsBuiltins } from './bits';
import { comparisonBuiltins } from './comparison';
import { conversionBuiltins } from './conversions';
import { cryptoBuiltins } from './crypto';
import { csrBuiltins } from './x509-csr';
import { encodingBuiltins } from './encoding';
import { globBuiltins } from './glob';
import { graphqlBuiltins } from './graphql';
import { jsonOpsBuiltins } from './jsonops';
import { jsonSchemaBuiltins } from './jsonschema';
import { jwtBuiltins } from './jwt';
import { miscBuiltins } from './misc';
import { netBuiltins } from './net';
import { objectBuiltins } from './objects';
import { regexBuiltins } from './regex';
import { regoModuleBuiltins } from './rego-parse-module';
import { globsBuiltins } from './regex-globs';
import { semverBuiltins } from './semver';
import { setBuiltins } from './sets';
import { sprintfBuiltins } from './sprintf';
import { stringBuiltins } from './strings';
import { templateBuiltins } from './template';
import { timeBuiltins } from './time';
import { unitBuiltins } from './units';
import { uuidBuiltins } from './uuid';
import type { Builtin, BuiltinContext } from './types';
import { BuiltinError } from './types';

export type { Builtin, BuiltinContext, BuiltinType } from './types';
export { BuiltinError } from './types';

const families: Builtin[][] = [
  comparisonBuiltins,
  arithmeticBuiltins,
  aggregateBuiltins,
  bitsBuiltins,
  setBuiltins,
  arrayBuiltins,
  objectBuiltins,
  jsonOpsBuiltins,
  jsonSchemaBuiltins,
  stringBuiltins,
  templateBuiltins,
  sprintfBuiltins,
  regexBuiltins,
  globsBuiltins,
  globBuiltins,
  conversionBuiltins,
  encodingBuiltins,
  timeBuiltins,
  netBuiltins,
  semverBuiltins,
  unitBuiltins,
  uuidBuiltins,
  cryptoBuiltins,
  csrBuiltins,
  jwtBuiltins,
  awsBuiltins,
  graphqlBuiltins,
  regoModuleBuiltins,
  miscBuiltins,
];

/** Wraps an implementation so every error it raises is a BuiltinError prefixed with the builtin's name. */
function withErrorPrefix(b: Builtin): Builtin {
  const impl = b.impl;
  return {
    ...b,
    impl(args: RegoValue[], ctx: BuiltinContext): RegoValue | undefined {
      try {
        return impl(args, ctx);
      } catch (e) {
        if (e instanceof BuiltinError) throw new BuiltinError(e.code, `${b.name}: ${e.message}`);
        if (e instanceof RangeError) throw new BuiltinError('eval_builtin_error', `${b.name}: ${e.message}`);
        throw e;
      }
    },
  };
}

function buildRegistry(): Map<string, Builtin> {
  const map = new Map<string, Builtin>();
  for (const family of families) {
    for (const b of family) {
      if (map.has(b.name)) throw new Error(`duplicate builtin ${b.name}`);
      map.set(b.name, withErrorPrefix(b));
    }
  }
  return map;
}

export const builtins: ReadonlyMap<string, Builtin> = buildRegistry();

export function getBuiltin(name: string): Builtin | undefined {
  return builtins.get(name);
}
