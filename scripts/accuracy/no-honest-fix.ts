// Findings of fixable rules in the KICS samples for which no honest fix exists, each with the
// reason. The fix check counts every other finding of a fixable rule as one that must be fixed;
// these are left out of that count, listed in the report, and fail the check if they carry a fix
// after all (rule operations or any candidate), so an entry goes when a fix appears. Each entry is
// reviewed like a rule's fixable claim: the sample must really lack what a fix would need.
export interface NoHonestFix {
  /** The sample's path ends with this (`<query folder>/test/<file>`). */
  sample: string;
  ruleId: string;
  /** 1-based line of the finding. */
  line: number;
  reason: string;
}

export const NO_HONEST_FIX: readonly NoHonestFix[] = [
  {
    sample: 'vpc_peering_route_table_with_unrestricted_cidr/test/positive4.tf',
    ruleId: 'PAL-AWS-VPC-018',
    line: 9,
    reason: 'the peering connection and both VPCs are not declared: there is no peer CIDR to route instead of 0.0.0.0/0',
  },
  // Elasticsearch 1.5 (KICS writes it out; it is also the provider's default): AWS offers
  // encryption at rest from Elasticsearch 5.1 and node-to-node encryption from 6.0, and rejects
  // either setting on an older domain, so the block a fix would add cannot be applied; the remedy
  // is an engine upgrade, a decision about the cluster a fix should not take.
  {
    sample: 'elasticsearch_not_encrypted_at_rest/test/positive.tf',
    ruleId: 'PAL-AWS-OPENSEARCH-001',
    line: 1,
    reason: 'Elasticsearch 1.5 cannot be encrypted at rest (5.1 or later): the fix is an engine upgrade',
  },
  {
    sample: 'elasticsearch_not_encrypted_at_rest/test/positive.tf',
    ruleId: 'PAL-AWS-OPENSEARCH-001',
    line: 11,
    reason: 'Elasticsearch 1.5 cannot be encrypted at rest (5.1 or later): the fix is an engine upgrade',
  },
  {
    sample: 'elasticsearch_domain_not_encrypted_node_to_node/test/positive1.tf',
    ruleId: 'PAL-AWS-OPENSEARCH-002',
    line: 1,
    reason: 'Elasticsearch 1.5 cannot encrypt node-to-node traffic (6.0 or later): the fix is an engine upgrade',
  },
  {
    sample: 'elasticsearch_domain_not_encrypted_node_to_node/test/positive2.tf',
    ruleId: 'PAL-AWS-OPENSEARCH-002',
    line: 14,
    reason: 'Elasticsearch 1.5 cannot encrypt node-to-node traffic (6.0 or later): the fix is an engine upgrade',
  },
  // API Gateway access logging (PAL-AWS-APIGATEWAY-001): a REST (or WebSocket) stage writes its
  // access logs through the CloudWatch role of the region's account settings, and UpdateStage
  // refuses them while none is set; an HTTP API needs none. These samples declare neither the
  // account settings nor the API (the v2 stage's protocol is unknown; it even names a
  // rest_api_id), so a log group and access_log_settings could not be applied.
  {
    sample: 'api_gateway_access_logging_disabled/test/positive1.tf',
    ruleId: 'PAL-AWS-APIGATEWAY-001',
    line: 1,
    reason: 'REST stage without aws_api_gateway_account.cloudwatch_role_arn in the configuration: API Gateway refuses access logging',
  },
  {
    sample: 'api_gateway_access_logging_disabled/test/positive1.tf',
    ruleId: 'PAL-AWS-APIGATEWAY-001',
    line: 15,
    reason: 'v2 stage whose API is not declared: HTTP (no role needed) or WebSocket (account role needed) cannot be told',
  },
  {
    sample: 'api_gateway_v2_stage_access_logging_settings_not_defined/test/positive.tf',
    ruleId: 'PAL-AWS-APIGATEWAY-001',
    line: 1,
    reason: 'v2 stage whose API (aws_apigatewayv2_api.example) is not declared: HTTP (no role needed) or WebSocket (account role needed) cannot be told',
  },
  // OpenSearch log publishing (PAL-AWS-OPENSEARCH-005): the fix only switches on a block the
  // author disabled, where the unit has a log resource policy letting es.amazonaws.com write to the
  // block's log group (the domain update is refused otherwise). One sample names an undeclared log
  // group and has no policy; the other has no block, so the log group would have to be invented.
  {
    sample: 'elasticsearch_logs_disabled/test/positive1.tf',
    ruleId: 'PAL-AWS-OPENSEARCH-005',
    line: 6,
    reason: 'no log resource policy lets es.amazonaws.com write to the (undeclared) log group: enabling the block is refused',
  },
  {
    sample: 'elasticsearch_logs_disabled/test/positive2.tf',
    ruleId: 'PAL-AWS-OPENSEARCH-005',
    line: 1,
    reason: 'no log_publishing_options block: the log group and its resource policy are the owner\'s to choose',
  },
  // Global Accelerator flow logs (PAL-AWS-GLOBALACCELERATOR-001): the API requires a bucket and a
  // prefix once the logs are on, and the fix only switches on a block that names both. These
  // samples name no bucket (no attributes block, or one with only flow_logs_enabled = false).
  {
    sample: 'global_accelerator_flow_logs_disabled/test/positive1.tf',
    ruleId: 'PAL-AWS-GLOBALACCELERATOR-001',
    line: 1,
    reason: 'no attributes block: the flow-log bucket is the owner\'s to choose',
  },
  {
    sample: 'global_accelerator_flow_logs_disabled/test/positive3.tf',
    ruleId: 'PAL-AWS-GLOBALACCELERATOR-001',
    line: 7,
    reason: 'no flow_logs_s3_bucket or prefix: the API refuses flow_logs_enabled = true without them',
  },
  // Log destinations (session 24, helper H6): these rules copy the destination the module's
  // other resources of the same kind already use; the samples have none to copy.
  {
    sample: 'cloudfront_logging_disabled/test/positive.tf',
    ruleId: 'PAL-AWS-CLOUDFRONT-003',
    line: 1,
    reason: "no other distribution of the sample logs: the log bucket is the owner's choice",
  },
  {
    sample: 'cloudtrail_log_files_s3_bucket_with_logging_disabled/test/positive1.tf',
    ruleId: 'PAL-AWS-CLOUDTRAIL-007',
    line: 23,
    reason: "no other bucket of the sample delivers access logs: the log bucket is the owner's choice",
  },
  {
    sample: 'cloudtrail_log_files_s3_bucket_with_logging_disabled/test/positive3.tf',
    ruleId: 'PAL-AWS-CLOUDTRAIL-007',
    line: 21,
    reason: "no other bucket of the sample delivers access logs: the log bucket is the owner's choice",
  },
  {
    sample: 'cloudwatch_logging_disabled/test/positive.tf',
    ruleId: 'PAL-AWS-ROUTE53-001',
    line: 1,
    reason: "no public zone of the sample has a query log: the log group (in us-east-1, with a resource policy) is the owner's choice",
  },
  {
    sample: 'cloudwatch_logging_disabled/test/positive.tf',
    ruleId: 'PAL-AWS-ROUTE53-001',
    line: 5,
    reason: "no public zone of the sample has a query log: the log group (in us-east-1, with a resource policy) is the owner's choice",
  },
  {
    sample: 'elb_access_logging_disabled/test/positive1.tf',
    ruleId: 'PAL-AWS-LB-005',
    line: 9,
    reason: "no other load balancer of the sample logs: the log bucket and its delivery policy are the owner's choice",
  },
  {
    sample: 'elb_access_logging_disabled/test/positive2.tf',
    ruleId: 'PAL-AWS-LB-005',
    line: 1,
    reason: "no other load balancer of the sample logs: the log bucket and its delivery policy are the owner's choice",
  },
  {
    sample: 'elb_access_logging_disabled/test/positive3.tf',
    ruleId: 'PAL-AWS-LB-005',
    line: 1,
    reason: "no other load balancer of the sample logs: the log bucket and its delivery policy are the owner's choice",
  },
  {
    sample: 'elb_access_logging_disabled/test/positive4.tf',
    ruleId: 'PAL-AWS-LB-005',
    line: 39,
    reason: "no other load balancer of the sample logs: the log bucket and its delivery policy are the owner's choice",
  },
];

export function noHonestFix(list: readonly NoHonestFix[], sample: string, ruleId: string, line: number): NoHonestFix | undefined {
  return list.find((e) => sample.endsWith(e.sample) && e.ruleId === ruleId && e.line === line);
}
