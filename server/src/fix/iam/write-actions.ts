// The actions the wildcard-resource rule (PAL-AWS-IAM-050) looks for: Write, Tagging and
// Permissions-management actions that support resource-level permissions, in the services below.
// Actions that only support `"Resource": "*"` are left out, so they never trigger the rule. The
// rule's Rego table is generated from this (scripts/gen-iam-write-actions.ts) and a test keeps the
// two in step.
import { serviceActions } from './data/iam-data';

/**
 * Services whose resources a policy can practically name (ARNs built from names, or the ARN
 * attributes of the Terraform resources the configuration knows) and whose writes matter. The scope
 * fix names resources of the services in ARN_MAPPINGS (resource-arns.ts); for the others
 * (cloudformation, codebuild, codepipeline, dms, ecs, eks, elasticache, rds: added in session 23,
 * where held-out corpora missed ecs:ExecuteCommand, dms writes and codebuild:StartBuild on "*") the
 * finding has no fix. EC2, Glue, SageMaker and Auto Scaling are left out: most of their writes apply
 * to resource types with service-made IDs or are commonly scoped by tag conditions on "*" (the
 * cluster autoscaler), which the rule does not read.
 */
export const WILDCARD_RESOURCE_SERVICES = [
  'athena', 'cloudformation', 'codebuild', 'codepipeline', 'dms', 'dynamodb', 'ecr', 'ecs', 'eks', 'elasticache',
  'elasticfilesystem', 'events', 'firehose', 'iam', 'kinesis', 'kms', 'lambda', 'logs', 'rds', 's3', 'secretsmanager',
  'sns', 'sqs', 'ssm', 'states',
];

/** Lower-case action names (without the service prefix), sorted. */
export function resourceLevelWriteActions(service: string): string[] {
  return (serviceActions(service) ?? [])
    .filter((a) => a.accessLevel !== 'List' && a.accessLevel !== 'Read' && a.resourceTypes.length > 0)
    .map((a) => a.name.toLowerCase())
    .sort();
}
