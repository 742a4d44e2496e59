// AWS service authorization data for least-privilege fixes: actions with their access levels and
// the resource types they apply to, and each resource type's ARN format. Services load lazily, on
// first use, and stay cached; nothing is read at server start.
import { compactService, serviceKeys, type AccessLevelCode, type CompactService } from './iam-data-source';

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

export interface IamAction {
  service: string;
  /** As AWS writes it, e.g. `GetObject`. */
  name: string;
  accessLevel: AccessLevel;
  /** Resource type keys (`object`, `bucket`); empty = the action only supports `"Resource": "*"`. */
  resourceTypes: string[];
}

const LEVELS: Record<AccessLevelCode, AccessLevel> = { L: 'List', R: 'Read', W: 'Write', P: 'Permissions management', T: 'Tagging' };

const services = new Map<string, { actions: IamAction[]; resources: Record<string, string> } | null>();

function service(key: string): { actions: IamAction[]; resources: Record<string, string> } | undefined {
  const k = key.toLowerCase();
  if (!services.has(k)) {
    const data: CompactService | undefined = compactService(k);
    services.set(k, data ? {
      actions: data.actions.map(([name, level, resourceTypes]) => ({ service: k, name, accessLevel: LEVELS[level], resourceTypes })),
      resources: data.resources,
    } : null);
  }
  return services.get(k) ?? undefined;
}

/** Every action of a service, or undefined for an unknown service prefix. */
export function serviceActions(serviceKey: string): IamAction[] | undefined {
  return service(serviceKey)?.actions;
}

/** The ARN format of a service's resource type (`arn:${Partition}:s3:::${BucketName}`). */
export function resourceArnFormat(serviceKey: string, resourceType: string): string | undefined {
  return service(serviceKey)?.resources[resourceType];
}

/** Service prefixes known to the data. */
export function knownServices(): string[] {
  return serviceKeys();
}

/** `s3:GetObject` → its data; undefined when the service or action is unknown or it has wildcards. */
export function lookupAction(action: string): IamAction | undefined {
  const m = /^([A-Za-z0-9-]+):([A-Za-z0-9-]+)$/.exec(action);
  if (!m) return undefined;
  const name = m[2].toLowerCase();
  return serviceActions(m[1])?.find((a) => a.name.toLowerCase() === name);
}

/** An action pattern with `*` / `?` (IAM matches case-insensitively). */
export function isActionPattern(action: string): boolean {
  return action.includes('*') || action.includes('?');
}

/**
 * The actions a `service:Pattern*` matches, sorted by name; undefined when the pattern is not
 * confined to one known service (`*`, `*:Get*`), which would expand to thousands of actions.
 */
export function expandActionPattern(pattern: string): IamAction[] | undefined {
  const m = /^([A-Za-z0-9-]+):([A-Za-z0-9*?-]+)$/.exec(pattern);
  if (!m) return undefined;
  const actions = serviceActions(m[1]);
  if (!actions) return undefined;
  const re = actionPatternRegExp(m[2]);
  return actions.filter((a) => re.test(a.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** IAM's action matching: `*` any run, `?` one character, case-insensitive, the rest literal. */
export function actionPatternRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/[*?]/g, (c) => (c === '*' ? '.*' : '.'));
  return new RegExp(`^${body}$`, 'i');
}

export function actionId(a: IamAction): string {
  return `${a.service}:${a.name}`;
}
