// The actions the wildcard-resource rule (PAL-AWS-IAM-050) looks for: Write, Tagging and
// Permissions-management actions that support resource-level permissions, in services whose
// resources the scope fix can name. Actions that only support `"Resource": "*"` are left out, so
// they never trigger the rule. The rule's Rego table is generated from this
// (scripts/gen-iam-write-actions.ts) and a test keeps the two in step.
import { serviceActions } from './data/iam-data';

/** EC2 and Glue are left out: most of their write actions apply to resource types the fix cannot name. */
export const WILDCARD_RESOURCE_SERVICES = [
  'athena', 'dynamodb', 'ecr', 'elasticfilesystem', 'events', 'firehose', 'iam', 'kinesis', 'kms', 'lambda',
  'logs', 's3', 'secretsmanager', 'sns', 'sqs', 'ssm', 'states',
];

/** Lower-case action names (without the service prefix), sorted. */
export function resourceLevelWriteActions(service: string): string[] {
  return (serviceActions(service) ?? [])
    .filter((a) => a.accessLevel !== 'List' && a.accessLevel !== 'Read' && a.resourceTypes.length > 0)
    .map((a) => a.name.toLowerCase())
    .sort();
}
