// semver.is_valid and semver.compare (Semantic Versioning 2.0.0; build metadata ignored in ordering).

import { builtinError, def, n, str, T } from './support';
import type { Builtin } from './types';

const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:-((?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

interface Version {
  core: bigint[];
  pre: string[];
}

function parse(s: string): Version | undefined {
  const m = SEMVER.exec(s);
  if (!m) return undefined;
  return { core: [BigInt(m[1]), BigInt(m[2]), BigInt(m[3])], pre: m[4] ? m[4].split('.') : [] };
}

export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a.core[i] !== b.core[i]) return a.core[i] < b.core[i] ? -1 : 1;
  if (a.pre.length === 0 || b.pre.length === 0) return a.pre.length === b.pre.length ? 0 : a.pre.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
    const x = a.pre[i];
    const y = b.pre[i];
    if (x === y) continue;
    const nx = /^[0-9]+$/.test(x);
    const ny = /^[0-9]+$/.test(y);
    if (nx && ny) return BigInt(x) < BigInt(y) ? -1 : 1;
    if (nx !== ny) return nx ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return a.pre.length === b.pre.length ? 0 : a.pre.length < b.pre.length ? -1 : 1;
}

function version(v: string, pos: number): Version {
  const parsed = parse(v);
  if (!parsed) throw builtinError(`operand ${pos}: string ${JSON.stringify(v)} is not a valid SemVer`);
  return parsed;
}

export const semverBuiltins: Builtin[] = [
  def('semver.is_valid', 'semver', [['vsn', T.any]], ['result', T.boolean], 'True if the value is a valid SemVer 2.0.0 string.',
    ([v]) => typeof v === 'string' && parse(v) !== undefined),
  def('semver.compare', 'semver', [['a', T.string], ['b', T.string]], ['result', T.number],
    'Compares two SemVer strings: -1 if a < b, 0 if equal, 1 if a > b.',
    ([a, b]) => n(compareVersions(version(str(a, 1), 1), version(str(b, 2), 2)))),
];
